/// Where the ``LineDecoder`` hands what it made of each input line.
protocol DecodedLineConsumer {
  /// A line of UTF-8 text, cleaned of paste debris, ready to parse as input line `number`.
  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, number: Int)
  /// An input line that yields no text of its own: folded into another line by a
  /// quoted-printable soft break (`.continuation`), or refused (`.unrecognized`); `line` is
  /// its number when known.
  mutating func consumed(as lineClass: LineClass, line: Int?)
  /// A finding about the decoding (a code page chosen, binary bytes, quoted-printable).
  mutating func report(_ diagnostic: Diagnostic)
}

/// Turns the raw lines of an input into text to parse: quoted-printable undone where the
/// evidence says so, lines that are not UTF-8 read in the legacy code page their words fit,
/// binary lines refused, markdown and HTML undone (``MarkupCleaner``) and paste debris
/// cleaned (``PasteCleaner``).
///
/// A plain ASCII line with nothing to clean is handed on in place, without a copy.
struct LineDecoder {
  private var quotedPrintable: QuotedPrintableLines
  private var legacy: LegacyDecoder?
  private var legacyConfirmed = false
  /// The code page lines that are not UTF-8 are read in, once one was.
  private(set) var legacyCodePage: LegacyCodePage?
  private var scratch: [UInt8] = []
  /// A line that ends inside a UTF-8 character (`fold` counts bytes, not characters), held
  /// until the next line shows whether it starts with the rest of that character.
  private var cutLine: CutLine?

  private struct CutLine {
    var bytes: [UInt8]
    var number: Int
    var markupPossible: Bool
    /// How many bytes of the cut character the line ends with, and how many it needs in all.
    var tail: Int
    var length: Int
  }

  /// Creates a decoder for lines of at most `maxLineLength` bytes.
  init(maxLineLength: Int) {
    quotedPrintable = QuotedPrintableLines(maxLineLength: maxLineLength)
  }

  /// Decodes input line `number` into `consumer`.
  /// `markupPossible` is `false` when the input is known to hold no markup, which saves the
  /// look for it.
  mutating func decode<Consumer: DecodedLineConsumer>(
    _ bytes: UnsafeBufferPointer<UInt8>, number: Int, markupPossible: Bool = true, into consumer: inout Consumer
  ) {
    let survey = ByteScan.survey(bytes)
    // A line without '=' changes nothing for quoted-printable while nothing is held or
    // decoded, unless it is the MIME header: most lines skip that stage.
    let skipsStage = !survey.hasEquals && quotedPrintable.isIdle && !QuotedPrintable.isHeader(bytes)
    if skipsStage || quotedPrintable.push(bytes, number: number) {
      clean(bytes, number: number, survey: survey, markupPossible: markupPossible, into: &consumer)
    } else {
      handOnPieces(into: &consumer)
    }
  }

  /// Hands on the lines the quoted-printable stage still holds; call at the end of the input.
  mutating func finish<Consumer: DecodedLineConsumer>(into consumer: inout Consumer) {
    quotedPrintable.finish()
    handOnPieces(into: &consumer)
    if let held = cutLine {
      cutLine = nil
      handOn(held, droppingLast: 0, into: &consumer)
    }
  }

  /// Hands on what the quoted-printable stage queued: decoded or held lines, continuations
  /// and its diagnostics.
  private mutating func handOnPieces<Consumer: DecodedLineConsumer>(into consumer: inout Consumer) {
    for piece in quotedPrintable.pieces {
      switch piece {
      case .text(let bytes, let number):
        bytes.withUnsafeBufferPointer {
          clean($0, number: number, survey: ByteScan.survey($0), markupPossible: true, into: &consumer)
        }
      case .continuation: consumer.consumed(as: .continuation, line: nil)
      case .unrecognized: consumer.consumed(as: .unrecognized, line: nil)
      case .diagnostic(let diagnostic): consumer.report(diagnostic)
      }
    }
  }

  /// Hands a line on, first mending a UTF-8 character a byte-counting wrap cut across two lines.
  ///
  /// A line that is UTF-8 but for the start of one character at its end is held; when the next
  /// line starts with the rest of that character, the whole character moves to the next line
  /// (as if the wrap had come one character earlier), with a note. Otherwise the held line is
  /// handed on unchanged, so a line in a legacy code page is read as before.
  private mutating func clean<Consumer: DecodedLineConsumer>(
    _ bytes: UnsafeBufferPointer<UInt8>, number: Int, survey: ByteScan.Survey, markupPossible: Bool,
    into consumer: inout Consumer
  ) {
    if cutLine == nil && survey.ascii {
      handOn(bytes, number: number, survey: survey, markupPossible: markupPossible, into: &consumer)  // the usual line
    } else {
      cleanNearCut(bytes, number: number, survey: survey, markupPossible: markupPossible, into: &consumer)
    }
  }

