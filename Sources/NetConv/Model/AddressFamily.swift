/// The address family of a socket, as far as the input tells it.
public enum AddressFamily: String, Codable, Sendable {
  case ipv4
  case ipv6
  case unix
}
