/// Lookups over the net-tools vocabulary generated from `Grammar/linux-netstat/vocabulary.json`.
enum LinuxNetstatVocabulary {
  /// What a banner line introduces.
  enum TableKind: Equatable {
    case internet
    case unix
    /// A table that holds no sockets, with a description for the diagnostic.
    case skipped(String)
  }

  /// A banner of the vocabulary and the table it introduces.
  struct BannerText: Sendable {
    let text: String
    let kind: TableKind
    let language: String
  }

  /// A Proto column value: the protocol and family it stands for.
  struct ProtocolEntry: Sendable {
    let `protocol`: String
    let family: AddressFamily
  }

  /// The first line of a non-root notice and how many lines the notice takes.
  struct NoticeText: Sendable {
    let prefix: String
    let lineCount: Int
    let language: String
  }

  struct Banner {
    let bytes: [UInt8]
    let kind: TableKind
  }

  struct Notice {
    let prefix: [UInt8]
    let lineCount: Int
  }

  static let banners: [Banner] = bannerTable.map { Banner(bytes: Array($0.text.utf8), kind: $0.kind) }

  static let notices: [Notice] = noticeTable.map { Notice(prefix: Array($0.prefix.utf8), lineCount: $0.lineCount) }

  /// A Proto column value as bytes, to match a token without building a string.
  struct ProtocolToken {
    let token: [UInt8]
    let `protocol`: String
    let family: AddressFamily?
  }

  /// The Proto column values, sorted by their bytes.
  static let protocolTokens: [ProtocolToken] = protocolTable.map {
    ProtocolToken(token: Array($0.key.utf8), protocol: $0.value.protocol, family: $0.value.family)
  }.sorted { $0.token.lexicographicallyPrecedes($1.token) }

  static let states: [String: SocketState] = stateTable.mapValues { $0.state }
  /// ``states`` looked up on bytes.
  static let stateBytes = ByteTable(states.map { ($0.key, $0.value) })

  static let kernelStates: [Int: SocketState?] = kernelStateTable

  static func headerWords(_ role: String) -> Set<String> {
    Set((headerWordTable[role] ?? []).map { $0.text })
  }

  static let recvQWords = headerWords("recv_q")
  static let refcntWords = headerWords("refcnt")
  static let userWords = headerWords("user")
  static let timerWords = headerWords("timer")
}
