extension FieldValue {
  /// The value as JSON text: pretty-printed (two spaces per level, keys in their order) or
  /// compact, without a trailing newline. Strings are escaped as the record writers escape them.
  public func jsonText(pretty: Bool = true) -> String {
    let sink = OutputSink()
    var output = ByteBuffer(sink: sink, capacity: 1 << 12)
    JSONRecordWriter.append(self, to: &output, indent: pretty ? 0 : nil)
    try? output.flush()  // into memory: cannot fail
    return String(decoding: sink.collected, as: UTF8.self)
  }
}
