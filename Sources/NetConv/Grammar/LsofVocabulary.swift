/// Lookups over the lsof vocabulary generated from `Grammar/lsof/vocabulary.json`.
enum LsofVocabulary {
  static let types = ByteTable(typeTable.map { ($0.key, $0.value) })
  static let nodes = ByteTable(nodeTable.map { ($0.key, $0.value) })
  static let states = ByteTable(stateTable.map { ($0.key, $0.value) })
  static let udpStates = ByteTable(udpStateTable.map { ($0, true) })
  static let headerWords: Set<String> = Set(headerWordTable)
}
