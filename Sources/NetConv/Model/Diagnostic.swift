/// A message about the input: something netconv skipped, guessed or could not read.
///
/// Diagnostics are values; the CLI renders them as `FILE:LINE: warning: message`.
public struct Diagnostic: Hashable, Sendable, Codable {
  /// How much the message matters.
  public enum Severity: String, Hashable, Sendable, Codable {
    /// Information: a choice netconv made (an encoding, a skipped table).
    case note
    /// Something in the input was not fully understood; output may be incomplete.
    case warning
    /// The input cannot be used as asked (for example under `--strict`).
    case error
  }

  /// What kind of finding this is, stable for tools that filter diagnostics.
  public enum Kind: String, Hashable, Sendable, Codable {
    case unrecognizedLine = "unrecognized-line"
    case unknownState = "unknown-state"
    case unknownService = "unknown-service"
    case truncatedAddress = "truncated-address"
    case skippedTable = "skipped-table"
    case lineTooLong = "line-too-long"
    case legacyEncoding = "legacy-encoding"
    case binaryLine = "binary-line"
    case malformedRow = "malformed-row"
    case elevationRequired = "elevation-required"
    case machineName = "machine-name"
    case orphanOwner = "orphan-owner"
    case ownerMessage = "owner-message"
    case trailingText = "trailing-text"
    case unknownNetid = "unknown-netid"
    case inferredProtocol = "inferred-protocol"
    case quotedPrintable = "quoted-printable"
    case valueOutOfRange = "value-out-of-range"
    case rejoinedWrap = "rejoined-wrap"
  }

  /// How much it matters.
  public var severity: Severity
  /// The kind of finding.
  public var kind: Kind
  /// The 1-based input line it is about, or `nil` for the input as a whole.
  public var line: Int?
  /// A lowercase sentence a user can act on.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, _ kind: Kind, line: Int?, _ message: String) {
    self.severity = severity
    self.kind = kind
    self.line = line
    self.message = message
  }
}
