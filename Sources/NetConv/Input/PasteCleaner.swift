/// Undoes what e-mail clients, chat windows, markdown and line-numbering viewers do to a pasted
/// table, before a line is parsed.
///
/// Every change replaces bytes with spaces, so the byte offsets between the remaining
/// characters stay as netstat printed them:
///
///     > > tcp   0  0 …          e-mail quote markers
///     12: tcp   0  0 …          line-number gutters (`12:`, `12 |`, `12\t`)
///     | TCP | 0.0.0.0:135 | …   markdown pipe tables
///     - TCP  0.0.0.0:135 …      list bullets (`-`, `*`, `•`)
///     [10:42] <maria> TCP …     chat time stamps and nicknames
///     TCP\u{A0}\u{A0}0.0.0.0…   non-breaking spaces
///     // TCP  0.0.0.0:135 …     comment gutters (`#`, `//`, `--`, `;`, `REM`, a diff's `+`)
///                               before a table word, so `# netstat -a` stays a heading
enum PasteCleaner {
  /// Whether `bytes` needs cleaning (a cheap look at the first non-blank byte and for NBSP).
  static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    guard index < bytes.count else { return false }
    switch bytes[index] {
    case UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: "*"), 0xE2:
      return true
    case UInt8(ascii: "["):
      // A chat time stamp starts with a digit; `[svchost.exe]` owner lines need no cleaning.
      return index + 1 < bytes.count && bytes[index + 1] &- UInt8(ascii: "0") < 10
    case UInt8(ascii: "-"):
      return index + 1 < bytes.count && bytes[index + 1] == 0x20 || commentGutterEnd(bytes, from: index) != nil
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      return gutterEnd(bytes, from: index) != nil
    case UInt8(ascii: "#"), UInt8(ascii: "/"), UInt8(ascii: ";"), UInt8(ascii: "R"), UInt8(ascii: "+"):
      return commentGutterEnd(bytes, from: index) != nil
    default:
      return false
    }
  }

  /// Comment and diff markers a paste may carry in front of each line of a table.
  private static let commentGutters: [[UInt8]] = ["#", "//", "--", ";", "REM", "+"].map { Array($0.utf8) }

  /// Words a table's lines start with: row protocols, Netids, ss states, header words.
  private static let tableWords: Set<[UInt8]> = Set(
    [
      "TCP", "UDP", "TCPv6", "UDPv6", "tcp", "tcp6", "udp", "udp6", "udpl", "udpl6", "raw", "raw6", "unix", "sctp",
      "Proto", "Netid", "State", "Active", "ESTAB", "LISTEN", "UNCONN", "TIME-WAIT", "SYN-SENT", "CLOSE-WAIT",
      "tcp4", "tcp46", "udp4", "udp46", "COMMAND", "LocalAddress",
    ].map { Array($0.utf8) })

  /// The end of a comment gutter at `start` (the marker and the blanks after it) when a table
  /// word follows it; `nil` otherwise, so a `# netstat -a` heading or a `-- More --` is left alone.
  private static func commentGutterEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    for marker in commentGutters where start + marker.count < bytes.count {
      guard bytes[start..<(start + marker.count)].elementsEqual(marker) else { continue }
      var index = start + marker.count
      guard bytes[index] == 0x20 || bytes[index] == 0x09 else { continue }
      while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
      var end = index
      while end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x09 { end += 1 }
      if tableWords.contains(Array(bytes[index..<end])) || isAddress(bytes[index..<end]) { return index }
    }
    return nil
  }

  /// Whether a word after a comment marker is an IP address, as the rows of a PowerShell table
  /// pasted as comments start (`# 0.0.0.0   1337   …`): a digit first, then a dot or colon
  /// among digits, hex digits and dots (`::` first for IPv6).
  private static func isAddress(_ word: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
    guard word.count >= 2, let first = word.first else { return false }
    let startsLikeAddress = ByteScan.isDigit(first) || (first == UInt8(ascii: ":") && word.dropFirst().first == UInt8(ascii: ":"))
    guard startsLikeAddress, word.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") }) else { return false }
    return word.allSatisfy { ByteScan.isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") || ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "f")) }
  }

  /// Cleans `bytes` in place.
  static func clean(_ bytes: inout [UInt8]) {
    replaceNonBreakingSpaces(in: &bytes)
    var changed = true
    while changed {  // prefixes nest: "> 12: - TCP …"
      changed = false
      var index = 0
      while index < bytes.count && bytes[index] == 0x20 || index < bytes.count && bytes[index] == 0x09 { index += 1 }
      guard index < bytes.count else { return }
      let lead = bytes[index]
      if lead == UInt8(ascii: ">") {
        bytes[index] = 0x20
        changed = true
      } else if lead == UInt8(ascii: "|") {
        for position in index..<bytes.count where bytes[position] == UInt8(ascii: "|") { bytes[position] = 0x20 }
        changed = true
      } else if (lead == UInt8(ascii: "-") || lead == UInt8(ascii: "*")) && index + 1 < bytes.count
        && bytes[index + 1] == 0x20 && isListItem(bytes, from: index + 1)
      {
        bytes[index] = 0x20
        changed = true
      } else if lead == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA2 {
        bytes[index] = 0x20  // • U+2022
        bytes[index + 1] = 0x20
        bytes[index + 2] = 0x20
        changed = true
      } else if lead == UInt8(ascii: "["), let close = bytes[index...].prefix(24).firstIndex(of: UInt8(ascii: "]")),
        isTimeStamp(bytes[(index + 1)..<close])
      {
        for position in index...close { bytes[position] = 0x20 }
        changed = true
      } else if lead == UInt8(ascii: "<"), let close = bytes[index...].prefix(34).firstIndex(of: UInt8(ascii: ">")),
        close > index + 1, !bytes[(index + 1)..<close].contains(0x20), bytes[index + 1] != UInt8(ascii: "-"),
        close + 1 < bytes.count, bytes[close + 1] == 0x20 || bytes[close + 1] == 0x09
      {
        // A nickname is followed by a blank; `<yourMachine>.local:40570` is a redacted host.
        for position in index...close { bytes[position] = 0x20 }
        changed = true
      } else if let end = bytes.withUnsafeBufferPointer({ commentGutterEnd($0, from: index) }) {
        for position in index..<end { bytes[position] = 0x20 }
        changed = true
      } else if lead &- UInt8(ascii: "0") < 10 {
        let end = bytes.withUnsafeBufferPointer { gutterEnd($0, from: index) }
        if let end {
          for position in index..<end { bytes[position] = 0x20 }
          changed = true
        }
      }
    }
  }

  /// Whether what follows a `*` or `-` at `start` is the item of a list: a word (a row starts
  /// with a protocol, Netid or state word) or an owner line (`[svchost.exe]`). Anything else
  /// is data: `* 5647` is ss's UNIX peer and its inode, `*  users:((…` (a word with a colon)
  /// the rest of a wrapped `0.0.0.0:*`, a `*` alone the same.
  private static func isListItem(_ bytes: [UInt8], from start: Int) -> Bool {
    var index = start
    while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09) { index += 1 }
    guard index < bytes.count else { return false }
    let byte = bytes[index]
    guard (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "[") || byte >= 0x80 else { return false }
    // `users:((…`, `ino:1599`: ss details after a wrapped `*`, not an item.
    while index < bytes.count && bytes[index] != 0x20 && bytes[index] != 0x09 {
      if bytes[index] == UInt8(ascii: ":") { return false }
      index += 1
    }
    return true
  }

  /// The end of a line-number gutter starting at `start`: digits, optional blanks, then `:`,
  /// `|` or a tab, then a blank. `nil` when there is none (ss rows start with digits too).
  private static func gutterEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < bytes.count && bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
    guard index > start, index - start <= 6 else { return nil }
    if index < bytes.count && bytes[index] == 0x09 { return index + 1 }
    while index < bytes.count && bytes[index] == 0x20 { index += 1 }
    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "|"),
      bytes[index + 1] == 0x20 || bytes[index + 1] == 0x09
    else { return nil }
    return index + 1
  }

  /// Whether bracketed text is a chat time stamp (`10:42`, `2024-01-02 10:42:07`, `10:42 PM`),
  /// not a Windows owner line such as `[svchost.exe]`.
  private static let timeStampBytes = Set("0123456789:-./ TAPMapm,".utf8)

  private static func isTimeStamp(_ text: ArraySlice<UInt8>) -> Bool {
    guard let first = text.first, first &- UInt8(ascii: "0") < 10 else { return false }  // `[svchost.exe]`
    guard text.allSatisfy(timeStampBytes.contains) else { return false }
    // hh:mm somewhere (a digit, a colon, two digits), and no "::" of an IPv6 address.
    let bytes = Array(text)
    var sawClock = false
    for index in bytes.indices.dropLast(3) {
      let digit = { (byte: UInt8) in byte &- UInt8(ascii: "0") < 10 }
      if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: ":") { return false }
      if digit(bytes[index]) && bytes[index + 1] == UInt8(ascii: ":") && digit(bytes[index + 2]) && digit(bytes[index + 3]) {
        sawClock = true
      }
    }
    return sawClock
  }

  /// Replaces each non-breaking space (U+00A0, bytes C2 A0) with two spaces, keeping byte offsets.
  static func replaceNonBreakingSpaces(in bytes: inout [UInt8]) {
    var index = 0
    while index + 1 < bytes.count {
      if bytes[index] == 0xC2 && bytes[index + 1] == 0xA0 {
        bytes[index] = 0x20
        bytes[index + 1] = 0x20
        index += 2
      } else {
        index += 1
      }
    }
  }
}
