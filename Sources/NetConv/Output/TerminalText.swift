/// Text from a paste made safe to print on a terminal.
///
/// A paste can hold control characters — by accident or on purpose: `ESC ]0;…` retitles the
/// window, `ESC [2J` clears the screen, a bidirectional override reorders what a person reads.
/// Every message netconv prints that carries text from its input goes through ``escaped(_:)``.
public enum TerminalText {
  /// `text` with each C0 and C1 control character and DEL shown as `\xNN`, and each
  /// bidirectional embedding, override or isolate as `\u{NNNN}`:
  ///
  ///     TerminalText.escaped("a\u{1B}[31mb")  // "a\\x1b[31mb"
  public static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
        out += "\\x" + hex(scalar.value, digits: 2)
      } else if needsEscape(scalar) {
        out += "\\u{" + hex(scalar.value, digits: 4) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: false)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
