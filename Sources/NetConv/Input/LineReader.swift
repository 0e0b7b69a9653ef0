/// Reads input bytes, decodes them to UTF-8 and hands out one line at a time.
///
/// This is the "bytes → text → lines" stage: it sniffs the encoding from the first chunk
/// (BOM, UTF-16 by its NUL pattern), transcodes UTF-16 as it streams, refuses binary data,
/// and splits on `\n`, `\r\n` and a lone `\r`. Only the current partial line is buffered, and a
/// line longer than `maxLineLength` is dropped as it streams past, so memory stays flat for
/// any input size.
struct LineReader {
  /// A line handed out by ``next()``.
  struct Line {
    /// The 1-based line number.
    var number: Int
    /// The byte range of the line in the reader's buffer, without the line terminator.
    var range: Range<Int>
    /// The length in bytes of a line that was too long to keep (its `range` is empty).
    var droppedLength: Int?
  }

  #if hasFeature(Embedded)
    /// What the reader reads: Embedded Swift (the WebAssembly build) has no existentials, and
    /// reads bytes in memory only.
    typealias Source = MemoryByteSource
  #else
    /// What the reader reads: any source of bytes.
    typealias Source = any ByteSource
  #endif

  private var source: Source
  private(set) var encoding: TextEncoding = .utf8
  private var transcoder: UTF16Transcoder?
  private var decided = false
  /// The first bytes, gathered until the encoding is decided.
  private var head: [UInt8] = []
  private var buffer: [UInt8] = []
  private var start = 0
  private var scanFrom = 0
  private var endOfInput = false
  private var lineNumber = 0
  private var discarding = false
  private var discardedBytes = 0
  private var bytesRead = 0
  /// Whether the text read so far holds markdown or HTML markup (``MarkupCleaner``): looked
  /// for once per chunk, so lines of an input without any need no look of their own.
  private(set) var markupSeen = false
  let maxLineLength: Int

  init(source: Source, maxLineLength: Int = 1 << 20) {
    self.source = source
    self.maxLineLength = maxLineLength
  }

  /// Total input bytes consumed so far.
  var inputBytes: Int { bytesRead }

  /// Calls `body` with the bytes of `line`; the pointer is valid only inside `body`.
  func withBytes<R, E: Error>(of line: Line, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
    try buffer.withUnsafeBufferPointer { (all) throws(E) -> R in
      try body(UnsafeBufferPointer(rebasing: all[line.range]))
    }
  }

  /// Returns the next line, or `nil` at the end of the input.
  ///
  /// - Throws: ``NetConvError`` when the source cannot be read or holds binary data.
  mutating func next() throws(NetConvError) -> Line? {
    while true {
      if let (end, next) = findTerminator() {
        lineNumber += 1
        if discarding {
          discarding = false
          let dropped = discardedBytes + (end - start)
          discardedBytes = 0
          start = next
          scanFrom = next
          return Line(number: lineNumber, range: next..<next, droppedLength: dropped)
        }
        let line = Line(number: lineNumber, range: start..<end, droppedLength: nil)
        start = next
        scanFrom = next
        if end - line.range.lowerBound > maxLineLength {
          return Line(number: lineNumber, range: end..<end, droppedLength: line.range.count)
        }
        return line
      }
      if endOfInput {
        guard start < buffer.count || discarding else { return nil }
        lineNumber += 1
        let range = start..<buffer.count
        start = buffer.count
        scanFrom = start
        if discarding || range.count > maxLineLength {
          discarding = false
          let dropped = discardedBytes + range.count
          discardedBytes = 0
          return Line(number: lineNumber, range: start..<start, droppedLength: dropped)
        }
        return Line(number: lineNumber, range: range, droppedLength: nil)
      }
      if buffer.count - start > maxLineLength {
        discarding = true
        discardedBytes += buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanFrom = 0
      } else if start > 0 {
        buffer.removeSubrange(0..<start)
        scanFrom -= start
        start = 0
      }
      try fill()
    }
  }

