import Foundation
import GrammarCodegen
import Testing

/// The Swift tables are generated from Grammar/; this fails when someone edits one without the other.
@Suite struct GrammarFreshnessTests {
  @Test func generatedVocabularyMatchesGrammarFolder() throws {
    let root = TestSupport.packageRoot
    let generator = GrammarCodegen(grammarDirectory: root.appendingPathComponent("Grammar"))
    let expected = try generator.render()
    let committed = try String(
      contentsOf: root.appendingPathComponent(GrammarCodegen.outputPath), encoding: .utf8)
    #expect(committed == expected, "Vocabulary.generated.swift is stale: run `swift run grammar-gen`")
  }

  @Test func conflictingStateTranslationsAreRejected() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grammar-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("linux-netstat"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = TestSupport.packageRoot.appendingPathComponent("Grammar/linux-netstat/vocabulary.json")
    var text = try String(contentsOf: source, encoding: .utf8)
    // Make the German word for ESTABLISHED also mean LISTEN.
    text = text.replacingOccurrences(of: "\"LISTENING\": \"HÖRT\"", with: "\"LISTENING\": \"VERBUNDEN\"")
    try text.write(to: folder.appendingPathComponent("linux-netstat/vocabulary.json"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: TestSupport.packageRoot.appendingPathComponent("Grammar/services.tsv"),
      to: folder.appendingPathComponent("services.tsv"))
    #expect(throws: GrammarCodegen.Failure.self) { try GrammarCodegen(grammarDirectory: folder).render() }
  }
}
