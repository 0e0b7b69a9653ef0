/// Classifies each line of an input and turns socket rows into records.
///
/// This is the "dialect detection → dialect parser" stage. Detection is per line, never from
/// line 1 alone: every non-blank line is offered to the dialect parsers, so a paste may hold
/// several tables, several dialects and prose around them. A line that no parser claims is
/// `unrecognized` inside a table (with a diagnostic) and `noise` outside one.
struct DocumentParser {
  private(set) var context = ParseContext()
  private var linux = LinuxNetstatParser()
  private var windows = WindowsNetstatParser()
  private var ss = SSParser()
  private var bsd = BSDNetstatParser()
  private var lsof = LsofParser()
  private var powershell = PowerShellParser()
  private var other = OtherTables()
  /// The dialect of the last line a parser claimed: it reads ambiguous rows first.
  private var lastDialect: Dialect?
  /// Storage for the current line's tokens, reused for every line.
  private var tokenStorage: [Span] = []
  private var tokens: Tokens = []
  private var inTable = false
  /// Whether the lines since the last prompt line are all unclaimed text: a wrap may have cut
  /// the command (`… Expression={(Get-Proce` + `ss -Id …`), so they continue it.
  private var promptOpen = false {
    didSet { noiseOpen = promptOpen || cutNoise != nil }
  }
  /// Whether the last line of the open prompt ended inside a word at a wrap's length.
  private var promptCutInWord = false
  /// How many more lines may continue the open prompt: a command wraps onto a few lines, and
  /// endless text after a prompt must not grow it without bound.
  private var promptLinesLeft = 0
  /// The last word of the last unclaimed line when it may be a wrapped `ss` command (`… do s`):
  /// the next unclaimed line may continue it.
  private var cutNoise: String? {
    didSet { noiseOpen = promptOpen || cutNoise != nil }
  }
  /// Whether `promptOpen` or `cutNoise` is set: one flag to test on every line.
  private var noiseOpen = false
  private let dialect: Dialect?
  /// Whether any line so far held more than white space.
  private(set) var sawText = false

  /// Creates a parser; `dialect` restricts it to one dialect (`nil` detects).
  init(dialect: Dialect?) {
    self.dialect = dialect
    // A declared dialect reads ambiguous rows first; a table that shows another dialect (its
    // header, its banner) is still detected, and its rows are refused with a warning.
    self.lastDialect = dialect
    context.declaredDialect = dialect
  }

  /// The first dialect other than the declared one that the input showed.
  var foreignDialect: Dialect? { context.foreignDialect }

