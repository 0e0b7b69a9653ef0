import ArgumentParser
import NetConv

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `netconv`: turns pasted netstat/ss text into JSON. All the work happens in the NetConv library.
@main
struct NetConvCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "netconv",
    abstract: "Turn pasted netstat or ss output into clean JSON records.",
    discussion: """
      Reads Linux netstat (net-tools) text in any of its languages from the files given, or
      from standard input when there are none ('-' also means standard input), and writes one
      record per socket. Diagnostics go to standard error as FILE:LINE: warning: message.

      Exit codes:
        0   success
        64  usage error (a bad option or value)
        65  the input holds no netstat/ss content (empty, binary, or other text),
            or --strict found a line it could not read
        66  an input file cannot be read
      """,
    version: "netconv 0.1.0 (libyaml \(LibYAML.version))"
  )

  /// Output formats the CLI writes.
  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case jsonl
  }

  /// Dialects for `--from`.
  enum Source: String, ExpressibleByArgument, CaseIterable {
    case auto
    case linuxNetstat = "linux-netstat"
    case windowsNetstat = "windows-netstat"
    case ss
  }

  @Argument(help: "Input files; none or '-' reads standard input.")
  var files: [String] = []

  @Option(name: [.short, .long], help: "Output format: json (an array) or jsonl (one record per line).")
  var format: OutputFormat = .json

  @Option(name: .long, help: "Input dialect: auto, linux-netstat, windows-netstat or ss.")
  var from: Source = .auto

  @Flag(name: .long, help: "Indent JSON output.")
  var pretty = false

  @Flag(name: .long, help: "Fail (exit 65) when any line inside a table cannot be read.")
  var strict = false

  @Flag(name: .long, help: "Print lines read, records and lines per class to standard error.")
  var stats = false

  func validate() throws {
    switch from {
    case .windowsNetstat, .ss:
      throw ValidationError(
        "--from \(from.rawValue) is not available yet: this version reads linux-netstat (use --from auto or linux-netstat)"
      )
    case .auto, .linuxNetstat: break
    }
  }

  mutating func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let sink = OutputSink(descriptor: STDOUT_FILENO)
    var writer = JSONRecordWriter(
      sink: sink, layout: format == .jsonl ? .lines : (pretty ? .prettyArray : .array))
    let options = ParseOptions(dialect: from == .linuxNetstat ? .linuxNetstat : nil, strict: strict)
    var status: Int32 = 0
    do throws(OutputSink.OutputError) {
      try writer.begin()
      for name in files.isEmpty ? ["-"] : files {
        status = max(status, try convert(name, options: options, writer: &writer))
      }
      try writer.end()
    } catch .closed {
      throw ExitCode(status)  // the reader of the pipe went away: stop quietly
    } catch {
      Diagnostics.error("-", "cannot write the output: \(error)")
      throw ExitCode(74)
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// Converts one input; returns its exit status (0, 65 or 66).
  private func convert(_ name: String, options: ParseOptions, writer: inout JSONRecordWriter) throws(
    OutputSink.OutputError
  ) -> Int32 {
    let display = name == "-" ? "<stdin>" : name
    let descriptor: Int32 = name == "-" ? STDIN_FILENO : open(name, O_RDONLY)
    guard descriptor >= 0 else {
      Diagnostics.error(display, "cannot open: \(String(cString: strerror(errno)))")
      return 66
    }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    let reader = SocketReader(descriptor: descriptor, name: display, options: options)
    var status: Int32 = 0
    while true {
      let event: ParseEvent?
      do {
        event = try reader.next()
      } catch {
        Diagnostics.error(display, error.description)
        if case .unreadable = error { status = 66 } else { status = 65 }
        break
      }
      guard let event else { break }
      switch event {
      case .record(let socket): try writer.write(socket)
      case .diagnostic(let diagnostic): Diagnostics.print(diagnostic, file: display)
      }
    }
    if stats { Diagnostics.stats(reader.summary, file: display) }
    return status
  }
}
