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
  public static func run(
    _ reader: SocketReader, source: String?, into writer: inout some RecordWriter,
    onDiagnostic: (Diagnostic) -> Void = { _ in }
  ) throws(OutputSink.OutputError) -> Outcome {
    var diagnostics: [Diagnostic] = []
    var failure: NetConvError?
    do {
      try reader.forEach(
        record: { (socket: Socket) throws(OutputSink.OutputError) in
          if let source {
            var socket = socket
            socket.source = source
            try writer.write(socket)
          } else {
            try writer.write(socket)
          }
        },
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
