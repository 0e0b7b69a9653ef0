/// Which end of a socket a parser is filling.
enum EndpointSide {
  case local
  case remote

  /// The port key of this end, for ``RawSocket/inferred``.
  var portKey: Socket.FieldKey { self == .local ? .localPort : .remotePort }
}

extension RawSocket {
  /// Copies a parsed endpoint of `line` into the record as its `side` end. A port number that
  /// comes from a service name (`https` → 443) is netconv's deduction, and says so in
  /// ``inferred``.
  mutating func set(_ side: EndpointSide, to parsed: EndpointParser.Parsed, of line: LineText) {
    let endpoint = Endpoint(
      address: parsed.address.map { store(line, $0) } ?? .none, port: parsed.port,
      portName: parsed.portName.map { store(line, $0) } ?? .none,
      interface: parsed.interface.map { store(line, $0) } ?? .none)
    switch side {
    case .local: local = endpoint
    case .remote: remote = endpoint
    }
    if parsed.portName != nil && parsed.port != nil { inferred.insert(side.portKey) }
  }
}
