import Foundation
import NetConv
import Testing

/// `lsof -i` captures: every row is a record, counted by its own shape (TYPE `IPv4`/`IPv6`).
@Suite struct LsofTests {
  static let inputs: [URL] =
    [TestSupport.corpus.appendingPathComponent("captured/lsof.txt")].filter { FileManager.default.fileExists(atPath: $0.path) }
    + ((try? FileManager.default.contentsOfDirectory(at: TestSupport.fixtures.appendingPathComponent("lsof"), includingPropertiesForKeys: nil)) ?? [])
    .filter { $0.pathExtension == "txt" }

  @Test(arguments: inputs)
  func everyRowIsARecord(_ url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    let shape = try Regex(#"^\s*\S+\s+\d+\s.*\s(?:IPv4|IPv6)\s"#)
    let rows = text.split(separator: "\n").filter { $0.firstMatch(of: shape) != nil }.count
    let result = TestSupport.parse(text)
    #expect(rows > 0 && result.records.count == rows)
    #expect(result.records.allSatisfy { $0.dialect == .lsof && $0.pid != nil && $0.process != nil })
    #expect(result.summary.count(.unrecognized) == 0)
  }

  /// lsof cuts a command to 9 characters: such a name is marked, unless `+c` widened the column.
  @Test func aCommandThatFillsTheColumnIsMarkedCut() throws {
    let cut = TestSupport.parse(try String(contentsOf: TestSupport.fixtures.appendingPathComponent("lsof/inP.txt"), encoding: .utf8))
    #expect(cut.records.allSatisfy { $0.details.contains(SocketDetail(key: "process_truncated", value: "true")) })
    let whole = TestSupport.parse(try String(contentsOf: TestSupport.fixtures.appendingPathComponent("lsof/listen-c0.txt"), encoding: .utf8))
    #expect(whole.records.first?.process == "netconvlistener")
    #expect(!whole.records.contains { $0.details.contains { $0.key == "process_truncated" } })
  }
}
