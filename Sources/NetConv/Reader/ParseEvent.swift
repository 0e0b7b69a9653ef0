/// One thing a ``SocketReader`` hands out: a record, or a diagnostic about a line.
public enum ParseEvent: Hashable, Sendable {
  /// A socket row.
  case record(Socket)
  /// Something netconv noticed about the input.
  case diagnostic(Diagnostic)
}
