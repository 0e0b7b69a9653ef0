import Foundation
import NetConv
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
    #expect(missing.stderr.contains("/nonexistent/netstat.txt: error: cannot read '/nonexistent/netstat.txt': No such file"))
    #expect(try TestSupport.run(["--format", "xml"]).status == 64)
    #expect(try TestSupport.run(["--from", "bsd", Self.sample]).status == 64)
    let elevation = TestSupport.fixtures.appendingPathComponent("windows-netstat/en-elevation.txt").path
    let refused = try TestSupport.run([elevation])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("run netstat -b from an administrator prompt, or use netstat -ano"))
  }

  /// `--from X` on input that is not X: its rows are refused with warnings naming `--from`,
  /// never read as garbage records; with no X at all, exit 65 and say what the input is.
  @Test func aDeclaredDialectRefusesRowsOfAnother() throws {
    let wrong = try TestSupport.run(["--from", "ss", "-f", "jsonl", Self.sample])
    #expect(wrong.status == 65)
    #expect(wrong.stdout.isEmpty)
    #expect(wrong.stderr.contains("\(Self.sample):4: warning: a row of linux-netstat output, not read: the input was declared ss (--from)"))
    #expect(wrong.stderr.contains("error: no ss table found, but linux-netstat output was"))
    #expect(wrong.stderr.contains("leave out --from"))

    let mixed = TestSupport.fixtures.appendingPathComponent("pastes/mixed-dialects.txt").path
    let chosen = try TestSupport.run(["--from", "linux-netstat", "-f", "jsonl", mixed])
    #expect(chosen.status == 0)
    let records = chosen.stdout.split(separator: "\n")
    #expect(!records.isEmpty && records.allSatisfy { $0.contains(#""dialect":"linux-netstat""#) })
    #expect(chosen.stderr.contains("a row of ss output, not read"))
    #expect(try TestSupport.run(["--from", "linux-netstat", "--strict", mixed]).status == 65)
  }

  /// `report` and `diff` read inputs with the same options as `convert`.
  @Test func reportAndDiffTakeTheInputOptions() throws {
    #expect(try TestSupport.run(["report", "--from", "linux-netstat", Self.sample]).status == 0)
    #expect(try TestSupport.run(["report", "--from", "ss", Self.sample]).status == 65)
    let garbage = TestSupport.fixtures.appendingPathComponent("linux-netstat/garbage-in-table.txt").path
    #expect(try TestSupport.run(["report", garbage]).status == 0)
    #expect(try TestSupport.run(["report", "--strict", garbage]).status == 65)
    #expect(try TestSupport.run(["diff", "--strict", Self.sample, garbage]).status == 65)
    #expect(try TestSupport.run(["diff", "--from", "linux-netstat", Self.sample, Self.sample]).status == 0)
  }

  @Test func versionNamesTheLinkedLibYAML() throws {
    let run = try TestSupport.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("libyaml 0."))
  }
}

/// The converter half of the CLI: formats, batches, envelopes and pipes.
@Suite struct CommandLineOutputTests {
  static let folder = TestSupport.fixtures.appendingPathComponent("linux-netstat")

  @Test(arguments: OutputFormat.allCases)
  func everyFormatMatchesItsGolden(_ format: OutputFormat) throws {
    guard format != .jsonl else { return }
    let run = try TestSupport.run(["-f", format.rawValue, Self.folder.appendingPathComponent("tunap.txt").path])
    let golden = try String(contentsOf: Self.folder.appendingPathComponent("tunap.\(format.fileExtension)"), encoding: .utf8)
    #expect(run.status == 0)
    #expect(run.stdout == golden)
  }

  @Test func severalInputsGiveOneStreamWithSources() throws {
    let a = Self.folder.appendingPathComponent("es.txt").path
    let b = Self.folder.appendingPathComponent("wanp-raw.txt").path
    let run = try TestSupport.run(["-f", "jsonl", a, b])
    let sources = run.stdout.split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["source"] as? String
    }
    #expect(sources == [a, a, a, b, b])
  }

  @Test func outputDirectoryGetsOneFilePerInput() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-out-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: out) }
    let inputs = ["tunap.txt", "de.txt", "xap-unix.txt"].map { Self.folder.appendingPathComponent($0).path }
    let run = try TestSupport.run(["-f", "csv", "-o", out.path + "/"] + inputs)
    #expect(run.status == 0, "\(run.stderr)")
    for name in ["tunap", "de", "xap-unix"] {
      let written = try String(contentsOf: out.appendingPathComponent("\(name).csv"), encoding: .utf8)
      let golden = try String(contentsOf: Self.folder.appendingPathComponent("\(name).csv"), encoding: .utf8)
      #expect(written == golden)
    }
  }

  @Test func envelopeNeedsAFormatWithRoomForMeta() throws {
    let run = try TestSupport.run(["-f", "csv", "--envelope", Self.folder.appendingPathComponent("tunap.txt").path])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--envelope needs --format json or yaml"))
  }

  @Test func aClosedPipeEndsQuietly() throws {
    let row = "tcp        0      0 127.0.0.1:8443          127.0.0.1:42134         ESTABLISHED 4402/my weird:prog\n"
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-big-\(UUID().uuidString).txt")
    try Data(String(repeating: row, count: 100_000).utf8).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    let binary = TestSupport.productsDirectory.appendingPathComponent("netconv").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "'\(binary)' -f yaml '\(input.path)' | head -c 100 > /dev/null; echo \"${PIPESTATUS[0]}\""]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(stderr.isEmpty, "\(stderr)")
    #expect(status == "0\n")
  }
}
