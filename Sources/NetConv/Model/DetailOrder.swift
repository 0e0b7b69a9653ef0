/// How the last records' details were sorted, for ``RawSocket/normalize(reusing:)``: ss prints
/// the same few sets of keys (a listener's, a connection's) in the same order row after row.
struct DetailOrder {
  /// One set of keys in input order and how it sorts.
  private struct Entry {
    /// The keys one after the other, and where each ends.
    var keyBytes: [UInt8] = []
    var keyEnds: [Int] = []
    /// The details in sorted order, one per key (the later wins), as indices in input order.
    var selection: [Int] = []
  }

  private static let capacity = 8
  private var entries: [Entry] = []
  /// The entry a new one replaces once all are in use.
  private var oldest = 0

  /// The sorted order of `details` (indices in input order, one per key, the later wins):
  /// from the entry for the same keys in the same order, or sorted and remembered.
  mutating func selection(for details: [RawSocket.Detail], in all: UnsafeBufferPointer<UInt8>) -> [Int] {
    for index in entries.indices where Self.matches(entries[index], details, in: all) {
      return entries[index].selection
    }
    let entry = Self.sorted(details, in: all)
    if entries.count < Self.capacity {
      entries.append(entry)
    } else {
      entries[oldest] = entry
      oldest = (oldest + 1) % Self.capacity
    }
    return entry.selection
  }

  /// Whether `details` have the entry's keys in the entry's order.
  private static func matches(_ entry: Entry, _ details: [RawSocket.Detail], in all: UnsafeBufferPointer<UInt8>) -> Bool {
    guard entry.keyEnds.count == details.count else { return false }
    return entry.keyBytes.withUnsafeBufferPointer { keys in
      var start = 0
      for (index, detail) in details.enumerated() {
        let end = entry.keyEnds[index]
        guard detail.key.count == end - start,
          ByteScan.equal(all.baseAddress! + Int(detail.key.start), keys.baseAddress! + start, count: end - start)
        else { return false }
        start = end
      }
      return true
    }
  }

  /// Sorts `details` by key, keeping the last of equal keys.
  private static func sorted(_ details: [RawSocket.Detail], in all: UnsafeBufferPointer<UInt8>) -> Entry {
    var entry = Entry()
    let total = details.reduce(0) { $0 + $1.key.count }
    entry.keyBytes = [UInt8](unsafeUninitializedCapacity: total) { keys, initialized in
      for detail in details {
        let key = all.slice(detail.key)
        _ = UnsafeMutableBufferPointer(rebasing: keys[initialized...]).initialize(from: key)
        initialized += key.count
        entry.keyEnds.append(initialized)
      }
    }
    let count = details.count
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { heads in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
        details.withUnsafeBufferPointer { details in
          for index in 0..<count {
            heads[index] = head(details[index].key, in: all)
            order[index] = index
          }
          // A stable insertion sort of positions (records hold a few dozen details at most):
          // by the first eight bytes of the keys as numbers, by the whole keys where those are equal.
          for index in 1..<count {
            let moving = order[index]
            let head = heads[moving]
            var slot = index
            while slot > 0 {
              let other = order[slot - 1]
              let before =
                head != heads[other] ? head < heads[other] : compare(details[moving].key, details[other].key, in: all) < 0
              guard before else { break }
              order[slot] = other
              slot -= 1
            }
            order[slot] = moving
          }
          // Equal keys are now next to each other in input order: keep the last of each run.
          for position in order {
            if let previous = entry.selection.last, heads[previous] == heads[position],
              compare(details[previous].key, details[position].key, in: all) == 0
            {
              entry.selection[entry.selection.count - 1] = position
            } else {
              entry.selection.append(position)
            }
          }
        }
      }
    }
    return entry
  }

  /// The first eight bytes of a key as a big-endian number: comparing two of them orders
  /// keys that differ in those bytes without looking at the keys again.
  private static func head(_ key: RawSocket.Text, in all: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = key.count
    let start = Int(key.start)
    if start + 8 <= all.count {
      let word = UInt64(bigEndian: UnsafeRawPointer(all.baseAddress! + start).loadUnaligned(as: UInt64.self))
      return count >= 8 ? word : word & ~(UInt64.max >> (count * 8))  // the key's bytes, then zeros
    }
    var value: UInt64 = 0
    for offset in 0..<8 {
      value <<= 8
      if offset < count { value |= UInt64(all[Int(key.start) + offset]) }
    }
    return value
  }

  /// Byte order of two keys (Unicode scalar order, as `String` compares them).
  private static func compare(_ a: RawSocket.Text, _ b: RawSocket.Text, in all: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    var offset = 0
    while offset < common {
      let left = all[Int(a.start) + offset]
      let right = all[Int(b.start) + offset]
      if left != right { return left < right ? -1 : 1 }
      offset += 1
    }
    return a.count - b.count
  }
}
