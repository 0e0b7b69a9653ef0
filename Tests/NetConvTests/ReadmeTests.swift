import Foundation
import Testing

/// The README shows the same library example that `PublicAPITests` compiles and runs.
@Suite struct ReadmeTests {
  private static func normalized(_ text: Substring) -> [String] {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  @Test func libraryExampleMatchesTheCompiledOne() throws {
    let root = TestSupport.packageRoot
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let test = try String(
      contentsOf: root.appendingPathComponent("Tests/PublicAPITests/ReadmeExampleTests.swift"), encoding: .utf8)
    let start = try #require(readme.range(of: "```swift\nlet text"))
    let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
    let shown = readme[readme.index(start.lowerBound, offsetBy: 9)..<end.lowerBound]
    let begin = try #require(test.range(of: "// BEGIN README EXAMPLE\n"))
    let finish = try #require(test.range(of: "// END README EXAMPLE"))
    let compiled = test[begin.upperBound..<finish.lowerBound]
    #expect(Self.normalized(shown) == Self.normalized(compiled))
  }

  @Test func quickStartCommandsExist() throws {
    let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("Scripts/setup.sh && swift run netconv Fixtures/linux-netstat/tunap.txt"))
    #expect(FileManager.default.fileExists(atPath: TestSupport.fixtures.appendingPathComponent("linux-netstat/tunap.txt").path))
    let ci = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.contains("\nswift test"))
  }
}
