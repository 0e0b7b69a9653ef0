import NetConv

extension OutputFormat {
  /// A writer for this format that sends its output to `sink`. It lives here, beside the YAML
  /// writer, because only a module that links libyaml can make a writer for every format;
  /// without YAML, make a `JSONRecordWriter` or `CSVRecordWriter` directly.
  public func writer(sink: OutputSink, settings: Settings = Settings()) -> any RecordWriter {
    switch self {
    case .json:
      return JSONRecordWriter(sink: sink, layout: settings.pretty ? .prettyArray : .array, envelope: settings.envelope)
    case .jsonl: return JSONRecordWriter(sink: sink, layout: .lines)
    case .yaml: return YAMLRecordWriter(sink: sink, envelope: settings.envelope)
    case .csv: return CSVRecordWriter(sink: sink, header: settings.csvHeader, formulaGuard: settings.csvFormulaGuard)
    }
  }
}
