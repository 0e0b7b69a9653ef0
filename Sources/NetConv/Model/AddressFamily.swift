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
