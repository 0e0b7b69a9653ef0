/// Lookups over the ss vocabulary generated from `Grammar/ss/vocabulary.json`.
enum SSVocabulary {
  /// What a Netid value says about its sockets.
  struct Netid: Sendable {
    let `protocol`: String
    let family: AddressFamily?
    let socketType: String?
  }

  static let netids: [String: Netid] = netidTable

  static let states: [String: SocketState] = stateTable
  /// ``states`` and ``netids`` looked up on bytes.
  static let stateBytes = ByteTable(states.map { ($0.key, $0.value) })
  static let netidBytes = ByteTable(netids.map { ($0.key, $0.value) })
  static let connectionProtocols: Set<String> = Set(connectionProtocolTable)
  static let notices: [[UInt8]] = noticeTable.map { Array($0.utf8) }
  static let summaryFirstWords: Set<String> = Set(summaryFirstWordTable)
  static let detailFlags: Set<String> = Set(detailFlagTable)
  static let congestionControl: Set<String> = Set(congestionControlTable)
  static let spacedKeys: Set<String> = Set(detailSpacedKeyTable)
  static let headerWords: Set<String> = Set(headerWordTable)
  /// ``spacedKeys``, ``congestionControl``, and all words that stand for a detail, looked up on bytes.
  static let spacedKeyBytes = ByteTable(spacedKeys.map { ($0, true) })
  static let congestionControlBytes = ByteTable(congestionControl.map { ($0, true) })
  static let detailWordBytes = ByteTable((detailFlags.union(spacedKeys).union(congestionControl)).map { ($0, true) })
}
