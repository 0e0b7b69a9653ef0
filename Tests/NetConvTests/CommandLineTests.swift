import Foundation
import Testing

/// End-to-end runs of the built `netconv` binary: stdout, stderr and exit codes.
@Suite struct CommandLineTests {
  static let sample = TestSupport.fixtures.appendingPathComponent("linux-netstat/tunap.txt").path

  @Test func fileArgumentPrintsTheGoldenJSON() throws {
    let run = try TestSupport.run([Self.sample])
    let golden = try String(contentsOfFile: Self.sample.replacingOccurrences(of: ".txt", with: ".json"), encoding: .utf8)
    #expect(run.status == 0)
    #expect(run.stdout == golden)
    #expect(run.stderr.isEmpty)
  }

  @Test func standardInputIsReadWithoutArguments() throws {
    let run = try TestSupport.run(["-f", "jsonl"], stdin: try Data(contentsOf: URL(fileURLWithPath: Self.sample)))
    #expect(run.status == 0)
    #expect(run.stdout.split(separator: "\n").count == 24)
  }

  @Test func diagnosticsNameFileAndLine() throws {
    let path = TestSupport.fixtures.appendingPathComponent("linux-netstat/garbage-in-table.txt").path
    let run = try TestSupport.run([path, "--stats"])
    #expect(run.status == 0)
    #expect(run.stderr.contains("\(path):10: warning: unrecognized line in a table"))
    #expect(run.stderr.contains("unrecognized 1"))
    let strict = try TestSupport.run([path, "--strict"])
    #expect(strict.status == 65)
    #expect(strict.stderr.contains("error:"))
  }

  @Test func exitCodes() throws {
    #expect(try TestSupport.run([], stdin: Data()).status == 65)
    #expect(try TestSupport.run([], stdin: Data("hello\nworld\n".utf8)).status == 65)
    #expect(try TestSupport.run([], stdin: Data([0x00, 0x01, 0x02, 0xFF])).status == 65)
    let missing = try TestSupport.run(["/nonexistent/netstat.txt"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("/nonexistent/netstat.txt: error: cannot open"))
    #expect(try TestSupport.run(["--format", "xml"]).status == 64)
    #expect(try TestSupport.run(["--from", "ss", Self.sample]).status == 64)
  }

  @Test func versionNamesTheLinkedLibYAML() throws {
    let run = try TestSupport.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("libyaml 0."))
  }
}
