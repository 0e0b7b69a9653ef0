/// Where an address lives, in words a helper can repeat.
public enum AddressClass: String, Sendable, CaseIterable {
  /// This machine talking to itself (127.0.0.1, ::1, localhost).
  case loopback
  /// The home or office network (10.x, 172.16–31.x, 192.168.x, fc00::/7).
  case privateNetwork = "private"
  /// The local link only (169.254.x, fe80::).
  case linkLocal = "link-local"
  /// The internet provider's shared address space (100.64–127.x).
  case cgnat
  /// A group address (224.x–239.x, ff00::).
  case multicast
  /// Any address of this machine (0.0.0.0, ::, *).
  case unspecified
  /// The internet.
  case publicInternet = "public"
  /// A host name netstat resolved; where it lives is not known without a lookup.
  case name

  /// Classifies an address as netconv stores it (no brackets, no port, no zone).
  public static func of(_ address: String) -> AddressClass {
    if address == "*" || address == "0.0.0.0" || address == "::" { return .unspecified }
    if address.lowercased() == "localhost" { return .loopback }
    if let octets = ipv4(address) { return of(octets) }
    if address.contains(":") { return ofIPv6(address.lowercased()) }
    // A name without a dot is a machine of the local network (`DESKTOP-7Q2M4LB`,
    // `LAPTOP-DAUGHTER`, `NAS-BOX`) — unless it is the first label Windows netstat shows of an
    // internet host (`lga25s56-in-f10`, `a23-38-167-219`): a provider's pattern, or an IPv4
    // address written with hyphens.
    if address.contains(".") || ReportKnowledge.provider(forName: address) != nil || embedsIPv4(address) { return .name }
    return .privateNetwork
  }

  /// Whether a host name carries an IPv4 address as four hyphen-separated numbers
  /// (`a23-38-167-219`, `lb-140-82-114-5-iad`, `ec2-52-58-177-70`).
  private static func embedsIPv4(_ name: String) -> Bool {
    let parts = name.split(separator: "-")
    guard parts.count >= 4 else { return false }
    for start in 0...(parts.count - 4) {
      let run = parts[start..<(start + 4)].map { $0.drop { !$0.isNumber } }
      if run.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isNumber } && Int($0).map { $0 <= 255 } == true }) { return true }
    }
    return false
  }

  private static func ipv4(_ text: String) -> [Int]? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    let octets = parts.compactMap { Int($0) }.filter { (0...255).contains($0) }
    return octets.count == 4 ? octets : nil
  }

  private static func of(_ o: [Int]) -> AddressClass {
    switch (o[0], o[1]) {
    case (127, _): return .loopback
    case (10, _), (192, 168): return .privateNetwork
    case (172, 16...31): return .privateNetwork
    case (169, 254): return .linkLocal
    case (100, 64...127): return .cgnat
    case (224...239, _): return .multicast
    case (0, _): return .unspecified
    default: return .publicInternet
    }
  }

  private static func ofIPv6(_ address: String) -> AddressClass {
    if address == "::1" { return .loopback }
    if address.hasPrefix("::ffff:"), let octets = ipv4(String(address.dropFirst(7))) { return of(octets) }
    if address.hasPrefix("fe8") || address.hasPrefix("fe9") || address.hasPrefix("fea") || address.hasPrefix("feb") {
      return .linkLocal
    }
    if address.hasPrefix("fc") || address.hasPrefix("fd") { return .privateNetwork }
    if address.hasPrefix("ff") { return .multicast }
    return .publicInternet
  }

  /// Words for the report.
  public var words: String {
    switch self {
    case .loopback: return "this machine itself"
    case .privateNetwork: return "the local network"
    case .linkLocal: return "the local link"
    case .cgnat: return "carrier-grade NAT or a VPN such as Tailscale"
    case .multicast: return "a multicast group"
    case .unspecified: return "any address"
    case .publicInternet: return "the internet"
    case .name: return "a named host"
    }
  }
}

#if !hasFeature(Embedded)
extension AddressClass: Codable {}
#endif
