// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "netconv",
  platforms: [.macOS(.v13)],
  products: [
    // The parser, the model, the JSON, JSON Lines and CSV writers and the report: pure Swift.
    .library(name: "NetConv", targets: ["NetConv"]),
    // The YAML writer (libyaml: `apt-get install libyaml-dev pkg-config`).
    .library(name: "NetConvYAML", targets: ["NetConvYAML"]),
    .executable(name: "netconv", targets: ["netconv"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // `swift package generate-documentation`: a plugin, built only when it runs.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // libyaml, the C library behind the YAML writer (`apt-get install libyaml-dev`).
    .systemLibrary(
      name: "CYaml",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // Everything netconv does but YAML: decoding, lines, detection, dialect parsers, model,
    // JSON/CSV writers, report. No C library, so it embeds anywhere.
    .target(name: "NetConv"),
    // The YAML writer over libyaml's emitter.
    .target(name: "NetConvYAML", dependencies: ["NetConv", "CYaml"]),
    // The command-line shell over the library.
    .executableTarget(
      name: "netconv",
      dependencies: [
        "NetConv", "NetConvYAML",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Turns Grammar/ into Sources/NetConv/Grammar/*.generated.swift.
    .target(name: "GrammarCodegen"),
    .executableTarget(name: "grammar-gen", dependencies: ["GrammarCodegen"]),
    // Throughput, memory and start-up against jc: `swift run -c release netconv-bench`.
    .executableTarget(name: "netconv-bench", dependencies: ["NetConv"]),
    // Invariants every input must keep, read back with real parsers: shared by the tests and
    // the fuzzer.
    .target(name: "NetConvChecks", dependencies: ["NetConv", "NetConvYAML", "CYaml"]),
    // libFuzzer target (Scripts/fuzz.sh builds it with -sanitize=fuzzer); without FUZZING it
    // is a runner that checks the files given on its command line.
    .executableTarget(name: "netconv-fuzz", dependencies: ["NetConvChecks"]),
    .testTarget(
      name: "NetConvTests", dependencies: ["NetConv", "NetConvYAML", "NetConvChecks", "GrammarCodegen", "CYaml"]),
    // Compiles the README's library example against the public API only.
    .testTarget(name: "PublicAPITests", dependencies: ["NetConv"]),
  ]
)
