/// Service names to port numbers, generated from `Grammar/services.tsv`, and IP protocol names
/// to numbers from `Grammar/ip-protocols.tsv`.
enum ServiceTable {
  /// Which table a name in the port position is looked up in.
  enum Names {
    /// Service names (`https` → 443): TCP, UDP and most sockets.
    case services
    /// IP protocol names (`icmp` → 1): raw sockets show their protocol where a port would be.
    case ipProtocols
  }

  /// The number `name` stands for, or `nil` when the table does not know it.
  static func port(named name: String, in names: Names = .services) -> Int? {
    switch names {
    case .services: return portsByName[name]
    case .ipProtocols: return protocolNumbersByName[name] ?? portsByName[name]
    }
  }
}
