/// Scans over bytes eight at a time (SWAR: "SIMD within a register") where lines are long and
/// mostly uninteresting: ss pads every row with hundreds of spaces, and every line is searched
/// for its end and checked for non-ASCII bytes before anything else happens.
enum ByteScan {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080
  private static let spaces: UInt64 = 0x2020_2020_2020_2020

  /// Whether any byte of `word` is zero.
  @inline(__always)
  static func hasZeroByte(_ word: UInt64) -> Bool {
    (word &- ones) & ~word & highBits != 0
  }

  @inline(__always)
  private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
    UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
  }

  /// The index of the first `\n` or `\r` at or after `start`, or `nil`.
  static func firstLineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    let count = bytes.count
    while index + 8 <= count {
      let word = word(bytes, at: index)
      if hasZeroByte(word ^ (ones &* 0x0A)) || hasZeroByte(word ^ (ones &* 0x0D)) { break }
      index += 8
    }
    while index < count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D { return index }
      index += 1
    }
    return nil
  }

  /// Whether every byte is below 0x80, and whether any is NUL.
  static func asciiAndNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, hasNUL: Bool) {
    var index = 0
    var any: UInt64 = 0
    var nul = false
    let count = bytes.count
    while index + 8 <= count {
      let word = word(bytes, at: index)
      any |= word
      if hasZeroByte(word) { nul = true }
      index += 8
    }
    var tail: UInt8 = 0
    while index < count {
      tail |= bytes[index]
      if bytes[index] == 0 { nul = true }
      index += 1
    }
    return (any & highBits == 0 && tail < 0x80, nul)
  }

  /// `end` moved back over a run of spaces (0x20) that ends there, not below `start`.
  static func skipSpacesBackward(_ bytes: UnsafeBufferPointer<UInt8>, from end: Int, downTo start: Int) -> Int {
    var end = end
    while end - start >= 8 && word(bytes, at: end - 8) == spaces { end -= 8 }
    return end
  }
}
