/// The bytes a writer has produced but not yet sent to its ``OutputSink``.
///
/// A value type owned by the writer, so appending a byte costs no reference counting or
/// runtime exclusivity check; it is handed to the sink every 64 KiB.
struct ByteBuffer {
  private(set) var bytes: [UInt8] = []
  let sink: OutputSink
  private let capacity: Int

  init(sink: OutputSink, capacity: Int = 1 << 16) {
    self.sink = sink
    self.capacity = capacity
    bytes.reserveCapacity(capacity + 4096)
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

  /// Appends the decimal digits of `value`.
  mutating func append(decimal value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      append(decimal: value == Int.min ? Int.max : -value)  // Int.min never occurs in sockets
      return
    }
    if value < 10 {
      bytes.append(UInt8(truncatingIfNeeded: value) &+ 0x30)
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { raw in
      while rest > 0 {
        raw[19 - count] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
        rest /= 10
        count += 1
      }
      bytes.append(contentsOf: raw[(20 - count)...])
    }
  }

  /// Sends the buffer to the sink when it is full; writers call this after each record.
  mutating func recordEnded() throws(OutputSink.OutputError) {
    if bytes.count >= capacity { try flush() }
  }

  /// Sends everything buffered to the sink.
  mutating func flush() throws(OutputSink.OutputError) {
    defer { bytes.removeAll(keepingCapacity: true) }
    try sink.write(bytes)
  }
}
