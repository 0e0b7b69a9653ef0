/// Writes records in one output format, one at a time, as they are parsed.
///
/// Call ``begin()`` once, ``write(_:)`` per record, then ``end(meta:)``. Writers that support
/// an envelope (JSON, YAML) put `records` first and `meta` last, so records can stream out
/// before the counts in `meta` are known.
public protocol RecordWriter {
  /// Writes whatever comes before the first record (`[` for a JSON array, a CSV header).
  mutating func begin() throws(OutputSink.OutputError)
  /// Writes one record.
  mutating func write(_ socket: Socket) throws(OutputSink.OutputError)
  /// Writes whatever closes the output — the envelope's `meta` when there is one — and flushes.
  mutating func end(meta: FieldValue?) throws(OutputSink.OutputError)
}

extension RecordWriter {
  /// Closes the output without an envelope `meta` section.
  public mutating func end() throws(OutputSink.OutputError) { try end(meta: nil) }
}

/// A writer that reads a parsed record's bytes directly, building no `String`: netconv's own
/// writers. ``Conversion`` hands records this way when the writer offers it; ``RecordWriter/write(_:)``
/// of these writers converts the ``Socket`` and takes the same path, so both give the same bytes.
package protocol RawRecordWriter: RecordWriter {
  mutating func write(raw socket: RawSocket) throws(OutputSink.OutputError)
}
