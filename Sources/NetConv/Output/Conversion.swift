/// Converts one input: reads every event of a ``SocketReader`` and writes its records.
///
/// This is what the CLI does per file; it is public so that embedders get the same behaviour
/// (records stream to the writer, diagnostics go to a handler as they occur) in one call.
public struct Conversion {
  /// What one input produced besides its records.
  public struct Outcome: Sendable {
    /// The name given to ``Conversion/run(_:source:into:keepingDiagnostics:onDiagnostic:)``.
    public var source: String?
    /// Counts about the input (``ParseSummary/diagnostics`` counts every diagnostic).
    public var summary: ParseSummary
    /// The first diagnostics of each kind, in input order; every one was handed to
    /// `onDiagnostic` as it occurred.
    public var diagnostics: [Diagnostic]
    /// How many diagnostics ``diagnostics`` leaves out, so memory stays flat on any input.
    public var diagnosticsLeftOut: Int
    /// The end-of-input error, if the input held nothing to convert (or failed `strict`).
    public var error: NetConvError?

    /// Creates an outcome, for callers that read inputs their own way.
    public init(
      source: String?, summary: ParseSummary, diagnostics: [Diagnostic], diagnosticsLeftOut: Int = 0,
      error: NetConvError?
    ) {
      self.source = source
      self.summary = summary
      self.diagnostics = diagnostics
      self.diagnosticsLeftOut = diagnosticsLeftOut
      self.error = error
    }
  }

  /// How many diagnostics of each kind an ``Outcome`` keeps by default.
  public static let keptDiagnosticsPerKind = 100

  /// Reads `reader` to the end, writing each record to `writer`.
  ///
  /// - Parameters:
  ///   - reader: The input.
  ///   - source: A name stored in each record's `source` (`nil` to leave it empty).
  ///   - writer: Where records go; ``RecordWriter/begin()`` and `end` are the caller's.
  ///   - keepingDiagnostics: How many diagnostics of each kind the outcome keeps.
  ///   - onDiagnostic: Called for each diagnostic as it occurs.
  /// - Throws: ``OutputSink/OutputError`` when the output cannot be written; input problems
  ///   are in the outcome instead.
  public static func run<W: RecordWriter>(
    _ reader: SocketReader, source: String?, into writer: inout W,
    keepingDiagnostics: Int = keptDiagnosticsPerKind,
    onDiagnostic: (Diagnostic) -> Void = { _ in }
  ) throws(OutputSink.OutputError) -> Outcome {
    reader.recordSource = source
    #if !hasFeature(Embedded)
      if var fast = writer as? any RawRecordWriter {
        // netconv's own writers read the parsed bytes: no Socket, no String per field.
        defer { writer = fast as! W }
        return try run(reader, source: source, raw: &fast, keepingDiagnostics: keepingDiagnostics, onDiagnostic: onDiagnostic)
      }
    #endif
    return try run(reader, source: source, keeping: keepingDiagnostics, onDiagnostic: onDiagnostic) {
      (socket: RawSocket) throws(OutputSink.OutputError) in
      try writer.write(Socket(socket))
    }
  }

  /// Reads `reader` to the end with one of netconv's own writers, which read the parsed bytes
  /// (no `Socket`, no `String` per field). The CLI gets here through ``run(_:source:into:keepingDiagnostics:onDiagnostic:)``;
  /// the WebAssembly build, which has no dynamic casts, calls it directly.
  package static func run(
    _ reader: SocketReader, source: String?, raw writer: inout some RawRecordWriter,
    keepingDiagnostics keeping: Int = keptDiagnosticsPerKind, onDiagnostic: (Diagnostic) -> Void
  ) throws(OutputSink.OutputError) -> Outcome {
    reader.recordSource = source
    return try run(reader, source: source, keeping: keeping, onDiagnostic: onDiagnostic) {
      (socket: RawSocket) throws(OutputSink.OutputError) in
      try writer.write(raw: socket)
    }
  }

  private static func run(
    _ reader: SocketReader, source: String?, keeping: Int, onDiagnostic: (Diagnostic) -> Void,
    record: (RawSocket) throws(OutputSink.OutputError) -> Void
  ) throws(OutputSink.OutputError) -> Outcome {
    var diagnostics: [Diagnostic] = []
    var keptPerKind: [Diagnostic.Kind: Int] = [:]
    var leftOut = 0
    var failure: NetConvError?
    do {
      try reader.forEach(
        record: record,
        diagnostic: { diagnostic in
          onDiagnostic(diagnostic)
          let kept = keptPerKind[diagnostic.kind, default: 0]
          if kept < keeping {
            keptPerKind[diagnostic.kind] = kept + 1
            diagnostics.append(diagnostic)
          } else {
            leftOut += 1
          }
        })
    } catch {
      switch error {
      case .input(let error): failure = error
      case .output(let error): throw error
      }
    }
    return Outcome(
      source: source, summary: reader.summary, diagnostics: diagnostics, diagnosticsLeftOut: leftOut, error: failure)
  }
}
