/// A lookup from words to values that takes the word as bytes of a line, for vocabulary
/// consulted on every row (states, Netids): no `String` is made and nothing is allocated per
/// lookup. Built once from the generated tables.
struct ByteTable<Value: Sendable>: Sendable {
  /// Every key's bytes, one after the other.
  private var keys: [UInt8] = []
  /// Open addressing: per slot the key's range in `keys` and its value's index, or `nil`.
  private var slots: [(start: Int32, end: Int32, value: Int32)?]
  private var values: [Value] = []
  private let mask: Int

  /// Creates a table; a key given twice keeps its first value.
  init(_ entries: some Sequence<(String, Value)>) {
    let list = Array(entries)
    var size = 8
    while size < list.count * 3 { size <<= 1 }
    mask = size - 1
    slots = Array(repeating: nil, count: size)
    for (key, value) in list where self.value(Array(key.utf8)) == nil {
      let bytes = Array(key.utf8)
      var slot = Self.hash(bytes.withUnsafeBufferPointer { $0 }) & mask
      while slots[slot] != nil { slot = (slot + 1) & mask }
      slots[slot] = (Int32(keys.count), Int32(keys.count + bytes.count), Int32(values.count))
      keys += bytes
      values.append(value)
    }
  }

  /// The value for `bytes`.
  func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    var slot = Self.hash(bytes) & mask
    return keys.withUnsafeBufferPointer { keys in
      while let entry = slots[slot] {
        let count = Int(entry.end - entry.start)
        if count == bytes.count, let text = bytes.baseAddress,
          ByteScan.equal(keys.baseAddress! + Int(entry.start), text, count: count)
        {
          return values[Int(entry.value)]
        }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  private func value(_ bytes: [UInt8]) -> Value? {
    bytes.withUnsafeBufferPointer { value($0) }
  }

  /// FNV-1a over the bytes.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return Int(truncatingIfNeeded: hash ^ (hash >> 29))
  }
}
