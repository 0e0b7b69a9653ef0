/// Matches the first label of a host name against a provider's pattern, anchored at both
/// ends: `#` is one or more digits, `*` any run of characters, anything else itself.
///
///     *-in-f#        lga25s56-in-f10 ✓   lga25s56-in-f10x ✗
///     server-#-#-#-# server-13-224-1-2 ✓ server-nas ✗
enum HostPattern {
  /// A DNS label is at most 63 bytes; longer text is never a provider's name, and the limit
  /// keeps the backtracking below small on hostile input.
  static let longestLabel = 63

  /// Whether `label` matches `pattern` (both lower case).
  static func matches(_ pattern: String, _ label: Substring) -> Bool {
    guard label.utf8.count <= longestLabel else { return false }
    return matches(Array(pattern.utf8)[...], Array(label.utf8)[...])
  }

  private static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    guard let head = pattern.first else { return text.isEmpty }
    let rest = pattern.dropFirst()
    switch head {
    case UInt8(ascii: "*"):
      var tail = text
      while true {
        if matches(rest, tail) { return true }
        guard !tail.isEmpty else { return false }
        tail = tail.dropFirst()
      }
    case UInt8(ascii: "#"):
      var tail = text
      guard let first = tail.first, isDigit(first) else { return false }
      tail = tail.dropFirst()
      while true {
        if matches(rest, tail) { return true }
        guard let next = tail.first, isDigit(next) else { return false }
        tail = tail.dropFirst()
      }
    default:
      return text.first == head && matches(rest, text.dropFirst())
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
