/// A record as the parsers build it: the same fields as ``Socket``, but every text is a byte
/// range into the record's own buffer instead of a `String`.
///
/// Parsers copy the bytes of the fields they keep out of the line (one `memcpy` each) and the
/// writers copy them back out, so converting text to JSON, CSV or YAML makes no `String` at
/// all. A ``Socket`` is built from it only when a library caller asks for one
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
  /// In the order found until ``normalize()`` sorts them by key, one value per key.
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

  /// Copies `span` of `line` into the record.
  mutating func store(_ line: LineText, _ span: Span) -> Text {
    guard span.end > span.start else { return .none }
    return store(UnsafeBufferPointer(rebasing: line.bytes[span.start..<span.end]))
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

  /// Adds a detail; ``normalize()`` sorts and de-duplicates them when the record is complete.
  mutating func addDetail(key: Text, value: Text) {
    details.append(Detail(key: key, value: value))
  }

  /// Gives the record the shape every record has when handed out: details sorted by key with
  /// one value per key (the later wins), a detail without a key dropped, one without a value
  /// `true`, and no `UNKNOWN` state without the text it came from.
  mutating func normalize() {
    if stateRaw.isNone && state == .unknown { state = nil }
    guard !details.isEmpty else { return }
    details.removeAll { $0.key.isNone }
    if details.contains(where: { $0.value.isNone }) {
      let yes = store(Self.trueText)
      for index in details.indices where details[index].value.isNone { details[index].value = yes }
    }
    var sorted: [Detail] = []
    swap(&sorted, &details)  // sorted in place, not copied
    bytes.withUnsafeBufferPointer { all in
      /// Byte order of two keys (Unicode scalar order, as `String` compares them).
      func order(_ a: Text, _ b: Text) -> Int {
        let common = min(a.count, b.count)
        var offset = 0
        while offset < common {
          let left = all[Int(a.start) + offset]
          let right = all[Int(b.start) + offset]
          if left != right { return left < right ? -1 : 1 }
          offset += 1
        }
        return a.count - b.count
      }
      /// The first eight bytes of a key as a big-endian number: comparing two of them orders
      /// most keys without looking at their bytes again.
      func head(_ key: Text) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<8 {
          value <<= 8
          if offset < key.count { value |= UInt64(all[Int(key.start) + offset]) }
        }
        return value
      }
      let kept = sorted.withUnsafeMutableBufferPointer { sorted in
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: sorted.count) { heads in
          for index in sorted.indices { heads[index] = head(sorted[index].key) }
          // A stable insertion sort (records hold a few dozen details at most).
          for index in sorted.indices.dropFirst() {
            let moving = sorted[index]
            let movingHead = heads[index]
            var slot = index
            while slot > 0
              && (movingHead != heads[slot - 1]
                ? movingHead < heads[slot - 1] : order(moving.key, sorted[slot - 1].key) < 0)
            {
              sorted[slot] = sorted[slot - 1]
              heads[slot] = heads[slot - 1]
              slot -= 1
            }
            sorted[slot] = moving
            heads[slot] = movingHead
          }
          // Keep the last of each run of equal keys.
          var kept = 0
          for index in sorted.indices {
            if kept > 0 && heads[kept - 1] == heads[index] && order(sorted[kept - 1].key, sorted[index].key) == 0 {
              sorted[kept - 1] = sorted[index]
            } else {
              sorted[kept] = sorted[index]
              heads[kept] = heads[index]
              kept += 1
            }
          }
          return kept
        }
      }
      sorted.removeLast(sorted.count - kept)
    }
    details = sorted
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
