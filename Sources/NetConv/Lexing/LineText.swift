/// A byte range of one line's text, as a start and an end offset.
struct Span: Equatable {
  var start: Int
  var end: Int

  var isEmpty: Bool { start >= end }
  var count: Int { end - start }
}

/// A line's tokens: a slice, so that the reader can fill one buffer for every line.
typealias Tokens = ArraySlice<Span>

/// One line of UTF-8 text, read as bytes.
///
/// Parsers scan `bytes` and build a `String` only for the fields they store. The pointer is
/// valid only for the duration of the call that received it.
struct LineText {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Tells this line from every other line of the input (its number), or 0 for text a parser
  /// put together itself: a record copies a numbered line once and keeps ranges of the copy.
  let identity: Int

  init(bytes: UnsafeBufferPointer<UInt8>, identity: Int = 0) {
    self.bytes = bytes
    self.identity = identity
  }

  var count: Int { bytes.count }

  subscript(_ index: Int) -> UInt8 { bytes[index] }

  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool { ByteScan.isSpace(byte) }

  static func isDigit(_ byte: UInt8) -> Bool { ByteScan.isDigit(byte) }

  /// The span of the line without leading and trailing white space.
  var trimmed: Span {
    trim(Span(start: 0, end: bytes.count))
  }

  /// The tokens of `span` (split on runs of white space), written into `storage`, which keeps
  /// its size from line to line: no append per token, no allocation once it is large enough.
  /// A placeholder someone typed in place of an address, with blanks inside, stays one token
  /// with its port: `<my ip>:443`, `[DELETED TO HIDE]::123`.
  func tokens(of span: Span, reusing storage: inout [Span]) -> Tokens {
    guard let base = bytes.baseAddress, !span.isEmpty else { return storage[0..<0] }
    let most = span.count / 2 + 1
    if storage.count < most { storage += repeatElement(Span(start: 0, end: 0), count: most - storage.count) }
    let end = span.end
    let count = storage.withUnsafeMutableBufferPointer { found -> Int in
      var count = 0
      var index = span.start
      while true {
        index = ByteScan.firstNonSpace(base, from: index, end: end)
        guard index < end else { break }
        let start = index
        index = ByteScan.firstSpace(base, from: index + 1, end: end)
        let lead = base[start]
        if lead == UInt8(ascii: "<") || lead == UInt8(ascii: "["), let merged = Self.placeholderEnd(base, start, index, end) {
          index = merged
        }
        found[count] = Span(start: start, end: index)
        count += 1
      }
      return count
    }
    return storage[0..<count]
  }

  /// Where a placeholder address that starts at `start` with `<` or `[` ends, when its first
  /// token (up to `tokenEnd`) lacks the closing bracket and the bracket, within the next 48
  /// bytes, is followed by `:` and a port; `nil` otherwise.
  private static func placeholderEnd(_ base: UnsafePointer<UInt8>, _ start: Int, _ tokenEnd: Int, _ end: Int) -> Int? {
    let closer = base[start] == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "]")
    for index in start..<tokenEnd where base[index] == closer { return nil }
    var index = tokenEnd
    while index < min(end, start + 48) {
      if base[index] == closer {
        guard index + 2 < end, base[index + 1] == UInt8(ascii: ":"), !isSpace(base[index + 2]) else { return nil }
        return ByteScan.firstSpace(base, from: index + 1, end: end)
      }
      index += 1
    }
    return nil
  }

  /// The text of `span` as a `String`.
  func string(_ span: Span) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
  }

  /// Whether `span` consists of ASCII digits only (and is not empty).
  func isDigits(_ span: Span) -> Bool {
    guard !span.isEmpty else { return false }
    for index in span.start..<span.end where !Self.isDigit(bytes[index]) { return false }
    return true
  }

  /// The decimal value of `span`, or `nil` when it is not all digits or exceeds `limit`.
  @inline(__always) func integer(_ span: Span, limit: Int = Int(Int32.max)) -> Int? {
    integer(span, upTo: limit)
  }

  /// The decimal value of `span` as a `Value` (`Int64` for an inode, whatever the platform's
  /// `Int`), or `nil` when it is not all digits or exceeds `limit`.
  @inline(__always) func integer<Value: FixedWidthInteger>(_ span: Span, upTo limit: Value) -> Value? {
    guard !span.isEmpty, span.count <= 20 else { return nil }
    var value: Value = 0
    for index in span.start..<span.end {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      // Digits can exceed the type's range: check each step instead of trapping (a compare,
      // not an overflowing multiply, which needs a 128-bit helper on 32-bit targets).
      guard value <= Value.max / 10 else { return nil }
      let (sum, carry) = (value &* 10).addingReportingOverflow(Value(digit))
      guard !carry else { return nil }
      value = sum
    }
    return value <= limit ? value : nil
  }

  /// The value of `span` read like `Int(_:)` reads text: an optional sign, then digits.
  func signedInteger(_ span: Span) -> Int? {
    guard !span.isEmpty else { return nil }
    let sign = bytes[span.start]
    if sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      guard let magnitude = integer(Span(start: span.start + 1, end: span.end), limit: Int.max) else { return nil }
      return sign == UInt8(ascii: "-") ? -magnitude : magnitude
    }
    return integer(span, limit: Int.max)
  }

  /// Whether `span` holds exactly `literal`.
  func equals(_ span: Span, _ literal: [UInt8]) -> Bool {
    guard span.count == literal.count else { return false }
    for (offset, byte) in literal.enumerated() where bytes[span.start + offset] != byte { return false }
    return true
  }

  /// Whether the text of `span` is `literal` (a constant: no lazily made array to reach).
  func equals(_ span: Span, _ literal: StaticString) -> Bool {
    guard span.count == literal.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
    return ByteScan.equal(base + span.start, literal.utf8Start, count: span.count)
  }

  /// Whether the text at `span.start` begins with `prefix`.
  func hasPrefix(_ prefix: [UInt8], at start: Int) -> Bool {
    guard bytes.count - start >= prefix.count else { return false }
    for (offset, byte) in prefix.enumerated() where bytes[start + offset] != byte { return false }
    return true
  }

  /// The first index in `span` holding `byte`, scanning backwards from the end.
  func lastIndex(of byte: UInt8, in span: Span) -> Int? {
    var index = span.end - 1
    while index >= span.start {
      if bytes[index] == byte { return index }
      index -= 1
    }
    return nil
  }

  /// The first index in `span` holding `byte`.
  func firstIndex(of byte: UInt8, in span: Span) -> Int? {
    var index = span.start
    while index < span.end {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// `span` without white space at either end.
  func trim(_ span: Span) -> Span {
    var result = span
    while result.start < result.end && Self.isSpace(bytes[result.start]) { result.start += 1 }
    result.end = ByteScan.skipSpacesBackward(bytes, from: result.end, downTo: result.start)
    while result.end > result.start && Self.isSpace(bytes[result.end - 1]) { result.end -= 1 }
    return result
  }
}
