import Foundation
import NetConv
import Testing

/// The WebAssembly build (`Scripts/build-wasm.sh`, Embedded Swift) run under WasmKit, the
/// toolchain's WebAssembly runtime: for every fixture and corpus file its JSON, JSON Lines, CSV,
/// report JSON and diagnostics equal the native build's byte for byte, and the native in-memory
/// run equals the CLI's output.
@Suite(.serialized) struct WasmTests {
  /// The command module, built once per test run; `nil` with the reason when it cannot be.
  static let module: Result<URL, BuildFailure> = {
    let script = TestSupport.packageRoot.appendingPathComponent("Scripts/build-wasm.sh")
    guard let result = try? TestSupport.execute(URL(fileURLWithPath: "/bin/bash"), [script.path]) else {
      return .failure(BuildFailure(message: "cannot run bash"))
    }
    guard result.status == 0 else {
      return .failure(BuildFailure(message: String(decoding: result.stdout, as: UTF8.self) + result.stderr))
    }
    return .success(TestSupport.packageRoot.appendingPathComponent(".build/wasm/netconv-command.wasm"))
  }()

  struct BuildFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { "Scripts/build-wasm.sh failed (needs wasi-libc: Scripts/setup.sh installs it):\n\(message)" }
  }

  /// Every `.txt` fixture and every corpus file.
  static let inputs: [URL] = {
    let manager = FileManager.default
    var urls: [URL] = []
    for root in [TestSupport.fixtures, TestSupport.corpus] {
      guard let walker = manager.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
      for case let url as URL in walker where ["txt", "out"].contains(url.pathExtension) { urls.append(url) }
    }
    return urls.sorted { $0.path < $1.path }
  }()

  /// Numbers above 2³¹ (Linux inodes): `Int` is 32 bits on wasm32, so the module reads them as
  /// out of range (null and a warning) where the native build keeps them. Until the record's
  /// wide numbers are `Int64` inside the parser, these files differ in those values only.
  static let wideNumbers: Set<String> = ["jc/generic/ss-wide.out"]

  /// East Asian code pages need iconv, which the module does not have: it reads their bytes as
  /// U+FFFD and guesses another page, so its diagnostics differ (the records of these files
  /// hold no text in those scripts). The browser page decodes such input with `TextDecoder`.
  static let multiByteCodePages: Set<String> = [
    "Fixtures/windows-netstat/ja-nao-cp932.txt", "Fixtures/windows-netstat/ko-p-tcp-ano-cp949.txt",
    "Fixtures/windows-netstat/zh-CN-anbo-cp936.txt",
  ]

  @Test func theModuleGivesTheNativeBytesForEveryInput() throws {
    let module = try Self.module.get()
    var frames: [UInt8] = []
    var bytes: [[UInt8]] = []
    for url in Self.inputs {
      let input = try [UInt8](Data(contentsOf: url))
      bytes.append(input)
      for shift in [0, 8, 16, 24] { frames.append(UInt8(truncatingIfNeeded: input.count >> shift)) }
      frames += input
    }
    #expect(Self.inputs.count > 200)
    let (status, output) = try Self.runModule(module, ["batch"], stdin: frames)
    #expect(status == 0)
    var offset = 0
    func next() -> Int {
      defer { offset += 4 }
      guard offset + 4 <= output.count else { return -1 }
      return Int(output[offset]) | Int(output[offset + 1]) << 8 | Int(output[offset + 2]) << 16 | Int(output[offset + 3]) << 24
    }
    var compared = 0
    for (url, input) in zip(Self.inputs, bytes) {
      let name = url.path.replacingOccurrences(of: TestSupport.corpus.path + "/", with: "")
        .replacingOccurrences(of: TestSupport.fixtures.path + "/", with: "Fixtures/")
      for product in [MemoryRun.Product.json, .jsonLines, .csv, .reportJSON, .diagnostics] {
        let wasmStatus = Int32(next())
        let length = next()
        guard length >= 0, offset + length <= output.count else {
          Issue.record("the batch output ends early at \(name)")
          return
        }
        let wasmBytes = Array(output[offset..<(offset + length)])
        offset += length
        let native = MemoryRun(input: input).make(product)
        let same = native.status == wasmStatus && native.bytes == wasmBytes
        if Self.wideNumbers.contains(name) || Self.multiByteCodePages.contains(name) {
          withKnownIssue("32-bit Int on wasm32, or a multi-byte code page", isIntermittent: true) { #expect(same, "\(name) \(product)") }
        } else {
          #expect(same, "\(name) \(product): status \(native.status) vs \(wasmStatus), \(native.bytes.count) vs \(wasmBytes.count) bytes")
        }
        compared += 1
      }
    }
    #expect(compared == Self.inputs.count * 5)
  }

  /// What the page and the module make is what the CLI makes.
  @Test(arguments: ["reports/scam-anydesk.txt", "linux-netstat/tunap.txt", "powershell/default-table.txt"])
  func theInMemoryRunEqualsTheCLI(_ fixture: String) throws {
    let path = TestSupport.fixtures.appendingPathComponent(fixture).path
    let input = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let cases: [(MemoryRun.Product, [String])] = [
      (.json, [path]), (.jsonLines, ["-f", "jsonl", path]), (.csv, ["-f", "csv", path]), (.reportJSON, ["report", "--json", path]),
      (.reportText, ["report", path]),
    ]
    for (product, arguments) in cases {
      let cli = try TestSupport.run(arguments)
      let memory = MemoryRun(input: input).make(product)
      #expect(String(decoding: memory.bytes, as: UTF8.self) == cli.stdout && memory.status == cli.status, "\(fixture) \(product)")
    }
  }

  static func runModule(_ module: URL, _ arguments: [String], stdin: [UInt8]) throws -> (Int32, [UInt8]) {
    let result = try TestSupport.execute(URL(fileURLWithPath: "wasmkit"), ["run", module.path] + arguments, stdin: Data(stdin))
    return (result.status, result.stdout)
  }
}
