/// Reads an `address:port` token in any of the forms the dialects print.
///
/// Handles `127.0.0.1:8765`, `::1:8766` and `:::*` (net-tools, last colon splits), `[::1]:80`,
/// `[fe80::1%11]:1521` (zone inside brackets), `127.0.0.53%lo:53` and `[fe80::1]%eth0:123`
/// (ss: interface before the port), `*:*`, and service names (`localhost:https`).
enum EndpointParser {
  /// The result of reading one token.
  struct Parsed {
    var endpoint: Endpoint
    /// The port text was neither a number nor `*` nor a known service name.
    var unknownService: String?
    /// The token is a wildcard peer: port `*`, or port 0 on an unspecified address.
    var isWildcard: Bool
  }

  /// Parses the token `span` of `line`; a name in the port position is looked up in `names`.
  static func parse(_ span: Span, in line: LineText, names: ServiceTable.Names = .services) -> Parsed {
    var endpoint = Endpoint()
    var hostSpan = span
    var portSpan: Span?

    if line[span.start] == UInt8(ascii: "["), let close = line.firstIndex(of: UInt8(ascii: "]"), in: span) {
      hostSpan = Span(start: span.start + 1, end: close)
      var after = close + 1
      if after < span.end && line[after] == UInt8(ascii: "%") {
        let colon = line.lastIndex(of: UInt8(ascii: ":"), in: Span(start: after, end: span.end))
        let ifaceEnd = colon ?? span.end
        endpoint.interface = line.string(Span(start: after + 1, end: ifaceEnd))
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
      endpoint.interface = line.string(Span(start: percent + 1, end: hostSpan.end))
      hostSpan.end = percent
    }
    let address = line.string(hostSpan)
    endpoint.address = address.isEmpty ? nil : address

    var unknown: String?
    var wildcardPort = false
    if let portSpan, !portSpan.isEmpty {
      if portSpan.count == 1 && line[portSpan.start] == UInt8(ascii: "*") {
        wildcardPort = true
      } else if line.isDigits(portSpan) {
        endpoint.port = line.integer(portSpan, limit: 65535)
        if endpoint.port == nil { unknown = line.string(portSpan) }
      } else {
        let name = line.string(portSpan)
        endpoint.portName = name
        endpoint.port = ServiceTable.port(named: name, in: names)
        if endpoint.port == nil { unknown = name }
      }
    }
    let unspecified = address == "0.0.0.0" || address == "::" || address == "*" || address.isEmpty
    let isWildcard = wildcardPort || (endpoint.port == 0 && unspecified)
    return Parsed(endpoint: endpoint, unknownService: unknown, isWildcard: isWildcard)
  }
}
