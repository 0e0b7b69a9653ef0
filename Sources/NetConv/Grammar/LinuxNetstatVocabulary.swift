/// Lookups over the net-tools vocabulary generated from `Grammar/linux-netstat/vocabulary.json`.
enum LinuxNetstatVocabulary {
  /// What a banner line introduces.
  enum TableKind: Equatable {
    case internet
    case unix
    /// A table that holds no sockets, with a description for the diagnostic.
    case skipped(String)
  }

  struct Banner {
    let bytes: [UInt8]
    let kind: TableKind
  }

  struct Notice {
    let prefix: [UInt8]
    let lineCount: Int
  }

  static let banners: [Banner] = bannerTable.map { text, kind, _ in
    let tableKind: TableKind
    switch kind {
    case "internet": tableKind = .internet
    case "unix": tableKind = .unix
    default:
      tableKind = .skipped(kind.hasPrefix("skipped:") ? String(kind.dropFirst(8)) : describe(kind))
    }
    return Banner(bytes: Array(text.utf8), kind: tableKind)
  }

  static let notices: [Notice] = noticeTable.map { Notice(prefix: Array($0.0.utf8), lineCount: $0.1) }

  static let protocols: [String: (String, AddressFamily?)] = protocolTable.mapValues {
    ($0.0, AddressFamily(rawValue: $0.1))
  }

  /// The Proto column values as bytes, to match a token without building a string.
  static let protocolTokens: [(token: [UInt8], protocol: String, family: AddressFamily?)] = protocols.map {
    (Array($0.key.utf8), $0.value.0, $0.value.1)
  }.sorted { $0.token.lexicographicallyPrecedes($1.token) }

  static let states: [String: SocketState] = stateTable.compactMapValues { SocketState(rawValue: $0.0) }
  /// ``states`` looked up on bytes.
  static let stateBytes = ByteTable(states.map { ($0.key, $0.value) })

  static let kernelStates: [Int: SocketState?] = kernelStateTable.mapValues { SocketState(rawValue: $0) }

  static func headerWords(_ role: String) -> Set<String> {
    Set((headerWordTable[role] ?? []).map(\.0))
  }

  static let recvQWords = headerWords("recv_q")
  static let refcntWords = headerWords("refcnt")
  static let userWords = headerWords("user")
  static let timerWords = headerWords("timer")
}

/// Words for the diagnostic that says which kind of table was skipped.
private func describe(_ kind: String) -> String {
  switch kind {
  case "routing": return "IPv4 routing table (netstat -r)"
  case "routing6": return "IPv6 routing table (netstat -r -6)"
  case "routing_cache": return "routing cache (netstat -rC)"
  case "neighbour6": return "IPv6 neighbour cache"
  case "interfaces": return "interface table (netstat -i)"
  case "masquerade": return "masquerading table (netstat -M)"
  case "ipx": return "IPX socket table"
  case "ax25": return "AX.25 socket table"
  case "netrom": return "NET/ROM socket table"
  case "x25": return "X.25 socket table"
  default: return kind
  }
}
