/// A legacy code page, used for lines that are not valid UTF-8.
///
/// Windows consoles write in an OEM code page (cp850 in Western Europe, cp437 in the US,
/// cp852 in Central Europe, cp866 for Russian, cp932/936/949/950 in East Asia); a file saved
/// from Notepad may be in the ANSI page instead (cp1252, cp1250, cp1251); Linux machines with
/// ISO-8859 locales write Latin-1-like bytes (read as cp1252, its superset). Lines that are valid
/// UTF-8 are never re-decoded.
public enum LegacyCodePage: String, Sendable, CaseIterable {
  /// The US OEM page.
  case cp437
  /// The Western European OEM page.
  case cp850
  /// The Central European OEM page.
  case cp852
  /// The Russian OEM page.
  case cp866
  /// The Central European ANSI page.
  case cp1250
  /// The Cyrillic ANSI page.
  case cp1251
  /// The Western ANSI page (and ISO-8859-1 text).
  case cp1252
  /// Japanese (Shift JIS).
  case cp932
  /// Simplified Chinese (GBK).
  case cp936
  /// Korean.
  case cp949
  /// Traditional Chinese (Big5).
  case cp950

  /// The name `iconv_open(3)` knows the code page by.
  var iconvName: String {
    switch self {
    case .cp936: return "GBK"
    case .cp950: return "BIG5"
    default: return rawValue.uppercased()
    }
  }

  /// The code page's number (932 for `cp932`), as hosts of the WebAssembly module receive it.
  var number: Int32 {
    var value: Int32 = 0
    for digit in rawValue.utf8.dropFirst(2) { value = value * 10 + Int32(digit - 0x30) }
    return value
  }

  /// Whether the code page writes a Latin script.
  var isLatin: Bool {
    switch self {
    case .cp437, .cp850, .cp852, .cp1250, .cp1252: return true
    default: return false
    }
  }

  /// The characters that make text in this code page look natural, for guessing.
  func isNativeLetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    switch self {
    case .cp437, .cp850, .cp852, .cp1250, .cp1252:
      return (0xC0...0x24F).contains(value) && value != 0xD7 && value != 0xF7
    case .cp866, .cp1251:
      return (0x400...0x4FF).contains(value)
    case .cp936, .cp950:
      return (0x4E00...0x9FFF).contains(value) || (0x3000...0x303F).contains(value) || (0xFF00...0xFFEF).contains(value)
    case .cp932:
      return (0x3040...0x30FF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xFF00...0xFFEF).contains(value)
        || (0x3000...0x303F).contains(value)
    case .cp949:
      return (0xAC00...0xD7A3).contains(value) || (0x3130...0x318F).contains(value)
    }
  }
}

#if !hasFeature(Embedded)
extension LegacyCodePage: Codable {}
#endif
