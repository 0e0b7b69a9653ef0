/// One end of a socket: an address, a port and what the input showed for them.
public struct Endpoint: Hashable, Sendable {
  /// The address or host name without brackets, port or zone (`127.0.0.1`, `::1`, `localhost`,
  /// `*` for a wildcard shown as a star, a path for UNIX sockets); `nil` when there is none.
  public var address: String?
  /// The port number; a service name shown by the input is resolved through `Grammar/services.tsv`.
  public var port: Int?
  /// The service name the input showed in place of the number (`https`, `epmap`).
  public var portName: String?
  /// The zone index or interface written after `%` (`eth0`, `11`).
  public var interface: String?
  /// Whether netstat may have cut the text to fit its column (a 23-character token without `-W`).
  /// A truncated address is kept as shown, never "repaired".
  public var truncated: Bool

  /// Creates an endpoint.
  public init(
    address: String? = nil, port: Int? = nil, portName: String? = nil, interface: String? = nil,
    truncated: Bool = false
  ) {
    self.address = address
    self.port = port
    self.portName = portName
    self.interface = interface
    self.truncated = truncated
  }
}
