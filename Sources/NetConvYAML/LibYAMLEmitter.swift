internal import CYaml
import NetConv

/// The libyaml system library the YAML writer is built on.
public enum LibYAML {
  /// The version of the linked libyaml (`0.2.5`).
  ///
  /// The corresponding C function is `yaml_get_version_string`.
  public static var version: String {
    String(cString: yaml_get_version_string())
  }
}

/// Swift names over libyaml's emitter; the only place netconv calls into C.
///
/// The emitter lives at a stable heap address for its whole life, writes through a handler
/// into ``pending``, and reports the first libyaml problem in ``failure``. libyaml takes
/// ownership of each event passed to `yaml_emitter_emit`, even when it fails.
final class LibYAMLEmitter {
  /// Bytes libyaml has produced and the writer has not taken yet.
  final class Pending {
    var bytes: [UInt8] = []
  }

  private let emitter: UnsafeMutablePointer<yaml_emitter_t>
  private let pending = Pending()
  /// The first error libyaml reported, if any.
  private(set) var failure: String?

  /// Creates an emitter set to UTF-8, unescaped Unicode, no line folding and a 2-space indent.
  ///
  /// The corresponding C functions are `yaml_emitter_initialize` and `yaml_emitter_set_*`.
  init() {
    emitter = .allocate(capacity: 1)
    if yaml_emitter_initialize(emitter) == 0 { failure = "cannot initialize the libyaml emitter" }
    yaml_emitter_set_output(
      emitter,
      { data, buffer, size in
        guard let data, let buffer else { return 0 }
        let pending = Unmanaged<Pending>.fromOpaque(data).takeUnretainedValue()
        pending.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
        return 1
      }, Unmanaged.passUnretained(pending).toOpaque())
    yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
    yaml_emitter_set_unicode(emitter, 1)
    yaml_emitter_set_width(emitter, -1)
    yaml_emitter_set_indent(emitter, 2)
    yaml_emitter_set_break(emitter, YAML_LN_BREAK)
  }

  deinit {
    yaml_emitter_delete(emitter)
    emitter.deallocate()
  }

  /// Takes the bytes produced so far.
  func takeOutput() -> [UInt8] {
    defer { pending.bytes.removeAll(keepingCapacity: true) }
    return pending.bytes
  }

  /// The number of bytes waiting in ``takeOutput()``.
  var pendingCount: Int { pending.bytes.count }

  func streamStart() { emit { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) } }
  func streamEnd() { emit { yaml_stream_end_event_initialize(&$0) } }
  func documentStart() { emit { yaml_document_start_event_initialize(&$0, nil, nil, nil, 1) } }
  func documentEnd() { emit { yaml_document_end_event_initialize(&$0, 1) } }
  func sequenceStart() {
    emit { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) }
  }
  func sequenceEnd() { emit { yaml_sequence_end_event_initialize(&$0) } }
  func mappingStart() {
    emit { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
  }
  func mappingEnd() { emit { yaml_mapping_end_event_initialize(&$0) } }

  /// Emits a scalar; `quoted` forces single quotes, otherwise libyaml picks plain unless the
  /// syntax needs quotes.
  ///
  /// The corresponding C function is `yaml_scalar_event_initialize`.
  func scalar(_ text: String, quoted: Bool) {
    var text = text
    text.withUTF8 { scalar($0, quoted: quoted) }
  }

  /// Emits a fixed word.
  func scalar(_ literal: StaticString, quoted: Bool) {
    scalar(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount), quoted: quoted)
  }

  /// Emits a number as a plain scalar, its digits made on the stack.
  func scalar(decimal value: Int64) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { scratch in
      var cursor = ByteCursor(scratch.baseAddress!)
      cursor.put(decimal: value)
      scalar(UnsafeBufferPointer(start: scratch.baseAddress, count: cursor.position - scratch.baseAddress!), quoted: false)
    }
  }

  /// Emits a scalar from UTF-8 bytes (libyaml copies them).
  func scalar(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) {
    let style = quoted ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE
    Self.empty.withUnsafeBufferPointer { empty in
      let value = bytes.count > 0 ? bytes.baseAddress! : empty.baseAddress!
      emit { yaml_scalar_event_initialize(&$0, nil, nil, value, Int32(bytes.count), 1, 1, style) }
    }
  }

  /// Flushes libyaml's own buffer into ``pending``.
  ///
  /// The corresponding C function is `yaml_emitter_flush`.
  func flush() {
    if yaml_emitter_flush(emitter) == 0 { recordFailure() }
  }

  /// A non-null pointer for the empty string (libyaml asserts the value is not NULL).
  private static let empty: [UInt8] = [0]

  private func emit(_ initialize: (inout yaml_event_t) -> Int32) {
    guard failure == nil else { return }
    var event = yaml_event_t()
    guard initialize(&event) == 1 else {
      failure = "libyaml refused an event (invalid UTF-8 or out of memory)"
      return
    }
    if yaml_emitter_emit(emitter, &event) == 0 { recordFailure() }
  }

  private func recordFailure() {
    let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "unknown emitter error"
    failure = failure ?? "libyaml: \(problem)"
  }
}
