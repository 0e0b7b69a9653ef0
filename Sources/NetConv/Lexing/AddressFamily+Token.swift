extension AddressFamily {
  /// The family an `address:port` token shows, read on bytes: brackets or a second colon mean
  /// IPv6, a dotted quad IPv4, a host name nothing.
  static func infer(fromToken token: Span, in line: LineText) -> AddressFamily? {
    var colons = 0
    var dots = 0
    var onlyDigitsAndDots = true
    var lastColon = token.end
    for index in token.start..<token.end {
      switch line[index] {
      case UInt8(ascii: "["): return .ipv6
      case UInt8(ascii: ":"):
        colons += 1
        lastColon = index
      default: break
      }
    }
    if colons >= 2 { return .ipv6 }
    for index in token.start..<lastColon {
      let byte = line[index]
      if byte == UInt8(ascii: ".") { dots += 1 } else if !LineText.isDigit(byte) { onlyDigitsAndDots = false }
    }
    return onlyDigitsAndDots && dots == 3 ? .ipv4 : nil
  }
}
