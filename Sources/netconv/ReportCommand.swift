import ArgumentParser
import Foundation
import NetConv

/// `netconv report`: what the machine talks to, in words a helper can repeat.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Explain a paste: programs and what they talk to, listeners, and what deserves a question.",
    discussion: """
      Reads the same inputs as convert and describes the last snapshot: connections grouped by program, listening sockets reachable from the network, well-known providers recognised by name, remote-access tools (TeamViewer, AnyDesk, …) flagged first, and connections that appeared or went away between snapshots (netstat -b 5). It never looks anything up on the network and never claims an infection.
      """
  )

  @Argument(help: "Input files; none or '-' reads standard input.")
  var files: [String] = []

  @OptionGroup var input: InputOptions

  @Flag(name: .long, help: "Write one self-contained HTML page instead of text.")
  var html = false

  @Flag(name: .long, help: "Write the analysis as JSON for tools.")
  var json = false

  @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set or stdout is not a terminal).")
  var noColor = false

  func validate() throws {
    if html && json { throw ValidationError("choose one of --html and --json") }
  }

  mutating func run() throws {
    defer { Report.flush() }
    var records: [Socket] = []
    var unread = ConnectionReport.Unread()
    var interruptions: [Int] = []
    var status: Int32 = 0
    let names = files.isEmpty ? ["-"] : files
    for name in names {
      // Each input's snapshots follow the previous input's, so two pastes are never one snapshot.
      let offset = records.last?.snapshot ?? 0
      let loaded = RecordLoader.load(name, input)
      records += loaded.records.map { record in
        var record = record
        record.snapshot += offset
        return record
      }
      unread.add(loaded.unread)
      // Line numbers are per input: a Ctrl-C mark is placed only in a single input.
      interruptions = names.count == 1 ? loaded.interruptions : []
      status = max(status, loaded.status)
    }
    if (records.isEmpty || input.strict) && status != 0 { throw ExitCode(status) }
    let report = ConnectionReport(records: records, unread: unread, interruptions: interruptions)
    let text: String
    if json {
      text = report.json()
    } else if html {
      text = ReportHTMLRenderer().render(report, sources: names)
    } else {
      let colour = !noColor && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      text = ReportTextRenderer(colour: colour).render(report)
    }
    FileHandle.standardOutput.write(Data(text.utf8))
    // A report of no socket is said, never passed off as a clean bill.
    if records.isEmpty { throw ExitCode(65) }
  }
}

/// `netconv diff`: connections that appeared and went away between two pastes.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two pastes: which connections appeared and which went away.",
    discussion: "Compares the last snapshot of each input; listeners and connections count, UNIX sockets do not."
  )

  @Argument(help: "The earlier paste.")
  var before: String

  @Argument(help: "The later paste.")
  var after: String

  @OptionGroup var input: InputOptions

  @Flag(name: .long, help: "Write the changes as JSON.")
  var json = false

  mutating func run() throws {
    defer { Report.flush() }
    let old = RecordLoader.load(before, input)
    let new = RecordLoader.load(after, input)
    if old.status != 0 || new.status != 0 { throw ExitCode(max(old.status, new.status)) }
    let (earlier, later) = (SnapshotDiff.last(of: old.records), SnapshotDiff.last(of: new.records))
    // Two machines are never compared as two moments of one.
    let dialects = Set((earlier + later).map(\.dialect))
    let platforms = Set(dialects.map { SnapshotDiff.platform($0, among: dialects) })
    if platforms.count > 1 {
      Report.print(
        Diagnostic(
          .error, .dialectMismatch, line: nil,
          "the two pastes come from different systems (\(platforms.sorted().joined(separator: " and "))): nothing to compare"),
        file: after)
      throw ExitCode(65)
    }
    let changes = SnapshotDiff.compare(earlier, later, at: 2)
    var text = ""
    if json {
      text = FieldValue.list(changes.map { $0.fieldValue }).jsonText() + "\n"
    } else if changes.isEmpty {
      text = "No connection appeared or went away.\n"
    } else {
      for change in changes {
        let marker = change.kind == .appeared ? "+ appeared" : change.kind == .gone ? "- gone" : "~ changed"
        text += "\(marker): \(ReportTextRenderer.escape(change.description))\n"
      }
    }
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}

/// Reads one input to records for the report and diff commands, printing its diagnostics.
enum RecordLoader {
  /// Reads one input's records, printing its warnings, and the numbers of the lines that could
  /// not be read.
  static func load(
    _ name: String, _ input: InputOptions
  ) -> (records: [Socket], unread: ConnectionReport.Unread, interruptions: [Int], status: Int32) {
    guard let (reader, display) = input.open(name) else { return ([], ConnectionReport.Unread(), [], 66) }
    var gathered = ConnectionReport.Input()
    do {
      while let event = try reader.next() {
        gathered.add(event)
        if case .diagnostic(let diagnostic) = event, diagnostic.severity != .note { Report.print(diagnostic, file: display) }
      }
    } catch {
      return (gathered.records, gathered.unread, gathered.interruptions, InputOptions.status(for: error, display: display))
    }
    return (gathered.records, gathered.unread, gathered.interruptions, 0)
  }
}
