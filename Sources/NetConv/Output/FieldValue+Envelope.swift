extension FieldValue {
  /// The `meta` section for a set of converted inputs: per input its dialects, encoding,
  /// snapshots and lines per class, its first diagnostics of each kind with their lines, and
  /// how many more there were.
  ///
  /// - Parameter inputs: Each input's outcome (its `source` is `nil` for a single unnamed input).
  public static func envelope(inputs: [Conversion.Outcome]) -> FieldValue {
    .object([
      Entry(
        "inputs",
        .list(
          inputs.map { input in
            let summary = input.summary
            return .object([
              Entry("source", input.source.map(FieldValue.string) ?? .null),
              Entry("dialects", .list(summary.dialects.map { $0.rawValue }.sorted().map(FieldValue.string))),
              Entry("encoding", .string(summary.encoding.rawValue)),
              Entry("legacy_code_page", summary.legacyCodePage.map { .string($0.rawValue) } ?? .null),
              Entry("bytes", .int(summary.bytes)),
              Entry("lines", .int(summary.lines)),
              Entry("records", .int(summary.records)),
              Entry("snapshots", .int(summary.snapshots)),
              Entry(
                "lines_by_class",
                .object(LineClass.allCases.map { Entry($0.rawValue, .int(summary.count($0))) })),
              Entry("error", input.error.map { .string($0.description) } ?? .null),
              Entry(
                "diagnostics",
                .list(
                  input.diagnostics.map { diagnostic in
                    .object([
                      Entry("line", diagnostic.line.map(FieldValue.int) ?? .null),
                      Entry("severity", .string(diagnostic.severity.rawValue)),
                      Entry("kind", .string(diagnostic.kind.rawValue)),
                      Entry("message", .string(diagnostic.message)),
                    ])
                  })),
              Entry("diagnostics_left_out", .int(input.diagnosticsLeftOut)),
            ])
          })),
    ])
  }
}
