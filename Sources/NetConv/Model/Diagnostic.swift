/// A message about the input: something netconv skipped, guessed or could not read.
///
/// Diagnostics are values; the CLI renders them as `FILE:LINE: warning: message`.
public struct Diagnostic: Hashable, Sendable {
  /// How much the message matters.
  public enum Severity: String, Hashable, Sendable {
    /// Information: a choice netconv made (an encoding, a skipped table).
    case note
    /// Something in the input was not fully understood; output may be incomplete.
    case warning
    /// The input cannot be used as asked (for example under `--strict`).
    case error
  }

  /// What kind of finding this is, stable for tools that filter diagnostics.
  public enum Kind: String, Hashable, Sendable {
    /// A line inside a table that no dialect could read.
    case unrecognizedLine = "unrecognized-line"
    /// A state word netconv does not know (kept in `state_raw`, state `UNKNOWN`).
    case unknownState = "unknown-state"
    /// A port shown as a name missing from the service table (port `null`).
    case unknownService = "unknown-service"
    /// An address that filled its column (net-tools, BSD netstat) and may be cut.
    case truncatedAddress = "truncated-address"
    /// A line (`…`, `...`) that stands for rows the paste left out.
    case elidedRows = "elided-rows"
    /// A `^C` mark: the output was stopped with Ctrl-C here (the table above may be cut off).
    case interrupted
    /// A process name that filled its column (lsof's 9-character COMMAND) and may be cut.
    case truncatedName = "truncated-name"
    /// A table that lists no sockets (routing, interfaces, `ss -s`), skipped.
    case skippedTable = "skipped-table"
    /// A line longer than the limit, cut.
    case lineTooLong = "line-too-long"
    /// Lines that were not UTF-8, read in a legacy code page.
    case legacyEncoding = "legacy-encoding"
    /// A line of binary data inside text.
    case binaryLine = "binary-line"
    /// A row with something missing or out of place; what could be read was kept.
    case malformedRow = "malformed-row"
    /// Windows `netstat -b` asked for administrator rights.
    case elevationRequired = "elevation-required"
    /// A bare machine name where an address was expected.
    case machineName = "machine-name"
    /// A Windows `-b` owner line with no row before it.
    case orphanOwner = "orphan-owner"
    /// A Windows `-b` line saying the owner cannot be shown.
    case ownerMessage = "owner-message"
    /// Text after the last column of a row, not read.
    case trailingText = "trailing-text"
    /// An ss Netid netconv does not know.
    case unknownNetid = "unknown-netid"
    /// The protocol of an ss table without a Netid column, and where it came from.
    case inferredProtocol = "inferred-protocol"
    /// Quoted-printable encoding (from e-mail) found and decoded, or given up.
    case quotedPrintable = "quoted-printable"
    /// A number too large to keep, kept as `null`.
    case valueOutOfRange = "value-out-of-range"
    /// A row cut by a narrow terminal or a copy tool, joined back together.
    case rejoinedWrap = "rejoined-wrap"
    /// A row of another dialect than the one declared, not read.
    case dialectMismatch = "dialect-mismatch"
    /// A row read from the end of a prompt line: command and output joined into one line.
    case rowAfterPrompt = "row-after-prompt"
    /// A row of a table that lost a column, and what netconv took the rest to be.
    case missingColumn = "missing-column"
    /// Two columns a paste glued together (the blank between them lost), split again.
    case gluedColumns = "glued-columns"
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

#if !hasFeature(Embedded)
extension Diagnostic: Codable {}
extension Diagnostic.Severity: Codable {}
extension Diagnostic.Kind: Codable {}
#endif
