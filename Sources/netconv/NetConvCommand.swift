import ArgumentParser
import Dispatch
import NetConv
import NetConvYAML
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `netconv`: turns pasted netstat/ss text into data (`convert`, the default), a plain-language
/// report (`report`), or a comparison of two pastes (`diff`).
@main
struct NetConvTool: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "netconv",
    abstract: "Turn pasted netstat or ss output into clean data, or a report a helper can read.",
    discussion: """
      netconv FILE...        convert (the default): JSON, JSON Lines, YAML or CSV
      netconv report FILE... what talks to what, and what is worth a question
      netconv diff OLD NEW   which connections appeared and went away

      Exit codes: 0 success; 64 usage error; 65 no netstat/ss content (or --strict found an unreadable line); 66 an input cannot be read; 74 the output cannot be written.
      """,
    version: "netconv 0.2.0 (libyaml \(LibYAML.version))",
    subcommands: [Convert.self, ReportCommand.self, DiffCommand.self],
    defaultSubcommand: Convert.self
  )
}

/// `netconv [convert]`: pasted netstat/ss text to JSON, JSON Lines, YAML or CSV.
/// All the work happens in the NetConv library; this file only maps options and exit codes.
struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "convert",
    abstract: "Turn pasted netstat or ss output into JSON, JSON Lines, YAML or CSV.",
    discussion: """
      Reads Windows netstat, Linux netstat (net-tools) and ss text in any language from the files given, or from standard input when there are none ('-' also means standard input), and writes one record per socket. Diagnostics go to standard error as FILE:LINE: warning: message.

      Several inputs without -o give one stream whose records name their input in 'source'. With -o DIR, each input gets its own output DIR/NAME.EXT, converted in parallel.

      Exit codes:
        0   success
        64  usage error (a bad option or value)
        65  the input holds no netstat/ss content (empty, binary, or other text),
            or --strict found a line or a number it could not read
        66  an input file cannot be read
        74  the output cannot be written
      """
  )

  @Argument(help: "Input files; none or '-' reads standard input.")
  var files: [String] = []

  @Option(name: [.short, .long], help: "Output format: json, jsonl, yaml or csv.")
  var format: OutputFormat = .json

  @OptionGroup var input: InputOptions

  @Option(name: [.short, .long], help: "Write to this file, or with a directory (or several inputs) one file per input.")
  var output: String?

  @Flag(name: .long, help: "Indent JSON output.")
  var pretty = false

  @Flag(name: .long, help: "Wrap JSON or YAML output as records + meta (encoding, line classes, diagnostics).")
  var envelope = false

  @Flag(name: .customLong("no-header"), help: "CSV: leave out the header row.")
  var noHeader = false

  @Flag(name: .customLong("no-formula-guard"), help: "CSV: do not prefix cells starting with = + - @ with a quote.")
  var noFormulaGuard = false

  @Flag(name: .long, help: "Print lines read, records and lines per class to standard error.")
  var stats = false

  func validate() throws {
    if envelope && !format.supportsEnvelope {
      throw ValidationError("--envelope needs --format json or yaml (\(format.rawValue) has no place for meta)")
    }
  }

  var settings: OutputFormat.Settings {
    OutputFormat.Settings(pretty: pretty, envelope: envelope, csvHeader: !noHeader, csvFormulaGuard: !noFormulaGuard)
  }

  mutating func run() throws {
    defer { Report.flush() }
    signal(SIGPIPE, SIG_IGN)
    let inputs = files.isEmpty ? ["-"] : files
    if inputs == ["-"] && isatty(STDIN_FILENO) == 1 {
      Report.hint("netconv: reading the paste from the terminal: paste it, then press Ctrl-D on a line of its own")
    }
    let status: Int32
    if let output, inputs.count > 1 || output.hasSuffix("/") || Self.isDirectory(output) {
      let plan = try Self.refusingAsUsageError { () throws(OutputPlan.Refusal) in
        try OutputPlan(inputs: inputs, directory: output, fileExtension: format.fileExtension)
      }
      status = try convertEach(inputs, into: output, plan: plan)
    } else if let output {
      try Self.refusingAsUsageError { () throws(OutputPlan.Refusal) in try OutputPlan.check(output: output, inputs: inputs) }
      status = try convert(inputs, toFile: output)
    } else {
      status = stream(inputs, to: OutputSink(descriptor: STDOUT_FILENO)).status
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// Runs `plan`, turning a refusal into its message and exit 64 before anything is written.
  private static func refusingAsUsageError<T>(_ plan: () throws(OutputPlan.Refusal) -> T) throws -> T {
    do {
      return try plan()
    } catch {
      Report.error("netconv", error.message)
      throw ExitCode(64)
    }
  }

  /// Converts all inputs into one output stream.
  ///
  /// - Returns: The exit status, and whether anything was written: when every input failed,
  ///   nothing is (not even an empty `[]`).
  private func stream(_ inputs: [String], to sink: OutputSink) -> (status: Int32, wrote: Bool) {
    var writer = format.writer(sink: sink, settings: settings)
    var status: Int32 = 0
    var converted = 0
    var outcomes: [Conversion.Outcome] = []
    do throws(OutputSink.OutputError) {
      try writer.begin()
      for name in inputs {
        let result = try convert(name, source: inputs.count > 1 ? name : nil, into: &writer)
        status = max(status, result.status)
        if let outcome = result.outcome {
          outcomes.append(outcome)
          if outcome.error == nil || outcome.summary.records > 0 { converted += 1 }
        }
      }
      // The writers buffer what begin() wrote until end(): an output whose every input failed
      // stays empty.
      guard converted > 0 else { return (status, false) }
      try writer.end(meta: envelope ? FieldValue.envelope(inputs: outcomes) : nil)
    } catch .closed {
      return (status, true)  // the reader of the pipe went away: stop quietly
    } catch {
      Report.error("netconv", "cannot write the output: \(error)")
      return (74, true)
    }
    return (status, true)
  }

  /// Converts all inputs into the file at `path`, which appears only once it is complete.
  private func convert(_ inputs: [String], toFile path: String) throws -> Int32 {
    let file: AtomicFile
    do {
      file = try AtomicFile(path: path)
    } catch {
      Report.error(path, "cannot create: \(error)")
      throw ExitCode(74)
    }
    let result = stream(inputs, to: OutputSink(descriptor: file.descriptor))
    guard result.wrote, result.status != 74 else {
      file.abandon()
      return result.status
    }
    do {
      try file.commit()
    } catch {
      Report.error(path, "cannot write: \(error)")
      return 74
    }
    return result.status
  }

  /// Converts each input into its own file of `plan`, using every core; returns the exit status.
  private func convertEach(_ inputs: [String], into directory: String, plan: OutputPlan) throws -> Int32 {
    if !Self.isDirectory(directory) && mkdir(directory, 0o755) != 0 {
      Report.error(directory, "cannot create the output directory: \(String(cString: strerror(errno)))")
      throw ExitCode(74)
    }
    let statuses = Mutex([Int32](repeating: 0, count: inputs.count))
    let command = self
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      let target = plan.targets[index]
      guard Self.makeParentFolders(of: target) else {
        Report.error(target, "cannot create its folder: \(String(cString: strerror(errno)))")
        statuses.withLock { $0[index] = 74 }
        return
      }
      let status = (try? command.convert([inputs[index]], toFile: target)) ?? 74
      statuses.withLock { $0[index] = status }
    }
    return statuses.withLock { $0.max() ?? 0 }
  }

  /// Creates the folders above `path` that do not exist yet.
  private static func makeParentFolders(of path: String) -> Bool {
    var folder = ""
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    for (index, part) in parts.enumerated() {
      folder += index == 0 ? String(part) : "/" + part
      if folder.isEmpty || isDirectory(folder) { continue }
      if mkdir(folder, 0o755) != 0 && errno != EEXIST { return false }
    }
    return true
  }

  /// Converts one input into `writer`; returns its exit status (0, 65 or 66) and its outcome.
  private func convert(_ name: String, source: String?, into writer: inout any RecordWriter) throws(
    OutputSink.OutputError
  ) -> (status: Int32, outcome: Conversion.Outcome?) {
    guard let (reader, display) = input.open(name) else { return (66, nil) }
    let outcome = try Conversion.run(
      reader, source: source, into: &writer, keepingDiagnostics: envelope ? Conversion.keptDiagnosticsPerKind : 0
    ) { Report.print($0, file: display) }
    let status = outcome.error.map { InputOptions.status(for: $0, display: display) } ?? 0
    if stats { Report.stats(outcome.summary, file: display) }
    return (status, outcome)
  }

  private static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}

extension OutputFormat: ExpressibleByArgument {}