  /// Reads line `number` and returns its class; records and diagnostics wait in the context.
  mutating func read(_ line: LineText, number: Int) -> LineClass {
    context.lineNumber = number
    let trimmed = line.trimmed
    if trimmed.isEmpty {
      if ss.claimBlank(line) { return .continuation }
      if linux.claimBlank(line) { return .header }
      if powershell.claimBlank(line) { return .noise }
      if noiseOpen { closeNoise() }
      endBlock()
      return .noise
    }
    sawText = true
    tokens = []  // let go of the storage first, or writing to it would copy it
    tokens = line.tokens(of: trimmed, reusing: &tokenStorage)
    if powershell.awaitsRuler, let header = powershell.readAfterHeader(line, tokens: tokens) {
      return header  // a PowerShell header's wrapped rest or ruler, which would end the block
    }
    if NoiseRecognizer.isGrepSeparator(line, tokens: tokens) {
      flushAll()  // the row above is complete; the table goes on
      return .noise
    }
    if ss.awaitsHeaderRest, let header = ss.readHeaderRest(line, tokens: tokens) {
      return header  // the rest of an ss header's last word, which a bare `ss` would be taken for a command
    }
    if NoiseRecognizer.isPrompt(line, tokens: tokens) {
      if let lineClass = readCutWordAsCommand(line, trimmed) { return lineClass }
      context.lastPrompt = line.string(trimmed)
      cutNoise = nil
      promptOpen = true
      promptCutInWord = Self.endsInsideWord(line)
      promptLinesLeft = Self.promptContinuationLines
      flushAll()
      endBlock()
      if NoiseRecognizer.isInterruption(line, tokens: tokens) {
        context.report(.note, .interrupted, "the output was stopped with Ctrl-C here; the table above may be cut off")
      }
      if let row = Self.rowAfterCommand(line, tokens: tokens) {
        if row.whole { return readRow(after: line, at: row.start, number: number) }
        // A wrap cut the row inside its second address (`… findstr :80 TCP 0.0.0.0:8082 0.`).
        let excerpt = Self.excerpt(line, Span(start: row.start, end: trimmed.end))
        context.report(.warning, .unrecognizedLine, "a row after the command on this line could not be read: '\(excerpt)'")
        return .unrecognized
      }
      return .noise
    }
    if let lineClass = claim(line) {
      if noiseOpen { closeNoise() }
      if lineClass != .notice { inTable = true }
      other.endBlock()
      if let dialect, lastDialect != dialect, lineClass == .record || lineClass == .continuation { return .unrecognized }
      return lineClass
    }
    flushAll()
    if let lineClass = other.read(line, tokens: tokens, context: &context) {
      closeNoise()
      inTable = true
      return lineClass
    }
    if NoiseRecognizer.isElision(line, tokens: tokens) {
      context.report(.note, .elidedRows, "'\(Self.excerpt(line, trimmed))' stands for rows the paste left out")
      return .noise
    }
    if NoiseRecognizer.isCommentDelimiter(line, tokens: tokens) {
      endBlock()
      return .noise
    }
    if Self.startsLikeRow(line, tokens: tokens) {
      // In a table or not, a person would read it as a socket (a row a wrap cut inside its
      // address, a table whose header a wrap made unreadable): never dropped without a word.
      let excerpt = Self.excerpt(line, trimmed)
      context.report(
        .warning, .unrecognizedLine,
        inTable ? "unrecognized line in a table: '\(excerpt)'" : "a line that starts like a socket row could not be read: '\(excerpt)'")
      return .unrecognized
    }
    if promptOpen && !inTable { return continuePrompt(line, trimmed) }
    if NoiseRecognizer.isProse(line, tokens: tokens) {
      endBlock()
      noteCommand(line, trimmed)
      return .noise
    }
    if inTable {
      context.report(.warning, .unrecognizedLine, "unrecognized line in a table: '\(Self.excerpt(line, trimmed))'")
      return .unrecognized
    }
    noteCommand(line, trimmed)
    return .noise
  }

