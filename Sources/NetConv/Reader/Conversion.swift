/// Converts one input: reads every event of a ``SocketReader`` and writes its records.
///
/// This is what the CLI does per file; it is public so that embedders get the same behaviour
/// (records stream to the writer, diagnostics go to a handler as they occur) in one call.
public struct Conversion {
  /// What one input produced besides its records.
  public struct Outcome: Sendable {
    /// Counts about the input.
    public var summary: ParseSummary
    /// Every diagnostic, in input order.
    public var diagnostics: [Diagnostic]
    /// The end-of-input error, if the input held nothing to convert (or failed `strict`).
    public var error: NetConvError?
  }

  /// Reads `reader` to the end, writing each record to `writer`.
  ///
  /// - Parameters:
  ///   - reader: The input.
  ///   - source: A name stored in each record's `source` (`nil` to leave it empty).
  ///   - writer: Where records go; ``RecordWriter/begin()`` and `end` are the caller's.
  ///   - onDiagnostic: Called for each diagnostic as it occurs.
  /// - Throws: ``OutputSink/OutputError`` when the output cannot be written; input problems
  ///   are in the outcome instead.
  public static func run<W: RecordWriter>(
    _ reader: SocketReader, source: String?, into writer: inout W,
    onDiagnostic: (Diagnostic) -> Void = { _ in }
  ) throws(OutputSink.OutputError) -> Outcome {
    reader.recordSource = source
    if var fast = writer as? any RawRecordWriter {
      // netconv's own writers read the parsed bytes: no Socket, no String per field.
      defer { writer = fast as! W }
      return try run(reader, into: &fast, onDiagnostic: onDiagnostic)
    }
    return try run(reader, onDiagnostic: onDiagnostic) { (socket: RawSocket) throws(OutputSink.OutputError) in
      try writer.write(Socket(socket))
    }
  }

  private static func run(
    _ reader: SocketReader, into writer: inout some RawRecordWriter, onDiagnostic: (Diagnostic) -> Void
  ) throws(OutputSink.OutputError) -> Outcome {
    try run(reader, onDiagnostic: onDiagnostic) { (socket: RawSocket) throws(OutputSink.OutputError) in
      try writer.write(raw: socket)
    }
  }

  private static func run(
    _ reader: SocketReader, onDiagnostic: (Diagnostic) -> Void,
    record: (RawSocket) throws(OutputSink.OutputError) -> Void
  ) throws(OutputSink.OutputError) -> Outcome {
    var diagnostics: [Diagnostic] = []
    var failure: NetConvError?
    do {
      try reader.forEach(
        record: record,
        diagnostic: { diagnostic in
          diagnostics.append(diagnostic)
          onDiagnostic(diagnostic)
        })
    } catch {
      switch error {
      case .input(let error): failure = error
      case .output(let error): throw error
      }
    }
    return Outcome(summary: reader.summary, diagnostics: diagnostics, error: failure)
  }
}
