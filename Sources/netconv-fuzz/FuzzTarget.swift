import Foundation
import NetConvChecks

// The libFuzzer entry point: feeds arbitrary bytes through decoding, detection, every dialect
// parser and every writer, and traps on any broken invariant (Invariants.check).
// Scripts/fuzz.sh builds this with -sanitize=fuzzer,address and -DFUZZING.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    // A small line cap keeps every input fast; the cap's own path is part of what is tested.
    try Invariants.check(bytes, maxLineLength: 4096)
  } catch {
    fatalError("invariant broken: \(error)")
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
  /// Without libFuzzer: checks each file named on the command line (regression files, crashes).
  @main
  struct ReplayFindings {
    static func main() {
      var failures = 0
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          print("\(path): cannot read")
          failures += 1
          continue
        }
        do {
          try Invariants.check([UInt8](data), maxLineLength: 4096)
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
