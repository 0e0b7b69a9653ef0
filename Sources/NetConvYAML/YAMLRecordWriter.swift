import NetConv

/// Writes records as one YAML sequence of mappings through libyaml's emitter, or inside an
/// envelope mapping `records:` / `meta:`.
///
/// Numbers and booleans are plain, missing values are plain `null`, and strings that a YAML
/// 1.1 or 1.2 reader would take for something else are single-quoted.
/// Output streams: whatever libyaml has produced is handed to the sink every 64 KiB.
public struct YAMLRecordWriter: RawRecordWriter {
  private let emitter = LibYAMLEmitter()
  private let sink: OutputSink
  private let envelope: Bool
  /// The keys' UTF-8 bytes in output order, made once.
  private let keys = Socket.FieldKey.ordered.map { Array($0.rawValue.utf8) }

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
    try write(raw: RawSocket(socket))
  }

  package mutating func write(raw socket: RawSocket) throws(OutputSink.OutputError) {
    emitter.mappingStart()
    socket.bytes.withUnsafeBufferPointer { text in
      for (index, field) in Socket.FieldKey.ordered.enumerated() {
        keys[index].withUnsafeBufferPointer { emitter.scalar($0, quoted: false) }
        switch field.shape {
        case .owners:
          guard !socket.owners.isEmpty else {
            emitter.scalar("null", quoted: false)
            continue
          }
          emitter.sequenceStart()
          for owner in socket.owners {
            emitter.mappingStart()
            emitter.scalar("process", quoted: false)
            emit(.init(owner.process), of: socket, text)
            emitter.scalar("pid", quoted: false)
            emit(.init(owner.pid), of: socket, text)
            emitter.scalar("fd", quoted: false)
            emit(.init(owner.fd), of: socket, text)
            emitter.scalar("tid", quoted: false)
            emit(.init(owner.tid), of: socket, text)
            emitter.mappingEnd()
          }
          emitter.sequenceEnd()
        case .details:
          guard !socket.details.isEmpty else {
            emitter.scalar("null", quoted: false)
            continue
          }
          emitter.mappingStart()
          for detail in socket.details {
            emit(.text(detail.key), of: socket, text)
            emit(.text(detail.value), of: socket, text)
          }
          emitter.mappingEnd()
        case .fieldList:
          emitter.sequenceStart()
          for key in socket.fieldSet(field).keys { emitter.scalar(key.rawValue, quoted: false) }
          emitter.sequenceEnd()
        case .scalar, .flag:
          emit(socket.scalar(field), of: socket, text)
        }
      }
    }
    emitter.mappingEnd()
    if emitter.pendingCount >= 1 << 16 { try drain() }
  }

  /// Emits a scalar field; texts are single-quoted when a YAML reader would take them for
  /// something else.
  private func emit(_ value: RawSocket.Scalar, of socket: RawSocket, _ text: UnsafeBufferPointer<UInt8>) {
    switch value {
    case .null: emitter.scalar("null", quoted: false)
    case .bool(let flag): emitter.scalar(flag ? "true" : "false", quoted: false)
    case .int(let number): emitter.scalar(decimal: number)
    case .text, .word, .stored:
      socket.withBytes(of: value, in: text) { emitter.scalar($0, quoted: YAMLScalarStyle.needsQuotes($0)) }
    }
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
    if let failure = emitter.failure { throw .unencodable(reason: failure) }
  }

  private func drain() throws(OutputSink.OutputError) {
    try check()
    try sink.write(emitter.takeOutput())
  }
}
