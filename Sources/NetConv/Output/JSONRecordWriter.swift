/// Writes records as a JSON array (the default, jq-friendly), as JSON Lines, or inside an
/// envelope `{"records": [...], "meta": {...}}`.
///
/// Keys come from ``Socket/FieldKey/allCases`` in that order; missing values are `null`. Strings are
/// escaped per RFC 8259: `"`, `\` and every control character below U+0020.
public struct JSONRecordWriter: RecordWriter {
  /// The layout of the output.
  public enum Layout: Sendable {
    /// One array, one compact record per line.
    case array
    /// One array, each record indented over several lines.
    case prettyArray
    /// JSON Lines: one compact record per line, no enclosing array (no envelope either).
    case lines
  }

  private var output: ByteBuffer
  private let layout: Layout
  private let envelope: Bool
  private var count = 0

  /// Creates a writer that sends its output to `sink`.
  ///
  /// - Parameters:
  ///   - layout: Array, pretty array or JSON Lines.
  ///   - envelope: Wrap the array as `{"records": [...], "meta": {...}}` (ignored for JSON Lines).
  public init(sink: OutputSink, layout: Layout = .array, envelope: Bool = false) {
    self.output = ByteBuffer(sink: sink)
    self.layout = layout
    self.envelope = envelope && layout != .lines
  }

  public mutating func begin() throws(OutputSink.OutputError) {
    if envelope { output.append("{\"records\":") }
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
    prefixes.bytes.withUnsafeBufferPointer { bytes in
      for (index, field) in Socket.FieldKey.allCases.enumerated() {
        output.append(UnsafeBufferPointer(rebasing: bytes[prefixes.ranges[index]]))
        Self.append(socket.value(of: field), to: &output, indent: pretty ? 2 : nil)
      }
    }
    output.append(pretty ? "\n  }" : "}")
    if layout == .lines { output.append(UInt8(ascii: "\n")) }
    try output.recordEnded()
  }

  public mutating func end(meta: FieldValue?) throws(OutputSink.OutputError) {
    if layout != .lines { output.append(count == 0 ? "]" : "\n]") }
    if envelope {
      output.append(",\n\"meta\":")
      Self.append(meta ?? .null, to: &output, indent: layout == .prettyArray ? 0 : nil)
      output.append("}")
    }
    if layout != .lines { output.append(UInt8(ascii: "\n")) }
    try output.flush()
  }

  /// Appends a value; `indent` is the current depth when pretty-printing, `nil` for compact.
  static func append(_ value: FieldValue, to output: inout ByteBuffer, indent: Int?) {
    func newline(_ depth: Int) {
      guard indent != nil else { return }
      output.append(UInt8(ascii: "\n"))
      for _ in 0..<depth { output.append("  ") }
    }
    let depth = indent ?? 0
    switch value {
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .int(let number): output.append(decimal: number)
    case .string(let text): appendString(text, to: &output)
    case .list(let items):
      output.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        append(item, to: &output, indent: indent.map { _ in depth + 1 })
      }
      if !items.isEmpty { newline(depth) }
      output.append(UInt8(ascii: "]"))
    case .object(let entries):
      output.append(UInt8(ascii: "{"))
      for (index, entry) in entries.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        appendString(entry.key, to: &output)
        output.append(indent == nil ? ":" : ": ")
        append(entry.value, to: &output, indent: indent.map { _ in depth + 1 })
      }
      if !entries.isEmpty { newline(depth) }
      output.append(UInt8(ascii: "}"))
    }
  }

  /// `{"source":`, `,"format":`, … : what goes before each value, in one buffer computed once.
  private struct KeyPrefixes {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []

    init(first: String, next: String, separator: String) {
      for (index, field) in Socket.FieldKey.allCases.enumerated() {
        let start = bytes.count
        bytes += Array(((index == 0 ? first : next) + "\"\(field.rawValue)\"" + separator).utf8)
        ranges.append(start..<bytes.count)
      }
    }
  }

  private static let compactKeyPrefixes = KeyPrefixes(first: "{", next: ",", separator: ":")
  private static let prettyKeyPrefixes = KeyPrefixes(first: "  {\n    ", next: ",\n    ", separator: ": ")

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
