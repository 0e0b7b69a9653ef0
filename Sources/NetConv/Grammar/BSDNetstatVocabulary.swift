/// Lookups over the BSD netstat vocabulary generated from `Grammar/bsd-netstat/vocabulary.json`.
enum BSDNetstatVocabulary {
  /// What a Proto column value says about its sockets.
  struct Proto: Sendable {
    let `protocol`: String
    /// `nil` where only the address tells (OpenBSD's `tcp`, `udp`).
    let family: AddressFamily?
    /// `tcp46`/`udp46`: one IPv6 socket that also accepts IPv4.
    let dualStack: Bool
  }

  static let protocols = ByteTable(protocolTable.map { ($0.key, $0.value) })
  static let states = ByteTable(stateTable.map { ($0.key, $0.value) })
  static let internetTitles: [[UInt8]] = internetTitleTable.map { Array($0.utf8) }
  static let unixTitles: [[UInt8]] = unixTitleTable.map { Array($0.utf8) }
  static let skippedTitles: [(title: [UInt8], name: String)] = skippedTitleTable.sorted { $0.key < $1.key }.map {
    (Array($0.key.utf8), $0.value)
  }
  static let beforeProto: Set<String> = Set(beforeProtoTable)
  static let stateHeaders: Set<String> = Set(stateHeaderTable)
  static let extrasWithoutState: Set<String> = Set(extraWithoutStateTable)
  static let unixTypes = ByteTable(unixTypeTable.map { ($0.key, $0.value) })
  /// The words `(including servers)` a title may end in; anything else after a title is another
  /// tool's (net-tools' `(servers and established)`).
  static let titleSuffix = Array(" (including servers)".utf8)
}
