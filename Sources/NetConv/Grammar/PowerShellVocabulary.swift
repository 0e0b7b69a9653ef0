/// Lookups over the PowerShell vocabulary generated from `Grammar/powershell/vocabulary.json`.
enum PowerShellVocabulary {
  static let columns: [String: String] = columnTable
  static let states = ByteTable(stateTable.map { ($0.key, $0.value) })
  static let appliedSettings = ByteTable(appliedSettingTable.map { ($0, true) })
  static let offloadStates = ByteTable(offloadStateTable.map { ($0, true) })
  static let commands: [(name: String, protocol: String)] = commandTable.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }

  /// The protocol of the cmdlet named in `text` (any case), if one is.
  static func commandProtocol(in text: String) -> String? {
    let lower = text.lowercased()
    return commands.first { lower.containsText($0.name) }?.protocol
  }
}
