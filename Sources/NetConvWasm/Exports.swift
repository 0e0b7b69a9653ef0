// The WebAssembly module's interface (the ABI), built by Scripts/build-wasm.sh together with
// Sources/NetConv into one module: this file is not a SwiftPM target.
//
// The host (a browser page, Node, wasmtime, WasmKit) calls:
//   netconv_alloc(size) -> pointer       memory for the input, `size` bytes
//   netconv_run(pointer, size, mode, flags) -> status
//   netconv_output_pointer() -> pointer  the result of the last run
//   netconv_output_length() -> bytes
//   netconv_free(pointer)                frees what netconv_alloc gave
// `mode`: 1 JSON, 2 JSON Lines, 3 CSV, 4 report JSON, 5 report HTML, 6 report text,
//         7 diagnostics (as the CLI prints them on standard error, file name `-`).
// `flags`: bit 0 strict; bit 1 no CSV formula guard; bits 8–15 the dialect (0 = recognise it,
//          else 1 + its index in `Dialect.allCases`: windows-netstat, linux-netstat, ss,
//          bsd-netstat, lsof, powershell).
// The status is the CLI's exit status: 0 done, 64 a bad mode or flag, 65 no socket table (or a
// `strict` failure), 66 unreadable.
//
// The module imports one function from the host besides WASI's `random_get`:
//   netconv.decode(code_page, input, length, output, capacity) -> bytes written, or -1
// It decodes East Asian multi-byte text (code_page 932 Shift JIS, 936 GBK, 949 Korean, 950 Big5),
// which the module has no tables for, into UTF-8 at `output` (`capacity` is 3 × length + 4,
// always enough); undecodable bytes become U+FFFD. A host that cannot decode returns -1, and
// those bytes read as U+FFFD.

/// The bytes of the last run, kept until the next one.
nonisolated(unsafe) private var lastOutput: [UInt8] = []

@_cdecl("netconv_alloc")
public func netconvAlloc(_ size: Int32) -> UnsafeMutableRawPointer {
  UnsafeMutableRawPointer.allocate(byteCount: Int(max(size, 1)), alignment: 16)
}

@_cdecl("netconv_free")
public func netconvFree(_ pointer: UnsafeMutableRawPointer) {
  pointer.deallocate()
}

@_cdecl("netconv_output_pointer")
public func netconvOutputPointer() -> UnsafeRawPointer? {
  lastOutput.withUnsafeBytes { $0.baseAddress }
}

@_cdecl("netconv_output_length")
public func netconvOutputLength() -> Int32 {
  Int32(lastOutput.count)
}

@_extern(wasm, module: "netconv", name: "decode") @_extern(c)
func hostDecode(
  _ codePage: Int32, _ input: UnsafeRawPointer?, _ length: Int32, _ output: UnsafeMutableRawPointer?, _ capacity: Int32
) -> Int32

@_cdecl("netconv_run")
public func netconvRun(_ pointer: UnsafeRawPointer, _ size: Int32, _ mode: Int32, _ flags: Int32) -> Int32 {
  LegacyDecoder.hostDecoder = decodeThroughHost
  return run(pointer, size, mode, flags)
}

/// `netconv_run` without the host's decoder: the WASI command (Command.swift) uses it, so that
/// runtimes without a `netconv.decode` import can run the command.
func run(_ pointer: UnsafeRawPointer, _ size: Int32, _ mode: Int32, _ flags: Int32) -> Int32 {
  let input = [UInt8](UnsafeRawBufferPointer(start: pointer, count: Int(size)))
  let dialectNumber = Int(flags >> 8 & 0xFF)
  guard dialectNumber <= Dialect.allCases.count else { return fail("unknown dialect number \(dialectNumber)") }
  let options = ParseOptions(
    dialect: dialectNumber == 0 ? nil : Dialect.allCases[dialectNumber - 1], strict: flags & 1 != 0)
  guard let product = MemoryRun.Product(rawValue: mode) else { return fail("unknown mode \(mode)") }
  let result = MemoryRun(input: input, options: options, formulaGuard: flags & 2 == 0).make(product)
  lastOutput = result.bytes
  return result.status
}

/// Calls `body` with the bytes of the last run.
func lastOutputBytes(_ body: ([UInt8]) -> Void) {
  body(lastOutput)
}

private func fail(_ message: String) -> Int32 {
  lastOutput = Array("netconv: \(message)\n".utf8)
  return 64
}

/// Decodes a multi-byte code page through the host's `netconv.decode`.
private func decodeThroughHost(_ page: LegacyCodePage, _ bytes: UnsafeBufferPointer<UInt8>, _ output: inout [UInt8]) -> Bool {
  let capacity = bytes.count * 3 + 4
  var decoded = [UInt8](repeating: 0, count: capacity)
  let written = decoded.withUnsafeMutableBytes { target in
    hostDecode(page.number, UnsafeRawPointer(bytes.baseAddress), Int32(bytes.count), target.baseAddress, Int32(capacity))
  }
  guard written >= 0, Int(written) <= capacity else { return false }
  output.append(contentsOf: decoded[0..<Int(written)])
  return true
}
