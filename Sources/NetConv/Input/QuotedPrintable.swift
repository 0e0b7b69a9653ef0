/// Decodes quoted-printable text (RFC 2045), the form e-mail clients send a paste in: `=3D`
/// for `=`, `=C3=B6` for `ö`, and `=` at the end of a line for a soft line break.
///
/// A paste is taken for quoted-printable once it shows the MIME header, or a line that ends
/// in a soft break and holds `=XX` escapes; plain netstat text never does.
struct QuotedPrintable {
  private(set) var active = false

  /// Looks at a line before it is decoded and switches decoding on when the text is
  /// quoted-printable.
  mutating func notice(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !active, let first = bytes.first else { return }
    if bytes.last == UInt8(ascii: "=") && Self.hasEscape(bytes) {
      active = true
    } else if first | 0x20 == UInt8(ascii: "c") && bytes.count >= Self.header.count {
      // A cheap first-byte test keeps this off the path of ordinary lines.
      let text = String(decoding: bytes, as: UTF8.self).lowercased()
      active = text.hasPrefix("content-transfer-encoding:") && text.contains("quoted-printable")
    }
  }

  private static let header = Array("content-transfer-encoding: quoted-printable".utf8)

  /// Appends the decoded bytes of `bytes` to `output`.
  ///
  /// - Returns: Whether the line ended in a soft break (it continues on the next line).
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "=") {
        if index == bytes.count - 1 { return true }
        if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
          output.append(high << 4 | low)
          index += 3
          continue
        }
      }
      output.append(byte)
      index += 1
    }
    return false
  }

  private static func hasEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index + 2 < bytes.count {
      if bytes[index] == UInt8(ascii: "="), hexValue(bytes[index + 1]) != nil, hexValue(bytes[index + 2]) != nil {
        return true
      }
      index += 1
    }
    return false
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
