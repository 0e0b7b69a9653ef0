/// How a ``SocketReader`` reads its input.
public struct ParseOptions: Sendable, Hashable {
  /// Read only this dialect, or detect per table when `nil` (the default).
  public var dialect: Dialect?
  /// Treat any unrecognized line inside a table, or a number too large to keep, as an error at
  /// the end of the input.
  public var strict: Bool
  /// Lines longer than this many bytes are dropped with a diagnostic (default 1 MiB), which
  /// keeps memory flat on a file that is one enormous line.
  public var maxLineLength: Int

  /// Creates options; the defaults detect the dialect, are tolerant, and cap lines at 1 MiB.
  public init(dialect: Dialect? = nil, strict: Bool = false, maxLineLength: Int = 1 << 20) {
    self.dialect = dialect
    self.strict = strict
    self.maxLineLength = maxLineLength
  }
}
