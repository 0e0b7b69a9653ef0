/// Writes records as CSV per RFC 4180: a header row, CRLF line ends, and quotes around any
/// cell holding a comma, a quote, CR or LF (quotes inside are doubled).
///
/// Columns are ``Socket/FieldKey/allCases`` in that order — the same keys as JSON and YAML. A missing
/// value is an empty cell; booleans are `true`/`false`. Structured fields (ss `owners`,
/// `details`) are flattened into one cell by ``flatten(_:)``.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula, so by
/// default such a text cell gets a leading `'` (OWASP's CSV-injection advice). Machine
/// consumers can turn the guard off.
public struct CSVRecordWriter: RecordWriter {
  /// The separator between the values of a multi-valued field.
  public static let listSeparator = "; "

  private var output: ByteBuffer
  private let header: Bool
  private let formulaGuard: Bool

  /// Creates a writer that sends its output to `sink`.
  ///
  /// - Parameters:
  ///   - header: Write the header row first.
  ///   - formulaGuard: Prefix text cells that a spreadsheet would run as a formula with `'`.
  public init(sink: OutputSink, header: Bool = true, formulaGuard: Bool = true) {
    self.output = ByteBuffer(sink: sink)
    self.header = header
    self.formulaGuard = formulaGuard
  }

  public mutating func begin() throws(OutputSink.OutputError) {
    guard header else { return }
    for (index, field) in Socket.FieldKey.allCases.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      appendCell(field.rawValue, guarded: false)
    }
    output.append("\r\n")
  }

  public mutating func write(_ socket: Socket) throws(OutputSink.OutputError) {
    for (index, field) in Socket.FieldKey.allCases.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      switch socket.value(of: field) {
      case .null: break
      case .bool(let flag): output.append(flag ? "true" : "false")
      case .int(let number): output.append(decimal: number)
      case .string(let text): appendCell(text, guarded: formulaGuard)
      case let value: appendCell(Self.flatten(value), guarded: formulaGuard)
      }
    }
    output.append("\r\n")
    try output.recordEnded()
  }

  /// CSV has no place for an envelope; `meta` is ignored (the CLI refuses `--envelope` with CSV).
  public mutating func end(meta: FieldValue?) throws(OutputSink.OutputError) {
    try output.flush()
  }

  /// One cell for a structured value: list items joined with ``listSeparator``, object entries
  /// as `key=value` joined with spaces (ss owners: `process=sshd pid=812 fd=3; process=…`).
  public static func flatten(_ value: FieldValue) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .string(let text): return text
    case .list(let items): return items.map(flatten).joined(separator: listSeparator)
    case .object(let entries):
      return entries.filter { $0.value != .null }.map { "\($0.key)=\(flatten($0.value))" }.joined(separator: " ")
    }
  }

  private static let triggers: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
  ]

  private mutating func appendCell(_ text: String, guarded: Bool) {
    var text = text
    text.withUTF8 { bytes in
      let needsGuard = guarded && bytes.first.map(Self.triggers.contains) == true
      let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
      if needsQuotes { output.append(UInt8(ascii: "\"")) }
      if needsGuard { output.append(UInt8(ascii: "'")) }
      if needsQuotes {
        for byte in bytes {
          if byte == UInt8(ascii: "\"") { output.append(UInt8(ascii: "\"")) }
          output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
      } else {
        output.append(bytes)
      }
    }
  }
}
