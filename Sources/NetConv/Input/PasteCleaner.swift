/// Undoes what e-mail and chat clients do to pasted tables, before a line is parsed.
enum PasteCleaner {
  /// Replaces each non-breaking space (U+00A0, bytes C2 A0) with two spaces, keeping byte offsets.
  static func replaceNonBreakingSpaces(in bytes: inout [UInt8]) {
    var index = 0
    while index + 1 < bytes.count {
      if bytes[index] == 0xC2 && bytes[index + 1] == 0xA0 {
        bytes[index] = 0x20
        bytes[index + 1] = 0x20
        index += 2
      } else {
        index += 1
      }
    }
  }
}
