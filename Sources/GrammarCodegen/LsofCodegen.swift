import Foundation

extension GrammarCodegen {
  /// `Grammar/lsof/vocabulary.json`.
  private struct LsofFile: Decodable {
    struct TypeEntry: Decodable { let family: String }
    let types: [String: TypeEntry]
    let nodes: [String: String]
    let states: [String: String]
    let udp_states: [String]
    let header_words: [String]
    let command_width: Int
  }

  func renderLsof() throws -> String {
    let file = try load(LsofFile.self, "lsof/vocabulary.json")
    var out = "\nextension LsofVocabulary {\n"
    out += "  /// TYPE column values → address family.\n"
    out += "  static let typeTable: [String: AddressFamily] = [\n"
    for (word, entry) in file.types.sorted(by: { $0.key < $1.key }) { out += "    \(lit(word)): \(caseName(entry.family)),\n" }
    out += "  ]\n\n"
    out += stringMap("nodeTable", "NODE column values → protocol.", file.nodes)
    out += stateTable(file.states)
    out += stringTable("udpStateTable", "Words lsof shows for a UDP socket: no connection state.", file.udp_states)
    out += stringTable("headerWordTable", "Words of the header line.", file.header_words)
    out += "  /// How many characters of COMMAND lsof shows by default.\n"
    out += "  static let commandWidth = \(file.command_width)\n"
    out += "}\n"
    return out
  }
}
