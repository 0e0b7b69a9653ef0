/// Turns the lines of a paste into the lines it meant, undoing quoted-printable where the
/// paste shows it (see ``QuotedPrintable`` for the evidence), joining soft line breaks.
///
/// While the encoding is undecided, a line that ends in `=` is held back together with the
/// lines that continue it, until a line decides: evidence either way, or the end of the
/// logical line. A held run whose broken lines are 70–76 columns long (where encoders break)
/// is decoded; otherwise it is read as it was. At most ``maxHeldLines`` lines are held, so
/// memory stays bounded.
///
/// Every input line comes out exactly once: as a text to parse, or as a continuation of the
/// text that follows it.
struct QuotedPrintableLines {
  /// What the reader does next, in order.
  enum Piece {
    /// A line to parse: its bytes (decoded, joined) and the number of its first input line.
    case text([UInt8], number: Int)
    /// An input line that became part of the next `text`.
    case continuation
    /// An input line that ended a logical line that had to be given up (a diagnostic says why).
    case unrecognized
    /// A note or warning about the encoding.
    case diagnostic(Diagnostic)
  }

  /// The most input lines held while the encoding is undecided.
  static let maxHeldLines = 16

  private(set) var state = QuotedPrintable.State.undecided
  /// Pieces ready for the reader, after ``push(_:number:)`` returned `false`.
  private(set) var pieces: [Piece] = []
  private var held: [(bytes: [UInt8], number: Int)] = []
  /// The decoded start of a logical line whose last input line ended in a soft break.
  private var softBreak: (bytes: [UInt8], number: Int, lines: Int)?
  let maxLineLength: Int

  init(maxLineLength: Int) {
    self.maxLineLength = maxLineLength
  }

  /// Whether nothing is held or being decoded: a line without `=` (other than the MIME header)
  /// then changes nothing here and need not be pushed.
  var isIdle: Bool { state != .active && held.isEmpty && softBreak == nil }

  /// Takes one input line.
  ///
  /// - Returns: `true` when the line is to be parsed as it is (nothing was queued), `false`
  ///   when ``pieces`` holds what to do instead (possibly nothing yet, while a run is held).
  mutating func push(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) -> Bool {
    pieces.removeAll(keepingCapacity: true)
    switch state {
    case .ruledOut:
      guard QuotedPrintable.isHeader(bytes) else { return true }
      activate(at: number)
      decode(bytes, number: number)
    case .active:
      if QuotedPrintable.evidence(bytes) == .plain {
        state = .ruledOut
        pieces.append(
          .diagnostic(
            Diagnostic(
              .warning, .quotedPrintable, line: number,
              "this line has an '=' that quoted-printable never writes: the text is read as it is from here on")))
        flushSoftBreak()
        pieces.append(.text(Array(bytes), number: number))
      } else {
        decode(bytes, number: number)
      }
    case .undecided:
      let evidence = QuotedPrintable.evidence(bytes)
      let endsInSoftBreak = bytes.last == UInt8(ascii: "=")
      switch evidence {
      case .plain:
        state = .ruledOut
        if held.isEmpty { return true }
        releaseHeld(decoding: false)
        pieces.append(.text(Array(bytes), number: number))
      case .encoded:
        activate(at: held.first?.number ?? number)
        releaseHeld(decoding: true)
        decode(bytes, number: number)
      case .none:
        if held.isEmpty && !endsInSoftBreak { return true }
        held.append((Array(bytes), number))
        if !endsInSoftBreak {
          decideHeld()
        } else if held.count >= Self.maxHeldLines || held.reduce(0, { $0 + $1.bytes.count }) > maxLineLength {
          releaseHeld(decoding: false)
        }
      }
    }
    return false
  }

  /// Queues what is still held at the end of the input.
  mutating func finish() {
    pieces.removeAll(keepingCapacity: true)
    if !held.isEmpty { decideHeld() }
    flushSoftBreak()
  }

  /// Ends a held run: decoded when its broken lines are as long as an encoder makes them.
  private mutating func decideHeld() {
    let broken = held.filter { $0.bytes.last == UInt8(ascii: "=") }
    if !broken.isEmpty && broken.allSatisfy({ (70...76).contains($0.bytes.count) }) {
      activate(at: held[0].number)
      releaseHeld(decoding: true)
    } else {
      releaseHeld(decoding: false)
    }
  }

  private mutating func releaseHeld(decoding: Bool) {
    let run = held
    held.removeAll(keepingCapacity: true)
    for line in run {
      if decoding {
        line.bytes.withUnsafeBufferPointer { decode($0, number: line.number) }
      } else {
        pieces.append(.text(line.bytes, number: line.number))
      }
    }
  }

  private mutating func activate(at number: Int) {
    state = .active
    pieces.append(
      .diagnostic(
        Diagnostic(
          .note, .quotedPrintable, line: number,
          "the text is quoted-printable (an e-mail encoding) from this line on: decoded")))
  }

  /// Decodes one input line onto the logical line it continues.
  private mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) {
    var decoded = softBreak?.bytes ?? []
    let start = softBreak?.number ?? number
    let lines = (softBreak?.lines ?? 0) + 1
    softBreak = nil
    if QuotedPrintable.decode(bytes, into: &decoded) {
      if decoded.count > maxLineLength {
        // Soft breaks that never end: the joined line is given up like an overlong line.
        pieces.append(
          .diagnostic(
            Diagnostic(
              .warning, .lineTooLong, line: start,
              "quoted-printable soft breaks joined \(decoded.count) bytes, more than the \(maxLineLength)-byte limit: skipped"
            )))
        for _ in 1..<lines { pieces.append(.continuation) }
        pieces.append(.unrecognized)
        return
      }
      softBreak = (decoded, start, lines)
      return
    }
    for _ in 1..<lines { pieces.append(.continuation) }
    pieces.append(.text(decoded, number: start))
  }

  /// Hands out a logical line left open by a soft break as it stands.
  private mutating func flushSoftBreak() {
    guard let pending = softBreak else { return }
    softBreak = nil
    for _ in 1..<pending.lines { pieces.append(.continuation) }
    pieces.append(.text(pending.bytes, number: pending.number))
  }
}
