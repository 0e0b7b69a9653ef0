import Foundation
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
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let test = try String(
      contentsOf: root.appendingPathComponent("Tests/PublicAPITests/ReadmeExampleTests.swift"), encoding: .utf8)
    let compiled = test.components(separatedBy: "// BEGIN README EXAMPLE\n").dropFirst().map {
      Self.normalized($0.components(separatedBy: "// END README EXAMPLE")[0][...])
    }
    let library = readme.components(separatedBy: "## Library\n")[1].components(separatedBy: "\n## ")[0]
    let shown = library.components(separatedBy: "```swift\n").dropFirst().map {
      Self.normalized($0.components(separatedBy: "```")[0][...])
    }.filter { !$0.contains { $0.hasPrefix(".package(") } }
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
}
