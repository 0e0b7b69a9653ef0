/// A mojibake-tolerant form of a string, for matching vocabulary in text that was decoded with
/// the wrong code page somewhere along the way.
///
/// ASCII letters and digits are kept (lower-cased); every run of other characters — non-ASCII
/// letters, `?`, apostrophes, `™`, `¢` — becomes one `*`. So `ABHÖREN`, `ABH?REN` and `ABH™REN`
/// share the skeleton `abh*ren`, and `Direcci¢n` matches `Dirección`. Strings with fewer than
/// three ASCII letters (CJK, Cyrillic) are matched exactly instead: their skeleton says nothing.
enum Skeleton {
  /// The skeleton of `text`, or `nil` when it keeps fewer than three ASCII letters.
  static func of(_ text: some StringProtocol) -> String? {
    var out = ""
    var letters = 0
    var lastWasWildcard = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      let isWord =
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
      if isWord {
        out.unicodeScalars.append(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)!)
        if value >= 0x41 { letters += 1 }
        lastWasWildcard = false
      } else if value == 0x20 || value == 0x5F || value == 0x2D || value == 0x2E {
        out.unicodeScalars.append(scalar)  // space, _, -, . keep their place
        lastWasWildcard = false
      } else if !lastWasWildcard {
        out.append("*")
        lastWasWildcard = true
      }
    }
    return letters >= 3 ? out : nil
  }

  /// The same skeleton with each wildcard dropped, for text that lost the character entirely
  /// (`ABHREN`).
  static func dropped(_ skeleton: String) -> String {
    skeleton.filter { $0 != "*" }
  }
}
