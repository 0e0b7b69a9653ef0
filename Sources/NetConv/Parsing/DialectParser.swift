/// A reader of one dialect's lines: rows, banners, headers and notices.
///
/// The document parser offers each line to the dialect parsers; one that recognizes the line
/// returns its class, one that does not returns `nil` and leaves the line to the others.
protocol DialectParser {
  /// The dialect this parser reads.
  static var dialect: Dialect { get }

  /// Reads one non-blank line.
  ///
  /// - Parameters:
  ///   - line: The line's bytes.
  ///   - tokens: The line split on white space (not empty).
  ///   - context: Snapshot count and diagnostics.
  /// - Returns: The line's class, or `nil` when the line is not this dialect's. Records go to
  ///   ``ParseContext/emit(_:)``, possibly later than their line (Windows owner lines).
  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass?

  /// A blank line or a prompt ended the current block of text.
  mutating func endBlock()

  /// Emits any record held back for lines that may still follow it.
  mutating func flush(context: inout ParseContext)
}
