/// Writes records as a JSON array (the default, jq-friendly), as JSON Lines, or inside an
/// envelope `{"records": [...], "meta": {...}}`.
///
/// Keys come from `Socket.FieldKey.allCases` in that order; missing values are `null`. Strings are
/// escaped per RFC 8259: `"`, `\` and every control character below U+0020.
public struct JSONRecordWriter: RawRecordWriter {
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
  private var shapes: JSONRecordShapes

  /// Creates a writer that sends its output to `sink`.
  ///
  /// - Parameters:
  ///   - sink: Where the output goes.
  ///   - layout: Array, pretty array or JSON Lines.
  ///   - envelope: Wrap the array as `{"records": [...], "meta": {...}}` (ignored for JSON Lines).
  public init(sink: OutputSink, layout: Layout = .array, envelope: Bool = false) {
    self.output = ByteBuffer(sink: sink)
    self.layout = layout
    self.envelope = envelope && layout != .lines
    let keys = layout == .prettyArray ? Self.prettyKeys : Self.compactKeys
    self.shapes = JSONRecordShapes(first: keys.first, next: keys.next, separator: keys.separator)
  }

  public mutating func begin() throws(OutputSink.OutputError) {
    if envelope { output.append("{\"records\":") }
    if layout != .lines { output.append(UInt8(ascii: "[")) }
  }

  public mutating func write(_ socket: Socket) throws(OutputSink.OutputError) {
    try write(raw: RawSocket(socket))
  }

  package mutating func write(raw socket: RawSocket) throws(OutputSink.OutputError) {
    let pretty = layout == .prettyArray
    let shape = shapes.shape(for: socket.presenceMask)
    let room = room(for: socket)
    let start = output.reserve(room)
    var cursor = ByteCursor(start)
    switch layout {
    case .lines: break
    case .array, .prettyArray: cursor.put(count == 0 ? "\n" : ",\n")
    }
    count += 1
    shapes.bytes.withUnsafeBufferPointer { constant in
      socket.bytes.withUnsafeBufferPointer { text in
        for step in shape.steps {
          cursor.putPadded(UnsafeBufferPointer(rebasing: constant[step.start..<step.end]))
          switch step.field.shape {
          case .owners: Self.putOwners(socket, text, pretty: pretty, into: &cursor)
          case .details: Self.putDetails(socket, text, pretty: pretty, into: &cursor)
          case .fieldList: Self.putFieldList(socket.fieldSet(step.field), into: &cursor)
          case .scalar, .flag:
            switch socket.scalar(step.field) {
            case .null: cursor.put("null")
            case .bool(let flag): cursor.put(flag ? "true" : "false")
            case .int(let number): cursor.put(decimal: number)
            case .text(let ref): cursor.putJSONString(text.slice(ref))
            case let value: socket.withBytes(of: value, in: text) { cursor.putJSONString($0) }
            }
          }
        }
        cursor.putPadded(UnsafeBufferPointer(rebasing: constant[shape.tailStart..<shape.tailEnd]))
      }
    }
    cursor.put(pretty ? "\n  }" : "}")
    if layout == .lines { cursor.put(UInt8(ascii: "\n")) }
    assert(cursor.position - start <= room - 8, "a JSON record outgrew the room reserved for it")
    output.commit(cursor.position)
    try output.recordEnded()
  }

  /// The most bytes `socket` can take: its constant text, twenty digits per number, six bytes
  /// per byte of each text it writes (`\u00XX`) plus quotes, and the indentation of owners and
  /// details. Texts are counted where they are written, not where they are stored: `process`
  /// and the first owner share their bytes, details share `true`.
  private func room(for socket: RawSocket) -> Int {
    let text = socket.writtenTextCount
    return shapes.longestConstant + 2048 + 6 * text + 256 * socket.owners.count + 40 * socket.details.count
  }

  /// A list of field keys on one line: `["remote_address","remote_port"]`.
  private static func putFieldList(_ fields: FieldSet, into cursor: inout ByteCursor) {
    cursor.put(UInt8(ascii: "["))
    for (index, key) in fields.keys.enumerated() {
      if index > 0 { cursor.put(UInt8(ascii: ",")) }
      var name = key.rawValue
      name.withUTF8 { cursor.putJSONString($0) }
    }
    cursor.put(UInt8(ascii: "]"))
  }

  /// Indentation when pretty-printing: a new line and `depth` × two spaces.
  private static func newline(_ depth: Int, pretty: Bool, into cursor: inout ByteCursor) {
    guard pretty else { return }
    cursor.put(UInt8(ascii: "\n"))
    for _ in 0..<depth { cursor.put("  ") }
  }

  /// `owners` at the record's depth: a list of `{process, pid, fd, tid}` objects.
  private static func putOwners(
    _ socket: RawSocket, _ text: UnsafeBufferPointer<UInt8>, pretty: Bool, into cursor: inout ByteCursor
  ) {
    cursor.put(UInt8(ascii: "["))
    for (index, owner) in socket.owners.enumerated() {
      if index > 0 { cursor.put(UInt8(ascii: ",")) }
      newline(3, pretty: pretty, into: &cursor)
      cursor.put(UInt8(ascii: "{"))
      for (position, key) in RawSocket.Owner.keys.enumerated() {
        if position > 0 { cursor.put(UInt8(ascii: ",")) }
        newline(4, pretty: pretty, into: &cursor)
        cursor.put(UInt8(ascii: "\""))
        cursor.put(key)
        cursor.put(pretty ? "\": " : "\":")
        let number: Int?
        switch position {
        case 0:
          if owner.process.isNone { cursor.put("null") } else { cursor.putJSONString(text.slice(owner.process)) }
          continue
        case 1: number = owner.pid
        case 2: number = owner.fd
        default: number = owner.tid
        }
        if let number { cursor.put(decimal: number) } else { cursor.put("null") }
      }
      newline(3, pretty: pretty, into: &cursor)
      cursor.put(UInt8(ascii: "}"))
    }
    newline(2, pretty: pretty, into: &cursor)
    cursor.put(UInt8(ascii: "]"))
  }

  /// `details` at the record's depth: an object of texts in key order.
  private static func putDetails(
    _ socket: RawSocket, _ text: UnsafeBufferPointer<UInt8>, pretty: Bool, into cursor: inout ByteCursor
  ) {
    cursor.put(UInt8(ascii: "{"))
    for (index, detail) in socket.details.enumerated() {
      if index > 0 { cursor.put(UInt8(ascii: ",")) }
      newline(3, pretty: pretty, into: &cursor)
      cursor.putJSONString(text.slice(detail.key))
      cursor.put(pretty ? ": " : ":")
      cursor.putJSONString(text.slice(detail.value))
    }
    newline(2, pretty: pretty, into: &cursor)
    cursor.put(UInt8(ascii: "}"))
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

  private static let compactKeys = (first: "{", next: ",", separator: ":")
  private static let prettyKeys = (first: "  {\n    ", next: ",\n    ", separator: ": ")

  /// Appends `text` as a quoted JSON string.
  static func appendString(_ text: String, to output: inout ByteBuffer) {
    var text = text
    text.withUTF8 { bytes in
      var cursor = ByteCursor(output.reserve(6 * bytes.count + 2))
      cursor.putJSONString(bytes)
      output.commit(cursor.position)
    }
  }
}
