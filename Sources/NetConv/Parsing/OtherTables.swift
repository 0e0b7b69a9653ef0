/// Recognizes tables that hold no sockets — routing and interface tables, statistics, lsof,
/// tasklist, BSD/macOS netstat — so their lines are accounted as `skipped`, with one note per
/// table, instead of `unrecognized`. The titles and headers come from
/// `Grammar/other-tables/vocabulary.json`.
struct OtherTables {
  /// A kind of table: its name for the note, the titles above it, and its header's words.
  struct Kind {
    let name: String
    let titles: [[UInt8]]
    let headerStart: [String]
    let headerContains: [String]

    init(name: String, titles: [String], headerStart: [String], headerContains: [String]) {
      self.name = name
      self.titles = titles.map { Array($0.utf8) }
      self.headerStart = headerStart
      self.headerContains = headerContains
    }
  }

  /// Header words of other tools (BSD/macOS netstat, ss, routing tables).
  static let foreignHeaderWords: Set<String> = Set(foreignHeaderWordTable)

  /// The table being skipped, if any.
  private var active: String?
  /// Whether tcpdump lines were noted already: pastes interleave them with other output, and
  /// one note per input says enough.
  private var packetCaptureNoted = false

  /// A blank line, a prompt or a socket row ended the table.
  mutating func endBlock() { active = nil }

  /// Claims a line that starts or continues a table that holds no sockets.
  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    if let kind = Self.kinds.first(where: { matches($0, line, tokens) }) {
      if active != kind.name {
        active = kind.name
        context.report(.note, .skippedTable, "skipped a table that lists no sockets: \(kind.name)")
      }
      return .skipped
    }
    if Self.isPacketCaptureLine(line, tokens) {
      active = Self.packetCaptureName
      if !packetCaptureNoted {
        packetCaptureNoted = true
        context.report(.note, .skippedTable, "skipped a table that lists no sockets: \(Self.packetCaptureName)")
      }
      return .skipped
    }
    return active == nil ? nil : .skipped
  }

  /// A line of tcpdump: a time of day with fractions of a second, then a word of
  /// `Grammar/other-tables` (`IP`, `IP6`, `ARP,`)
  /// (`12:01:02.123456 IP 10.0.0.9.51234 > 10.0.0.4.22: Flags [P.], …`).
  private static func isPacketCaptureLine(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count >= 4 else { return false }
    let time = line.string(tokens[tokens.startIndex])
    let parts = time.split(separator: ":")
    guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].contains("."),
      time.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." })
    else { return false }
    return packetCaptureWords.contains(line.string(tokens[tokens.startIndex + 1]))
  }

  private func matches(_ kind: Kind, _ line: LineText, _ tokens: Tokens) -> Bool {
    if kind.titles.contains(where: { line.hasPrefix($0, at: tokens[0].start) }) { return true }
    if !kind.headerStart.isEmpty && tokens.count >= kind.headerStart.count {
      if zip(kind.headerStart, tokens).allSatisfy({ line.equals($0.1, Array($0.0.utf8)) }) { return true }
    }
    if !kind.headerContains.isEmpty {
      let words = Set(tokens.map { line.string($0) })
      if kind.headerContains.allSatisfy(words.contains) { return true }
    }
    return false
  }
}
