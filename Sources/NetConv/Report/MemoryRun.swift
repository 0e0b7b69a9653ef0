/// One conversion or report of bytes in memory, made as the CLI makes it of a file: the same
/// writers and renderers and the same exit status. The WebAssembly interface is a thin layer
/// over this, and the tests compare the module's output with it byte for byte.
public struct MemoryRun: Sendable {
  /// What to make of the input.
  public enum Product: Int32, Sendable, CaseIterable {
    /// A JSON array of records (`netconv -f json`).
    case json = 1
    /// JSON Lines (`-f jsonl`).
    case jsonLines = 2
    /// CSV (`-f csv`).
    case csv = 3
    /// The report as JSON (`netconv report --json`).
    case reportJSON = 4
    /// The report as one HTML page (`report --html`).
    case reportHTML = 5
    /// The report as text (`report`, without colour).
    case reportText = 6
    /// The diagnostics as the CLI prints them on standard error (file name `-`).
    case diagnostics = 7
  }

  /// The input bytes, in any encoding netconv reads.
  public var input: [UInt8]
  /// Parsing options (`--from`, `--strict`).
  public var options: ParseOptions
  /// Guard CSV cells against spreadsheet formulas (the CLI's default).
  public var formulaGuard: Bool

  /// Creates a run over `input`.
  public init(input: [UInt8], options: ParseOptions = ParseOptions(), formulaGuard: Bool = true) {
    self.input = input
    self.options = options
    self.formulaGuard = formulaGuard
  }

  /// The bytes of `product` and the CLI's exit status: 0, 65 (no socket table, or `strict`
  /// failed) or 66; on 65 and 66 a conversion gives no bytes, as the CLI writes nothing.
  public func make(_ product: Product) -> (status: Int32, bytes: [UInt8]) {
    switch product {
    case .json: return records(layout: .array)
    case .jsonLines: return records(layout: .lines)
    case .csv: return records(layout: nil)
    case .reportJSON: return report { Array($0.json().utf8) }
    case .reportHTML: return report { Array(ReportHTMLRenderer().render($0, sources: ["pasted text"]).utf8) }
    case .reportText: return report { Array(ReportTextRenderer(colour: false).render($0).utf8) }
    case .diagnostics: return diagnostics()
    }
  }

  /// Records as JSON (`layout`) or CSV (`nil`).
  private func records(layout: JSONRecordWriter.Layout?) -> (status: Int32, bytes: [UInt8]) {
    let sink = OutputSink()
    let reader = SocketReader(bytes: input, options: options)
    let outcome: Conversion.Outcome
    do {
      if let layout {
        var writer = JSONRecordWriter(sink: sink, layout: layout)
        try writer.begin()
        outcome = try Conversion.run(reader, source: nil, raw: &writer, keepingDiagnostics: 0) { _ in }
        try writer.end()
      } else {
        var writer = CSVRecordWriter(sink: sink, formulaGuard: formulaGuard)
        try writer.begin()
        outcome = try Conversion.run(reader, source: nil, raw: &writer, keepingDiagnostics: 0) { _ in }
        try writer.end()
      }
    } catch {
      return (74, Array("netconv: \(error.description)\n".utf8))  // memory does not fail; kept honest
    }
    // As the CLI: an input that gave no record writes nothing; one that did (and failed
    // `strict`) keeps its records and its status.
    if let error = outcome.error, outcome.summary.records == 0 { return (Self.status(error), []) }
    return (outcome.error.map(Self.status) ?? 0, sink.collected)
  }

  /// The report, rendered by `render`; 65 when no socket was read.
  private func report(_ render: (ConnectionReport) -> [UInt8]) -> (status: Int32, bytes: [UInt8]) {
    let reader = SocketReader(bytes: input, options: options)
    var gathered = ConnectionReport.Input()
    do {
      while let event = try reader.next() { gathered.add(event) }
    } catch {
      if gathered.records.isEmpty || options.strict { return (Self.status(error), []) }
    }
    return (gathered.records.isEmpty ? 65 : 0, render(ConnectionReport(gathered)))
  }

  /// `-:LINE: severity: message` per diagnostic, control characters escaped.
  private func diagnostics() -> (status: Int32, bytes: [UInt8]) {
    let reader = SocketReader(bytes: input, options: options)
    var text = ""
    do {
      while let event = try reader.next() {
        guard case .diagnostic(let diagnostic) = event else { continue }
        let place = diagnostic.line.map { "-:\($0):" } ?? "-:"
        text += "\(place) \(diagnostic.severity.rawValue): \(TerminalText.escaped(diagnostic.message))\n"
      }
    } catch {
      text += "-: error: \(TerminalText.escaped(error.description))\n"
      return (Self.status(error), Array(text.utf8))
    }
    return (0, Array(text.utf8))
  }

  /// The CLI's exit status for an input error.
  static func status(_ error: NetConvError) -> Int32 {
    if case .unreadable = error { return 66 }
    return 65
  }
}
