/// The storage side of ``RawSocket`` (its fields are generated from the schema into
/// `Record.generated.swift`): texts as byte ranges of the record's own buffer.
extension RawSocket {
  /// A range of ``RawSocket/bytes``, or `.none`.
  package struct Text: Equatable {
    package var start: Int32
    package var end: Int32

    package static let none = Text(start: -1, end: -1)

    package var isNone: Bool { start < 0 }
    package var count: Int { isNone ? 0 : Int(end - start) }
  }

  /// The line last copied whole into ``RawSocket/bytes`` (its ``LineText/identity``, 0 for
  /// none), and where the copy starts.
  struct CopiedLine {
    var identity = 0
    var start: Int32 = 0
  }

  package typealias Owner = OwnerFields<Text>
  package typealias Detail = DetailFields<Text>

  var hasPeer: Bool { !remote.address.isNone }

  // MARK: - Storing texts

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
  package func withBytes<Result>(of text: Text, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { body($0.slice(text)) }
  }

  /// The text as a `String`, `nil` for `.none`.
  package func string(_ text: Text) -> String? {
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
  package func slice(_ text: RawSocket.Text) -> UnsafeBufferPointer<UInt8> {
    text.isNone ? UnsafeBufferPointer(rebasing: self[0..<0]) : UnsafeBufferPointer(rebasing: self[Int(text.start)..<Int(text.end)])
  }
}

/// One process holding a socket, with its name as `Name`: a record's text, or a line's span
/// while ss extensions are read.
package struct OwnerFields<Name> {
  package var process: Name
  package var pid: Int?
  package var fd: Int?
  package var tid: Int?

  init(process: Name, pid: Int? = nil, fd: Int? = nil, tid: Int? = nil) {
    self.process = process
    self.pid = pid
    self.fd = fd
    self.tid = tid
  }
}

/// One ss detail, key and value as `Text`: a record's text, or a line's span.
package struct DetailFields<Text> {
  package var key: Text
  package var value: Text
}
