extension ByteTable {
  /// The value for `span` of `line`.
  func value(_ line: LineText, _ span: Span) -> Value? {
    value(UnsafeBufferPointer(rebasing: line.bytes[span.start..<span.end]))
  }
}
