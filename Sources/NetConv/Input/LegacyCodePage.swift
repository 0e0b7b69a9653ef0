/// A single-byte legacy code page used when a line is not valid UTF-8.
///
/// Windows consoles write in an OEM code page (cp850 in Western Europe, cp437 in the US,
/// cp866 for Russian), and Linux machines with ISO-8859 locales write Latin-1-like bytes
/// (read here as cp1252, its superset). Lines that are valid UTF-8 are never re-decoded.
public enum LegacyCodePage: String, Sendable, CaseIterable, Codable {
  case cp437
  case cp850
  case cp852
  case cp866
  case cp1252

  /// The upper half of the table: the Unicode scalar value of bytes 0x80...0xFF.
  var upperHalf: [UInt32] {
    switch self {
    case .cp437: return Self.cp437UpperHalf
    case .cp850: return Self.cp850UpperHalf
    case .cp852: return Self.cp852UpperHalf
    case .cp866: return Self.cp866UpperHalf
    case .cp1252: return Self.cp1252UpperHalf
    }
  }

  /// Guesses the code page of a line of non-UTF-8 bytes.
  ///
  /// Letters with accents sit at 0xC0...0xFF in ISO-8859/cp1252 but mostly at 0x80...0xA5 in
  /// the DOS code pages, so the share of high bytes at or above 0xC0 decides between the two.
  static func guess(for bytes: UnsafeBufferPointer<UInt8>) -> LegacyCodePage {
    var low = 0
    var high = 0
    for byte in bytes where byte >= 0x80 {
      if byte >= 0xC0 { high += 1 } else { low += 1 }
    }
    return high > low ? .cp1252 : .cp850
  }

  /// Appends the UTF-8 encoding of `bytes`, read in this code page, to `output`.
  func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    let table = upperHalf
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
      } else {
        UTF8.encode(Unicode.Scalar(table[Int(byte) - 0x80]) ?? "\u{FFFD}") { output.append($0) }
      }
    }
  }
}
