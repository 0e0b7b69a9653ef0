/// Finding text inside text by its UTF-8 bytes: what `contains(_:)` and `range(of:)` do with
/// Foundation, without it — the library builds for Embedded Swift (WebAssembly) too. Matching is
/// exact, byte for byte; the vocabulary it looks for is ASCII.
extension StringProtocol {
  /// Whether `target` occurs in the text.
  func containsText(_ target: some StringProtocol) -> Bool {
    firstRangeOfText(target) != nil
  }

  /// The first range where `target` occurs, `nil` when it does not (or is empty).
  func firstRangeOfText(_ target: some StringProtocol) -> Range<Index>? {
    let needle = Array(target.utf8)
    guard let first = needle.first else { return nil }
    let bytes = utf8
    var index = bytes.startIndex
    while index != bytes.endIndex {
      if bytes[index] == first, bytes[index...].starts(with: needle) {
        return index..<bytes.index(index, offsetBy: needle.count)
      }
      index = bytes.index(after: index)
    }
    return nil
  }

  /// The text with every occurrence of `target` replaced by `replacement`.
  func replacingText(_ target: some StringProtocol, with replacement: String) -> String {
    var result = ""
    var rest = self[...]
    while let range = rest.firstRangeOfText(target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
