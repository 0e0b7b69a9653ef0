import Foundation
import NetConv
import NetConvYAML

/// The properties netconv must keep for every input, whatever its bytes: no crash, every line
/// in exactly one class, records that obey the schema, the same records on a second parse, and
/// output that real parsers read back. The fuzzer checks them on every input it makes; the
/// tests check them on every fixture and every regression file.
public enum Invariants {
  /// A broken invariant, with what was expected.
  public struct Violation: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }

  /// What one parse produced.
  public struct Parse: Equatable {
    public var records: [Socket] = []
    public var diagnostics: [Diagnostic] = []
    public var error: NetConvError?
    public var summary = ParseSummary()
  }

  /// Parses `bytes` to the end. Lines are capped at `maxLineLength` so one input stays fast.
  public static func parse(_ bytes: [UInt8], maxLineLength: Int = 1 << 20) -> Parse {
    parse(bytes, options: ParseOptions(maxLineLength: maxLineLength))
  }

  /// Parses `bytes` to the end with `options`, collecting records, diagnostics, the
  /// end-of-input error and the summary.
  public static func parse(_ bytes: [UInt8], options: ParseOptions) -> Parse {
    parse(SocketReader(bytes: bytes, options: options))
  }

  /// Reads `reader` to the end, collecting records, diagnostics, the end-of-input error and
  /// the summary.
  public static func parse(_ reader: SocketReader) -> Parse {
    var result = Parse()
    do {
      while let event = try reader.next() {
        switch event {
        case .record(let socket): result.records.append(socket)
        case .diagnostic(let diagnostic): result.diagnostics.append(diagnostic)
        }
      }
    } catch {
      result.error = error
    }
    result.summary = reader.summary
    return result
  }

  /// Checks every invariant on `bytes`.
  ///
  /// - Throws: The first ``Violation`` found.
  public static func check(_ bytes: [UInt8], maxLineLength: Int = 1 << 20) throws {
    let first = parse(bytes, maxLineLength: maxLineLength)
    try checkAccounting(first)
    for record in first.records { try checkRecord(record, lines: first.summary.lines) }
    let second = parse(bytes, maxLineLength: maxLineLength)
    guard second == first else { throw Violation("parsing the same bytes twice gave different results") }
    try checkWriters(first.records)
    try checkConversion(bytes, records: first.records, maxLineLength: maxLineLength)
  }

  /// The bytes the CLI writes for `bytes` in `format`: ``Conversion/run(_:source:into:keepingDiagnostics:onDiagnostic:)``
  /// with netconv's writer, which reads the parsed records' bytes directly.
  public static func convert(
    _ bytes: [UInt8], _ format: OutputFormat, options: ParseOptions = ParseOptions(),
    settings: OutputFormat.Settings = .init()
  ) throws -> [UInt8] {
    let sink = OutputSink()
    var writer = format.writer(sink: sink, settings: settings)
    try writer.begin()
    _ = try Conversion.run(SocketReader(bytes: bytes, options: options), source: nil, into: &writer)
    try writer.end()
    return sink.collected
  }

  /// The CLI's path (parsed bytes straight to the writer) writes exactly what writing the
  /// parsed ``Socket`` values writes, in every format: the checks on the second path hold for
  /// the first.
  static func checkConversion(_ bytes: [UInt8], records: [Socket], maxLineLength: Int) throws {
    let options = ParseOptions(maxLineLength: maxLineLength)
    for format in OutputFormat.allCases {
      let direct: [UInt8]
      let throughSockets: [UInt8]
      do {
        direct = try convert(bytes, format, options: options)
        let sink = OutputSink()
        var writer = format.writer(sink: sink)
        try writer.begin()
        for record in records { try writer.write(record) }
        try writer.end()
        throughSockets = sink.collected
      } catch {
        throw Violation("\(format.rawValue) conversion failed: \(error)")
      }
      guard direct == throughSockets else {
        throw Violation("\(format.rawValue): the CLI's path writes other bytes than writing the parsed records")
      }
    }
  }

  /// The invariants one parse can check, for the fast fuzz target: every line in one class,
  /// the counts adding up, and every record within the schema.
  ///
  /// - Throws: The first ``Violation`` found.
  public static func checkParse(_ bytes: [UInt8], maxLineLength: Int = 1 << 20) throws {
    let result = parse(bytes, maxLineLength: maxLineLength)
    try checkAccounting(result)
    for record in result.records { try checkRecord(record, lines: result.summary.lines) }
  }

  /// The chunk sizes ``checkChunking(_:maxLineLength:)`` feeds the input in.
  public static let chunkSizes = [1, 7, 4096]

  /// The records, diagnostics and counts do not depend on how the input arrives: fed 1, 7 and
  /// 4096 bytes at a time, it reads the same as in one piece.
  ///
  /// - Throws: A ``Violation`` naming the chunk size that read differently.
  public static func checkChunking(_ bytes: [UInt8], maxLineLength: Int = 1 << 20) throws {
    let options = ParseOptions(maxLineLength: maxLineLength)
    let whole = parse(SocketReader(source: MemoryByteSource(bytes, chunkSize: max(1, bytes.count)), options: options))
    for size in chunkSizes {
      let pieces = parse(SocketReader(source: MemoryByteSource(bytes, chunkSize: size), options: options))
      guard pieces == whole else {
        let what =
          pieces.records != whole.records
          ? difference(pieces.records, whole.records)
          : pieces.diagnostics != whole.diagnostics ? "diagnostics differ" : "error or counts differ"
        throw Violation("fed \(size) bytes at a time, the input reads differently: \(what)")
      }
    }
  }

  /// Every line has exactly one class, and the counts add up.
  static func checkAccounting(_ parse: Parse) throws {
    let summary = parse.summary
    let total = LineClass.allCases.reduce(0) { $0 + summary.count($1) }
    guard total == summary.lines else {
      throw Violation("line classes add up to \(total), but \(summary.lines) lines were read")
    }
    guard summary.records == parse.records.count else {
      throw Violation("summary counts \(summary.records) records, the reader handed out \(parse.records.count)")
    }
    for diagnostic in parse.diagnostics {
      if let line = diagnostic.line, line < 1 || line > max(1, summary.lines) {
        throw Violation("diagnostic names line \(line) of \(summary.lines)")
      }
    }
  }

  /// A record obeys the schema: ports in range, no empty strings, lines and snapshots in range.
  static func checkRecord(_ socket: Socket, lines: Int) throws {
    for port in [socket.local.port, socket.remote.port].compactMap({ $0 }) where !(0...65535).contains(port) {
      throw Violation("line \(socket.line): port \(port) out of range")
    }
    guard socket.line >= 1 && socket.line <= lines else { throw Violation("record line \(socket.line) of \(lines)") }
    guard socket.snapshot >= 1 else { throw Violation("line \(socket.line): snapshot \(socket.snapshot)") }
    guard !socket.protocol.isEmpty else { throw Violation("line \(socket.line): empty protocol") }
    for key in Socket.FieldKey.allCases {
      if case .string(let text) = socket.value(of: key), text.isEmpty {
        throw Violation("line \(socket.line): \(key.rawValue) is an empty string instead of null")
      }
    }
    for count in [socket.recvQ, socket.sendQ, socket.pid].compactMap({ $0 }).map(Int64.init) + [socket.inode].compactMap({ $0 })
    where count < 0 {
      throw Violation("line \(socket.line): negative number \(count)")
    }
  }

  /// Every writer's output reads back: JSON and JSON Lines through JSONSerialization and
  /// JSONDecoder to the same records, YAML through libyaml's parser to the same records, CSV
  /// through an RFC 4180 reader to one row per record plus the header.
  static func checkWriters(_ records: [Socket]) throws {
    for format in OutputFormat.allCases {
      let sink = OutputSink()
      var writer = format.writer(sink: sink)
      do {
        try writer.begin()
        for record in records { try writer.write(record) }
        try writer.end()
      } catch {
        throw Violation("\(format.rawValue) writer failed: \(error)")
      }
      let bytes = sink.collected
      switch format {
      case .json:
        let decoded = try decode(Data(bytes), format)
        guard decoded == records else { throw Violation("JSON read back differently: \(difference(decoded, records))") }
      case .jsonl:
        let lines = bytes.split(separator: 0x0A)
        guard lines.count == records.count else { throw Violation("JSON Lines has \(lines.count) lines for \(records.count) records") }
        let decoded = try lines.map { try JSONDecoder().decode(Socket.self, from: Data($0)) }
        guard decoded == records else { throw Violation("JSON Lines read back differently") }
      case .yaml:
        let parsed: Any
        do { parsed = try YAMLReadback.parse(bytes) } catch { throw Violation("YAML does not parse: \(error)") }
        guard let items = parsed as? [Any], items.count == records.count else {
          throw Violation("YAML does not hold \(records.count) records")
        }
        for (item, record) in zip(items, records) {
          guard let mapping = item as? [String: Any], mapping.count == Socket.FieldKey.allCases.count else {
            throw Violation("line \(record.line): YAML record is not a mapping of every field")
          }
          for key in Socket.FieldKey.allCases where !same(mapping[key.rawValue] as Any, record.value(of: key)) {
            throw Violation("line \(record.line) \(key.rawValue): YAML read back \(mapping[key.rawValue] as Any), wrote \(record.value(of: key))")
          }
        }
      case .csv:
        let rows = try CSVReader.rows(bytes)
        guard rows.count == records.count + 1 else { throw Violation("CSV has \(rows.count) rows for \(records.count) records") }
        guard rows.allSatisfy({ $0.count == Socket.FieldKey.allCases.count }) else {
          throw Violation("a CSV row does not have \(Socket.FieldKey.allCases.count) cells")
        }
      }
    }
  }

  /// Whether a value read back by the YAML reader is the value that was written.
  static func same(_ read: Any, _ written: FieldValue) -> Bool {
    switch written {
    case .null: return read is NSNull
    case .bool(let flag): return (read as? Bool) == flag
    case .int(let number):
      if let value = read as? Int64 { return value == number }
      return (read as? Int).map(Int64.init) == number
    case .string(let text): return (read as? String) == text
    case .list(let items):
      guard let array = read as? [Any], array.count == items.count else { return false }
      return zip(array, items).allSatisfy { same($0, $1) }
    case .object(let entries):
      guard let mapping = read as? [String: Any], mapping.count == entries.count else { return false }
      return entries.allSatisfy { entry in mapping[entry.key].map { same($0, entry.value) } ?? false }
    }
  }

  /// The first field that differs, for a message a developer can act on.
  static func difference(_ got: [Socket], _ want: [Socket]) -> String {
    guard got.count == want.count else { return "\(got.count) records instead of \(want.count)" }
    for (a, b) in zip(got, want) where a != b {
      for key in Socket.FieldKey.allCases where a.value(of: key) != b.value(of: key) {
        return "line \(b.line) \(key.rawValue): wrote \(b.value(of: key)), read \(a.value(of: key))"
      }
    }
    return "records differ"
  }

  private static func decode(_ data: Data, _ format: OutputFormat) throws -> [Socket] {
    do { return try JSONDecoder().decode([Socket].self, from: data) } catch {
      throw Violation("\(format.rawValue) output does not decode: \(error)")
    }
  }
}
