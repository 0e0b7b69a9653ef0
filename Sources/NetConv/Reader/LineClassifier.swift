/// Parses the decoded lines of an input and counts every input line in its class.
struct LineClassifier: DecodedLineConsumer {
  var parser: DocumentParser
  var summary = ParseSummary()
  /// Whether any line held netstat or ss content (not noise, not unrecognized).
  private(set) var sawContent = false
  /// The first unrecognized line, for `strict`.
  private(set) var firstUnrecognized: Int?

  init(parser: DocumentParser) {
    self.parser = parser
  }

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, number: Int) {
    count(parser.read(LineText(bytes: bytes, identity: number), number: number), line: number)
  }

  mutating func consumed(as lineClass: LineClass, line: Int?) {
    count(lineClass, line: line)
  }

  mutating func report(_ diagnostic: Diagnostic) {
    parser.report(diagnostic)
  }

  /// Counts one input line in its class.
  private mutating func count(_ lineClass: LineClass, line: Int?) {
    summary.add(lineClass)
    if lineClass == .unrecognized && firstUnrecognized == nil { firstUnrecognized = line ?? summary.lines }
    if lineClass != .noise && lineClass != .unrecognized { sawContent = true }
  }
}
