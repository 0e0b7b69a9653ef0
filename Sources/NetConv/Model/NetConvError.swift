/// Why an input cannot be converted at all. Problems with single lines are diagnostics instead.
public enum NetConvError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// The input holds no bytes, or only white space.
  case empty
  /// The input looks like binary data: more than 5% of its first 8 KiB are NUL or control
  /// bytes (outside UTF-16 text). `offset` is where the first one is.
  case binary(offset: Int)
  /// The input holds no netstat or ss content at all.
  case noSocketTables(linesRead: Int)
  /// `strict` was set and lines inside a table could not be read.
  case unrecognizedLines(count: Int, firstLine: Int)
  /// `strict` was set and numbers in the input were too large to keep (they are null).
  case valuesOutOfRange(count: Int, firstLine: Int)
  /// A dialect was declared (``ParseOptions/dialect``), but the input holds tables of another
  /// one only.
  case dialectMismatch(declared: Dialect, found: Dialect)
  /// The Windows elevation message was the only content (`netstat -b` without administrator rights).
  case elevationRequired(line: Int)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read '\(path)': \(reason)"
    case .empty:
      return "the input is empty: paste or pipe the text that netstat or ss printed"
    case .binary(let offset):
      return
        "the input looks like binary data (mostly NUL and control bytes, the first at offset \(offset)), not netstat or ss text"
    case .noSocketTables(let lines):
      return
        "no socket table found in \(lines) line\(lines == 1 ? "" : "s"): expected output of netstat (Windows, Linux, macOS, BSD), ss, lsof -i or Get-NetTCPConnection"
    case .unrecognizedLines(let count, let first):
      return
        "\(count) line\(count == 1 ? "" : "s") inside a table could not be read (the first is line \(first)); strict reading treats that as an error"
    case .valuesOutOfRange(let count, let first):
      return
        "\(count) value\(count == 1 ? " was" : "s were") out of range and kept as null (the first on line \(first)); strict reading treats that as an error"
    case .dialectMismatch(let declared, let found):
      return
        "no \(declared.rawValue) table found, but \(found.rawValue) output was: read it as \(found.rawValue), or let netconv detect the dialect"
    case .elevationRequired(let line):
      return
        "line \(line): the paste holds only the Windows elevation message and no data: run netstat -b from an administrator prompt, or use netstat -ano, which needs no elevation"
    }
  }
}
