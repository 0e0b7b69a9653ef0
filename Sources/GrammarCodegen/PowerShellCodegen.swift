import Foundation

extension GrammarCodegen {
  /// `Grammar/powershell/vocabulary.json`.
  private struct PowerShellFile: Decodable {
    let columns: [String: String]
    let states: [String: String]
    let applied_settings: [String]
    let offload_states: [String]
    let commands: [String: String]
  }

  func renderPowerShell() throws -> String {
    let file = try load(PowerShellFile.self, "powershell/vocabulary.json")
    var out = "\nextension PowerShellVocabulary {\n"
    out += stringMap("columnTable", "Column (property) names → the record key they fill.", file.columns)
    out += stateTable(file.states)
    out += stringTable("appliedSettingTable", "AppliedSetting values; the cell is blank on Listen and TimeWait rows.", file.applied_settings)
    out += stringTable("offloadStateTable", "OffloadState values.", file.offload_states)
    out += stringMap("commandTable", "Cmdlets (lower case) → the protocol of the table they print.", file.commands)
    out += "}\n"
    return out
  }
}
