extension EndpointParser {
  /// Reads a BSD `address.port` token: the **last** dot separates the port (`127.0.0.1.631`,
  /// `::1.631`, `fe80::1%lo0.123`, `ns.lan.ssh`); `*` is a wildcard address or port (`*.*`,
  /// `*.22`). A zone after `%` goes to the interface.
  static func parseDotted(_ span: Span, in line: LineText, names: ServiceTable.Names = .services) -> Parsed {
    guard let dot = line.lastIndex(of: UInt8(ascii: "."), in: span) else {
      return Parsed(address: span, isWildcard: false)
    }
    var host = Span(start: span.start, end: dot)
    let portSpan = Span(start: dot + 1, end: span.end)
    var interface: Span?
    if let percent = line.firstIndex(of: UInt8(ascii: "%"), in: host) {
      interface = Span(start: percent + 1, end: host.end)
      host.end = percent
    }
    var parsed = Parsed(address: host.isEmpty ? nil : host, interface: interface, isWildcard: false)
    if readPort(portSpan, in: line, names: names, into: &parsed) { parsed.isWildcard = line.equals(host, star) }
    return parsed
  }

  /// Whether `span` has the shape of a BSD endpoint: `*.*`, or text, a last dot, and a port
  /// (digits, `*` or a service name) with no colon after that dot — so a net-tools or
  /// Windows `host:port` (`127.0.0.1:80`, `c.example:https`) never passes.
  static func isDotted(_ span: Span, in line: LineText) -> Bool {
    guard span.count >= 3, let dot = line.lastIndex(of: UInt8(ascii: "."), in: span), dot > span.start, dot < span.end - 1
    else { return false }
    for index in (dot + 1)..<span.end {
      let byte = line[index]
      let isName =
        LineText.isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "*")
      guard isName else { return false }
    }
    // `a.b` alone could be a word with a full stop; a BSD host is an address, `*` or a name with a dot.
    return true
  }
}
