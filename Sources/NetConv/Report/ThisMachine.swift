/// Which connections of a snapshot go from this machine to itself: both rows of one
/// connection shown (`A → B` and `B → A`), a peer on loopback, or a peer at one of the
/// machine's own specific addresses. Such a connection is one self-connection, never two
/// internet links.
struct ThisMachine {
  /// `snapshot|protocol|local|remote` of every connected socket.
  private var ends: Set<String> = []
  /// The specific (not unspecified, not loopback) local addresses of each snapshot.
  private var addresses: [Int: Set<String>] = [:]

  /// The report's snapshot numbers.
  private let plan: SnapshotPlan

  init(_ sockets: [Socket], plan: SnapshotPlan) {
    self.plan = plan
    for socket in sockets where socket.protocol != "unix" {
      if socket.hasPeer { ends.insert(key(socket, reversed: false)) }
      if let address = socket.local.address.map(Self.plain) {
        let place = AddressClass.of(address)
        if place != .unspecified && place != .loopback { addresses[plan.ordinal(socket), default: []].insert(address) }
      }
    }
  }

  /// Whether `socket` is connected to this machine itself.
  func isSelf(_ socket: Socket) -> Bool {
    guard socket.hasPeer, let remote = socket.remote.address.map(Self.plain) else { return false }
    return AddressClass.of(remote) == .loopback || hasTwin(socket) || addresses[plan.ordinal(socket)]?.contains(remote) == true
  }

  /// Whether the other end's row of the same connection is in the paste too.
  func hasTwin(_ socket: Socket) -> Bool {
    ends.contains(key(socket, reversed: true))
  }

  /// Whether `socket` is the one of a pair that is counted (the other is its twin).
  func countsOnce(_ socket: Socket) -> Bool {
    !hasTwin(socket) || key(socket, reversed: false) < key(socket, reversed: true)
  }

  private func key(_ socket: Socket, reversed: Bool) -> String {
    let local = ReportBuilder.endpoint(socket.local)
    let remote = ReportBuilder.endpoint(socket.remote)
    return "\(plan.ordinal(socket))|\(socket.protocol)|" + (reversed ? "\(remote)|\(local)" : "\(local)|\(remote)")
  }

  /// An address without the IPv4-mapped prefix (`::ffff:192.0.2.1` → `192.0.2.1`).
  static func plain(_ address: String) -> String {
    address.lowercased().hasPrefix("::ffff:") && address.contains(".") ? String(address.dropFirst(7)) : address
  }
}
