/// An IPv4 or IPv6 address as one 128-bit number, so both families share one range test; an
/// IPv4 address is held as its IPv4-mapped IPv6 form (`::ffff:a.b.c.d`).
struct IPAddressNumber: Hashable, Sendable {
  /// The upper and lower 64 bits.
  var high: UInt64
  var low: UInt64

  /// Parses an address as netconv stores it: `192.0.2.1`, `2a00:1450::5`, `::ffff:1.2.3.4`,
  /// with an optional `%zone`; `nil` for anything else (host names, `*`, redactions).
  init?(_ text: String) {
    let address = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
    if let v4 = Self.ipv4(address[...]) {
      self.init(high: 0, low: 0xffff_0000_0000 | UInt64(v4))
    } else if let groups = Self.ipv6Groups(address) {
      var high: UInt64 = 0
      var low: UInt64 = 0
      for (index, group) in groups.enumerated() {
        if index < 4 { high = high << 16 | UInt64(group) } else { low = low << 16 | UInt64(group) }
      }
      self.init(high: high, low: low)
    } else {
      return nil
    }
  }

  init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  /// Whether the address is IPv4 (or IPv4-mapped IPv6).
  var isIPv4: Bool { high == 0 && low >> 32 == 0xffff }

  /// The address with every bit after the first `bits` cleared.
  func masked(to bits: Int) -> IPAddressNumber {
    func mask(_ value: UInt64, keeping: Int) -> UInt64 {
      keeping <= 0 ? 0 : keeping >= 64 ? value : value & ~(UInt64.max >> UInt64(keeping))
    }
    return IPAddressNumber(high: mask(high, keeping: bits), low: mask(low, keeping: bits - 64))
  }

  private static func ipv4(_ text: Substring) -> UInt32? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var value: UInt32 = 0
    for part in parts {
      guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let octet = UInt32(part), octet <= 255
      else { return nil }
      value = value << 8 | octet
    }
    return value
  }

  /// The eight 16-bit groups of an IPv6 address, `::` expanded and an IPv4 tail split in two.
  private static func ipv6Groups(_ text: String) -> [UInt16]? {
    guard text.contains(":"), text.count <= 45 else { return nil }
    // Split at `::` (at most one); a `:::` or a second `::` is malformed.
    var halves: [String] = [text]
    if let range = text.firstRangeOfText("::") {
      halves = [String(text[..<range.lowerBound]), String(text[range.upperBound...])]
      if halves[1].hasPrefix(":") || halves[1].containsText("::") { return nil }
    }
    func groups(_ part: String) -> [UInt16]? {
      if part.isEmpty { return [] }
      var out: [UInt16] = []
      let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
      for (index, piece) in pieces.enumerated() {
        if index == pieces.count - 1, piece.contains("."), let v4 = ipv4(piece) {
          out += [UInt16(v4 >> 16), UInt16(v4 & 0xffff)]
        } else {
          guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else { return nil }
          out.append(group)
        }
      }
      return out
    }
    guard let head = groups(halves[0]) else { return nil }
    if halves.count == 1 { return head.count == 8 ? head : nil }
    guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
    return head + [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
  }
}

/// A CIDR block (`142.250.0.0/15`, `2a00:1450::/32`): a published range of a provider.
struct IPAddressRange: Sendable {
  /// The first address of the block.
  let base: IPAddressNumber
  /// How many leading bits are fixed, counted on the 128-bit form (an IPv4 `/15` is 111).
  let prefixLength: Int

  /// Parses `address/length`; `nil` when either part is malformed or host bits are set.
  init?(cidr: String) {
    let parts = cidr.split(separator: "/")
    guard parts.count == 2, let address = IPAddressNumber(String(parts[0])), let length = Int(parts[1]) else { return nil }
    let bits = address.isIPv4 ? length + 96 : length
    guard length >= 0, bits <= 128, address.masked(to: bits) == address else { return nil }
    self.base = address
    self.prefixLength = bits
  }

  /// Whether `address` lies inside the block.
  func contains(_ address: IPAddressNumber) -> Bool {
    address.masked(to: prefixLength) == base
  }
}
