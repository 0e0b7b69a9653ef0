#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams socket records and diagnostics out of netstat or ss text.
///
/// The reader pulls bytes from its source one chunk at a time and hands out one
/// ``ParseEvent`` per call to ``next()``, so memory stays flat whatever the input size and a
/// consumer can write each record as soon as it is parsed:
///
///     let reader = try SocketReader(contentsOf: "netstat.txt")
///     while let event = try reader.next() {
///       if case .record(let socket) = event { print(socket.local.port ?? 0) }
///     }
///     print(reader.summary.records)
///
/// It is a synchronous pull iterator rather than an `AsyncSequence` on purpose: parsing is
/// CPU-bound and never waits, so an async interface would add a suspension per record and
/// nothing else; wrap it in an `AsyncStream` where a caller needs one. A reader is single-use
/// and not thread-safe; create one per input.
public final class SocketReader {
  /// The options the reader was created with.
  public let options: ParseOptions
  /// Counts about the input; complete once ``next()`` has returned `nil`.
  public var summary: ParseSummary { core.summary }
  /// The reading state, a value: its loop runs in mutating methods, where accesses are checked
  /// when compiling instead of on every property access of a class.
  private var core: Core

  #if hasFeature(Embedded)
    /// Creates a reader over bytes in memory (Embedded Swift reads nothing else).
    public init(source: MemoryByteSource, options: ParseOptions = ParseOptions()) {
      self.options = options
      self.core = Core(source: source, options: options)
    }
  #else
    /// Creates a reader over any byte source.
    public init(source: some ByteSource, options: ParseOptions = ParseOptions()) {
      self.options = options
      self.core = Core(source: source, options: options)
    }
  #endif

  /// Creates a reader over bytes in memory (any encoding netconv understands).
  public convenience init(bytes: [UInt8], options: ParseOptions = ParseOptions()) {
    self.init(source: MemoryByteSource(bytes), options: options)
  }

  /// Creates a reader over text.
  public convenience init(string: String, options: ParseOptions = ParseOptions()) {
    self.init(source: MemoryByteSource(Array(string.utf8)), options: options)
  }

  #if !hasFeature(Embedded)
    /// Creates a reader over the file at `path`, which it opens now and closes when done.
    ///
    /// - Throws: ``NetConvError/unreadable(path:reason:)`` when the file cannot be opened.
    public convenience init(contentsOf path: String, options: ParseOptions = ParseOptions()) throws(NetConvError) {
      self.init(source: try FileByteSource(path: path), options: options)
    }

    /// Creates a reader over an open file descriptor (`0` for standard input); the caller closes it.
    public convenience init(descriptor: Int32, name: String = "-", options: ParseOptions = ParseOptions()) {
      self.init(source: FileDescriptorByteSource(descriptor: descriptor, name: name), options: options)
    }
  #endif

  /// Returns the next record or diagnostic, or `nil` at the end of the input.
  ///
  /// - Throws: ``NetConvError`` when the input cannot be read, is empty or binary, holds no
  ///   netstat/ss table at all, or — with ``ParseOptions/strict`` — has unrecognized lines.
  ///   End-of-input errors are thrown after every record has been handed out.
  public func next() throws(NetConvError) -> ParseEvent? { try core.next() }

  /// Reads every remaining event, handing records and diagnostics to the two closures in
  /// input order — the same events as ``next()``, without wrapping each one or building a
  /// ``Socket``: writers read the parsed bytes.
  ///
  /// - Throws: ``NetConvError`` at the end of the input, like ``next()``, or what a closure throws.
  package func forEach<Failure: Error>(
    record: (RawSocket) throws(Failure) -> Void, diagnostic: (Diagnostic) -> Void
  ) throws(ReaderLoopError<Failure>) {
    try core.forEach(record: record, diagnostic: diagnostic)
  }

  /// Reads every remaining line and counts the records, building each one but handing none
  /// out: the parsing cost alone, for `netconv-bench`.
  ///
  /// - Returns: The number of records, or the end-of-input error.
  package func countRemainingRecords() -> Result<Int, NetConvError> {
    var count = 0
    do {
      try forEach(record: { (_: RawSocket) throws(Never) in count += 1 }, diagnostic: { _ in })
    } catch {
      switch error {
      case .input(let failure): return .failure(failure)
      case .output: break  // the closure writes nothing
      }
    }
    return .success(count)
  }

  /// Stored in each record's `source` as it is handed out (set by ``Conversion``).
  package var recordSource: String? {
    get { core.recordSource }
    set { core.recordSource = newValue }
  }

  /// Why ``forEach(record:diagnostic:)`` stopped early: the input ended in an error, or the
  /// record closure threw its own `Failure`.
  package enum ReaderLoopError<Failure: Error>: Error {
    case input(NetConvError)
    case output(Failure)
  }
}

extension SocketReader {
  /// Everything the reader holds between calls, and the loop that reads lines: raw lines
  /// from ``LineReader``, decoded by ``LineDecoder``, parsed and counted by ``LineClassifier``.
  struct Core {
    let options: ParseOptions
    var summary: ParseSummary { classifier.summary }

