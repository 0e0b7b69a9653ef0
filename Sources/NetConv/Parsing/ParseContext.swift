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

  /// The last sort of a record's details, reused while keys come in the same order.
  private var detailOrder = DetailOrder()

  /// Hands out a completed record in its final shape (``RawSocket/normalize(reusing:)``); texts are
  /// never empty, so the model's promise that a missing value is null, never "", holds
  /// whatever a parser met in the input.
  mutating func emit(_ socket: consuming RawSocket) {
    socket.normalize(reusing: &detailOrder)
    records.append(socket)
  }

  /// Emits the record a parser held back in `slot`, if any, leaving `nil`: normalized where
  /// it lies and moved once, as a record is too large to pass around by value cheaply.
  mutating func emit(taking slot: inout RawSocket?) {
    guard slot != nil else { return }
    records.append(slot.take().unsafelyUnwrapped)
    records[records.count - 1].normalize(reusing: &detailOrder)
  }

  /// Records a diagnostic about the current line.
  mutating func report(_ severity: Diagnostic.Severity, _ kind: Diagnostic.Kind, _ message: String) {
    diagnostics.append(Diagnostic(severity, kind, line: lineNumber, message))
  }
}
