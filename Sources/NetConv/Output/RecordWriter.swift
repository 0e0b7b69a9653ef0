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
protocol RawRecordWriter: RecordWriter {
  mutating func write(raw socket: RawSocket) throws(OutputSink.OutputError)
}

extension Socket.FieldKey {
  /// ``allCases`` computed once: the synthesized property builds a new array on every call.
  static let ordered: [Socket.FieldKey] = allCases

  /// The position in ``ordered``, as a constant the compiler can fold (`ModelWordTests`
  /// checks it against ``ordered``).
  var ordinal: Int {
    switch self {
    case .source: 0
    case .format: 1
    case .snapshot: 2
    case .line: 3
    case .protocol: 4
    case .family: 5
    case .localAddress: 6
    case .localPort: 7
    case .localPortName: 8
    case .localInterface: 9
    case .localTruncated: 10
    case .remoteAddress: 11
    case .remotePort: 12
    case .remotePortName: 13
    case .remoteInterface: 14
    case .remoteTruncated: 15
    case .state: 16
    case .stateRaw: 17
    case .recvQ: 18
    case .sendQ: 19
    case .pid: 20
    case .process: 21
    case .component: 22
    case .ownerUnavailable: 23
    case .user: 24
    case .inode: 25
    case .timer: 26
    case .socketType: 27
    case .owners: 28
    case .details: 29
    }
  }
}
