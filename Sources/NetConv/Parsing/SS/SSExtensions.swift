/// Reads what ss prints after the peer address: `users:((…))`, `timer:(…)`, `uid:`, `ino:`,
/// `sk:`, `cgroup:`, `v6only:`, shutdown arrows, and the `-i`/`-m` details (`rtt:0.03/0.01`,
/// `skmem:(r0,…)`, `bbr`, `send 80Mbps`) whether they are on the row (`-O`) or on a
/// continuation line.
///
/// Scans bytes, because process names inside `users:((…))` may hold spaces, commas, quotes
/// and parentheses.
struct SSExtensions {
  var owners: [SocketOwner] = []
  var timer: String?
  var user: String?
  var inode: Int?
  /// Details in the order shown (sorted and de-duplicated when applied to a record).
  var details: [SocketDetail] = []
  /// Text that could not be read (a cut `users:((…` part), for a diagnostic.
  var unreadable: String?

  var isEmpty: Bool {
    owners.isEmpty && timer == nil && user == nil && inode == nil && details.isEmpty && unreadable == nil
  }

  /// Reads `span` of `line`.
  static func parse(_ span: Span, in line: LineText) -> SSExtensions {
    var result = SSExtensions()
    var index = span.start
    let end = span.end
    while index < end {
      while index < end && LineText.isSpace(line[index]) { index += 1 }
      guard index < end else { break }
      let start = index
      // key:( … ) with nesting
      var keyEnd = start
      while keyEnd < end && !LineText.isSpace(line[keyEnd]) && line[keyEnd] != UInt8(ascii: ":") { keyEnd += 1 }
      if keyEnd + 1 < end && line[keyEnd] == UInt8(ascii: ":") && line[keyEnd + 1] == UInt8(ascii: "(") {
        let key = line.string(Span(start: start, end: keyEnd))
        if key == "users" {
          if let next = readOwners(line, from: keyEnd + 2, end: end, into: &result.owners) {
            index = next
          } else {
            result.unreadable = line.string(Span(start: start, end: end))
            return result
          }
          continue
        }
        guard let close = matchingParenthesis(line, open: keyEnd + 1, end: end) else {
          result.unreadable = line.string(Span(start: start, end: end))
          return result
        }
        let value = line.string(Span(start: keyEnd + 2, end: close))
        if key == "timer" { result.timer = value } else { result.details.append(SocketDetail(key: key, value: value)) }
        index = close + 1
        continue
      }
      var tokenEnd = start
      while tokenEnd < end && !LineText.isSpace(line[tokenEnd]) { tokenEnd += 1 }
      let token = Span(start: start, end: tokenEnd)
      index = tokenEnd
      if token.count == 3, isArrow(line, token) {
        result.details.append(SocketDetail(key: "shutdown", value: line.string(token)))
      } else if let colon = line.firstIndex(of: UInt8(ascii: ":"), in: token) {
        let key = Span(start: start, end: colon)
        let value = Span(start: colon + 1, end: tokenEnd)
        if line.equals(key, Self.uid) {
          result.user = line.string(value)
        } else if line.equals(key, Self.ino) {
          result.inode = line.integer(value, limit: Int.max)
        } else {
          result.details.append(SocketDetail(key: line.string(key), value: value.isEmpty ? "true" : line.string(value)))
        }
      } else {
        let word = line.string(token)
        if SSVocabulary.spacedKeys.contains(word) {
          while index < end && LineText.isSpace(line[index]) { index += 1 }
          var valueEnd = index
          while valueEnd < end && !LineText.isSpace(line[valueEnd]) { valueEnd += 1 }
          let value = valueEnd > index ? line.string(Span(start: index, end: valueEnd)) : "true"
          result.details.append(SocketDetail(key: word, value: value))
          index = valueEnd
        } else {
          result.details.append(SocketDetail(key: word, value: "true"))
        }
      }
    }
    return result
  }

  private static let uid = Array("uid".utf8)
  private static let ino = Array("ino".utf8)

  /// `<->`, `-->`, `<--` or `---`: how the socket was shut down (`-e`).
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
  private static func readOwners(_ line: LineText, from start: Int, end: Int, into owners: inout [SocketOwner]) -> Int? {
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
        var owner = SocketOwner(process: line.string(Span(start: nameStart, end: nameEnd)))
        index = nameEnd + 2
        var positional = 0
        while index < end && line[index] != UInt8(ascii: ")") {
          var fieldEnd = index
          while fieldEnd < end && line[fieldEnd] != UInt8(ascii: ",") && line[fieldEnd] != UInt8(ascii: ")") {
            fieldEnd += 1
          }
          let field = line.string(Span(start: index, end: fieldEnd))
          if let equals = field.firstIndex(of: "=") {
            let value = Int(field[field.index(after: equals)...])
            switch field[..<equals] {
            case "pid": owner.pid = value
            case "fd": owner.fd = value
            case "tid": owner.tid = value
            default: break  // proc_ctx=, sock_ctx= (SELinux contexts)
            }
          } else if let value = Int(field) {
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
