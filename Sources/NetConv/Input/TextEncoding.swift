/// The character encoding netconv chose for an input.
public enum TextEncoding: String, Sendable {
  /// UTF-8 without a byte-order mark (lines that are not valid UTF-8 fall back to a code page).
  case utf8 = "utf-8"
  /// UTF-8 that started with a byte-order mark.
  case utf8BOM = "utf-8-bom"
  /// UTF-16 little endian (Windows PowerShell 5 redirections), with or without a BOM.
  case utf16LE = "utf-16le"
  /// UTF-16 big endian.
  case utf16BE = "utf-16be"

  /// Decides the encoding from the first bytes of the input.
  ///
  /// A BOM decides; without one, UTF-16 shows as NUL bytes in every other position.
  /// - Returns: The encoding and the number of BOM bytes to skip.
  static func sniff(_ head: [UInt8]) -> (TextEncoding, bomLength: Int) {
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8BOM, 3) }
    if head.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
    if head.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
    let sample = head.prefix(4096)
    guard sample.count >= 16 else { return (.utf8, 0) }  // too little to tell a NUL pattern
    var evenZeros = 0
    var oddZeros = 0
    for (index, byte) in sample.enumerated() where byte == 0 {
      if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let half = sample.count / 2
    if oddZeros * 10 >= half * 3 && evenZeros * 20 < half { return (.utf16LE, 0) }
    if evenZeros * 10 >= half * 3 && oddZeros * 20 < half { return (.utf16BE, 0) }
    return (.utf8, 0)
  }
}

#if !hasFeature(Embedded)
extension TextEncoding: Codable {}
#endif
