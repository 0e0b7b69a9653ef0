/// Reads what ss prints after the peer address: `users:((…))`, `timer:(…)`, `uid:`, `ino:`,
/// `sk:`, `cgroup:`, `v6only:`, shutdown arrows, and the `-i`/`-m` details (`rtt:0.03/0.01`,
/// `skmem:(r0,…)`, `bbr`, `send 80Mbps`) whether they are on the row (`-O`) or on a
/// continuation line.
///
/// Scans bytes, because process names inside `users:((…))` may hold spaces, commas, quotes
/// and parentheses. What it finds is kept as spans of the line; ``apply(to:from:)`` copies them
/// into a record. One value is reused for every line, so reading allocates nothing once warm.
struct SSExtensions {
  /// A text of the line, or one of the words ss does not print: `true` for a detail without a
  /// value, `shutdown` for the key of an arrow, `congestion_control` for the key of an
  /// algorithm's name.
  enum Text {
    case span(Span)
    case yes
    case shutdown
    case congestionControl
  }

  typealias Owner = OwnerFields<Span>
  typealias Detail = DetailFields<Text>

  var owners: [Owner] = []
  var timer: Span?
  var user: Span?
  var inode: Int64?
  /// Details in the order shown (sorted and de-duplicated when the record is complete).
  var details: [Detail] = []
  /// Where unreadable text (a cut `users:((…` part) starts; it runs to the end of the span.
  var unreadable: Span?
  /// The first number (a pid, fd or inode) too large to keep: its value is null.
  var outOfRange: Span?
  /// Whether the span ends in a key ss prints with its value after a space (`send`,
  /// `pacing_rate`) and no value: a wrap at that space put the value on the next line. The
  /// key is the last detail read.
  var endsInSpacedKey = false
  /// The span read last: every span above lies inside it.
  private var span = Span(start: 0, end: 0)

  var isEmpty: Bool {
    owners.isEmpty && timer == nil && user == nil && inode == nil && details.isEmpty && unreadable == nil
  }

  /// Reads `span` of `line`, replacing what the value held.
  mutating func read(_ span: Span, in line: LineText) {
    self.span = span
    owners.removeAll(keepingCapacity: true)
    details.removeAll(keepingCapacity: true)
    timer = nil
    user = nil
    inode = nil
    unreadable = nil
    outOfRange = nil
    endsInSpacedKey = false
    guard let base = line.bytes.baseAddress else { return }
    var index = span.start
    let end = span.end
    while index < end {
      index = ByteScan.firstNonSpace(base, from: index, end: end)
      guard index < end else { break }
      let start = index
      let tokenEnd = ByteScan.firstSpace(base, from: start + 1, end: end)
      let colon = line.firstIndex(of: UInt8(ascii: ":"), in: Span(start: start, end: tokenEnd))
      // key:( … ) with nesting, which may hold spaces
      let keyEnd = colon ?? tokenEnd
      if keyEnd + 1 < end && line[keyEnd] == UInt8(ascii: ":") && line[keyEnd + 1] == UInt8(ascii: "(") {
        let key = Span(start: start, end: keyEnd)
        if line.equals(key, Self.users) {
          if let next = Self.readOwners(line, from: keyEnd + 2, end: end, into: &owners, outOfRange: &outOfRange) {
            index = next
          } else {
            unreadable = Span(start: start, end: end)
            return
          }
          continue
        }
        guard let close = Self.matchingParenthesis(line, open: keyEnd + 1, end: end) else {
          unreadable = Span(start: start, end: end)
          return
        }
        let value = Span(start: keyEnd + 2, end: close)
        if line.equals(key, Self.timerKey) {
          timer = value
        } else {
          details.append(Detail(key: .span(key), value: value.isEmpty ? .yes : .span(value)))
        }
        index = close + 1
        continue
      }
      let token = Span(start: start, end: tokenEnd)
      if tokenEnd == end,
        (keyEnd + 1 == tokenEnd && line.equals(Span(start: start, end: keyEnd), Self.users))
          || Self.isArrowStart(line, token)
      {
        // `users:` or the start of a shutdown arrow (`<-`) at the very end: cut by a wrap.
        unreadable = Span(start: start, end: end)
        return
      }
      index = tokenEnd
      if token.count == 3, Self.isArrow(line, token) {
        details.append(Detail(key: .shutdown, value: .span(token)))
      } else if let colon {
        let key = Span(start: start, end: colon)
        let value = Span(start: colon + 1, end: tokenEnd)
        if line.equals(key, Self.uid) {
          user = value
        } else if line.equals(key, Self.ino) {
          inode = line.integer(value, upTo: Int64.max)
          if inode == nil { noteOutOfRange(value, in: line) }
        } else {
          details.append(Detail(key: .span(key), value: value.isEmpty ? .yes : .span(value)))
        }
      } else if SSVocabulary.spacedKeyBytes.value(line, token) != nil {
        while index < end && LineText.isSpace(line[index]) { index += 1 }
        var valueEnd = index
        while valueEnd < end && !LineText.isSpace(line[valueEnd]) { valueEnd += 1 }
        let value = Span(start: index, end: valueEnd)
        details.append(Detail(key: .span(token), value: value.isEmpty ? .yes : .span(value)))
        endsInSpacedKey = value.isEmpty
        index = valueEnd
      } else if SSVocabulary.congestionControlBytes.value(line, token) != nil {
        // The algorithm's name, kept apart from its `bbr:(…)` values under the same name.
        details.append(Detail(key: .congestionControl, value: .span(token)))
      } else {
        details.append(Detail(key: .span(token), value: .yes))
      }
    }
  }