  /// Finds the next line end at or after `scanFrom`: the end of the line's bytes and where the
  /// next line starts. Returns `nil` when more input is needed.
  private mutating func findTerminator() -> (Int, Int)? {
    let count = buffer.count
    let found = buffer.withUnsafeBufferPointer { ByteScan.firstLineBreak(in: $0, from: scanFrom) }
    guard let index = found else {
      scanFrom = count
      return nil
    }
    if buffer[index] == 0x0A { return (index, index + 1) }
    if index + 1 < count { return (index, buffer[index + 1] == 0x0A ? index + 2 : index + 1) }
    if endOfInput { return (index, index + 1) }
    scanFrom = index  // a CR at the end of the chunk: wait for the next byte
    return nil
  }

  /// Reads one more chunk, decoding it to UTF-8 into the buffer. The first
  /// ``sniffWindow`` bytes are gathered before the encoding and binary data are decided, so
  /// the decision does not depend on how the source cuts its chunks.
  private mutating func fill() throws(NetConvError) {
    guard let chunk = try source.nextChunk() else {
      endOfInput = true
      if !decided { try decide() }
      if var transcoder {
        let before = buffer.count
        transcoder.finish(into: &buffer)
        self.transcoder = transcoder
        lookForMarkup(from: before)
      }
      return
    }
    bytesRead += chunk.count
    if !decided {
      head.append(contentsOf: chunk)
      if head.count >= Self.sniffWindow { try decide() }
      return
    }
    append(chunk)
  }

  /// How many bytes the encoding and the binary check look at.
  static let sniffWindow = 8192

  /// Decides the encoding from the bytes gathered so far and refuses binary data.
  private mutating func decide() throws(NetConvError) {
    decided = true
    var bytes = head
    head = []
    let (sniffed, bomLength) = TextEncoding.sniff(bytes)
    encoding = sniffed
    bytes.removeFirst(bomLength)
    switch sniffed {
    case .utf16LE: transcoder = UTF16Transcoder(bigEndian: false)
    case .utf16BE: transcoder = UTF16Transcoder(bigEndian: true)
    case .utf8, .utf8BOM:
      if let offset = Self.binaryOffset(in: bytes) { throw NetConvError.binary(offset: offset + bomLength) }
    }
    append(bytes)
  }

  private mutating func append(_ bytes: [UInt8]) {
    let before = buffer.count
    if var transcoder {
      transcoder.transcode(bytes, into: &buffer)
      self.transcoder = transcoder
    } else {
      buffer.append(contentsOf: bytes)
    }
    lookForMarkup(from: before)
  }

  /// Looks for markup in what was appended from `start` on, and in the few bytes before it
  /// (markup cut by a chunk boundary: `&nb` + `sp;`).
  private mutating func lookForMarkup(from start: Int) {
    guard !markupSeen, buffer.count > start else { return }
    let from = max(0, start - 16)
    markupSeen = buffer.withUnsafeBufferPointer { MarkupCleaner.needsCleaning(UnsafeBufferPointer(rebasing: $0[from...])) }
  }

  /// The offset of the first byte that is not text, when the input is mostly not text: more
  /// than 5% of its first bytes (and at least four) are NUL or control bytes other than tab,
  /// line ends, form feed and escape. A few stray NULs in a paste are not binary data: the
  /// lines that hold them are reported as unreadable instead.
  static func binaryOffset(in bytes: [UInt8]) -> Int? {
    var controls = 0
    var first: Int?
    for (index, byte) in bytes.enumerated() where byte < 0x20 {
      switch byte {
      case 0x09, 0x0A, 0x0C, 0x0D, 0x1B: continue
      default:
        controls += 1
        if first == nil { first = index }
      }
    }
    if let first, controls >= 4, controls * 20 > bytes.count { return first }
    return nil
  }
}
