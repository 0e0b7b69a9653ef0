import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What happens to a paste on its way to the helper: a mail client wraps and quotes it, a
/// forum indents or fences it, Windows changes its line ends or its encoding. Each case turns
/// the bytes of a paste into the bytes the helper receives; the metamorphic checks
/// (``Metamorphic``) require that netconv reads the same sockets out of both, or says why not.
public enum PasteTransform: Hashable, Sendable, CustomStringConvertible {
  /// Hard-wrapped at `width` columns like `fold -w` (`breakAtSpaces`: like `fold -s`).
  case fold(width: Int, breakAtSpaces: Bool)
  /// Every line quoted as a mail reply quotes it (`"> "`, `"> > "`, `">>> "`).
  case quote(String)
  /// Every line indented by four spaces (a Markdown code block).
  case indent
  /// Fenced as a Markdown code block.
  case fence
  /// CRLF line ends.
  case crlf
  /// A lone CR as the line end (classic Mac OS).
  case carriageReturns
  /// UTF-16, little- or big-endian, with or without a byte-order mark.
  case utf16(bigEndian: Bool, bom: Bool)
  /// Re-encoded in the first legacy code page that holds every character of the text (the
  /// OEM page of its language: cp850, cp866, cp852, cp936 …); identity for ASCII text.
  case legacyCodePage
  /// Quoted-printable, as a mail client sends it: `=3D` for `=`, escapes for non-ASCII
  /// bytes, soft breaks at 76 columns.
  case quotedPrintable
  /// A few lines of prose before and after, as in a mail or a forum post.
  case prose
  /// The blanks at the end of every line removed (an editor or a chat window does that).
  case stripTrailingBlanks

  public var description: String {
    switch self {
    case .fold(let width, let spaces): "fold\(spaces ? " -s" : "") -w \(width)"
    case .quote(let prefix): "quoted with '\(prefix)'"
    case .indent: "indented by four spaces"
    case .fence: "fenced"
    case .crlf: "CRLF line ends"
    case .carriageReturns: "CR line ends"
    case .utf16(let bigEndian, let bom): "UTF-16\(bigEndian ? "BE" : "LE")\(bom ? " with BOM" : "")"
    case .legacyCodePage: "legacy code page"
    case .quotedPrintable: "quoted-printable"
    case .prose: "prose around it"
    case .stripTrailingBlanks: "trailing blanks stripped"
    }
  }

  /// Every transformation the metamorphic checks apply, folds at every width from 60 to 200.
  public static let all: [PasteTransform] = {
    var all: [PasteTransform] = [
      .quote("> "), .quote("> > "), .quote(">>> "), .indent, .fence, .crlf, .carriageReturns,
      .utf16(bigEndian: false, bom: true), .utf16(bigEndian: false, bom: false),
      .utf16(bigEndian: true, bom: true), .utf16(bigEndian: true, bom: false),
      .legacyCodePage, .quotedPrintable, .prose, .stripTrailingBlanks,
    ]
    for width in 60...200 {
      all.append(.fold(width: width, breakAtSpaces: false))
      all.append(.fold(width: width, breakAtSpaces: true))
    }
    return all
  }()

