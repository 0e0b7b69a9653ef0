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

  /// Creates a reader over any byte source.
  public init(source: some ByteSource, options: ParseOptions = ParseOptions()) {
    self.options = options
    self.core = Core(source: source, options: options)
  }

  /// Creates a reader over bytes in memory (any encoding netconv understands).
  public convenience init(bytes: [UInt8], options: ParseOptions = ParseOptions()) {
    self.init(source: MemoryByteSource(bytes), options: options)
  }

  /// Creates a reader over text.
  public convenience init(string: String, options: ParseOptions = ParseOptions()) {
    self.init(source: MemoryByteSource(Array(string.utf8)), options: options)
  }

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
  /// Everything the reader holds between calls, and the loop that reads lines.
  struct Core {
    let options: ParseOptions
    private(set) var summary = ParseSummary()

    private var lines: LineReader
    private var parser: DocumentParser
    /// Records and diagnostics completed by the last line read, handed out records first.
    private var records: [RawSocket] = []
    private var diagnostics: [Diagnostic] = []
    private var recordIndex = 0
    private var diagnosticIndex = 0
    private var scratch: [UInt8] = []
    private lazy var legacy = LegacyDecoder()
    private var legacyConfirmed = false
    private var quotedPrintable: QuotedPrintableLines
    private var finished = false
    private var inputEnded = false
    private var sawContent = false
    private var firstUnrecognized: Int?
    /// Values shown in the input but too large to keep, for `strict`.
    private var outOfRange: (count: Int, first: Int)?
    /// Stored in each record's `source` as it is handed out (set by ``Conversion``).
    var recordSource: String?

    init(source: some ByteSource, options: ParseOptions) {
      self.options = options
      self.lines = LineReader(source: source, maxLineLength: options.maxLineLength)
      self.parser = DocumentParser(dialect: options.dialect)
      self.quotedPrintable = QuotedPrintableLines(maxLineLength: options.maxLineLength)
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
          quotedPrintable.finish()
          readPieces()
          parser.finish()
          drain()
          continue
        }
        read(line)
      }
      return true
    }

    /// Classifies one line and queues the records and diagnostics it completed.
    private mutating func read(_ line: LineReader.Line) {
      summary.lines += 1
      if let dropped = line.droppedLength {
        parser.report(
          Diagnostic(
            .warning, .lineTooLong, line: line.number,
            "line is \(dropped) bytes long, more than the \(options.maxLineLength)-byte limit: skipped"))
        account(.unrecognized, line: line.number)
      } else {
        lines.withBytes(of: line) { bytes in
          let survey = ByteScan.survey(bytes)
          // A line without '=' changes nothing for quoted-printable while nothing is held or
          // decoded, unless it is the MIME header: most lines skip that stage.
          let skipsStage = !survey.hasEquals && quotedPrintable.isIdle && !QuotedPrintable.isHeader(bytes)
          if skipsStage || quotedPrintable.push(bytes, number: line.number) {
            account(classify(bytes, number: line.number, survey: survey), line: line.number)
          } else {
            readPieces()
          }
        }
      }
      drain()
    }

    /// Reads what the quoted-printable stage queued: decoded or held lines, continuations and
    /// its diagnostics.
    private mutating func readPieces() {
      for piece in quotedPrintable.pieces {
        switch piece {
        case .text(let bytes, let number):
          account(bytes.withUnsafeBufferPointer { classify($0, number: number) }, line: number)
        case .continuation:
          account(.continuation, line: nil)
        case .unrecognized:
          account(.unrecognized, line: nil)
        case .diagnostic(let diagnostic):
          parser.report(diagnostic)
        }
      }
    }

    /// Counts one input line in its class.
    private mutating func account(_ lineClass: LineClass, line: Int?) {
      summary.add(lineClass)
      if lineClass == .unrecognized && firstUnrecognized == nil { firstUnrecognized = line ?? summary.lines }
      if lineClass != .noise && lineClass != .unrecognized { sawContent = true }
    }

    /// Queues what the parser has completed: records first (they belong to earlier or current
    /// lines), then diagnostics.
    private mutating func drain() {
      let recordsBefore = records.count
      let diagnosticsBefore = diagnostics.count
      parser.take(records: &records, diagnostics: &diagnostics)
      summary.records += records.count - recordsBefore
      for index in recordsBefore..<records.count {
        summary.add(records[index].dialect)
        if let recordSource { records[index].source = recordSource }
      }
      for index in diagnosticsBefore..<diagnostics.count {
        summary.diagnostics[diagnostics[index].severity, default: 0] += 1
        if diagnostics[index].kind == .valueOutOfRange {
          outOfRange = ((outOfRange?.count ?? 0) + 1, outOfRange?.first ?? diagnostics[index].line ?? summary.lines)
        }
      }
    }

    /// Cleans the line's bytes (legacy code pages, binary bytes, paste debris) and parses it.
    private mutating func classify(
      _ bytes: UnsafeBufferPointer<UInt8>, number: Int, survey known: ByteScan.Survey? = nil
    ) -> LineClass {
      let survey = known ?? ByteScan.survey(bytes)
      let (ascii, hasNUL) = (survey.ascii, survey.hasNUL)
      if ascii && !hasNUL && !PasteCleaner.needsCleaning(bytes) {
        return parser.read(LineText(bytes: bytes, identity: number), number: number)
      }
      scratch.removeAll(keepingCapacity: true)
      if !ascii && !UTF8Validation.isValid(bytes) {
        // Guess again on each such line until a vocabulary word confirms the code page.
        var page = summary.legacyCodePage ?? .cp850
        if !legacyConfirmed {
          let guess = legacy.guess(bytes)
          legacyConfirmed = guess.certain
          if guess.page != summary.legacyCodePage {
            let first = summary.legacyCodePage == nil
            summary.legacyCodePage = guess.page
            parser.report(
              Diagnostic(
                .note, .legacyEncoding, line: number,
                first
                  ? "the text is not valid UTF-8 from this line on: read as \(guess.page.rawValue)"
                  : "the text reads better as \(guess.page.rawValue) from this line on"))
          }
          page = guess.page
        }
        legacy.decode(bytes, as: page, into: &scratch)
      } else {
        scratch.append(contentsOf: bytes)
      }
      if scratch.contains(0) {
        parser.report(Diagnostic(.warning, .binaryLine, line: number, "line holds NUL bytes: skipped as binary"))
        return .unrecognized
      }
      PasteCleaner.clean(&scratch)
      return scratch.withUnsafeBufferPointer { parser.read(LineText(bytes: $0, identity: number), number: number) }
    }

    /// Checks the end-of-input conditions once every line has been read.
    private mutating func finish() throws(NetConvError) {
      finished = true
      summary.bytes = lines.inputBytes
      summary.encoding = lines.encoding
      summary.snapshots = summary.records > 0 || sawContent ? parser.snapshots : 0
      if !parser.sawText && summary.count(.unrecognized) == 0 { throw NetConvError.empty }
      if summary.records == 0, let line = parser.elevationLine { throw NetConvError.elevationRequired(line: line) }
      if summary.records == 0, let declared = options.dialect, let found = parser.foreignDialect {
        throw NetConvError.dialectMismatch(declared: declared, found: found)
      }
      if !sawContent { throw NetConvError.noSocketTables(linesRead: summary.lines) }
      if options.strict, let first = firstUnrecognized {
        throw NetConvError.unrecognizedLines(count: summary.count(.unrecognized), firstLine: first)
      }
      if options.strict, let outOfRange {
        throw NetConvError.valuesOutOfRange(count: outOfRange.count, firstLine: outOfRange.first)
      }
    }
  }
}
