/// A record as the parsers build it: the same fields as ``Socket``, but every text is a byte
/// range into the record's own buffer instead of a `String`.
///
/// A parser copies each line a record keeps texts of into the record once, and the texts are
/// ranges of that copy; the writers copy them back out, so converting text to JSON, CSV or YAML
/// makes no `String` at all. A ``Socket`` is built from it only when a library caller asks for one
/// (``SocketReader/next()``). Texts are `.none` when absent; an empty text is stored as
/// `.none`, which keeps the model's promise that a missing value is null, never "".
struct RawSocket {
  /// A range of ``RawSocket/bytes``, or `.none`.
  struct Text: Equatable {
    var start: Int32
    var end: Int32

    static let none = Text(start: -1, end: -1)

    var isNone: Bool { start < 0 }
    var count: Int { isNone ? 0 : Int(end - start) }
  }

  struct Endpoint {
    var address = Text.none
    var port: Int?
    var portName = Text.none
    var interface = Text.none
    var truncated = false
  }

  typealias Owner = OwnerFields<Text>
  typealias Detail = DetailFields<Text>

  /// The bytes of every text field.
  var bytes: [UInt8] = []
  var source: String?
  var format: Dialect
  var snapshot: Int
  var line: Int
  var `protocol`: String
  var family: AddressFamily?
  var local = Endpoint()
  var remote = Endpoint()
  var state: SocketState?
  var stateRaw = Text.none
  var recvQ: Int?
  var sendQ: Int?
  var pid: Int?
  var process = Text.none
  var component = Text.none
  var ownerUnavailable = false
  var user = Text.none
  var inode: Int?
  var timer = Text.none
  var socketType = Text.none
  var owners: [Owner] = []
  /// In the order found until ``normalize(reusing:)`` sorts them by key, one value per key.
  var details: [Detail] = []

  init(format: Dialect, snapshot: Int, line: Int, protocol: String, family: AddressFamily? = nil) {
    self.format = format
    self.snapshot = snapshot
    self.line = line
    self.protocol = `protocol`
    self.family = family
  }

  var hasPeer: Bool { !remote.address.isNone }

  // MARK: - Storing texts

  /// The line last copied whole into ``bytes`` (its ``LineText/identity``, 0 for none), and
  /// where the copy starts.
  private var copiedLine = 0
  private var copiedLineStart: Int32 = 0

  /// Stores `span` of `line` in the record. The first text of a numbered line copies the whole
  /// line, and it and the line's later texts are ranges of that copy: one copy per line
  /// instead of one per field.
  mutating func store(_ line: LineText, _ span: Span) -> Text {
    guard span.end > span.start else { return .none }
    guard line.identity != 0 else { return store(UnsafeBufferPointer(rebasing: line.bytes[span.start..<span.end])) }
    if line.identity != copiedLine {
      let needed = bytes.count + line.count
      if bytes.capacity < needed { bytes.reserveCapacity(max(needed, 2 * bytes.capacity, 192)) }
      copiedLine = line.identity
      copiedLineStart = Int32(bytes.count)
      bytes.append(contentsOf: line.bytes)
    }
    return Text(start: copiedLineStart + Int32(span.start), end: copiedLineStart + Int32(span.end))
  }

  /// Copies `text` into the record.
  mutating func store(_ text: String?) -> Text {
    guard var text, !text.isEmpty else { return .none }
    return text.withUTF8 { store($0) }
  }

  /// Copies `text` into the record.
  mutating func store(_ text: UnsafeBufferPointer<UInt8>) -> Text {
    guard !text.isEmpty else { return .none }
    if bytes.capacity == 0 { bytes.reserveCapacity(192) }
    let start = bytes.count
    bytes.append(contentsOf: text)
    return Text(start: Int32(start), end: Int32(bytes.count))
  }

  /// Copies a text of another record into this one.
  mutating func store(_ text: Text, of other: RawSocket) -> Text {
    guard !text.isNone else { return .none }
    return other.bytes.withUnsafeBufferPointer { store(UnsafeBufferPointer(rebasing: $0[Int(text.start)..<Int(text.end)])) }
  }

  // MARK: - Reading texts

  /// Calls `body` with the bytes of `text` (empty for `.none`).
  func withBytes<Result>(of text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { body($0.slice(text)) }
  }

  /// The text as a `String`, `nil` for `.none`.
  func string(_ text: Text) -> String? {
    text.isNone ? nil : withBytes(of: text) { String(decoding: $0, as: UTF8.self) }
  }

  // MARK: - Details

  /// Adds a detail; ``normalize(reusing:)`` sorts and de-duplicates them when the record is complete.
  mutating func addDetail(key: Text, value: Text) {
    details.append(Detail(key: key, value: value))
  }

  /// Gives the record the shape every record has when handed out: details sorted by key with
  /// one value per key (the later wins), a detail without a key dropped, one without a value
  /// `true`, and no `UNKNOWN` state without the text it came from.
  ///
  /// `order` carries the last sort from record to record: ss prints the same keys in the same
  /// order row after row, and a record with the last one's keys in the last one's order is put
  /// in that order without sorting.
  mutating func normalize(reusing order: inout DetailOrder) {
    if stateRaw.isNone && state == .unknown { state = nil }
    guard !details.isEmpty else { return }
    details.removeAll { $0.key.isNone }
    if details.contains(where: { $0.value.isNone }) {
      let yes = store(Self.trueText)
      for index in details.indices where details[index].value.isNone { details[index].value = yes }
    }
    guard details.count > 1 else { return }
    let selection = bytes.withUnsafeBufferPointer { all in order.selection(for: details, in: all) }
    select(selection)
  }

  /// Keeps the details `selection` names (former indices), in its order.
  private mutating func select(_ selection: [Int]) {
    let count = details.count
    withUnsafeTemporaryAllocation(of: Detail.self, capacity: count) { former in
      _ = former.initialize(from: details)
      details.withUnsafeMutableBufferPointer { target in
        for (position, index) in selection.enumerated() { target[position] = former[index] }
      }
    }
    details.removeLast(count - selection.count)
  }

  private static let trueText: StaticString = "true"

  private mutating func store(_ literal: StaticString) -> Text {
    store(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// The bytes of a record's text, given the record's ``RawSocket/bytes``; empty for `.none`.
  func slice(_ text: RawSocket.Text) -> UnsafeBufferPointer<UInt8> {
    text.isNone ? UnsafeBufferPointer(rebasing: self[0..<0]) : UnsafeBufferPointer(rebasing: self[Int(text.start)..<Int(text.end)])
  }
}

/// One process holding a socket, with its name as `Name`: a record's text, or a line's span
/// while ss extensions are read.
struct OwnerFields<Name> {
  var process: Name
  var pid: Int?
  var fd: Int?
  var tid: Int?

  init(process: Name, pid: Int? = nil, fd: Int? = nil, tid: Int? = nil) {
    self.process = process
    self.pid = pid
    self.fd = fd
    self.tid = tid
  }
}

/// One ss detail, key and value as `Text`: a record's text, or a line's span.
struct DetailFields<Text> {
  var key: Text
  var value: Text
}
