import Foundation
import GrammarCodegen
import Testing

/// The Swift tables are generated from Grammar/ and the record from Schema/; this fails when someone
/// edits one without the other.
@Suite struct GrammarFreshnessTests {
  @Test func generatedVocabularyMatchesGrammarFolder() throws {
    let root = TestSupport.packageRoot
    let generator = GrammarCodegen(grammarDirectory: root.appendingPathComponent("Grammar"))
    for (path, expected) in try generator.renderFiles() {
      let committed = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
      #expect(committed == expected, "\(path) is stale: run `swift run grammar-gen`")
    }
  }

  @Test func generatedRecordMatchesSchema() throws {
    let root = TestSupport.packageRoot
    let expected = try RecordCodegen(packageRoot: root).render()
    let committed = try String(contentsOf: root.appendingPathComponent(RecordCodegen.outputPath), encoding: .utf8)
    #expect(committed == expected, "Record.generated.swift is stale: run `swift run grammar-gen`")
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme == (try RecordCodegen(packageRoot: root).renderReadme()), "README's record keys are stale: run `swift run grammar-gen`")
  }

  /// Renders a copy of the whole Grammar/ folder — first as it is, which must render — with
  /// `old` replaced by `new` in the file `relative`; returns the failure, `nil` if it rendered.
  private static func renderEditedCopy(_ relative: String, replacing old: String, with new: String) throws
    -> GrammarCodegen.Failure?
  {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grammar-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Grammar"), to: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try GrammarCodegen(grammarDirectory: folder).renderFiles()
    let file = folder.appendingPathComponent(relative)
    let text = try String(contentsOf: file, encoding: .utf8)
    let edited = text.replacingOccurrences(of: old, with: new)
    #expect(edited != text, "'\(old)' is no longer in \(relative); update this test")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    do {
      _ = try GrammarCodegen(grammarDirectory: folder).renderFiles()
      return nil
    } catch let failure as GrammarCodegen.Failure {
      return failure
    }
  }

  /// A copy of the whole Grammar/ folder renders; the same copy with one state word given two
  /// meanings fails with exactly that complaint (not with a missing file).
  @Test func conflictingStateTranslationsAreRejected() throws {
    // Make the German word for LISTEN also the German word for ESTABLISHED.
    let failure = try Self.renderEditedCopy(
      "linux-netstat/vocabulary.json", replacing: "\"LISTENING\": \"HÖRT\"", with: "\"LISTENING\": \"VERBUNDEN\"")
    guard case .malformed(let path, let reason)? = failure else {
      Issue.record("a state word with two meanings was accepted: \(String(describing: failure))")
      return
    }
    #expect(path == "linux-netstat/vocabulary.json")
    #expect(reason.contains("'VERBUNDEN' means"), "\(reason)")
  }

  /// A misspelt key in a grammar file fails the generator, naming the file and the key,
  /// instead of becoming an empty default.
  @Test func aMissingKeyIsNamed() throws {
    let failure = try Self.renderEditedCopy(
      "report/remote-access-tools.json", replacing: "\"process_prefixes\"", with: "\"process_prefix\"")
    guard case .malformed(let path, let reason)? = failure else {
      Issue.record("a misspelt key was accepted: \(String(describing: failure))")
      return
    }
    #expect(path == "report/remote-access-tools.json")
    #expect(reason.contains("process_prefixes"), "\(reason)")
  }
}
