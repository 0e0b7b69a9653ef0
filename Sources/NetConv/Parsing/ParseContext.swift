/// What the dialect parsers share while reading one input: the line being read, the snapshot
/// count, and where diagnostics go.
struct ParseContext {
  /// The 1-based number of the line being read.
  var lineNumber = 0
  /// The snapshot counter.
  var snapshots = Snapshots()
  /// The last prompt line (`$ ss -tlnp`), which tells what a table without a Netid column holds.
  var lastPrompt: String?
  /// Diagnostics produced for the current line, drained by the reader after each line.
  var diagnostics: [Diagnostic] = []
  /// Records completed while reading the current line, drained by the reader after each line.
  var records: [RawSocket] = []

  /// Hands out a completed record in its final shape (``RawSocket/normalize()``); texts are
  /// never empty, so the model's promise that a missing value is null, never "", holds
  /// whatever a parser met in the input.
  mutating func emit(_ socket: consuming RawSocket) {
    socket.normalize()
    records.append(socket)
  }

  /// Records a diagnostic about the current line.
  mutating func report(_ severity: Diagnostic.Severity, _ kind: Diagnostic.Kind, _ message: String) {
    diagnostics.append(Diagnostic(severity, kind, line: lineNumber, message))
  }
}
