/// Checks that bytes are well-formed UTF-8 without building a `String`.
enum UTF8Validation {
  /// Whether `bytes` is valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    validPrefix(bytes) == bytes.count
  }

  /// When `bytes` is valid UTF-8 but for the first bytes of one character at its end (a
  /// wrap that counts bytes cut it): how many of its bytes are there, and how many it needs.
  static func cutCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> (tail: Int, length: Int)? {
    // A quick look at the end first: a lead byte, then fewer continuation bytes than it needs.
    var start = bytes.count
    while start > 0 && bytes.count - start < 3 && bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
    guard start > 0, bytes[start - 1] >= 0xC2 else { return nil }
    let lead = bytes[start - 1]
    let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    guard bytes.count - start + 1 < needed else { return nil }
    let valid = validPrefix(bytes)
    let tail = bytes.count - valid
    guard tail > 0 && tail < 4 else { return nil }
    let length: Int
    switch bytes[valid] {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return nil
    }
    guard tail < length else { return nil }
    // The bytes there must be able to start a character: padded with continuation bytes, the
    // character is valid.
    // (The lowest continuation byte each lead allows.)
    let filler: UInt8 = bytes[valid] == 0xE0 ? 0xA0 : bytes[valid] == 0xF0 ? 0x90 : 0x80
    var character = Array(bytes[valid...])
    while character.count < length { character.append(filler) }
    return character.withUnsafeBufferPointer { validPrefix($0) == length } ? (tail, length) : nil
  }

  /// The length of the longest valid UTF-8 prefix of `bytes` that ends between characters.
  private static func validPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let start = index
      let length: Int
      var lower: UInt8 = 0x80
      var upper: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; lower = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; upper = 0x9F
      case 0xF0: length = 4; lower = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; upper = 0x8F
      default: return start
      }
      guard index + length <= count else { return start }
      let second = bytes[index + 1]
      guard second >= lower && second <= upper else { return start }
      for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return start }
      index += length
    }
    return count
  }
}
