/// The bytes a writer has produced but not yet sent to its ``OutputSink``.
///
/// A value type over a fixed block of memory: appending is a bounds check and a `memcpy`,
/// with no array growth, reference counting or exclusivity check per call. The block is
/// handed to the sink whenever the next append would not fit, and after each record once it
/// is more than half full.
struct ByteBuffer {
  /// Owns the memory block and frees it with the last buffer that uses it.
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
      self.capacity = capacity
      self.base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
  }

  private var storage: Storage
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0
  let sink: OutputSink
  /// The first write error, kept until the writer can throw it (appends do not throw).
  private var failure: OutputSink.OutputError?

  init(sink: OutputSink, capacity: Int = 1 << 16) {
    self.sink = sink
    self.storage = Storage(capacity: capacity)
    self.base = storage.base
    self.capacity = capacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { spill() }
    base[count] = byte
    count += 1
  }

  mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { append($0) }
  }

  mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard let source = buffer.baseAddress, buffer.count > 0 else { return }
    if count + buffer.count > capacity {
      spill()
      if buffer.count > capacity {
        write(buffer)
        return
      }
    }
    (base + count).update(from: source, count: buffer.count)
    count += buffer.count
  }

  /// Makes room for `needed` more bytes and returns where they go; ``commit(_:)`` then counts
  /// what was written. A record larger than the block gets a larger block.
  mutating func reserve(_ needed: Int) -> UnsafeMutablePointer<UInt8> {
    if count + needed > capacity {
      spill()
      if needed > capacity {
        storage = Storage(capacity: needed)
        base = storage.base
        capacity = needed
      }
    }
    return base + count
  }

  /// Counts the bytes written into the reserved room up to `end`.
  mutating func commit(_ end: UnsafeMutablePointer<UInt8>) {
    count = end - base
  }

  /// Appends the decimal digits of `value` (``ByteCursor/put(decimal:)`` in reserved room).
  mutating func append(decimal value: Int64) {
    var cursor = ByteCursor(reserve(21))
    cursor.put(decimal: value)
    commit(cursor.position)
  }

  /// Sends the buffer to the sink when it is more than half full; writers call this after
  /// each record, and it throws any write error an earlier append met.
  mutating func recordEnded() throws(OutputSink.OutputError) {
    if count >= capacity / 2 { spill() }
    if let failure { throw failure }
  }

  /// Sends everything buffered to the sink.
  mutating func flush() throws(OutputSink.OutputError) {
    spill()
    if let failure { throw failure }
  }

  private mutating func spill() {
    guard count > 0 else { return }
    write(UnsafeBufferPointer(start: base, count: count))
    count = 0
  }

  private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard failure == nil else { return }
    do { try sink.write(bytes) } catch { failure = error }
  }
}
