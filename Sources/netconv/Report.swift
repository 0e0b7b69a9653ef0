import NetConv

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Renders diagnostics, errors and statistics on standard error, in one place.
enum Report {
  /// Prints `FILE:LINE: severity: message`.
  static func print(_ diagnostic: Diagnostic, file: String) {
    let location = diagnostic.line.map { "\(file):\($0)" } ?? file
    write("\(location): \(diagnostic.severity.rawValue): \(diagnostic.message)\n")
  }

  /// Prints `FILE: error: message`.
  static func error(_ file: String, _ message: String) {
    write("\(file): error: \(message)\n")
  }

  /// Prints the `--stats` summary of one input.
  static func stats(_ summary: ParseSummary, file: String) {
    let classes = LineClass.allCases.map { "\($0.rawValue) \(summary.count($0))" }.joined(separator: ", ")
    var text = "\(file): \(summary.lines) lines, \(summary.bytes) bytes, \(summary.records) records"
    text += ", \(summary.snapshots) snapshot\(summary.snapshots == 1 ? "" : "s")\n"
    text += "\(file): lines by class: \(classes)\n"
    text += "\(file): encoding \(summary.encoding.rawValue)"
    if let page = summary.legacyCodePage { text += ", legacy lines read as \(page.rawValue)" }
    let dialects = summary.dialects.map(\.rawValue).sorted().joined(separator: ", ")
    text += "; dialects: \(dialects.isEmpty ? "none" : dialects)\n"
    write(text)
  }

  private static func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
  }
}
