import Foundation
import NetConv
import Testing

/// The README shows the same library example that `PublicAPITests` compiles and runs.
@Suite struct ReadmeTests {
  private static func normalized(_ text: Substring) -> [String] {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// Every example compiled in `PublicAPITests` is a `swift` block of the README, and the
  /// README's library section shows no Swift that is not compiled there.
  @Test func libraryExamplesMatchTheCompiledOnes() throws {
    let root = TestSupport.packageRoot
    let test = try String(
      contentsOf: root.appendingPathComponent("Tests/PublicAPITests/ReadmeExampleTests.swift"), encoding: .utf8)
    let compiled = test.components(separatedBy: "// BEGIN README EXAMPLE\n").dropFirst().map {
      Self.normalized($0.components(separatedBy: "// END README EXAMPLE")[0][...])
    }
    let shown = try TestSupport.readmeCodeBlocks("swift", inSection: "Library").map { Self.normalized($0[...]) }
      .filter { !$0.contains { $0.hasPrefix(".package(") } }
    #expect(compiled.count == 2)
    #expect(shown == compiled)
  }

  @Test func quickStartCommandsExist() throws {
    let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("Scripts/setup.sh && swift run netconv Fixtures/linux-netstat/tunap.txt"))
    #expect(FileManager.default.fileExists(atPath: TestSupport.fixtures.appendingPathComponent("linux-netstat/tunap.txt").path))
    let ci = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.contains("\nswift test"))
  }

  /// Every row of the README's "One row of each dialect" table reads as its record column says.
  @Test func dialectExamplesReadAsShown() throws {
    let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let table = readme.components(separatedBy: "<!-- dialect examples: each row is parsed by ReadmeTests -->\n")[1]
      .components(separatedBy: "<!-- end of dialect examples -->")[0]
    let rows = table.split(separator: "\n").dropFirst(2)
    #expect(rows.count == Dialect.allCases.count)
    for row in rows {
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      let code = cells[1].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
      let dialect = try #require(Dialect(rawValue: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))))
      // A header shown after "under" comes first.
      let input = (code.count > 1 ? code[1] + "\n" : "") + code[0] + "\n"
      let record = try #require(TestSupport.parse(input).records.first, "\(dialect): no record")
      var summary = "\(record.protocol) \(record.local.address ?? "-"):\(record.local.port ?? 0) → \(record.remote.address ?? "-"):\(record.remote.port ?? 0) \(record.state?.rawValue ?? "-")"
      if let pid = record.pid { summary += " pid \(pid)" }
      if let process = record.process { summary += " \(process)" }
      #expect(record.dialect == dialect)
      #expect(summary == cells[2], "\(dialect)")
    }
  }
}
