/// Counts about one input, complete once the reader has returned `nil`.
public struct ParseSummary: Hashable, Sendable, Codable {
  /// Lines read.
  public var lines = 0
  /// Bytes read.
  public var bytes = 0
  /// Records produced.
  public var records = 0
  /// How many lines fell in each class; the counts add up to `lines`.
  public var lineClasses: [LineClass: Int] = [:]
  /// The encoding netconv decided on.
  public var encoding: TextEncoding = .utf8
  /// The code page used for lines that were not valid UTF-8, if any.
  public var legacyCodePage: LegacyCodePage?
  /// The dialects records came from.
  public var dialects: Set<Dialect> = []
  /// The number of snapshots (repeated tables) seen.
  public var snapshots = 0
  /// Diagnostics by severity.
  public var diagnostics: [Diagnostic.Severity: Int] = [:]

  /// Creates an empty summary.
  public init() {}

  /// The number of lines in class `lineClass`.
  public func count(_ lineClass: LineClass) -> Int { lineClasses[lineClass, default: 0] }
}
