// `Socket`'s fields are generated from `Schema/socket.schema.json` into `Record.generated.swift`.

extension Socket {
  /// Whether the socket has a real peer (as opposed to a wildcard such as `0.0.0.0:*`).
  public var hasPeer: Bool { remote.address != nil }
}
