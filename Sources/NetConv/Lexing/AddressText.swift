/// What an address's text shows about it, without parsing it fully.
enum AddressText {
  /// Whether `text` is an IPv4 or IPv6 literal rather than a host name.
  static func isLiteral(_ text: String) -> Bool {
    if text.contains(":") { return true }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCIIDigit } }
  }

  /// Whether `text` is the unspecified address, loopback, or a private, link-local or
  /// unique-local address: this machine or its local network.
  static func isUnspecifiedOrPrivate(_ text: String) -> Bool {
    let lower = text.lowercased()
    if ["0.0.0.0", "::", "*", "::1"].contains(lower) { return true }
    if lower.hasPrefix("10.") || lower.hasPrefix("127.") || lower.hasPrefix("192.168.") || lower.hasPrefix("169.254.") {
      return true
    }
    if lower.hasPrefix("172."), let second = Int(lower.split(separator: ".").dropFirst().first ?? ""), (16...31).contains(second) {
      return true
    }
    return lower.hasPrefix("fe80:") || lower.hasPrefix("fc") || lower.hasPrefix("fd")
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