  /// ``clean(_:number:survey:markupPossible:into:)`` for a line that is not ASCII or follows a
  /// held one: out of line, so the usual line's way stays short.
  @inline(never)
  private mutating func cleanNearCut<Consumer: DecodedLineConsumer>(
    _ bytes: UnsafeBufferPointer<UInt8>, number: Int, survey: ByteScan.Survey, markupPossible: Bool,
    into consumer: inout Consumer
  ) {
    guard let held = cutLine else {
      holdOrHandOn(bytes, number: number, survey: survey, markupPossible: markupPossible, into: &consumer)
      return
    }
    cutLine = nil
    let head = held.bytes[(held.bytes.count - held.tail)...]
    let character = Array(head) + UnsafeBufferPointer(rebasing: bytes.prefix(held.length - held.tail))
    guard character.count == held.length, character.withUnsafeBufferPointer(UTF8Validation.isValid) else {
      handOn(held, droppingLast: 0, into: &consumer)
      holdOrHandOn(bytes, number: number, survey: survey, markupPossible: markupPossible, into: &consumer)
      return
    }
    handOn(held, droppingLast: held.tail, into: &consumer)
    consumer.report(
      Diagnostic(
        .note, .rejoinedWrap, line: number,
        "a wrap that counts bytes cut a character at the end of line \(held.number): read it at the start of this line"))
    let joined = Array(head) + bytes
    joined.withUnsafeBufferPointer {
      holdOrHandOn($0, number: number, survey: ByteScan.survey($0), markupPossible: markupPossible, into: &consumer)
    }
  }

  /// Hands on a held line without its last `count` bytes.
  private mutating func handOn<Consumer: DecodedLineConsumer>(_ held: CutLine, droppingLast count: Int, into consumer: inout Consumer) {
    held.bytes.withUnsafeBufferPointer {
      let kept = UnsafeBufferPointer(rebasing: $0[0..<($0.count - count)])
      handOn(kept, number: held.number, survey: ByteScan.survey(kept), markupPossible: held.markupPossible, into: &consumer)
    }
  }

  /// Holds a line that ends inside a character until the next line, or hands it on.
  private mutating func holdOrHandOn<Consumer: DecodedLineConsumer>(
    _ bytes: UnsafeBufferPointer<UInt8>, number: Int, survey: ByteScan.Survey, markupPossible: Bool,
    into consumer: inout Consumer
  ) {
    if !survey.ascii, let cut = UTF8Validation.cutCharacter(bytes) {
      cutLine = CutLine(bytes: Array(bytes), number: number, markupPossible: markupPossible, tail: cut.tail, length: cut.length)
    } else {
      handOn(bytes, number: number, survey: survey, markupPossible: markupPossible, into: &consumer)
    }
  }

  /// Decodes a legacy code page, refuses binary bytes and cleans paste debris, then hands the
  /// text on.
  private mutating func handOn<Consumer: DecodedLineConsumer>(
    _ bytes: UnsafeBufferPointer<UInt8>, number: Int, survey: ByteScan.Survey, markupPossible: Bool,
    into consumer: inout Consumer
  ) {
    let markup = markupPossible && MarkupCleaner.needsCleaning(bytes)
    if survey.ascii && !survey.hasNUL && !markup && !PasteCleaner.needsCleaning(bytes) {
      consumer.text(bytes, number: number)
      return
    }
    scratch.removeAll(keepingCapacity: true)
    if !survey.ascii && !UTF8Validation.isValid(bytes) {
      decodeLegacy(bytes, number: number, into: &consumer)
    } else {
      scratch.append(contentsOf: bytes)
    }
    if scratch.contains(0) {
      consumer.report(Diagnostic(.warning, .binaryLine, line: number, "line holds NUL bytes: skipped as binary"))
      consumer.consumed(as: .unrecognized, line: number)
      return
    }
    if markup { MarkupCleaner.clean(&scratch) }
    PasteCleaner.clean(&scratch)
    scratch.withUnsafeBufferPointer { consumer.text($0, number: number) }
  }

  /// Decodes a line that is not UTF-8 into ``scratch``, guessing the code page again on each
  /// such line until a vocabulary word confirms it.
  private mutating func decodeLegacy<Consumer: DecodedLineConsumer>(
    _ bytes: UnsafeBufferPointer<UInt8>, number: Int, into consumer: inout Consumer
  ) {
    if legacy == nil { legacy = LegacyDecoder() }
    var page = legacyCodePage ?? .cp850
    if !legacyConfirmed {
      let guess = legacy!.guess(bytes)
      legacyConfirmed = guess.certain
      if guess.page != legacyCodePage {
        let first = legacyCodePage == nil
        legacyCodePage = guess.page
        consumer.report(
          Diagnostic(
            .note, .legacyEncoding, line: number,
            first
              ? "the text is not valid UTF-8 from this line on: read as \(guess.page.rawValue)"
              : "the text reads better as \(guess.page.rawValue) from this line on"))
      }
      page = guess.page
    }
    legacy!.decode(bytes, as: page, into: &scratch)
  }
}
