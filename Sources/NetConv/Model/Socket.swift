/// One socket row, normalised to the same shape whatever dialect or language it came from.
///
/// Every property is always present in the written output; a value the input does not show
/// is `nil` (written as `null`), never an empty string. Addresses carry no brackets and no
/// port; a zone or interface (`%eth0`, `%11`) is in its own property. See
/// `Schema/socket.schema.json` for the field-by-field contract.
///
/// "No peer" (a listener or an unconnected UDP socket: `0.0.0.0:*`, `:::*`, `*:*`, `[::]:0`)
/// is always `remoteAddress == nil`; a real peer always has a non-nil `remoteAddress`.
public struct Socket: Hashable, Sendable {
  /// The input the record came from, when several inputs go into one stream (`nil` otherwise).
  public var source: String?
  /// The dialect of the table the row was read from.
  public var format: Dialect
  /// The 1-based block index: repeated tables (`netstat -c`, `netstat -b 5`) count up.
  public var snapshot: Int
  /// The 1-based input line of the row.
  public var line: Int
  /// The transport, lower case and without a family digit: `tcp`, `udp`, `raw`, `udplite`, `sctp`, `unix`.
  public var `protocol`: String
  /// The address family, or `nil` when the input does not tell it.
  public var family: AddressFamily?
  /// The local end.
  public var local: Endpoint
  /// The remote end; its `address` is `nil` when the socket has no peer.
  public var remote: Endpoint
  /// The canonical state, or `nil` where the input shows none (unconnected UDP, raw, UNIX datagram).
  public var state: SocketState?
  /// The state text exactly as shown.
  public var stateRaw: String?
  /// Bytes in the receive queue.
  public var recvQ: Int?
  /// Bytes in the send queue.
  public var sendQ: Int?
  /// The owning process id.
  public var pid: Int?
  /// The owning program name as shown (net-tools cuts it to fit 19 characters with the pid).
  public var process: String?
  /// The Windows `-b` component/service line above the executable (`RpcSs`); XP-era DLL
  /// chains are joined with `; `.
  public var component: String?
  /// Windows `-b` printed "Can not obtain ownership information" (in any language) for the row:
  /// netstat could not see the owner, which is not the same as a row without `-b`.
  public var ownerUnavailable = false
  /// The owning user (a name or a numeric uid, as shown).
  public var user: String?
  /// The socket inode.
  public var inode: Int?
  /// The timer text as shown (`off (0.00/0/0)`, `timer:(keepalive,…)`).
  public var timer: String?
  /// The socket type of UNIX, packet and vsock sockets (`stream`, `dgram`, `seqpacket`, `raw`).
  public var socketType: String?
  /// Every process holding the socket (ss); ``pid`` and ``process`` repeat the first one.
  public var owners: [SocketOwner] = []
  /// Other facts ss printed, sorted by key, one value per key.
  public var details: [SocketDetail] = []

  /// Creates a record; everything but the identity of the row defaults to `nil`.
  public init(
    format: Dialect, snapshot: Int, line: Int, protocol: String, family: AddressFamily? = nil,
    local: Endpoint = Endpoint(), remote: Endpoint = Endpoint()
  ) {
    self.format = format
    self.snapshot = snapshot
    self.line = line
    self.protocol = `protocol`
    self.family = family
    self.local = local
    self.remote = remote
  }

  /// Whether the socket has a real peer (as opposed to a wildcard such as `0.0.0.0:*`).
  public var hasPeer: Bool { remote.address != nil }
}