  /// Where a socket row starts on a prompt line whose command and output were joined into one
  /// line (`C:\Users\me>netstat -ano | findstr :80 TCP 0.0.0.0:8082 0.0.0.0:0 LISTENING 17776`,
  /// an issue title): a protocol word, maybe two queue numbers (net-tools), then two
  /// `address:port` tokens — `whole` — or one and at most one more token, the line's last: a row
  /// a wrap cut inside its second address. What follows a whole row may have been wrapped onto
  /// the next line.
  private static func rowAfterCommand(_ line: LineText, tokens: Tokens) -> (start: Int, whole: Bool)? {
    guard tokens.count >= 3 else { return nil }
    func isAddress(_ index: Int) -> Bool {
      guard index < tokens.endIndex else { return false }
      let token = tokens[index]
      guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: token) else { return false }
      return colon > token.start && colon < token.end - 1
    }
    for index in (tokens.startIndex + 1)..<(tokens.endIndex - 1) {
      let word = tokens[index]
      guard rowStartWords.contains(where: { line.equals(word, $0) }) else { continue }
      var address = index + 1
      if address + 2 < tokens.endIndex, line.isDigits(tokens[address]), line.isDigits(tokens[address + 1]) { address += 2 }
      guard isAddress(address) else { continue }
      if isAddress(address + 1) { return (word.start, true) }
      if tokens.endIndex - address <= 2 { return (word.start, false) }
    }
    return nil
  }

  /// Whether a line starts the way a socket row does: a protocol word, then two queue numbers
  /// (net-tools), a state and two queue numbers (ss), or an `address:port` (Windows).
  private static func startsLikeRow(_ line: LineText, tokens: Tokens) -> Bool {
    guard tokens.count >= 3, rowStartWords.contains(where: { line.equals(tokens[0], $0) }) else { return false }
    let second = tokens[1]
    if line.isDigits(second) && line.isDigits(tokens[2]) { return true }
    if tokens.count >= 4 && line.isDigits(tokens[2]) && line.isDigits(tokens[3]) { return true }
    guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: second) else { return false }
    return colon > second.start && colon < second.end - 1
  }

  private static let rowStartWords: [[UInt8]] = ["TCP", "UDP", "tcp", "udp", "tcp6", "udp6", "tcp4", "udp4", "tcp46", "udp46"].map { Array($0.utf8) }

  /// Reads a line that starts with a command's name as the rest of what a wrap cut, when it is:
  /// a UNIX row's path or program (`…/pipes/n` + `ss`, `6591/` + `sudo`), or a command cut
  /// inside a word (`…(Get-Proce` + `ss -Id …`). `nil` when it is a command of its own.
  private mutating func readCutWordAsCommand(_ line: LineText, _ trimmed: Span) -> LineClass? {
    guard NoiseRecognizer.isEchoedCommand(line, tokens: tokens) else { return nil }
    if tokens.count == 1 && linux.awaitsUnixRest, let lineClass = offer(line, to: .linuxNetstat) { return lineClass }
    if promptOpen && promptCutInWord { return continuePrompt(line, trimmed) }
    return nil
  }

  /// Ends what the text before a table may continue: the prompt's command, a wrapped sentence.
  private mutating func closeNoise() {
    promptOpen = false
    cutNoise = nil
  }

  /// Reads an unclaimed line right after a prompt line as the rest of its command, which a wrap
  /// cut: the command is read whole, and no part of it is taken for a command of its own.
  private mutating func continuePrompt(_ line: LineText, _ trimmed: Span) -> LineClass {
    context.lastPrompt = (context.lastPrompt ?? "") + line.string(Span(start: 0, end: trimmed.end))
    promptCutInWord = Self.endsInsideWord(line)
    promptLinesLeft -= 1
    if promptLinesLeft == 0 { promptOpen = false }
    return .noise
  }

  /// The most lines read as the rest of a prompt's command.
  private static let promptContinuationLines = 4

  /// Whether a line is as long as a wrapped one and ends inside a word (no blank after it).
  private static func endsInsideWord(_ line: LineText) -> Bool {
    line.count >= 60 && line.trimmed.end == line.count
  }

  /// Reads the row that starts at byte `start` of a prompt line as a line of its own: the line
  /// is a record when a dialect claims it, with a note, and noise otherwise.
  private mutating func readRow(after line: LineText, at start: Int, number: Int) -> LineClass {
    let row = LineText(bytes: UnsafeBufferPointer(rebasing: line.bytes[start...]), identity: 0)
    tokens = []
    tokens = row.tokens(of: row.trimmed, reusing: &tokenStorage)
    guard let lineClass = claim(row), lineClass == .record else { return .noise }
    inTable = true
    context.report(.note, .rowAfterPrompt, "read the row after the command on the same line (a paste that lost its line breaks)")
    return .record
  }

  /// Keeps a line of prose or a loop that runs ss with options (`I ran ss -tnp and got:`,
  /// `while true; do ss -nump; sleep 1; done`) as the command above the next table, as a
  /// prompt line would be: it tells what a table without a Netid column holds.
  ///
  /// A long line that ends inside the command, or in what may be a wrapped `ss` (`… do s`,
  /// `… do ss -n`), is read with the next line (`s -nu; …`, `u; sleep 1`) — unless the joined
  /// command selects no protocol where the line's own did, so a joined sentence never undoes
  /// what the command said.
  private mutating func noteCommand(_ line: LineText, _ trimmed: Span) {
    if let carried = cutNoise {
      cutNoise = nil
      let text = carried + line.string(Span(start: 0, end: trimmed.end))
      let words = text.split(separator: " ")
      if words.count > 1, words[0] == "ss" || words[0].hasSuffix("/ss"), words[1].hasPrefix("-"),
        SSParser.protocolSelected(byCommand: text) != nil || context.lastPrompt.flatMap(SSParser.protocolSelected(byCommand:)) == nil
      {
        context.lastPrompt = text
        return
      }
    }
    var commandStart: Int?
    for (index, token) in tokens.enumerated().dropLast() {
      guard line.equals(token, Self.ssWord) || line.string(token).hasSuffix("/ss") else { continue }
      let next = tokens[tokens.startIndex + index + 1]
      if line[next.start] == UInt8(ascii: "-") {
        context.lastPrompt = line.string(Span(start: token.start, end: trimmed.end))
        commandStart = token.start
        break
      }
    }
    guard line.count >= 60, let last = tokens.last else { return }
    if let start = commandStart, trimmed.end == line.count {
      cutNoise = line.string(Span(start: start, end: line.count))  // a wrap may have cut the command
    } else if commandStart == nil, Self.mayBeCutSS(line.string(last)) {
      cutNoise = line.string(Span(start: last.start, end: line.count))
    }
  }

  /// Whether a line's last word may be `ss` that a wrap cut or parted from its options.
  private static func mayBeCutSS(_ word: String) -> Bool {
    word == "s" || word == "ss" || word.hasSuffix("/s") || word.hasSuffix("/ss")
  }

  private static let ssWord = Array("ss".utf8)

  /// Emits records still held back; call once at the end of the input.
  mutating func finish() {
    flushAll()
  }

  private mutating func flushAll() {
    linux.flush(context: &context)
    windows.flush(context: &context)
    ss.flush(context: &context)
    bsd.flush(context: &context)
    lsof.flush(context: &context)
    powershell.flush(context: &context)
  }

  /// Moves the records and diagnostics produced since the last call into `records` and `diagnostics`.
  mutating func take(records: inout [RawSocket], diagnostics: inout [Diagnostic]) {
    if records.isEmpty {
      swap(&records, &context.records)  // the usual case: no copy
    } else {
      records.append(contentsOf: context.records)
      context.records.removeAll(keepingCapacity: true)
    }
    if diagnostics.isEmpty {
      swap(&diagnostics, &context.diagnostics)
    } else {
      diagnostics.append(contentsOf: context.diagnostics)
      context.diagnostics.removeAll(keepingCapacity: true)
    }
  }

  /// Adds a diagnostic from outside the dialect parsers.
  mutating func report(_ diagnostic: Diagnostic) {
    context.diagnostics.append(diagnostic)
  }

  /// The number of snapshots seen so far.
  var snapshots: Int { context.snapshots.current }

  /// The line of a Windows elevation message, if the input held one.
  var elevationLine: Int? { windows.elevationLine }

  /// Offers the line to each dialect parser — the one that read the last line first, so an
  /// ss row without a State column (`tcp 0 0 a b`) stays ss inside an ss table — and flushes
  /// the rows the others hold back when one claims it.
  private mutating func claim(_ line: LineText) -> LineClass? {
    if let lastDialect, let lineClass = offer(line, to: lastDialect) { return lineClass }
    for candidate in Self.dialects where candidate != lastDialect {
      if let lineClass = offer(line, to: candidate) { return lineClass }
    }
    return nil
  }

  /// BSD first: it claims only what is its own (dotted endpoints, its titles and headers), and
  /// its bare titles (`Active Internet connections`) begin net-tools' longer ones.
  private static let dialects: [Dialect] = [.bsdNetstat, .linuxNetstat, .windowsNetstat, .ss, .lsof, .powershell]

  /// Offers the line to one dialect parser; when it claims the line, the rows the others hold
  /// back are flushed and it becomes the first to be asked next time.
  private mutating func offer(_ line: LineText, to candidate: Dialect) -> LineClass? {
    let lineClass: LineClass?
    switch candidate {
    case .linuxNetstat: lineClass = linux.read(line, tokens: tokens, context: &context)
    case .windowsNetstat: lineClass = windows.read(line, tokens: tokens, context: &context)
    case .ss: lineClass = ss.read(line, tokens: tokens, context: &context)
    case .bsdNetstat: lineClass = bsd.read(line, tokens: tokens, context: &context)
    case .lsof: lineClass = lsof.read(line, tokens: tokens, context: &context)
    case .powershell: lineClass = powershell.read(line, tokens: tokens, context: &context)
    }
    guard let lineClass else { return nil }
    // Only the parser that claimed the last line can hold a row back (each holds rows only from
    // lines it claimed, and all are flushed at prompts and the end): flush it alone.
    if let previous = lastDialect, previous != candidate { flush(previous) }
    lastDialect = candidate
    return lineClass
  }

  private mutating func flush(_ dialect: Dialect) {
    switch dialect {
    case .linuxNetstat: linux.flush(context: &context)
    case .windowsNetstat: windows.flush(context: &context)
    case .ss: ss.flush(context: &context)
    case .bsdNetstat: bsd.flush(context: &context)
    case .lsof: lsof.flush(context: &context)
    case .powershell: powershell.flush(context: &context)
    }
  }

  private mutating func endBlock() {
    inTable = false
    linux.endBlock()
    windows.endBlock()
    ss.endBlock()
    bsd.endBlock()
    powershell.endBlock()
    other.endBlock()
  }

  /// The start of the line for a diagnostic, cut at 60 characters.
  static func excerpt(_ line: LineText, _ span: Span) -> String {
    let text = line.string(span)
    return text.count > 60 ? String(text.prefix(57)) + "..." : text
  }
}
