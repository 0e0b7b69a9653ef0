/// The address family of a socket, as far as the input tells it.
public enum AddressFamily: String, Codable, Sendable {
  case ipv4
  case ipv6
  case unix
}

extension AddressFamily {
  /// The family an address's text shows: a colon means IPv6, a dotted quad IPv4, and a host
  /// name tells nothing (`nil`).
  static func infer(from address: String?) -> AddressFamily? {
    guard let address, !address.isEmpty else { return nil }
    if address.contains(":") { return .ipv6 }
    let parts = address.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 4 && parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
      return .ipv4
    }
    return nil
  }
}

extension AddressFamily {
  /// The family an `address:port` token shows, read on bytes: brackets or a second colon mean
  /// IPv6, a dotted quad IPv4, a host name nothing.
  static func infer(fromToken token: Span, in line: LineText) -> AddressFamily? {
    var colons = 0
    var dots = 0
    var onlyDigitsAndDots = true
    var lastColon = token.end
    for index in token.start..<token.end {
      switch line[index] {
      case UInt8(ascii: "["): return .ipv6
      case UInt8(ascii: ":"):
        colons += 1
        lastColon = index
      default: break
      }
    }
    if colons >= 2 { return .ipv6 }
    for index in token.start..<lastColon {
      let byte = line[index]
      if byte == UInt8(ascii: ".") { dots += 1 } else if !LineText.isDigit(byte) { onlyDigitsAndDots = false }
    }
    return onlyDigitsAndDots && dots == 3 ? .ipv4 : nil
  }
}