    private var lines: LineReader
    private var decoder: LineDecoder
    private var classifier: LineClassifier
    /// Records and diagnostics completed by the last line read, handed out records first.
    private var records: [RawSocket] = []
    private var diagnostics: [Diagnostic] = []
    private var recordIndex = 0
    private var diagnosticIndex = 0
    private var finished = false
    private var inputEnded = false
    /// Values shown in the input but too large to keep, for `strict`.
    private var outOfRange: (count: Int, first: Int)?
    /// Stored in each record's `source` as it is handed out (set by ``Conversion``).
    var recordSource: String?

    init(source: LineReader.Source, options: ParseOptions) {
      self.options = options
      self.lines = LineReader(source: source, maxLineLength: options.maxLineLength)
      self.decoder = LineDecoder(maxLineLength: options.maxLineLength)
      self.classifier = LineClassifier(parser: DocumentParser(dialect: options.dialect))
    }

    /// See ``SocketReader/next()``.
    mutating func next() throws(NetConvError) -> ParseEvent? {
      guard try fillIfEmpty() else { return nil }
      if recordIndex < records.count {
        defer { recordIndex += 1 }
        return .record(Socket(records[recordIndex]))
      }
      defer { diagnosticIndex += 1 }
      return .diagnostic(diagnostics[diagnosticIndex])
    }

    /// See ``SocketReader/forEach(record:diagnostic:)``.
    mutating func forEach<Failure: Error>(
      record: (RawSocket) throws(Failure) -> Void, diagnostic: (Diagnostic) -> Void
    ) throws(SocketReader.ReaderLoopError<Failure>) {
      while true {
        let more: Bool
        do { more = try fillIfEmpty() } catch { throw .input(error) }
        guard more else { return }
        do {
          while recordIndex < records.count {
            try record(records[recordIndex])
            recordIndex += 1
          }
        } catch {
          throw .output(error)
        }
        while diagnosticIndex < diagnostics.count {
          diagnostic(diagnostics[diagnosticIndex])
          diagnosticIndex += 1
        }
      }
    }

    /// Reads lines until an event waits; returns `false` at the end of the input.
    private mutating func fillIfEmpty() throws(NetConvError) -> Bool {
      while recordIndex == records.count && diagnosticIndex == diagnostics.count {
        if !records.isEmpty { records.removeAll(keepingCapacity: true) }
        if !diagnostics.isEmpty { diagnostics.removeAll(keepingCapacity: true) }
        recordIndex = 0
        diagnosticIndex = 0
        if finished { return false }
        if inputEnded {
          try finish()
          return false
        }
        guard let line = try lines.next() else {
          // Hand out what the parsers still hold before any end-of-input error.
          inputEnded = true
          decoder.finish(into: &classifier)
          classifier.parser.finish()
          drain()
          continue
        }
        read(line)
      }
      return true
    }

    /// Decodes and classifies one line and queues the records and diagnostics it completed.
    private mutating func read(_ line: LineReader.Line) {
      classifier.summary.lines += 1
      if let dropped = line.droppedLength {
        classifier.report(
          Diagnostic(
            .warning, .lineTooLong, line: line.number,
            "line is \(dropped) bytes long, more than the \(options.maxLineLength)-byte limit: skipped"))
        classifier.consumed(as: .unrecognized, line: line.number)
      } else {
        let markupPossible = lines.markupSeen
        lines.withBytes(of: line) { bytes in
          decoder.decode(bytes, number: line.number, markupPossible: markupPossible, into: &classifier)
        }
      }
      drain()
    }

    /// Queues what the parser has completed: records first (they belong to earlier or current
    /// lines), then diagnostics.
    private mutating func drain() {
      let recordsBefore = records.count
      let diagnosticsBefore = diagnostics.count
      classifier.parser.take(records: &records, diagnostics: &diagnostics)
      classifier.summary.records += records.count - recordsBefore
      for index in recordsBefore..<records.count {
        classifier.summary.add(records[index].dialect)
        if let recordSource { records[index].source = recordSource }
      }
      for index in diagnosticsBefore..<diagnostics.count {
        classifier.summary.diagnostics[diagnostics[index].severity, default: 0] += 1
        if diagnostics[index].kind == .valueOutOfRange {
          outOfRange = ((outOfRange?.count ?? 0) + 1, outOfRange?.first ?? diagnostics[index].line ?? summary.lines)
        }
      }
    }

    /// Checks the end-of-input conditions once every line has been read.
    private mutating func finish() throws(NetConvError) {
      finished = true
      let parser = classifier.parser
      classifier.summary.bytes = lines.inputBytes
      classifier.summary.encoding = lines.encoding
      classifier.summary.legacyCodePage = decoder.legacyCodePage
      classifier.summary.snapshots = summary.records > 0 || classifier.sawContent ? parser.snapshots : 0
      if !parser.sawText && summary.count(.unrecognized) == 0 { throw NetConvError.empty }
      if summary.records == 0, let line = parser.elevationLine { throw NetConvError.elevationRequired(line: line) }
      if summary.records == 0, let declared = options.dialect, let found = parser.foreignDialect {
        throw NetConvError.dialectMismatch(declared: declared, found: found)
      }
      if !classifier.sawContent { throw NetConvError.noSocketTables(linesRead: summary.lines) }
      if options.strict, let first = classifier.firstUnrecognized {
        throw NetConvError.unrecognizedLines(count: summary.count(.unrecognized), firstLine: first)
      }
      if options.strict, let outOfRange {
        throw NetConvError.valuesOutOfRange(count: outOfRange.count, firstLine: outOfRange.first)
      }
    }
  }
}
