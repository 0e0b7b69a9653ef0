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

  private var output: ByteBuffer
  private let layout: Layout
  private var count = 0

  /// Creates a writer that sends its output to `sink`.
  public init(sink: OutputSink, layout: Layout = .array) {
    self.output = ByteBuffer(sink: sink)
    self.layout = layout
  }

  public mutating func begin() throws(OutputSink.OutputError) {
    if layout != .lines { output.append(UInt8(ascii: "[")) }
  }

  public mutating func write(_ socket: Socket) throws(OutputSink.OutputError) {
    switch layout {
    case .lines: break
    case .array, .prettyArray: output.append(count == 0 ? "\n" : ",\n")
    }
    count += 1
    let pretty = layout == .prettyArray
    let prefixes = pretty ? Self.prettyKeyPrefixes : Self.compactKeyPrefixes
    for (index, field) in Socket.fields.enumerated() {
      prefixes[index].withUnsafeBufferPointer { output.append($0) }
      Self.append(field.value(socket), to: &output)
    }
    output.append(pretty ? "\n  }" : "}")
    if layout == .lines { output.append(UInt8(ascii: "\n")) }
    try output.recordEnded()
  }

  public mutating func end() throws(OutputSink.OutputError) {
    if layout != .lines { output.append(count == 0 ? "]\n" : "\n]\n") }
    try output.flush()
  }

  static func append(_ value: FieldValue, to output: inout ByteBuffer) {
    switch value {
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .int(let number): output.append(decimal: number)
    case .string(let text): appendString(text, to: &output)
    }
  }

  /// `{"format":`, `,"snapshot":`, … : what goes before each value, computed once.
  private static let compactKeyPrefixes: [[UInt8]] = Socket.fields.enumerated().map { index, field in
    Array(((index == 0 ? "{" : ",") + "\"\(field.key)\":").utf8)
  }

  private static let prettyKeyPrefixes: [[UInt8]] = Socket.fields.enumerated().map { index, field in
    Array(((index == 0 ? "  {" : ",") + "\n    \"\(field.key)\": ").utf8)
  }

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` as a quoted JSON string.
  static func appendString(_ text: String, to output: inout ByteBuffer) {
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
