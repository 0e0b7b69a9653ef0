/// Writes records as one YAML sequence of mappings through libyaml's emitter, or inside an
/// envelope mapping `records:` / `meta:`.
///
/// Numbers and booleans are plain, missing values are plain `null`, and strings that a YAML
/// 1.1 or 1.2 reader would take for something else are single-quoted (``YAMLScalarStyle``).
/// Output streams: whatever libyaml has produced is handed to the sink every 64 KiB.
public struct YAMLRecordWriter: RecordWriter {
  private let emitter = LibYAMLEmitter()
  private let sink: OutputSink
  private let envelope: Bool

  /// Creates a writer that sends its output to `sink`; `envelope` adds the `meta` section.
  public init(sink: OutputSink, envelope: Bool = false) {
    self.sink = sink
    self.envelope = envelope
  }

  public mutating func begin() throws(OutputSink.OutputError) {
    emitter.streamStart()
    emitter.documentStart()
    if envelope {
      emitter.mappingStart()
      emitter.scalar("records", quoted: false)
    }
    emitter.sequenceStart()
    try check()
  }

  public mutating func write(_ socket: Socket) throws(OutputSink.OutputError) {
    emitter.mappingStart()
    for field in Socket.FieldKey.allCases {
      emitter.scalar(field.rawValue, quoted: false)
      emit(socket.value(of: field))
    }
    emitter.mappingEnd()
    if emitter.pendingCount >= 1 << 16 { try drain() }
  }

  public mutating func end(meta: FieldValue?) throws(OutputSink.OutputError) {
    emitter.sequenceEnd()
    if envelope {
      emitter.scalar("meta", quoted: false)
      emit(meta ?? .null)
      emitter.mappingEnd()
    }
    emitter.documentEnd()
    emitter.streamEnd()
    emitter.flush()
    try drain()
  }

  private func emit(_ value: FieldValue) {
    switch value {
    case .null: emitter.scalar("null", quoted: false)
    case .bool(let flag): emitter.scalar(flag ? "true" : "false", quoted: false)
    case .int(let number): emitter.scalar(String(number), quoted: false)
    case .string(let text): emitter.scalar(text, quoted: YAMLScalarStyle.needsQuotes(text))
    case .list(let items):
      emitter.sequenceStart()
      items.forEach(emit)
      emitter.sequenceEnd()
    case .object(let entries):
      emitter.mappingStart()
      for entry in entries {
        emitter.scalar(entry.key, quoted: YAMLScalarStyle.needsQuotes(entry.key))
        emit(entry.value)
      }
      emitter.mappingEnd()
    }
  }

  private func check() throws(OutputSink.OutputError) {
    if let failure = emitter.failure { throw .failed(reason: failure) }
  }

  private func drain() throws(OutputSink.OutputError) {
    try check()
    try sink.write(emitter.takeOutput())
  }
}
