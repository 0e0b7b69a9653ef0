import Foundation
import NetConvChecks

// The libFuzzer entry point. One binary, four targets, chosen by NETCONV_FUZZ_MODE (or by
// `--mode M` when replaying files):
//   full         decoding, detection, every dialect parser and every writer, each output read
//                back by a real parser, and a second parse that must agree (Invariants.check);
//   parse        one parse with the cheap invariants: every line in one class, the counts
//                adding up, records within the schema (Invariants.checkParse) — the fast one;
//   chunks       the same records, diagnostics and counts when the bytes arrive 1, 7 or 4096
//                at a time (Invariants.checkChunking);
//   metamorphic  every PasteTransform keeps the records or says why not (Metamorphic).
// Scripts/fuzz.sh builds this with -sanitize=fuzzer,address and -DFUZZING.

/// Which invariants an input is checked against.
enum FuzzMode: String, CaseIterable {
  case full, parse, chunks, metamorphic

  /// The mode named by NETCONV_FUZZ_MODE, `full` when it is not set.
  static let current: FuzzMode = {
    guard let name = ProcessInfo.processInfo.environment["NETCONV_FUZZ_MODE"] else { return .full }
    guard let mode = FuzzMode(rawValue: name) else { fatalError("NETCONV_FUZZ_MODE must be one of \(allCases.map(\.rawValue))") }
    return mode
  }()

  /// Checks `bytes`; a small line cap keeps every input fast (the cap's own path is tested too).
  func check(_ bytes: [UInt8]) throws {
    switch self {
    case .full: try Invariants.check(bytes, maxLineLength: 4096)
    case .parse: try Invariants.checkParse(bytes, maxLineLength: 4096)
    case .chunks: try Invariants.checkChunking(bytes, maxLineLength: 4096)
    case .metamorphic:
      let original = Invariants.parse(bytes, maxLineLength: 1 << 20)
      for transform in PasteTransform.all {
        if let violation = Metamorphic.check(bytes, transform, original: original) { throw violation }
      }
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    try FuzzMode.current.check(bytes)
  } catch {
    fatalError("invariant broken (\(FuzzMode.current.rawValue)): \(error)")
  }
  return 0
}

#if FUZZING
  /// SwiftPM links an executable target's entry point as `netconv_fuzz_main`; hand control to
  /// libFuzzer's driver from there (the corresponding C function is `LLVMFuzzerRunDriver`).
  @_cdecl("netconv_fuzz_main")
  func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    typealias Callback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    typealias Driver = @convention(c) (
      UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, Callback
    ) -> CInt
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") else {
      fatalError("libFuzzer is not linked: build with -sanitize=fuzzer")
    }
    var count = argc
    var arguments = argv
    let driver = unsafeBitCast(symbol, to: Driver.self)
    return driver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
  }
#else
  /// Without libFuzzer: checks each file named on the command line (regression files, crashes,
  /// or a whole corpus): `netconv-fuzz [--mode full|parse|chunks|metamorphic] FILE...`.
  @main
  struct ReplayFindings {
    static func main() {
      var arguments = Array(CommandLine.arguments.dropFirst())
      var mode = FuzzMode.current
      if arguments.first == "--mode", arguments.count > 1 {
        guard let named = FuzzMode(rawValue: arguments[1]) else {
          print("usage: netconv-fuzz [--mode \(FuzzMode.allCases.map(\.rawValue).joined(separator: "|"))] FILE...")
          exit(64)
        }
        mode = named
        arguments.removeFirst(2)
      }
      var failures = 0
      for path in arguments {
        guard let data = FileManager.default.contents(atPath: path) else {
          print("\(path): cannot read")
          failures += 1
          continue
        }
        do {
          try mode.check([UInt8](data))
          print("\(path): ok")
        } catch {
          print("\(path): \(error)")
          failures += 1
        }
      }
      exit(failures == 0 ? 0 : 1)
    }
  }
#endif