  /// Remembers `span` when it is all digits and yet no number was read from it.
  private mutating func noteOutOfRange(_ span: Span, in line: LineText) {
    if outOfRange == nil && line.isDigits(span) { outOfRange = span }
  }

  /// Merges what was read from `line` into a record: owners (the first one also fills
  /// pid/process), timer, uid, inode and details.
  func apply(to socket: inout RawSocket, from line: LineText) {
    // The whole span is copied once; each text is a range of that copy.
    let base = socket.store(line, span)
    func text(_ part: Span) -> RawSocket.Text {
      guard !part.isEmpty, !base.isNone else { return .none }
      let offset = base.start - Int32(span.start)
      return RawSocket.Text(start: offset + Int32(part.start), end: offset + Int32(part.end))
    }
    for owner in owners {
      socket.owners.append(RawSocket.Owner(process: text(owner.process), pid: owner.pid, fd: owner.fd, tid: owner.tid))
    }
    if let first = socket.owners.first, socket.pid == nil && socket.process.isNone {
      socket.pid = first.pid
      socket.process = first.process
    }
    if let timer { socket.timer = text(timer) }
    if let user { socket.user = text(user) }
    if let inode { socket.inode = inode }
    var yes: RawSocket.Text?  // stored once per line
    socket.details.reserveCapacity(socket.details.count + details.count)
    for detail in details {
      func resolve(_ part: Text) -> RawSocket.Text {
        switch part {
        case .span(let span): return text(span)
        case .yes:
          if yes == nil { yes = socket.store(Self.yesWord) }
          return yes!
        case .shutdown: return socket.store(Self.shutdownWord)
        case .congestionControl: return socket.store(Self.congestionControlWord)
        }
      }
      socket.addDetail(key: resolve(detail.key), value: resolve(detail.value))
    }
  }

  private static let yesWord: String = "true"
  private static let shutdownWord: String = "shutdown"
  private static let congestionControlWord: String = "congestion_control"
  private static let users: StaticString = "users"
  private static let timerKey: StaticString = "timer"
  private static let uid: StaticString = "uid"
  private static let ino: StaticString = "ino"
  private static let pidKey: StaticString = "pid"
  private static let fdKey: StaticString = "fd"
  private static let tidKey: StaticString = "tid"

  /// Whether `line` goes on with the rest of the shutdown arrow whose start (`<`, `<-`, `-`,
  /// `--`) ends `carried`: `nil` when `carried` does not end in one. A wrap cuts an arrow
  /// (`<-` + `>`); a join with a line that does not finish it would make a word ss never prints.
  static func finishesArrow(_ carried: [UInt8], _ line: LineText) -> Bool? {
    var end = carried.count
    while end > 0 && carried[end - 1] == 0x20 { end -= 1 }
    var start = end
    while start > 0 && carried[start - 1] != 0x20 { start -= 1 }
    let joined = Array(carried[start..<end]) + Array(line.bytes[line.trimmed.start..<line.trimmed.end].prefix(4))
    return joined.withUnsafeBufferPointer { bytes -> Bool? in
      let text = LineText(bytes: bytes)
      guard end > start, isArrowStart(text, Span(start: 0, end: end - start)) else { return nil }
      return bytes.count >= 3 && isArrow(text, Span(start: 0, end: 3)) && (bytes.count == 3 || bytes[3] == 0x20)
    }
  }