  /// The transformed bytes of a UTF-8 paste, or `nil` where the transformation does not apply
  /// (bytes that are not UTF-8, a code page that holds no non-ASCII text).
  public func apply(to bytes: [UInt8]) -> [UInt8]? {
    // Only UTF-8 text is transformed: UTF-16 (valid UTF-8 with NULs) and code pages are not.
    guard !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) else { return nil }
    let lines = Self.lines(text)
    switch self {
    case .fold(let width, let spaces):
      return Array(lines.flatMap { Self.fold($0.text, width: width, breakAtSpaces: spaces).map { $0 + "\n" } }.joined().utf8)
    case .quote(let prefix):
      return Self.join(lines.map { prefix + $0.text })
    case .indent:
      return Self.join(lines.map { "    " + $0.text })
    case .fence:
      return Self.join(["```"] + lines.map(\.text) + ["```"])
    case .crlf:
      return Array(lines.map { $0.text + "\r\n" }.joined().utf8)
    case .carriageReturns:
      return Array(lines.map { $0.text + "\r" }.joined().utf8)
    case .utf16(let bigEndian, let bom):
      var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
      for unit in text.utf16 {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        out += bigEndian ? [high, low] : [low, high]
      }
      return out
    case .legacyCodePage:
      // Text in a language, not mojibake (symbols such as ™ where a letter was meant).
      guard bytes.contains(where: { $0 >= 0x80 }),
        text.unicodeScalars.allSatisfy({ $0.isASCII || $0.properties.isAlphabetic })
      else { return nil }
      // The page of the text's language: Japanese kana and Korean Hangul first, since the
      // Chinese pages also hold some of their characters.
      let scalars = text.unicodeScalars
      var pages = ["CP850", "CP866", "CP852", "CP936", "CP932", "CP949", "CP950", "CP1252", "CP1251", "CP1250"]
      if scalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) { pages.insert("CP932", at: 0) }
      if scalars.contains(where: { (0xAC00...0xD7AF).contains($0.value) }) { pages.insert("CP949", at: 0) }
      for page in pages {
        if let encoded = Self.iconv(bytes, to: page) { return encoded }
      }
      return nil
    case .quotedPrintable:
      return Self.quotedPrintable(lines.map(\.text))
    case .prose:
      return Self.join(["Hi,", "", "here is what the command printed:", ""] + lines.map(\.text) + ["", "Thanks, Maria"])
    case .stripTrailingBlanks:
      return Self.join(lines.map { String($0.text.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) })
    }
  }

  /// How many lines of prose ``prose`` puts before the paste.
  public static let proseLinesBefore = 4

  private static func join(_ lines: [String]) -> [UInt8] {
    Array(lines.map { $0 + "\n" }.joined().utf8)
  }

  /// The lines of `text` without their ends (`\n`, `\r\n` or `\r`).
  private static func lines(_ text: String) -> [(text: String, end: String)] {
    var result: [(String, String)] = []
    var current = ""
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if scalar == "\n" {
        result.append((current, "\n"))
        current = ""
      } else if scalar == "\r" {
        let next = scalars.next()
        if next == "\n" { result.append((current, "\r\n")) } else {
          result.append((current, "\r"))
          pending = next
        }
        current = ""
      } else {
        current.unicodeScalars.append(scalar)
      }
    }
    if !current.isEmpty { result.append((current, "")) }
    return result
  }

  /// GNU `fold`: a line longer than `width` columns is broken into pieces of `width` columns
  /// (tabs count to the next multiple of eight); with `breakAtSpaces` a piece ends after its
  /// last blank when it has one.
  static func fold(_ line: String, width: Int, breakAtSpaces: Bool) -> [String] {
    func advance(_ column: Int, _ scalar: Unicode.Scalar) -> Int {
      scalar == "\t" ? (column / 8 + 1) * 8 : column + 1
    }
    var pieces: [String] = []
    var current: [Unicode.Scalar] = []
    var column = 0
    for scalar in line.unicodeScalars {
      if advance(column, scalar) > width && !current.isEmpty {
        if breakAtSpaces, let blank = current.lastIndex(where: { $0 == " " || $0 == "\t" }), blank + 1 < current.count {
          pieces.append(String(String.UnicodeScalarView(current[...blank])))
          current = Array(current[(blank + 1)...])
        } else {
          pieces.append(String(String.UnicodeScalarView(current)))
          current = []
        }
        column = current.reduce(0, advance)
      }
      current.append(scalar)
      column = advance(column, scalar)
    }
    pieces.append(String(String.UnicodeScalarView(current)))
    return pieces
  }

  /// RFC 2045 §6.7 quoted-printable of UTF-8 lines, soft breaks keeping lines at 76 columns.
  private static func quotedPrintable(_ lines: [String]) -> [UInt8] {
    var out: [UInt8] = []
    let hex = Array("0123456789ABCDEF".utf8)
    for line in lines {
      let bytes = Array(line.utf8)
      var encoded: [[UInt8]] = []
      for (index, byte) in bytes.enumerated() {
        let isLast = index == bytes.count - 1
        if byte == UInt8(ascii: "=") || byte >= 0x80 || (byte < 0x20 && byte != 0x09)
          || (isLast && (byte == 0x20 || byte == 0x09))
        {
          encoded.append([UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        } else {
          encoded.append([byte])
        }
      }
      var column = 0
      for piece in encoded {
        if column + piece.count > 75 {
          out += [UInt8(ascii: "="), 0x0A]
          column = 0
        }
        out += piece
        column += piece.count
      }
      out.append(0x0A)
    }
    return out
  }

  /// `bytes` (UTF-8) in `page`, or `nil` when the page lacks one of its characters.
  private static func iconv(_ bytes: [UInt8], to page: String) -> [UInt8]? {
    let converter = iconv_open(page, "UTF-8")
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
    let outputCount = output.count
    let (ok, produced): (Bool, Int) = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
          .assumingMemoryBound(to: CChar.self)
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
          .assumingMemoryBound(to: CChar.self)
        var inLeft = inBuffer.count
        var outLeft = outputCount
        let result = Glibc.iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        return (result != -1 && inLeft == 0, outputCount - outLeft)
      }
    }
    return ok ? Array(output[0..<produced]) : nil
  }
}
