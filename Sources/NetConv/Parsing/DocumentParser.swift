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
  private var tokens: [Span] = []
  private var inTable = false
  private let dialect: Dialect?
  /// Whether any line so far held more than white space.
  private(set) var sawText = false

  /// Creates a parser; `dialect` restricts it to one dialect (`nil` detects).
  init(dialect: Dialect?) {
    self.dialect = dialect
    tokens.reserveCapacity(32)
  }

  /// Reads line `number` and returns its class; records and diagnostics wait in the context.
  mutating func read(_ line: LineText, number: Int) -> LineClass {
    context.lineNumber = number
    let trimmed = line.trimmed
    if trimmed.isEmpty {
      endBlock()
      return .noise
    }
    sawText = true
    tokens.removeAll(keepingCapacity: true)
    line.tokenize(trimmed, into: &tokens)
    if NoiseRecognizer.isPrompt(line, tokens: tokens) {
      windows.flush(context: &context)
      endBlock()
      return .noise
    }
    if let lineClass = claim(line) {
      if lineClass != .notice { inTable = true }
      return lineClass
    }
    windows.flush(context: &context)
    if inTable {
      context.report(.warning, .unrecognizedLine, "unrecognized line in a table: '\(Self.excerpt(line, trimmed))'")
      return .unrecognized
    }
    return .noise
  }

  /// Emits records still held back; call once at the end of the input.
  mutating func finish() {
    windows.flush(context: &context)
  }

  /// Moves the records and diagnostics produced since the last call into `records` and `diagnostics`.
  mutating func take(records: inout [Socket], diagnostics: inout [Diagnostic]) {
    records.append(contentsOf: context.records)
    context.records.removeAll(keepingCapacity: true)
    diagnostics.append(contentsOf: context.diagnostics)
    context.diagnostics.removeAll(keepingCapacity: true)
  }

  /// Adds a diagnostic from outside the dialect parsers.
  mutating func report(_ diagnostic: Diagnostic) {
    context.diagnostics.append(diagnostic)
  }

  /// The number of snapshots seen so far.
  var snapshots: Int { context.snapshots.current }

  /// The line of a Windows elevation message, if the input held one.
  var elevationLine: Int? { windows.elevationLine }

  private mutating func claim(_ line: LineText) -> LineClass? {
    if dialect == nil || dialect == .linuxNetstat,
      let lineClass = linux.read(line, tokens: tokens, context: &context)
    {
      windows.flush(context: &context)
      return lineClass
    }
    if dialect == nil || dialect == .windowsNetstat {
      return windows.read(line, tokens: tokens, context: &context)
    }
    return nil
  }

  private mutating func endBlock() {
    inTable = false
    linux.endBlock()
    windows.endBlock()
  }

  /// The start of the line for a diagnostic, cut at 60 characters.
  static func excerpt(_ line: LineText, _ span: Span) -> String {
    let text = line.string(span)
    return text.count > 60 ? String(text.prefix(57)) + "..." : text
  }
}
