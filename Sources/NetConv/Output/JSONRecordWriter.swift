/// Writes records as a JSON array (the default, jq-friendly) or as JSON Lines.
///
/// Keys come from ``Socket/fields`` in that order; missing values are `null`. Strings are
/// escaped per RFC 8259: `"`, `\` and every control character below U+0020.
public struct JSONRecordWriter: RecordWriter {
  /// The layout of the output.
  public enum Layout: Sendable {
    /// One array, one compact record per line.
    case array
    /// One array, each record indented over several lines.
    case prettyArray
    /// JSON Lines: one compact record per line, no enclosing array.
    case lines
  }

  private let output: OutputBuffer
  private let layout: Layout
  private var count = 0

  /// Creates a writer that appends to `output`.
  public init(output: OutputBuffer, layout: Layout = .array) {
    self.output = output
    self.layout = layout
  }

  public mutating func begin() throws(OutputBuffer.OutputError) {
    if layout != .lines { output.append(UInt8(ascii: "[")) }
  }

  public mutating func write(_ socket: Socket) throws(OutputBuffer.OutputError) {
    switch layout {
    case .lines: break
    case .array, .prettyArray: output.append(count == 0 ? "\n" : ",\n")
    }
    count += 1
    let pretty = layout == .prettyArray
    output.append(pretty ? "  {" : "{")
    for (index, field) in Socket.fields.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      if pretty { output.append("\n    ") }
      Self.appendString(field.key, to: output)
      output.append(pretty ? ": " : ":")
      Self.append(field.value(socket), to: output)
    }
    output.append(pretty ? "\n  }" : "}")
    if layout == .lines { output.append(UInt8(ascii: "\n")) }
    try output.recordEnded()
  }

  public mutating func end() throws(OutputBuffer.OutputError) {
    if layout != .lines { output.append(count == 0 ? "]\n" : "\n]\n") }
    try output.flush()
  }

  static func append(_ value: FieldValue, to output: OutputBuffer) {
    switch value {
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .int(let number): output.append(String(number))
    case .string(let text): appendString(text, to: output)
    }
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` as a quoted JSON string.
  static func appendString(_ text: String, to output: OutputBuffer) {
    var text = text
    output.append(UInt8(ascii: "\""))
    text.withUTF8 { bytes in
      var runStart = 0
      for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        runStart = index + 1
        switch byte {
        case 0x22: output.append("\\\"")
        case 0x5C: output.append("\\\\")
        case 0x0A: output.append("\\n")
        case 0x0D: output.append("\\r")
        case 0x09: output.append("\\t")
        default:
          output.append("\\u00")
          output.append(hex[Int(byte >> 4)])
          output.append(hex[Int(byte & 0xF)])
        }
      }
      output.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
    output.append(UInt8(ascii: "\""))
  }
}
