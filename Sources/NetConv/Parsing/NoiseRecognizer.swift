/// Recognizes lines that surround tables in a paste: shell prompts, echoed commands, comments.
enum NoiseRecognizer {
  /// Whether the line is a prompt or comment that ends the current table.
  ///
  ///     $ netstat -tunap            → true
  ///     user@host:~$ ss -tunap      → true
  ///     # a comment, ### heading    → true
  ///     C:\Users\me>netstat -ano    → true
  ///     PS C:\> netstat -a -n -b    → true
  ///     ^C                          → true (interval mode stopped)
  static func isPrompt(_ line: LineText, tokens: [Span]) -> Bool {
    let first = tokens[0]
    let lead = line[first.start]
    if lead == UInt8(ascii: "#") { return true }
    if lead == UInt8(ascii: "$") && first.count == 1 { return true }
    if lead == UInt8(ascii: "^") && first.count == 2 && line[first.start + 1] == UInt8(ascii: "C") { return true }
    if first.count >= 3, isLetter(lead), line[first.start + 1] == UInt8(ascii: ":"),
      line[first.start + 2] == UInt8(ascii: "\\"), line.firstIndex(of: UInt8(ascii: ">"), in: first) != nil
    {
      return true
    }
    if tokens.count >= 2, line.equals(first, Array("PS".utf8)) {
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

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }
}
