/// Writes records as CSV per RFC 4180: a header row, CRLF line ends, and quotes around any
/// cell holding a comma, a quote, CR or LF (quotes inside are doubled).
///
/// Columns are `Socket.FieldKey.allCases` in that order — the same keys as JSON and YAML. A missing
/// value is an empty cell; booleans are `true`/`false`. Structured fields (ss `owners`,
/// `details`) are flattened into one cell by ``flatten(_:)``.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a formula, so by
/// default such a text cell gets a leading `'` (OWASP's CSV-injection advice). Machine
/// consumers can turn the guard off.
public struct CSVRecordWriter: RawRecordWriter {
  /// The separator between the values of a multi-valued field.
  public static let listSeparator = "; "

  private var output: ByteBuffer
  private let header: Bool
  private let formulaGuard: Bool
  /// The cell being built for a structured field.
  private var cell: [UInt8] = []

  /// Creates a writer that sends its output to `sink`.
  ///
  /// - Parameters:
  ///   - sink: Where the output goes.
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
    try write(raw: RawSocket(socket))
  }

  package mutating func write(raw socket: RawSocket) throws(OutputSink.OutputError) {
    socket.bytes.withUnsafeBufferPointer { text in
      for (index, field) in Socket.FieldKey.ordered.enumerated() {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        switch field.shape {
        case .owners:
          guard !socket.owners.isEmpty else { continue }
          flattenOwners(socket, text)
          cell.withUnsafeBufferPointer { appendCell($0, guarded: formulaGuard) }
        case .details:
          guard !socket.details.isEmpty else { continue }
          flattenDetails(socket, text)
          cell.withUnsafeBufferPointer { appendCell($0, guarded: formulaGuard) }
        case .fieldList:
          appendCell(socket.fieldSet(field).keys.map { $0.rawValue }.joined(separator: Self.listSeparator), guarded: false)
        case .scalar, .flag:
          switch socket.scalar(field) {
          case .null: break
          case .bool(let flag): output.append(flag ? "true" : "false")
          case .int(let number): output.append(decimal: number)
          case let value: socket.withBytes(of: value, in: text) { appendCell($0, guarded: formulaGuard) }
          }
        }
      }
    }
    output.append("\r\n")
    try output.recordEnded()
  }

  /// ``flatten(_:)`` of the owners list, into ``cell``.
  private mutating func flattenOwners(_ socket: RawSocket, _ text: UnsafeBufferPointer<UInt8>) {
    cell.removeAll(keepingCapacity: true)
    for (index, owner) in socket.owners.enumerated() {
      if index > 0 { cell.append(contentsOf: Self.listSeparator.utf8) }
      var first = true
      func entry(_ key: StaticString, _ value: () -> Void) {
        if !first { cell.append(UInt8(ascii: " ")) }
        first = false
        cell.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        cell.append(UInt8(ascii: "="))
        value()
      }
      if !owner.process.isNone { entry("process") { cell.append(contentsOf: text.slice(owner.process)) } }
      if let pid = owner.pid { entry("pid") { cell.append(contentsOf: String(pid).utf8) } }
      if let fd = owner.fd { entry("fd") { cell.append(contentsOf: String(fd).utf8) } }
      if let tid = owner.tid { entry("tid") { cell.append(contentsOf: String(tid).utf8) } }
    }
  }

  /// ``flatten(_:)`` of the details object, into ``cell``: `key=value` joined with spaces.
  private mutating func flattenDetails(_ socket: RawSocket, _ text: UnsafeBufferPointer<UInt8>) {
    cell.removeAll(keepingCapacity: true)
    for (index, detail) in socket.details.enumerated() {
      if index > 0 { cell.append(UInt8(ascii: " ")) }
      cell.append(contentsOf: text.slice(detail.key))
      cell.append(UInt8(ascii: "="))
      cell.append(contentsOf: text.slice(detail.value))
    }
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

  /// `=`, `+`, `-`, `@`, tab and CR: what a spreadsheet runs as a formula at a cell's start.
  private static func isTrigger(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
      || byte == 0x09 || byte == 0x0D
  }

  private mutating func appendCell(_ text: String, guarded: Bool) {
    var text = text
    text.withUTF8 { appendCell($0, guarded: guarded) }
  }

  private mutating func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, guarded: Bool) {
    let needsGuard = guarded && bytes.first.map(Self.isTrigger) == true
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