  /// Whether `token` is a whole shutdown arrow (`<->`, `-->`, `<--`, `---`).
  static func isShutdownArrow(_ line: LineText, _ token: Span) -> Bool {
    token.count == 3 && isArrow(line, token)
  }

  /// `<->`, `-->`, `<--` or `---`: how the socket was shut down (`-e`).
  /// Whether a token of one or two bytes is the start of a shutdown arrow (`<`, `<-`, `-`, `--`).
  private static func isArrowStart(_ line: LineText, _ token: Span) -> Bool {
    guard token.count <= 2 else { return false }
    let first = line[token.start]
    guard first == UInt8(ascii: "<") || first == UInt8(ascii: "-") else { return false }
    return token.count == 1 || line[token.start + 1] == UInt8(ascii: "-")
  }

  private static func isArrow(_ line: LineText, _ token: Span) -> Bool {
    let first = line[token.start]
    let middle = line[token.start + 1]
    let last = line[token.start + 2]
    return middle == UInt8(ascii: "-") && (first == UInt8(ascii: "<") || first == UInt8(ascii: "-"))
      && (last == UInt8(ascii: ">") || last == UInt8(ascii: "-"))
  }

  /// The index of the `)` that closes the `(` at `open`.
  private static func matchingParenthesis(_ line: LineText, open: Int, end: Int) -> Int? {
    var depth = 0
    var index = open
    while index < end {
      if line[index] == UInt8(ascii: "(") { depth += 1 }
      if line[index] == UInt8(ascii: ")") {
        depth -= 1
        if depth == 0 { return index }
      }
      index += 1
    }
    return nil
  }

  /// Reads `("name",pid=1,fd=3),("other",pid=2,tid=4,fd=5))` from just after `users:(`;
  /// returns the index after the closing `)`, or `nil` when the text is cut or malformed.
  /// Also reads the pre-3.14 form `("sshd",1234,3)`.
  private static func readOwners(
    _ line: LineText, from start: Int, end: Int, into owners: inout [Owner], outOfRange: inout Span?
  ) -> Int? {
    var index = start
    while index < end {
      switch line[index] {
      case UInt8(ascii: ")"): return index + 1
      case UInt8(ascii: ","), UInt8(ascii: " "): index += 1
      case UInt8(ascii: "("):
        guard index + 1 < end, line[index + 1] == UInt8(ascii: "\"") else { return nil }
        let nameStart = index + 2
        // The name ends at the first `",` followed by `pid=` or a digit (names may hold `"` and `,`).
        var nameEnd = nameStart
        while nameEnd + 2 < end {
          if line[nameEnd] == UInt8(ascii: "\""), line[nameEnd + 1] == UInt8(ascii: ","),
            line[nameEnd + 2] == UInt8(ascii: "p") || LineText.isDigit(line[nameEnd + 2])
          {
            break
          }
          nameEnd += 1
        }
        guard nameEnd + 2 < end else { return nil }
        var owner = Owner(process: Span(start: nameStart, end: nameEnd))
        index = nameEnd + 2
        var positional = 0
        while index < end && line[index] != UInt8(ascii: ")") {
          var fieldEnd = index
          while fieldEnd < end && line[fieldEnd] != UInt8(ascii: ",") && line[fieldEnd] != UInt8(ascii: ")") {
            fieldEnd += 1
          }
          let field = Span(start: index, end: fieldEnd)
          if let equals = line.firstIndex(of: UInt8(ascii: "="), in: field) {
            let key = Span(start: field.start, end: equals)
            // Ids are never negative: a damaged `pid=-480` is an unknown pid, not a number.
            let valueSpan = Span(start: equals + 1, end: field.end)
            let value = line.signedInteger(valueSpan).flatMap { $0 >= 0 ? $0 : nil }
            if value == nil && outOfRange == nil && line.isDigits(valueSpan) { outOfRange = valueSpan }
            if line.equals(key, pidKey) {
              owner.pid = value
            } else if line.equals(key, fdKey) {
              owner.fd = value
            } else if line.equals(key, tidKey) {
              owner.tid = value
            }  // else proc_ctx=, sock_ctx= (SELinux contexts)
          } else if let number = line.signedInteger(field) {
            let value = number >= 0 ? number : nil
            if positional == 0 { owner.pid = value } else { owner.fd = value }
            positional += 1
          }
          index = fieldEnd
          if index < end && line[index] == UInt8(ascii: ",") { index += 1 }
        }
        guard index < end else { return nil }
        owners.append(owner)
        index += 1
      default: return nil
      }
    }
    return nil
  }
}
