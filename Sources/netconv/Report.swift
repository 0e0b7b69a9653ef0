import NetConv
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Renders diagnostics, errors and statistics on standard error, in one place.
///
/// Messages are gathered in a buffer and written in large pieces (an input with millions of
/// unreadable lines costs one `write` per 64 KiB, not one per line); text from the input and
/// file names are escaped so a paste cannot drive the terminal. ``flush()`` runs before the
/// process exits.
enum Report {
  /// Prints `FILE:LINE: severity: message`.
  static func print(_ diagnostic: Diagnostic, file: String) {
    let location = diagnostic.line.map { "\(file):\($0)" } ?? file
    let option = diagnostic.kind == .dialectMismatch ? " (--from)" : ""
    write("\(location): \(diagnostic.severity.rawValue): \(diagnostic.message)\(option)")
  }

  /// Prints a hint for a person at a terminal, at once.
  static func hint(_ text: String) {
    write(text)
    flush()
  }

  /// Prints `FILE: error: message`.
  static func error(_ file: String, _ message: String) {
    write("\(file): error: \(message)")
  }

  /// Prints the `--stats` summary of one input.
  static func stats(_ summary: ParseSummary, file: String) {
    let classes = LineClass.allCases.map { "\($0.rawValue) \(summary.count($0))" }.joined(separator: ", ")
    var text = "\(file): \(summary.lines) lines, \(summary.bytes) bytes, \(summary.records) records"
    text += ", \(summary.snapshots) snapshot\(summary.snapshots == 1 ? "" : "s")"
    write(text)
    write("\(file): lines by class: \(classes)")
    text = "\(file): encoding \(summary.encoding.rawValue)"
    if let page = summary.legacyCodePage { text += ", legacy lines read as \(page.rawValue)" }
    let dialects = summary.dialects.map(\.rawValue).sorted().joined(separator: ", ")
    text += "; dialects: \(dialects.isEmpty ? "none" : dialects)"
    write(text)
  }

  /// Writes out what is buffered.
  static func flush() {
    buffer.withLock { pending in
      writeOut(pending)
      pending.removeAll(keepingCapacity: true)
    }
  }

  private static let buffer = Mutex<[UInt8]>([])
  private static let limit = 1 << 16

  /// Buffers one line, escaped.
  private static func write(_ line: String) {
    let text = TerminalText.escaped(line) + "\n"
    buffer.withLock { pending in
      pending.append(contentsOf: text.utf8)
      if pending.count >= limit {
        writeOut(pending)
        pending.removeAll(keepingCapacity: true)
      }
    }
  }

  private static func writeOut(_ bytes: [UInt8]) {
    try? OutputSink(descriptor: STDERR_FILENO).write(bytes)  // nowhere left to report a failure
  }
}
