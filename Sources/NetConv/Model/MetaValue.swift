/// A small tree of values for the envelope's `meta` section, written the same way by the JSON
/// and YAML writers.
public indirect enum MetaValue: Hashable, Sendable {
  case null
  case int(Int)
  case string(String)
  case bool(Bool)
  case list([MetaValue])
  /// An object whose keys keep their order.
  case object([MetaEntry])

  /// One key of an ``object``.
  public struct MetaEntry: Hashable, Sendable {
    public var key: String
    public var value: MetaValue

    public init(_ key: String, _ value: MetaValue) {
      self.key = key
      self.value = value
    }
  }
}

extension MetaValue {
  /// The `meta` section for a set of converted inputs: per input its dialects, encoding,
  /// snapshots and lines per class, and every diagnostic with its input and line.
  ///
  /// - Parameter inputs: Each input's name (`nil` for a single unnamed input), its summary,
  ///   its diagnostics, and the error that ended it, if any.
  public static func envelope(
    inputs: [(source: String?, summary: ParseSummary, diagnostics: [Diagnostic], error: NetConvError?)]
  ) -> MetaValue {
    .object([
      MetaEntry(
        "inputs",
        .list(
          inputs.map { input in
            let summary = input.summary
            return .object([
              MetaEntry("source", input.source.map(MetaValue.string) ?? .null),
              MetaEntry("dialects", .list(summary.dialects.map(\.rawValue).sorted().map(MetaValue.string))),
              MetaEntry("encoding", .string(summary.encoding.rawValue)),
              MetaEntry("legacy_code_page", summary.legacyCodePage.map { .string($0.rawValue) } ?? .null),
              MetaEntry("bytes", .int(summary.bytes)),
              MetaEntry("lines", .int(summary.lines)),
              MetaEntry("records", .int(summary.records)),
              MetaEntry("snapshots", .int(summary.snapshots)),
              MetaEntry(
                "lines_by_class",
                .object(LineClass.allCases.map { MetaEntry($0.rawValue, .int(summary.count($0))) })),
              MetaEntry("error", input.error.map { .string($0.description) } ?? .null),
              MetaEntry(
                "diagnostics",
                .list(
                  input.diagnostics.map { diagnostic in
                    .object([
                      MetaEntry("line", diagnostic.line.map(MetaValue.int) ?? .null),
                      MetaEntry("severity", .string(diagnostic.severity.rawValue)),
                      MetaEntry("kind", .string(diagnostic.kind.rawValue)),
                      MetaEntry("message", .string(diagnostic.message)),
                    ])
                  })),
            ])
          })),
    ])
  }
}
