/// The columns of one BSD netstat Internet table, as its header names them: what comes before
/// Proto (`-A`), the number columns between Proto and the addresses, whether a state column
/// follows them, and the columns after it (macOS `-v`/`-b`, FreeBSD `-P`/`-x`).
struct BSDNetstatLayout {
  /// Columns before Proto (`Tcpcb`; macOS `Socket Flowhash`).
  var leading = 0
  /// Keys of the number columns between Proto and the addresses (`recv_q`, `send_q`;
  /// `rexmit`, `ooorcv`, `zero_window` with `-T`).
  var counters: [String] = ["recv_q", "send_q"]
  /// Whether the header has a state column (`(state)`, `TCP-State`).
  var hasState = true
  /// Keys of the columns after the state.
  var extras: [String] = []
  /// Whether a header was read (else this is the default layout of a headerless paste).
  var fromHeader = false
  /// Whether the header was cut after `Foreign` (a terminal wrap): its state column, if any,
  /// is on the next line.
  var isCut = false

  /// The address column width: 22, or 18 when `-A` adds a pointer column.
  var addressWidth: Int { leading > 0 ? 18 : 22 }

  /// Reads a header line: `[Tcpcb | Socket Flowhash] Proto <counters> Local Address Foreign
  /// Address [state] [extras]`. `nil` when the line is not a BSD Internet header.
  init?(header line: LineText, tokens: Tokens) {
    var index = tokens.startIndex
    while index < tokens.endIndex, BSDNetstatVocabulary.beforeProto.contains(line.string(tokens[index])) { index += 1 }
    guard index < tokens.endIndex, line.equals(tokens[index], Self.proto) else { return nil }
    leading = index - tokens.startIndex
    index += 1
    var counters: [String] = []
    while index < tokens.endIndex, let key = BSDNetstatVocabulary.counterTable[line.string(tokens[index])] {
      counters.append(key)
      index += 1
    }
    guard index + 2 < tokens.endIndex, line.equals(tokens[index], Self.local), line.equals(tokens[index + 1], Self.address),
      line.equals(tokens[index + 2], Self.foreign)
    else { return nil }
    guard index + 3 < tokens.endIndex, line.equals(tokens[index + 3], Self.address) else {
      // A terminal cut the header inside `Foreign Address`: the rest comes on the next line.
      guard index + 4 >= tokens.endIndex, index + 3 == tokens.endIndex || Self.address.starts(with: line.bytes[tokens[index + 3].start..<tokens[index + 3].end])
      else { return nil }
      self.counters = counters
      isCut = true
      fromHeader = true
      return
    }
    index += 4
    // NetBSD titles the column `State`, as net-tools and Windows do: only a `-A` column before
    // Proto tells its header apart from theirs.
    if index < tokens.endIndex {
      let word = line.string(tokens[index])
      hasState = BSDNetstatVocabulary.stateHeaders.contains(word) || (leading > 0 && word == "State")
      if index + 1 == tokens.endIndex, !hasState,
        BSDNetstatVocabulary.stateHeaders.contains(where: { $0.hasPrefix(word) }) || (leading > 0 && "State".hasPrefix(word))
      {
        // The state title cut by a wrap (`IP-` + `Proto`, NetBSD's `Stat` + `e`).
        self.counters = counters
        hasState = true
        isCut = true
        fromHeader = true
        return
      }
    } else {
      hasState = false
    }
    if hasState { index += 1 }
    // Without a state column the header is BSD's when its number columns say so (`-T`), a
    // `-A` column comes first, or nothing follows the queues' addresses (OpenBSD's UDP group):
    // `Proto Local Address Foreign Address State` is Windows' header, and net-tools' ends in State.
    let bsdExtras = index < tokens.endIndex && BSDNetstatVocabulary.extrasWithoutState.contains(line.string(tokens[index]))
    guard hasState || leading > 0 || counters.contains("rexmit") || bsdExtras || (!counters.isEmpty && index == tokens.endIndex) else {
      return nil
    }
    self.counters = counters
    var extras: [String] = []
    while index < tokens.endIndex {
      let word = line.string(tokens[index])
      if index + 1 < tokens.endIndex, let key = BSDNetstatVocabulary.extraColumnTable[word + " " + line.string(tokens[index + 1])] {
        extras.append(key)
        index += 2
        continue
      }
      extras.append(BSDNetstatVocabulary.extraColumnTable[word] ?? Self.key(word))
      index += 1
    }
    self.extras = extras
    fromHeader = true
  }

  init() {}

  /// Reads the rest of a cut header (`s        TCP-State`): the end of `Address`, then the
  /// state title and the columns after it. `false` when the line is something else.
  mutating func readRest(_ line: LineText, tokens: Tokens) -> Bool {
    var index = tokens.startIndex
    let first = line.string(tokens[index])
    if hasState {
      // The state title was cut: this line starts with its end.
      guard BSDNetstatVocabulary.stateHeaders.contains(where: { $0.hasSuffix(first) }) || "State".hasSuffix(first) else { return false }
      index += 1
    } else {
      if "Address".hasSuffix(first) { index += 1 }
      guard index > tokens.startIndex || BSDNetstatVocabulary.stateHeaders.contains(first) else { return false }
      hasState = index < tokens.endIndex && BSDNetstatVocabulary.stateHeaders.contains(line.string(tokens[index]))
      if hasState { index += 1 }
    }
    isCut = false
    extras = tokens[index...].map { BSDNetstatVocabulary.extraColumnTable[line.string($0)] ?? Self.key(line.string($0)) }
    return true
  }

  /// A header word as a detail key: lower case, `-`, `/`, `:` and spaces as `_`.
  static func key(_ word: String) -> String {
    String(word.lowercased().map { "-/: ".contains($0) ? "_" : $0 })
  }

  private static let proto = Array("Proto".utf8)
  private static let local = Array("Local".utf8)
  private static let foreign = Array("Foreign".utf8)
  private static let address = Array("Address".utf8)
}
