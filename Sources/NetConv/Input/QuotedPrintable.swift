/// Decodes quoted-printable text (RFC 2045), the form e-mail clients send a paste in: `=3D`
/// for `=`, `=C3=B6` for `ö`, and `=` at the end of a line for a soft line break.
///
/// Decoding switches on only on evidence that plain netstat or ss text cannot show: the MIME
/// header, an encoded `=` (`=3D`), an encoded UTF-8 character (`=C3=96`), or an encoded blank
/// ending a line after anything but a key (`6353=20`, `    =20`). In netstat and
/// ss text an `=` is only ever followed by decimal digits (`pid=4402,fd=16`), and an `=` that
/// is not a well-formed escape (`fd=16))`, `=44` for a plain `D`) rules the encoding out, so
/// `pid=4402` is never read as `pid` + `D` + `02`.
struct QuotedPrintable {
  /// Whether the text is being decoded.
  enum State: Equatable {
    /// No evidence either way yet.
    case undecided
    /// The text is quoted-printable: lines are decoded.
    case active
    /// The text showed an `=` that quoted-printable never writes: it is read as it is.
    case ruledOut
  }

  /// What one line says about the encoding.
  enum Evidence: Equatable {
    /// Nothing either way (no `=`, or only soft breaks and escapes that prove nothing).
    case none
    /// The line can only be quoted-printable: the MIME header, `=3D` or an encoded UTF-8 character.
    case encoded
    /// The line cannot be quoted-printable: a bare `=`, or an escape of a character that
    /// encoders leave as it is.
    case plain
  }

  private(set) var state = State.undecided

  /// Looks at a line before it is decoded and updates the state.
  ///
  /// - Returns: The state's change, if the line changed it (`.active` when decoding starts,
  ///   `.ruledOut` when a line contradicts decoding that was on).
  mutating func notice(_ bytes: UnsafeBufferPointer<UInt8>) -> State? {
    let evidence = Self.evidence(bytes)
    switch (state, evidence) {
    case (_, .encoded) where Self.isHeader(bytes) && state != .active:
      state = .active
      return .active
    case (.undecided, .encoded):
      state = .active
      return .active
    case (.undecided, .plain):
      state = .ruledOut
      return nil
    case (.active, .plain):
      state = .ruledOut
      return .ruledOut
    default:
      return nil
    }
  }

  /// What `bytes` say about the encoding.
  static func evidence(_ bytes: UnsafeBufferPointer<UInt8>) -> Evidence {
    if isHeader(bytes) { return .encoded }
    var encoded = false
    var searchFrom = 0
    let count = bytes.count
    while let index = ByteScan.firstIndex(of: UInt8(ascii: "="), in: bytes, from: searchFrom) {
      if index == count - 1 { break }  // a soft line break
      guard index + 2 < count, let value = escapeValue(bytes, at: index) else { return .plain }
      switch value {
      case 0x3D:
        encoded = true
      case 0x09, 0x20:
        // Encoders protect a blank that ends a line. In netstat and ss an '=' only follows a
        // key ('pid=20' cut by a wrap follows a letter), so one after anything else is encoded.
        if index + 3 == count && (index == 0 || !Self.isLetter(bytes[index - 1])) {
          encoded = true
        }
      case 0xC2...0xF4:
        // A UTF-8 lead byte followed by an encoded continuation byte.
        if let next = escapeValue(bytes, at: index + 3), (0x80...0xBF).contains(next) {
          encoded = true
        }
      case 0x80...0xFF:
        break  // a byte of a legacy code page, or a UTF-8 continuation
      default:
        // Printable ASCII other than the characters some encoders protect, or a control
        // character: no encoder writes those as escapes.
        if !safetyEncoded.contains(value) { return .plain }
      }
      searchFrom = index + 3
    }
    return encoded ? .encoded : .none
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
  }

  /// Characters RFC 2045 §6.7 allows encoders to encode for EBCDIC gateways.
  private static let safetyEncoded: Set<UInt8> = Set(Array("!\"#$@[\\]^`{|}~".utf8))

  private static let header = Array("content-transfer-encoding:".utf8)

  /// Whether the line is the MIME header `Content-Transfer-Encoding: quoted-printable`.
  static func isHeader(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // Compared on bytes first (a letter's case is its 0x20 bit), so ordinary lines cost little.
    guard bytes.count >= header.count, let first = bytes.first, first | 0x20 == UInt8(ascii: "c") else { return false }
    for index in 1..<header.count {
      let byte = bytes[index]
      let folded = (byte | 0x20) &- UInt8(ascii: "a") < 26 ? byte | 0x20 : byte
      guard folded == header[index] else { return false }
    }
    return String(decoding: bytes, as: UTF8.self).lowercased().containsText("quoted-printable")
  }

  /// Appends the decoded bytes of `bytes` to `output`.
  ///
  /// - Returns: Whether the line ended in a soft break (it continues on the next line).
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "=") {
        if index == bytes.count - 1 { return true }
        if index + 2 < bytes.count, let value = escapeValue(bytes, at: index) {
          output.append(value)
          index += 3
          continue
        }
      }
      output.append(byte)
      index += 1
    }
    return false
  }

  /// The byte encoded by the escape `=XX` that starts at `index`, if it is one.
  private static func escapeValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
    guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: "="),
      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
    else { return nil }
    return high << 4 | low
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
