// A WASI command around the same interface, for runtimes that run programs (wasmkit, wasmtime):
//   wasmkit run netconv-command.wasm MODE [FLAGS] < paste.txt
// MODE and FLAGS are the numbers `netconv_run` takes; the exit status is its status. MODE
// `batch` reads many inputs at once, each framed as a 4-byte little-endian length and its
// bytes, and writes for each input and each of the modes 1–4 and 7 a frame of status, length and
// bytes: the test suite compares a whole corpus with the native build in one run.

@_extern(c, "read") func wasiRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int
@_extern(c, "write") func wasiWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int

@_cdecl("main")
public func netconvCommandMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
  var arguments: [String] = []
  for index in 1..<Int(max(argc, 1)) {
    guard let pointer = argv[index] else { continue }
    var length = 0
    while pointer[length] != 0 { length += 1 }
    arguments.append(String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self))
  }
  let input = readAll()
  if arguments.first == "batch" { return batch(input) }
  guard let mode = arguments.first.flatMap({ Int32($0) }) else {
    writeAll(Array("usage: netconv-command.wasm MODE [FLAGS] < input, or batch\n".utf8), to: 2)
    return 64
  }
  let flags = arguments.count > 1 ? Int32(arguments[1]) ?? 0 : 0
  let status = input.withUnsafeBytes { run($0.baseAddress!, Int32($0.count), mode, flags) }
  lastOutputBytes { writeAll($0, to: status == 64 ? 2 : 1) }
  return status
}

/// Every input of a framed batch through modes 1–4.
private func batch(_ input: [UInt8]) -> Int32 {
  var offset = 0
  var output: [UInt8] = []
  func put(_ value: Int) { for shift in [0, 8, 16, 24] { output.append(UInt8(truncatingIfNeeded: value >> shift)) } }
  while offset + 4 <= input.count {
    let length = Int(input[offset]) | Int(input[offset + 1]) << 8 | Int(input[offset + 2]) << 16 | Int(input[offset + 3]) << 24
    offset += 4
    guard offset + length <= input.count else { return 65 }
    let bytes = Array(input[offset..<(offset + length)])
    offset += length
    for mode: Int32 in [1, 2, 3, 4, 7] {
      let status = bytes.withUnsafeBytes { buffer in
        run(buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 16)!, Int32(buffer.count), mode, 0)
      }
      put(Int(status))
      lastOutputBytes { bytes in
        put(bytes.count)
        output += bytes
      }
    }
  }
  writeAll(output, to: 1)
  return 0
}

private func readAll() -> [UInt8] {
  var input: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { wasiRead(0, $0.baseAddress!, $0.count) }
    if count <= 0 { return input }
    input += chunk[0..<count]
  }
}

private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
  bytes.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = wasiWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}
