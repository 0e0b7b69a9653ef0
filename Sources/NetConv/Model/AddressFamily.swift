/// The address family of a socket, as far as the input tells it.
public enum AddressFamily: String, Sendable, CaseIterable {
  /// IPv4.
  case ipv4
  /// IPv6 (also for IPv4-mapped addresses on a `tcp6` socket).
  case ipv6
  /// UNIX domain sockets.
  case unix
}

extension AddressFamily {
  /// The family an address's text shows: a colon means IPv6, a dotted quad IPv4, and a host
  /// name tells nothing (`nil`).
  static func infer(fromAddress bytes: UnsafeBufferPointer<UInt8>) -> AddressFamily? {
    guard !bytes.isEmpty else { return nil }
    if bytes.contains(UInt8(ascii: ":")) { return .ipv6 }
    var parts = 1
    var digits = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard digits > 0 else { return nil }
        parts += 1
        digits = 0
      } else if ByteScan.isDigit(byte) {
        digits += 1
        guard digits <= 3 else { return nil }
      } else {
        return nil
      }
    }
    return parts == 4 && digits > 0 ? .ipv4 : nil
  }
}

#if !hasFeature(Embedded)
extension AddressFamily: Codable {}
#endif
