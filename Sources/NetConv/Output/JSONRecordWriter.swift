/// Writes records as a JSON array (the default, jq-friendly), as JSON Lines, or inside an
/// envelope `{"records": [...], "meta": {...}}`.
///
/// Keys come from ``Socket/FieldKey/allCases`` in that order; missing values are `null`. Strings are
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
  private let keys: KeyPrefixes

  /// Creates a writer that sends its output to `sink`.
  ///
  /// - Parameters:
  ///   - layout: Array, pretty array or JSON Lines.
  ///   - envelope: Wrap the array as `{"records": [...], "meta": {...}}` (ignored for JSON Lines).
  public init(sink: OutputSink, layout: Layout = .array, envelope: Bool = false) {
    self.output = ByteBuffer(sink: sink)
    self.layout = layout
    self.envelope = envelope && layout != .lines
    self.keys = layout == .prettyArray ? Self.prettyKeyPrefixes : Self.compactKeyPrefixes
  }

  public mutating func begin() throws(OutputSink.OutputError) {
    if envelope { output.append("{\"records\":") }
    if layout != .lines { output.append(UInt8(ascii: "[")) }
  }

  public mutating func write(_ socket: Socket) throws(OutputSink.OutputError) {
    try write(raw: RawSocket(socket))
  }

  mutating func write(raw socket: RawSocket) throws(OutputSink.OutputError) {
    switch layout {
    case .lines: break
    case .array, .prettyArray: output.append(count == 0 ? "\n" : ",\n")
    }
    count += 1
    let pretty = layout == .prettyArray
    let keys = self.keys
    keys.bytes.withUnsafeBufferPointer { prefixes in
      keys.defaults.withUnsafeBufferPointer { defaults in
        socket.bytes.withUnsafeBufferPointer { text in
          // Fields holding their usual value (null, false) in a row are copied from `defaults`
          // in one piece: most records leave a third of their fields empty.
          var run = -1
          var runEnd = 0
          for (index, field) in keys.fields.enumerated() {
            let value: RawSocket.Scalar
            switch field {
            case .owners: value = socket.owners.isEmpty ? .null : .int(0)
            case .details: value = socket.details.isEmpty ? .null : .int(0)
            default: value = socket.scalar(field)
            }
            let isDefault: Bool
            switch value {
            case .null: isDefault = !keys.defaultIsFalse[index]
            case .bool(let flag): isDefault = !flag && keys.defaultIsFalse[index]
            default: isDefault = false
            }
            if isDefault {
              if run < 0 { run = keys.defaultRanges[index].lowerBound }
              runEnd = keys.defaultRanges[index].upperBound
              continue
            }
            if run >= 0 {
              output.append(UnsafeBufferPointer(rebasing: defaults[run..<runEnd]))
              run = -1
            }
            output.append(UnsafeBufferPointer(rebasing: prefixes[keys.ranges[index]]))
            switch field {
            case .owners: appendOwners(socket, text, pretty: pretty)
            case .details: appendDetails(socket, text, pretty: pretty)
            default:
              switch value {
              case .null: output.append("null")
              case .bool(let flag): output.append(flag ? "true" : "false")
              case .int(let number): output.append(decimal: number)
              case .text(let ref): Self.appendString(text.slice(ref), to: &output)
              case .string(let word): Self.appendString(word, to: &output)
              }
            }
          }
          if run >= 0 { output.append(UnsafeBufferPointer(rebasing: defaults[run..<runEnd])) }
        }
      }
    }
    output.append(pretty ? "\n  }" : "}")
    if layout == .lines { output.append(UInt8(ascii: "\n")) }
    try output.recordEnded()
  }

  /// Indentation when pretty-printing: a new line and `depth` × two spaces.
  private mutating func newline(_ depth: Int, pretty: Bool) {
    guard pretty else { return }
    output.append(UInt8(ascii: "\n"))
    for _ in 0..<depth { output.append("  ") }
  }

  /// `owners` at the record's depth: `null`, or a list of `{process, pid, fd, tid}` objects.
  private mutating func appendOwners(_ socket: RawSocket, _ text: UnsafeBufferPointer<UInt8>, pretty: Bool) {
    guard !socket.owners.isEmpty else { return output.append("null") }
    output.append(UInt8(ascii: "["))
    for (index, owner) in socket.owners.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      newline(3, pretty: pretty)
      output.append(UInt8(ascii: "{"))
      let values: [RawSocket.Scalar] = [.init(owner.process), .init(owner.pid), .init(owner.fd), .init(owner.tid)]
      for (position, key) in RawSocket.Owner.keys.enumerated() {
        if position > 0 { output.append(UInt8(ascii: ",")) }
        newline(4, pretty: pretty)
        output.append(UInt8(ascii: "\""))
        output.append(key)
        output.append(pretty ? "\": " : "\":")
        switch values[position] {
        case .text(let ref): Self.appendString(text.slice(ref), to: &output)
        case .int(let number): output.append(decimal: number)
        default: output.append("null")
        }
      }
      newline(3, pretty: pretty)
      output.append(UInt8(ascii: "}"))
    }
    newline(2, pretty: pretty)
    output.append(UInt8(ascii: "]"))
  }

  /// `details` at the record's depth: `null`, or an object of texts in key order.
  private mutating func appendDetails(_ socket: RawSocket, _ text: UnsafeBufferPointer<UInt8>, pretty: Bool) {
    guard !socket.details.isEmpty else { return output.append("null") }
    output.append(UInt8(ascii: "{"))
    for (index, detail) in socket.details.enumerated() {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      newline(3, pretty: pretty)
      Self.appendString(text.slice(detail.key), to: &output)
      output.append(pretty ? ": " : ":")
      Self.appendString(text.slice(detail.value), to: &output)
    }
    newline(2, pretty: pretty)
    output.append(UInt8(ascii: "}"))
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

  /// `{"source":`, `,"format":`, … : what goes before each value, in one buffer computed once;
  /// and the same followed by each field's usual value (`null`, or `false` for flags), laid out
  /// so that a run of fields holding it is one range of `defaults`.
  private struct KeyPrefixes {
    let fields = Socket.FieldKey.ordered
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    var defaults: [UInt8] = []
    var defaultRanges: [Range<Int>] = []
    var defaultIsFalse: [Bool] = []

    init(first: String, next: String, separator: String) {
      for (index, field) in fields.enumerated() {
        let prefix = Array(((index == 0 ? first : next) + "\"\(field.rawValue)\"" + separator).utf8)
        bytes += prefix
        ranges.append((bytes.count - prefix.count)..<bytes.count)
        // Only a speed-up: a value that is not the usual one is written the long way.
        let isFlag = field == .localTruncated || field == .remoteTruncated || field == .ownerUnavailable
        defaults += prefix + Array((isFlag ? "false" : "null").utf8)
        defaultRanges.append((defaults.count - prefix.count - (isFlag ? 5 : 4))..<defaults.count)
        defaultIsFalse.append(isFlag)
      }
    }
  }

  private static let compactKeyPrefixes = KeyPrefixes(first: "{", next: ",", separator: ":")
  private static let prettyKeyPrefixes = KeyPrefixes(first: "  {\n    ", next: ",\n    ", separator: ": ")

  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` as a quoted JSON string.
  static func appendString(_ text: String, to output: inout ByteBuffer) {
    var text = text
    text.withUTF8 { appendString($0, to: &output) }
  }

  /// Appends UTF-8 `bytes` as a quoted JSON string; runs without anything to escape are copied
  /// in one piece.
  static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
    output.append(UInt8(ascii: "\""))
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
    output.append(UInt8(ascii: "\""))
  }
}
