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
      if let address = socket.local.address.map(Self.plain) {
        let place = AddressClass.of(address)
        if place != .unspecified && place != .loopback { addresses[plan.ordinal(socket), default: []].insert(address) }
      }
    }
    // Only connections to this machine can have a twin row: the set stays small on a paste of
    // a million connections out.
    for socket in sockets where socket.protocol != "unix" && isSelf(socket) {
      ends.insert(key(socket, reversed: false))
    }
  }

  /// Whether `socket` is connected to this machine itself: its peer is loopback or one of the
  /// machine's own addresses in that snapshot (the other row of a pair always is).
  func isSelf(_ socket: Socket) -> Bool {
    guard socket.hasPeer, let remote = socket.remote.address.map(Self.plain) else { return false }
    return AddressClass.of(remote) == .loopback || addresses[plan.ordinal(socket)]?.contains(remote) == true
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
    // Compared byte by byte: this runs for every endpoint shown, and lowercasing allocates.
    let prefix = address.utf8.prefix(7)
    guard prefix.count == 7, prefix.elementsEqual("::ffff:".utf8, by: { $0 | 0x20 == $1 | 0x20 }), address.contains(".") else {
      return address
    }
    return String(address.dropFirst(7))
  }
}
