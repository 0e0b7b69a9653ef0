import Foundation

extension GrammarCodegen {
  /// `Grammar/bsd-netstat/vocabulary.json`.
  private struct BSDNetstatFile: Decodable {
    struct ProtocolEntry: Decodable {
      let `protocol`: String
      let family: String?
      let dual_stack: Bool?
    }
    struct Titles: Decodable {
      let internet: [String]
      let unix: [String]
    }
    struct HeaderWords: Decodable {
      let before_proto: [String]
      let state: [String]
      let counters: [String: String]
      let extras_without_state: [String]
    }
    let protocols: [String: ProtocolEntry]
    let states: [String: String]
    let titles: Titles
    let header_words: HeaderWords
    let extra_columns: [String: String]
    let unix_types: [String: String]
    let skipped_titles: [String: String]
  }

  func renderBSDNetstat() throws -> String {
    let file = try load(BSDNetstatFile.self, "bsd-netstat/vocabulary.json")
    var out = "\nextension BSDNetstatVocabulary {\n"
    out += "  /// Proto column values → what they say about the socket; a `nil` family is told by the address.\n"
    out += "  static let protocolTable: [String: Proto] = [\n"
    for (word, entry) in file.protocols.sorted(by: { $0.key < $1.key }) {
      let family = entry.family.map(caseName) ?? "nil"
      out += "    \(lit(word)): Proto(protocol: \(lit(entry.protocol)), family: \(family), dualStack: \(entry.dual_stack ?? false)),\n"
    }
    out += "  ]\n\n"
    out += stateTable(file.states)
    out += stringTable("internetTitleTable", "Titles above an Internet table.", file.titles.internet)
    out += stringTable("unixTitleTable", "Titles above a UNIX domain socket table.", file.titles.unix)
    out += stringTable("beforeProtoTable", "Header words of the columns `-A` puts before Proto.", file.header_words.before_proto)
    out += stringTable("extraWithoutStateTable", "Header words of FreeBSD -x, which prints no state column.", file.header_words.extras_without_state)
    out += stringTable("stateHeaderTable", "Header words of the state column.", file.header_words.state)
    out += stringMap("counterTable", "Header words of the number columns between Proto and the addresses → their keys.", file.header_words.counters)
    out += stringMap("extraColumnTable", "Header words of the columns after the state → their keys.", file.extra_columns.filter { $0.key != "about" })
    out += stringMap("unixTypeTable", "UNIX table Type values → socket type.", file.unix_types)
    out += stringMap("skippedTitleTable", "Titles of sections that list no Internet or UNIX sockets → what the note calls them.", file.skipped_titles)
    out += "}\n"
    return out
  }
}
