extension RawSocket {
  /// Stores `span` of `line` in the record. The first text of a numbered line copies the whole
  /// line, and it and the line's later texts are ranges of that copy: one copy per line
  /// instead of one per field.
  mutating func store(_ line: LineText, _ span: Span) -> Text {
    guard span.end > span.start else { return .none }
    guard line.identity != 0 else { return store(UnsafeBufferPointer(rebasing: line.bytes[span.start..<span.end])) }
    if line.identity != copiedLine.identity {
      let needed = bytes.count + line.count
      if bytes.capacity < needed { bytes.reserveCapacity(max(needed, 2 * bytes.capacity, 192)) }
      copiedLine = CopiedLine(identity: line.identity, start: Int32(bytes.count))
      bytes.append(contentsOf: line.bytes)
    }
    return Text(start: copiedLine.start + Int32(span.start), end: copiedLine.start + Int32(span.end))
  }
}
