import ArgumentParser
import NetConv

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How every subcommand reads its inputs: `--from` and `--strict`.
struct InputOptions: ParsableArguments {
  /// Dialects for `--from`.
  enum Source: String, ExpressibleByArgument, CaseIterable {
    case auto
    case linuxNetstat = "linux-netstat"
    case windowsNetstat = "windows-netstat"
    case ss
    case bsdNetstat = "bsd-netstat"
    case lsof
    case powershell
  }

  @Option(name: .long, help: "Input dialect: auto, linux-netstat, windows-netstat, ss, bsd-netstat, lsof or powershell.")
  var from: Source = .auto

  @Flag(name: .long, help: "Fail (exit 65) when any line inside a table, or any number in it, cannot be read.")
  var strict = false

  var parseOptions: ParseOptions {
    let dialect: Dialect? =
      switch from {
      case .auto: nil
      case .linuxNetstat: .linuxNetstat
      case .windowsNetstat: .windowsNetstat
      case .ss: .ss
      case .bsdNetstat: .bsdNetstat
      case .lsof: .lsof
      case .powershell: .powershell
      }
    return ParseOptions(dialect: dialect, strict: strict)
  }

  /// Opens input `name` (`-` is standard input) for reading, or reports why it cannot be
  /// read and gives exit status 66. The caller names the input `display` in messages.
  func open(_ name: String) -> (reader: SocketReader, display: String)? {
    if name == "-" {
      return (SocketReader(descriptor: STDIN_FILENO, name: "<stdin>", options: parseOptions), "<stdin>")
    }
    do {
      return (try SocketReader(contentsOf: name, options: parseOptions), name)
    } catch {
      Report.error(name, error.description)
      return nil
    }
  }

  /// The exit status for an input that ended in `error`, with its message printed: 66 when it
  /// could not be read, 65 when it held nothing to convert.
  static func status(for error: NetConvError, display: String) -> Int32 {
    var message = error.description
    if case .dialectMismatch = error { message += " (leave out --from)" }
    Report.error(display, message)
    if case .unreadable = error { return 66 }
    return 65
  }
}
