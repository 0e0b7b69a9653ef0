/// Counts about one input, complete once the reader has returned `nil`.
public struct ParseSummary: Hashable, Sendable {
  /// Lines read.
  public var lines = 0
  /// Bytes read.
  public var bytes = 0
  /// Records produced.
  public var records = 0
  /// How many lines fell in each class; the counts add up to `lines`.
  public var lineClasses: [LineClass: Int] {
    Dictionary(uniqueKeysWithValues: LineClass.allCases.map { ($0, classCounts[$0.index]) })
  }
  /// Counts by ``LineClass`` index: an array, so counting a line costs no hashing.
  private var classCounts = [Int](repeating: 0, count: LineClass.allCases.count)
  /// The encoding netconv decided on.
  public var encoding: TextEncoding = .utf8
  /// The code page used for lines that were not valid UTF-8, if any.
  public var legacyCodePage: LegacyCodePage?
  /// The dialects records came from.
  public var dialects: Set<Dialect> { Set(Dialect.allCases.filter { dialectMask & $0.bit != 0 }) }
  private var dialectMask: UInt8 = 0
  /// The number of snapshots (repeated tables) seen.
  public var snapshots = 0
  /// Diagnostics by severity.
  public var diagnostics: [Diagnostic.Severity: Int] = [:]

  /// Creates an empty summary.
  public init() {}

  /// The number of lines in class `lineClass`.
  public func count(_ lineClass: LineClass) -> Int { classCounts[lineClass.index] }

  /// Counts one more line of class `lineClass`.
  mutating func add(_ lineClass: LineClass) { classCounts[lineClass.index] += 1 }

  /// Notes that a record came from `dialect`.
  mutating func add(_ dialect: Dialect) { dialectMask |= dialect.bit }
}

#if !hasFeature(Embedded)
extension ParseSummary: Codable {
  private enum CodingKeys: String, CodingKey {
    case lines, bytes, records, lineClasses = "line_classes", encoding, legacyCodePage = "legacy_code_page"
    case dialects, snapshots, diagnostics
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(lines, forKey: .lines)
    try container.encode(bytes, forKey: .bytes)
    try container.encode(records, forKey: .records)
    try container.encode(Dictionary(uniqueKeysWithValues: lineClasses.map { ($0.key.rawValue, $0.value) }), forKey: .lineClasses)
    try container.encode(encoding, forKey: .encoding)
    try container.encode(legacyCodePage, forKey: .legacyCodePage)
    try container.encode(dialects.map { $0.rawValue }.sorted(), forKey: .dialects)
    try container.encode(snapshots, forKey: .snapshots)
    try container.encode(Dictionary(uniqueKeysWithValues: diagnostics.map { ($0.key.rawValue, $0.value) }), forKey: .diagnostics)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    lines = try container.decode(Int.self, forKey: .lines)
    bytes = try container.decode(Int.self, forKey: .bytes)
    records = try container.decode(Int.self, forKey: .records)
    for (name, count) in try container.decode([String: Int].self, forKey: .lineClasses) {
      if let lineClass = LineClass(rawValue: name) { classCounts[lineClass.index] = count }
    }
    encoding = try container.decode(TextEncoding.self, forKey: .encoding)
    legacyCodePage = try container.decodeIfPresent(LegacyCodePage.self, forKey: .legacyCodePage)
    for name in try container.decode([String].self, forKey: .dialects) {
      if let dialect = Dialect(rawValue: name) { dialectMask |= dialect.bit }
    }
    snapshots = try container.decode(Int.self, forKey: .snapshots)
    for (name, count) in try container.decode([String: Int].self, forKey: .diagnostics) {
      if let severity = Diagnostic.Severity(rawValue: name) { diagnostics[severity] = count }
    }
  }
}
#endif
