import Foundation

extension GrammarCodegen {
  /// Where the single-byte code page tables live: beside the decoder that reads them.
  public static let codePagesOutputPath = "Sources/NetConv/Input/CodePageTables.generated.swift"

  /// `Grammar/code-pages/single-byte.json`.
  private struct SingleBytePagesFile: Decodable {
    let pages: [String: [Int?]]
  }

  /// The code point of each byte 0x80–0xFF of every single-byte page, as `UInt16` arrays
  /// (0xFFFD where the page defines nothing).
  func renderCodePages() throws -> String {
    let path = "code-pages/single-byte.json"
    let file = try load(SingleBytePagesFile.self, path)
    var out = "\nextension LegacyCodePage {\n"
    out += "  /// The code point of each byte 0x80–0xFF (U+FFFD where the page defines none), `nil` for\n"
    out += "  /// the multi-byte pages.\n"
    out += "  var highHalf: [UInt16]? {\n    switch self {\n"
    for name in file.pages.keys.sorted() { out += "    case .\(name): return Self.\(name)HighHalf\n" }
    out += "    default: return nil\n    }\n  }\n"
    for name in file.pages.keys.sorted() {
      let row = file.pages[name]!
      guard row.count == 128, row.allSatisfy({ ($0 ?? 0xFFFD) <= 0xFFFF && ($0 ?? 0x80) >= 0x80 }) else {
        throw Failure.malformed(path: path, reason: "\(name): expected 128 code points from U+0080 to U+FFFF (or null)")
      }
      let values = row.map { String(format: "0x%04X", $0 ?? 0xFFFD) }
      out += "\n  private static let \(name)HighHalf: [UInt16] = [\n"
      for start in stride(from: 0, to: 128, by: 8) {
        out += "    " + values[start..<(start + 8)].joined(separator: ", ") + ",\n"
      }
      out += "  ]\n"
    }
    return out + "}\n"
  }
}
