/// Recognizes lines that surround tables in a paste: shell prompts, echoed commands, comments.
enum NoiseRecognizer {
  /// Whether the line starts with `^C`, the mark a terminal prints when Ctrl-C stops a command
  /// (an interval `netstat -b 5` is stopped that way).
  static func isInterruption(_ line: LineText, tokens: Tokens) -> Bool {
    let first = tokens[0]
    return first.count == 2 && line[first.start] == UInt8(ascii: "^") && line[first.start + 1] == UInt8(ascii: "C")
  }

  /// Whether the line is a prompt or comment that ends the current table.
  ///
  ///     $ netstat -tunap            → true
  ///     user@host:~$ ss -tunap      → true
  ///     # a comment, ### heading    → true
  ///     C:\Users\me>netstat -ano    → true
  ///     PS C:\> netstat -a -n -b    → true
  ///     ^C                          → true (interval mode stopped)
  ///     netstat -ano                → true (an echoed command)
  ///     -- More --, ```, |---|---|, ===== → true (pager and markdown artefacts, rulers)
  static func isPrompt(_ line: LineText, tokens: Tokens) -> Bool {
    let first = tokens[0]
    let lead = line[first.start]
    if isEchoedCommand(line, tokens: tokens) { return true }
    if isRulerByte(lead) && isRuler(line, Span(start: first.start, end: tokens[tokens.count - 1].end)) { return true }
    if tokens.count == 3 && line.equals(first, dashes) && line.equals(tokens[2], dashes) {
      return true  // -- More --
    }
    if lead == UInt8(ascii: "#") { return true }
    if lead == UInt8(ascii: "$") && first.count == 1 { return true }
    if isInterruption(line, tokens: tokens) { return true }
    if first.count >= 3, isLetter(lead), line[first.start + 1] == UInt8(ascii: ":"),
      line[first.start + 2] == UInt8(ascii: "\\"), line.firstIndex(of: UInt8(ascii: ">"), in: first) != nil
    {
      return true
    }
    if tokens.count >= 2, line.equals(first, powerShell) {
      let second = tokens[1]
      return second.count >= 3 && isLetter(line[second.start]) && line[second.start + 1] == UInt8(ascii: ":")
    }
    // user@host:~$ or root@host:/# as the first token
    let last = line[first.end - 1]
    if (last == UInt8(ascii: "$") || last == UInt8(ascii: "#")) && first.count > 1,
      line.firstIndex(of: UInt8(ascii: "@"), in: first) != nil
    {
      return true
    }
    return false
  }

  /// Whether the line starts with the name of a command whose echo comes before its output
  /// (`netstat -ano`, `sudo ss -tunap`), without a prompt.
  @inline(__always)
  static func isEchoedCommand(_ line: LineText, tokens: Tokens) -> Bool {
    let first = tokens[0]
    // Screened on the first byte: this runs on every line, and most lines are rows.
    return isCommandLead[Int(line[first.start])] && commands.contains(where: { line.equals(first, $0) })
  }

  /// Whether the line is grep's `--` between the groups of `grep -A/-B/-C`: the rows around it
  /// belong to one table.
  static func isGrepSeparator(_ line: LineText, tokens: Tokens) -> Bool {
    tokens.count == 1 && line.equals(tokens[tokens.startIndex], dashes)
  }

  /// Whether an unclaimed line reads as a sentence (`thanks, 6120 is which program?`): three or
  /// more words, more words than numbers and other tokens, no `address:port`, and sentence
  /// punctuation. Prose ends a table instead of being an unrecognized line inside it; the end
  /// of a wrapped row (`LISTEN 0 0 131072 131072 io.`) is not prose.
  static func isProse(_ line: LineText, tokens: Tokens) -> Bool {
    guard tokens.count >= 3 else { return false }
    var words = 0
    for token in tokens {
      if let colon = line.lastIndex(of: UInt8(ascii: ":"), in: token), colon < token.end - 1 { return false }
      let first = line[token.start]
      if isLetter(first) || first >= 0x80 { words += 1 }
    }
    guard words >= 3 && words * 2 > tokens.count else { return false }
    let last = line[tokens[tokens.count - 1].end - 1]
    if last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!") { return true }
    return tokens.dropLast().contains { line[$0.end - 1] == UInt8(ascii: ",") }
  }

  /// Whether the line only opens or closes a comment around a pasted table (`/*`, `/**`, `*/`,
  /// a lone `*` of a doc comment, PowerShell's `<#` and `#>`, `<!--`, `-->`): it ends the block.
  static func isCommentDelimiter(_ line: LineText, tokens: Tokens) -> Bool {
    tokens.count == 1 && commentDelimiters.contains { line.equals(tokens[tokens.startIndex], $0) }
  }

  /// Whether the line stands for rows left out (`…`, `...`, `[...]`): the rows around it are
  /// one table, and nothing is lost that the paste showed.
  static func isElision(_ line: LineText, tokens: Tokens) -> Bool {
    tokens.count == 1 && elisions.contains { line.equals(tokens[tokens.startIndex], $0) }
  }

  private static let commentDelimiters: [[UInt8]] = ["/*", "/**", "*/", "*", "<#", "#>", "<!--", "-->"].map { Array($0.utf8) }
  private static let elisions: [[UInt8]] = ["…", "...", "[...]", "[…]", "(...)"].map { Array($0.utf8) }
  private static let dashes = Array("--".utf8)
  private static let powerShell = Array("PS".utf8)

  /// Commands whose echo comes before their output in a paste.
  private static let commands: [[UInt8]] = ["netstat", "netstat.exe", "NETSTAT", "ss", "sudo", "doas", "lsof", "tasklist"].map {
    Array($0.utf8)
  }

  /// Whether a byte starts one of ``commands``, by byte value.
  private static let isCommandLead: [Bool] = (0..<256).map { byte in commands.contains { Int($0[0]) == byte } }

  /// A line of only `-`, `=`, `_`, `~`, `` ` ``, `|`, `:` and `+`: markdown fences and table
  /// rules, and the `=====` separators of Windows tables.
  private static func isRuler(_ line: LineText, _ span: Span) -> Bool {
    guard span.count >= 3 else { return false }
    for index in span.start..<span.end where !isRulerByte(line[index]) && !LineText.isSpace(line[index]) {
      return false
    }
    return true
  }

  private static func isRulerByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"),
      UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "+"):
      return true
    default: return false
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}
