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

  /// The dialect the input was declared to be (``ParseOptions/dialect``): records of another
  /// dialect are not handed out, and each says so in a warning.
  var declaredDialect: Dialect?
  /// The first dialect other than the declared one that the input showed.
  private(set) var foreignDialect: Dialect?

  /// The last sort of a record's details, reused while keys come in the same order.
  private var detailOrder = DetailOrder()

  /// Hands out a completed record in its final shape (``RawSocket/normalize(reusing:)``); texts are
  /// never empty, so the model's promise that a missing value is null, never "", holds
  /// whatever a parser met in the input.
  mutating func emit(_ socket: consuming RawSocket) {
    guard isDeclared(socket) else { return }
    socket.normalize(reusing: &detailOrder)
    records.append(socket)
  }

  /// Emits the record a parser held back in `slot`, if any, leaving `nil`: normalized where
  /// it lies and moved once, as a record is too large to pass around by value cheaply.
  mutating func emit(taking slot: inout RawSocket?) {
    guard case .some = slot else { return }  // `slot != nil` would copy the record
    guard isDeclared(slot.unsafelyUnwrapped) else {
      slot = nil
      return
    }
    records.append(slot.take().unsafelyUnwrapped)
    records[records.count - 1].normalize(reusing: &detailOrder)
  }

  /// Whether `socket` is of the declared dialect (or none was declared); warns when not.
  private mutating func isDeclared(_ socket: borrowing RawSocket) -> Bool {
    guard let declaredDialect, socket.dialect != declaredDialect else { return true }
    if foreignDialect == nil { foreignDialect = socket.dialect }
    report(
      .warning, .dialectMismatch,
      "a row of \(socket.dialect.rawValue) output, not read: the input was declared \(declaredDialect.rawValue)", line: socket.line)
    return false
  }

  /// The value of a count or id shown as `span`: a number too large to keep is null, with a
  /// warning (a silent null would hide that the input showed a value).
  @inline(__always) mutating func number(_ line: LineText, _ span: Span, _ field: StaticString, limit: Int = Int(Int32.max)) -> Int? {
    number(line, span, field, upTo: limit)
  }

  /// ``number(_:_:_:limit:)`` as a `Value` (`Int64` for an inode).
  @inline(__always) mutating func number<Value: FixedWidthInteger>(_ line: LineText, _ span: Span, _ field: StaticString, upTo limit: Value) -> Value? {
    if let value = line.integer(span, upTo: limit) { return value }
    if line.isDigits(span) { reportTooLarge(line, span, field, limit: limit) }
    return nil
  }

  /// Warns that the digits of `span` make a number larger than `limit`.
  mutating func reportTooLarge<Value: FixedWidthInteger>(_ line: LineText, _ span: Span, _ field: StaticString, limit: Value) {
    let digits = line.string(span)
    let shown = digits.count > 40 ? digits.prefix(40) + "…" : Substring(digits)
    report(.warning, .valueOutOfRange, "\(field) \(shown) is out of range (at most \(limit)): kept as null")
  }

  /// Reports what an endpoint's port could not be: a number out of range, or a name missing
  /// from the service table.
  mutating func reportPortProblems(_ parsed: EndpointParser.Parsed, in line: LineText) {
    if let span = parsed.portOutOfRange {
      report(.warning, .valueOutOfRange, "port \(line.string(span)) is out of range (0–65535): its port is null")
    }
    if let name = parsed.unknownService {
      report(.note, .unknownService, "'\(line.string(name))' is not in the service table: its port is null")
    }
  }

  /// Records a diagnostic about the current line, or about `line`.
  mutating func report(_ severity: Diagnostic.Severity, _ kind: Diagnostic.Kind, _ message: String, line: Int? = nil) {
    diagnostics.append(Diagnostic(severity, kind, line: line ?? lineNumber, message))
  }
}
