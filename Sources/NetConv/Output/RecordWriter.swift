/// Writes records in one output format, one at a time, as they are parsed.
public protocol RecordWriter {
  /// Writes whatever comes before the first record (`[` for a JSON array).
  mutating func begin() throws(OutputSink.OutputError)
  /// Writes one record.
  mutating func write(_ socket: Socket) throws(OutputSink.OutputError)
  /// Writes whatever closes the output and flushes it.
  mutating func end() throws(OutputSink.OutputError)
}
