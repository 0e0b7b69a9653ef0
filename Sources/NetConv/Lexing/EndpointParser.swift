/// Reads an `address:port` token in any of the forms the dialects print.
///
/// Handles `127.0.0.1:8765`, `::1:8766` and `:::*` (net-tools, last colon splits), `[::1]:80`,
/// `[fe80::1%11]:1521` (zone inside brackets), `127.0.0.53%lo:53` and `[fe80::1]%eth0:123`
/// (ss: interface before the port), `*:*`, and service names (`localhost:https`).
enum EndpointParser {
  /// The result of reading one token: spans of the line, nothing copied yet.
  struct Parsed {
    /// The address without brackets, port or zone; `nil` when empty.
    var address: Span?
    var port: Int?
    /// The service name shown in place of a port number.
    var portName: Span?
    var interface: Span?
    /// The port text was neither a number nor `*` nor a known service name.
    var unknownService: Span?
    /// The port was a number larger than 65535.
    var portOutOfRange: Span?
    /// The token is a wildcard peer: port `*`, or port 0 on an unspecified address.
    var isWildcard: Bool
  }

  /// Parses the token `span` of `line`; a name in the port position is looked up in `names`.
  static func parse(_ span: Span, in line: LineText, names: ServiceTable.Names = .services) -> Parsed {
    var interface: Span?
    var hostSpan = span
    var portSpan: Span?

    if line[span.start] == UInt8(ascii: "["), let close = line.firstIndex(of: UInt8(ascii: "]"), in: span) {
      hostSpan = Span(start: span.start + 1, end: close)
      var after = close + 1
      if after < span.end && line[after] == UInt8(ascii: "%") {
        let colon = line.lastIndex(of: UInt8(ascii: ":"), in: Span(start: after, end: span.end))
        let ifaceEnd = colon ?? span.end
        interface = Span(start: after + 1, end: ifaceEnd)
        after = ifaceEnd
      }
      if after < span.end && line[after] == UInt8(ascii: ":") {
        portSpan = Span(start: after + 1, end: span.end)
      }
    } else if let colon = line.lastIndex(of: UInt8(ascii: ":"), in: span) {
      hostSpan = Span(start: span.start, end: colon)
      portSpan = Span(start: colon + 1, end: span.end)
    }
    if let percent = line.firstIndex(of: UInt8(ascii: "%"), in: hostSpan) {
      interface = Span(start: percent + 1, end: hostSpan.end)
      hostSpan.end = percent
    }
    var parsed = Parsed(address: hostSpan.isEmpty ? nil : hostSpan, interface: interface, isWildcard: false)

    let wildcardPort = portSpan.map { readPort($0, in: line, names: names, into: &parsed) } ?? false
    parsed.isWildcard = wildcardPort || (parsed.port == 0 && isUnspecified(hostSpan, in: line))
    return parsed
  }

  /// Reads the port part of an endpoint into `parsed`: a number (out of range noted), or a
  /// service name looked up in `names` (unknown noted). Returns whether it is the wildcard `*`.
  static func readPort(_ portSpan: Span, in line: LineText, names: ServiceTable.Names, into parsed: inout Parsed) -> Bool {
    guard !portSpan.isEmpty else { return false }
    if portSpan.count == 1 && line[portSpan.start] == UInt8(ascii: "*") { return true }
    if line.isDigits(portSpan) {
      parsed.port = line.integer(portSpan, limit: 65535)
      if parsed.port == nil { parsed.portOutOfRange = portSpan }
    } else {
      parsed.portName = portSpan
      parsed.port = ServiceTable.port(named: line.string(portSpan), in: names)
      if parsed.port == nil { parsed.unknownService = portSpan }
    }
    return false
  }

  /// Whether an address is empty or one of the "any address" forms (`0.0.0.0`, `::`, `*`).
  static func isUnspecified(_ address: Span, in line: LineText) -> Bool {
    address.isEmpty || line.equals(address, zeroes) || line.equals(address, colons) || line.equals(address, star)
  }

  private static let zeroes = Array("0.0.0.0".utf8)
  private static let colons = Array("::".utf8)
  static let star = Array("*".utf8)
}
