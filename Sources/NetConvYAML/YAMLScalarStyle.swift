/// Decides which strings must be quoted so that a YAML 1.1 or 1.2 reader reads them back as
/// strings.
///
/// libyaml quotes only what its syntax requires; it does not know the schemas, so `yes`, `no`,
/// `null`, `~`, `0123`, `1e3`, `0x1F`, `12:30` and `2024-01-02` would come out plain and read
/// back as booleans, numbers, null or dates. `WriterTests` reads the YAML output back with PyYAML
/// (YAML 1.1) and libyaml.
enum YAMLScalarStyle {
  private static let words: Set<String> = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
    "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "<<", "=",
  ]

  /// Whether `text` must be single-quoted.
  ///
  ///     needsQuotes("yes")        // true
  ///     needsQuotes("0123")       // true
  ///     needsQuotes("sshd")       // false
  static func needsQuotes(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { needsQuotes($0) }
  }

  /// The same rule on UTF-8 bytes.
  static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last else { return true }
    if bytes.count <= longestWord && words.contains(String(decoding: bytes, as: UTF8.self)) { return true }
    if isBlank(first) || isBlank(last) { return true }
    if isInfinityOrNaN(bytes) || startsNumeric(bytes) || startsLikeDate(bytes) { return true }
    return false
  }

  private static let longestWord = words.map(\.utf8.count).max() ?? 0

  private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

  /// `.inf`, `-.Inf`, `+.INF`, `.nan`, … in any case.
  private static func isInfinityOrNaN(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == 4 || bytes.count == 5 else { return false }
    var rest = bytes[...]
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
    let lowered = String(decoding: rest, as: UTF8.self).lowercased()
    return lowered == ".inf" || lowered == ".nan"
  }

  /// Optional sign, optional `.`, a digit, then only `0-9a-fA-FoxOX_.:eE+-`.
  private static func startsNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") { index += 1 }
    guard index < bytes.count, bytes[index] &- 0x30 < 10 else { return false }
    for byte in bytes[(index + 1)...] {
      let allowed =
        byte &- 0x30 < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6 || byte == UInt8(ascii: "o")
        || byte == UInt8(ascii: "O") || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X")
        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
      if !allowed { return false }
    }
    return true
  }

  /// Four digits and a dash: the start of a YAML 1.1 timestamp.
  private static func startsLikeDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count >= 5 && bytes[0..<4].allSatisfy { $0 &- 0x30 < 10 } && bytes[4] == UInt8(ascii: "-")
  }
}
