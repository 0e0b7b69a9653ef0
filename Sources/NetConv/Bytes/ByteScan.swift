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
    word(bytes.baseAddress!, at: offset)
  }

  /// Eight bytes from `offset` as one number, the first byte lowest on every platform: the scans
  /// find the first byte of interest by counting trailing zero bits.
  @inline(__always)
  private static func word(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  /// The index of the first `\n` or `\r` at or after `start`, or `nil`.
  static func firstLineBreak(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    let count = bytes.count
    while index + 8 <= count {
      // One test for any byte below 0x0E (line breaks, and the rare tab or control byte);
      // the bytes of a word that passes it are then looked at one by one.
      let word = word(bytes, at: index)
      if (word &- ones &* 0x0E) & ~word & highBits != 0 {
        for offset in index..<(index + 8) where bytes[offset] == 0x0A || bytes[offset] == 0x0D { return offset }
      }
      index += 8
    }
    while index < count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D { return index }
      index += 1
    }
    return nil
  }

  /// The index of the first `byte` at or after `start`, or `nil`.
  static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    var index = start
    let count = bytes.count
    let pattern = ones &* UInt64(byte)
    while index + 8 <= count {
      let found = word(bytes, at: index) ^ pattern
      if hasZeroByte(found) {
        for offset in index..<(index + 8) where bytes[offset] == byte { return offset }
      }
      index += 8
    }
    while index < count {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// What a line holds, found in one pass: whether every byte is below 0x80, whether any is
  /// NUL, and whether any is `=` (which only quoted-printable text and ss owner lists show).
  struct Survey {
    var ascii: Bool
    var hasNUL: Bool
    var hasEquals: Bool
  }

  private static let equalsSigns: UInt64 = 0x3D3D_3D3D_3D3D_3D3D

  /// Surveys `bytes` eight at a time.
  static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> Survey {
    var index = 0
    var any: UInt64 = 0
    var zeros: UInt64 = 0  // the high bit of a byte set where a word held a zero byte
    var equals: UInt64 = 0  // the same for a byte equal to '='
    let count = bytes.count
    while index + 8 <= count {
      let word = word(bytes, at: index)
      any |= word
      zeros |= (word &- ones) & ~word
      let sign = word ^ equalsSigns
      equals |= (sign &- ones) & ~sign
      index += 8
    }
    var survey = Survey(ascii: any & highBits == 0, hasNUL: zeros & highBits != 0, hasEquals: equals & highBits != 0)
    while index < count {
      let byte = bytes[index]
      if byte >= 0x80 { survey.ascii = false }
      if byte == 0 { survey.hasNUL = true }
      if byte == UInt8(ascii: "=") { survey.hasEquals = true }
      index += 1
    }
    return survey
  }

  /// Whether `byte` is white space within a line: space, tab, vertical tab or form feed.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte <= 0x20 && (byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C)
  }

  /// Whether `byte` is an ASCII digit.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  /// The index of the first byte in `start..<end` that is not white space (as
  /// ``isSpace(_:)`` has it), or `end`.
  @inline(__always)
  static func firstNonSpace(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
    var index = start
    while true {
      if index + 8 <= end {
        // The first byte that is not 0x20 is exact: a difference borrows nothing here.
        let different = word(base, at: index) ^ spaces
        if different == 0 {
          index += 8
          continue
        }
        index += different.trailingZeroBitCount >> 3
      }
      // A tab or another space byte goes one by one; they are rare.
      guard index < end, isSpace(base[index]) else { return index }
      index += 1
    }
  }

  /// The index of the first white-space byte in `start..<end`, or `end`.
  @inline(__always)
  static func firstSpace(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
    var index = start
    while true {
      if index + 8 <= end {
        // Flags bytes below 0x21; the lowest flag is exact (borrows only run upwards).
        let word = word(base, at: index)
        let low = (word &- ones &* 0x21) & ~word & highBits
        if low == 0 {
          index += 8
          continue
        }
        index += low.trailingZeroBitCount >> 3
      } else {
        while index < end && base[index] > 0x20 { index += 1 }
      }
      // A control byte that is not white space stays in the token.
      guard index < end, !isSpace(base[index]) else { return index }
      index += 1
    }
  }

  /// Whether `count` bytes at `a` and at `b` are equal.
  static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
    var offset = 0
    while offset + 8 <= count {
      if word(a, at: offset) != word(b, at: offset) { return false }
      offset += 8
    }
    while offset < count {
      if a[offset] != b[offset] { return false }
      offset += 1
    }
    return true
  }

  /// `end` moved back over a run of spaces (0x20) that ends there, not below `start`.
  static func skipSpacesBackward(_ bytes: UnsafeBufferPointer<UInt8>, from end: Int, downTo start: Int) -> Int {
    var end = end
    while end - start >= 8 && word(bytes, at: end - 8) == spaces { end -= 8 }
    return end
  }
}
