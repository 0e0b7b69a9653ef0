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
  private var other = OtherTables()
  /// The dialect of the last line a parser claimed: it reads ambiguous rows first.
  private var lastDialect: Dialect?
  /// Storage for the current line's tokens, reused for every line.
  private var tokenStorage: [Span] = []
  private var tokens: Tokens = []
  private var inTable = false
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
      endBlock()
      return .noise
    }
    sawText = true
    tokens = []  // let go of the storage first, or writing to it would copy it
    tokens = line.tokens(of: trimmed, reusing: &tokenStorage)
    if NoiseRecognizer.isPrompt(line, tokens: tokens) {
      context.lastPrompt = line.string(trimmed)
      flushAll()
      endBlock()
      return .noise
    }
    if let lineClass = claim(line) {
      if lineClass != .notice { inTable = true }
      other.endBlock()
      if let dialect, lastDialect != dialect, lineClass == .record || lineClass == .continuation { return .unrecognized }
      return lineClass
    }
    flushAll()
    if let lineClass = other.read(line, tokens: tokens, context: &context) {
      inTable = true
      return lineClass
    }
    if NoiseRecognizer.isProse(line, tokens: tokens) {
      endBlock()
      return .noise
    }
    if inTable {
      context.report(.warning, .unrecognizedLine, "unrecognized line in a table: '\(Self.excerpt(line, trimmed))'")
      return .unrecognized
    }
    return .noise
  }

  /// Emits records still held back; call once at the end of the input.
  mutating func finish() {
    flushAll()
  }

  private mutating func flushAll() {
    linux.flush(context: &context)
    windows.flush(context: &context)
    ss.flush(context: &context)
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

  private static let dialects: [Dialect] = [.linuxNetstat, .windowsNetstat, .ss]

  /// Offers the line to one dialect parser; when it claims the line, the rows the others hold
  /// back are flushed and it becomes the first to be asked next time.
  private mutating func offer(_ line: LineText, to candidate: Dialect) -> LineClass? {
    let lineClass: LineClass?
    switch candidate {
    case .linuxNetstat: lineClass = linux.read(line, tokens: tokens, context: &context)
    case .windowsNetstat: lineClass = windows.read(line, tokens: tokens, context: &context)
    case .ss: lineClass = ss.read(line, tokens: tokens, context: &context)
    }
    guard let lineClass else { return nil }
    if candidate != .linuxNetstat { linux.flush(context: &context) }
    if candidate != .windowsNetstat { windows.flush(context: &context) }
    if candidate != .ss { ss.flush(context: &context) }
    lastDialect = candidate
    return lineClass
  }

  private mutating func endBlock() {
    inTable = false
    linux.endBlock()
    windows.endBlock()
    ss.endBlock()
    other.endBlock()
  }

  /// The start of the line for a diagnostic, cut at 60 characters.
  static func excerpt(_ line: LineText, _ span: Span) -> String {
    let text = line.string(span)
    return text.count > 60 ? String(text.prefix(57)) + "..." : text
  }
}
