import Foundation
import NetConv
import NetConvYAML
import Testing

/// Diagnostics stream as they happen: an input with endless unreadable lines costs counts, not
/// memory, and nothing from the paste reaches the terminal raw.
@Suite struct DiagnosticStreamTests {
  static let header = """
    Active Internet connections (servers and established)
    Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
    tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd

    """

  @Test func anOutcomeKeepsTheFirstDiagnosticsOfEachKindAndCountsTheRest() throws {
    let garbage = (0..<1000).map { "garbage \($0) in the table\n" }.joined()
    let reader = SocketReader(string: Self.header + garbage)
    var writer = OutputFormat.jsonl.writer(sink: OutputSink())
    var handed = 0
    let outcome = try Conversion.run(reader, source: nil, into: &writer) { _ in handed += 1 }
    #expect(handed == 1000)
    #expect(outcome.diagnostics.count == Conversion.keptDiagnosticsPerKind)
    #expect(outcome.diagnosticsLeftOut == 1000 - Conversion.keptDiagnosticsPerKind)
    #expect(outcome.summary.diagnostics[.warning] == 1000)
    let meta = FieldValue.envelope(inputs: [outcome])
    guard case .object(let entries) = meta, case .list(let inputs) = entries.first?.value,
      case .object(let input) = inputs.first
    else {
      Issue.record("unexpected envelope shape")
      return
    }
    #expect(input.first { $0.key == "diagnostics_left_out" }?.value == .int(900))
  }

  @Test func controlCharactersFromThePasteAreEscapedOnStandardError() throws {
    let hostile = "garbage \u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m \u{202E}txt.exe\n"
    let run = try TestSupport.run(["-"], stdin: Data((Self.header + hostile).utf8))
    #expect(run.status == 0)
    #expect(run.stderr.contains("warning: unrecognized line"))
    #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" || $0 == "\u{202E}" })
    #expect(run.stderr.contains("\\x1b]0;owned\\x07\\x1b[2J"))
    // A file name is text from outside too.
    let name = FileManager.default.temporaryDirectory.appendingPathComponent("paste-\u{1B}[31m.txt")
    try Data((Self.header + hostile).utf8).write(to: name)
    defer { try? FileManager.default.removeItem(at: name) }
    let named = try TestSupport.run([name.path])
    #expect(!named.stderr.unicodeScalars.contains { $0 == "\u{1B}" })
  }

  @Test func repeatedRowsGiveOneFindingWithEveryLine() {
    let row = "tcp        0      0 10.0.0.5:3389           0.0.0.0:*               LISTEN      900/xrdp\n"
    let records = TestSupport.parse(Self.header + String(repeating: row, count: 500)).records
    let report = ConnectionReport(records: records)
    let rdp = report.findings.filter { $0.title.contains("Remote Desktop") }
    #expect(rdp.count == 1)
    #expect(rdp.first?.lines.count == 500)
  }
}
