/// A row that ended early — after its first address, or inside an address cut after its `:` —
/// held until the next line shows whether a wrap carried the rest there. Each dialect parser
/// joins it with a line that continues it, or hands it out as a cut row with a warning.
struct PartialRow {
  /// The row's bytes up to its last non-blank.
  let bytes: [UInt8]
  /// The row's line number.
  let line: Int

  /// Holds `text` (read on line `number`).
  init(_ text: LineText, number: Int) {
    bytes = Array(text.bytes[0..<text.trimmed.end])
    line = number
  }

  /// Whether the row ends in an address cut right after its `:` (`0.0.0.0:` + `*` on the next line).
  var endsInCutAddress: Bool { bytes.last == UInt8(ascii: ":") }

  /// Calls `body` with the row and `next` joined: directly after a cut address, else with a
  /// blank between; a blank at the end of `next` is kept as one (a `users:((` part cut there).
  func joined<Result>(with next: LineText, _ body: (LineText, Tokens) -> Result) -> Result {
    var joined = bytes
    if !endsInCutAddress { joined.append(0x20) }
    joined.append(contentsOf: UnsafeBufferPointer(rebasing: next.bytes[next.trimmed.start..<next.trimmed.end]))
    if next.trimmed.end < next.count { joined.append(0x20) }
    return Self.read(joined, body)
  }

  /// Calls `body` with the row alone.
  func read<Result>(_ body: (LineText, Tokens) -> Result) -> Result {
    Self.read(bytes, body)
  }

  private static func read<Result>(_ bytes: [UInt8], _ body: (LineText, Tokens) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { buffer in
      let text = LineText(bytes: buffer)
      var storage: [Span] = []
      let tokens = text.tokens(of: text.trimmed, reusing: &storage)
      return body(text, tokens)
    }
  }
}
