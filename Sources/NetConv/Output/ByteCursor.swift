/// Writes into memory that a ``ByteBuffer`` has reserved for one record: no capacity check,
/// no function call per piece. The writer reserves the most a record can take first.
package struct ByteCursor {
  package private(set) var position: UnsafeMutablePointer<UInt8>

  package init(_ start: UnsafeMutablePointer<UInt8>) {
    position = start
  }

  @inline(__always)
  mutating func put(_ byte: UInt8) {
    position.pointee = byte
    position += 1
  }

  /// Copies `bytes`, eight at a time.
  @inline(__always)
  mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    let count = bytes.count
    let from = UnsafeRawPointer(source)
    var out = position
    var offset = 0
    while offset + 8 <= count {
      UnsafeMutableRawPointer(out).storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), as: UInt64.self)
      out += 8
      offset += 8
    }
    while offset < count {
      out.pointee = source[offset]
      out += 1
      offset += 1
    }
    position = out
  }

  /// Copies `bytes` in whole eight-byte words: up to seven bytes past the end are read from the
  /// source and written after the cursor, which the next write covers. Only for sources padded
  /// by eight bytes, into reserved room with eight bytes to spare.
  @inline(__always)
  mutating func putPadded(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(position)
    var offset = 0
    while offset < bytes.count {
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
      offset += 8
    }
    position += bytes.count
  }

  mutating func put(_ literal: StaticString) {
    put(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// The decimal digits of `value` (at most 20 bytes).
  package mutating func put(decimal value: Int) {
    put(decimal: Int64(value))
  }

  /// The decimal digits of `value` (at most 20 bytes); 64 bits on every platform, so that a
  /// 32-bit build writes an inode as the 64-bit one does.
  package mutating func put(decimal value: Int64) {
    var magnitude = value.magnitude
    if value < 0 { put(UInt8(ascii: "-")) }
    if magnitude < 10 {
      put(UInt8(truncatingIfNeeded: magnitude) &+ 0x30)
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, filled from the end
    let count = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
      var index = scratch.count
      let pairs = Self.digitPairs.utf8Start
      while magnitude >= 10 {  // two digits per division
        let pair = Int(magnitude % 100) &* 2
        magnitude /= 100
        index -= 2
        scratch[index] = pairs[pair]
        scratch[index + 1] = pairs[pair + 1]
      }
      if index == scratch.count || magnitude > 0 {
        index -= 1
        scratch[index] = UInt8(truncatingIfNeeded: magnitude) &+ 0x30
      }
      let count = scratch.count - index
      UnsafeMutableRawPointer(position).copyMemory(from: scratch.baseAddress! + index, byteCount: count)
      return count
    }
    position += count
  }

  /// "00" "01" … "99": the digits of every number below 100, two at a time.
  private static let digitPairs: StaticString =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

  /// `bytes` as a quoted JSON string, escaped per RFC 8259: `"`, `\` and every control
  /// character below U+0020 (at most six bytes out per byte in, plus the quotes). Eight bytes
  /// that need no escape are copied as one word.
  mutating func putJSONString(_ bytes: UnsafeBufferPointer<UInt8>) {
    var out = position
    out.pointee = UInt8(ascii: "\"")
    out += 1
    var index = 0
    let count = bytes.count
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if Self.mayNeedEscape(word) { break }
        UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
        out += 8
        index += 8
      }
    }
    while index < count {
      let byte = bytes[index]
      index += 1
      if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
        out.pointee = byte
        out += 1
        continue
      }
      position = out
      escape(byte)
      out = position
    }
    out.pointee = UInt8(ascii: "\"")
    position = out + 1
  }

  /// Whether a word may hold a byte below 0x20, `"` or a backslash (never false when it does).
  @inline(__always)
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones = ByteScan.ones
    let below = (word &- ones &* 0x20) & ~word & ByteScan.highBits != 0
    return below || ByteScan.hasZeroByte(word ^ (ones &* 0x22)) || ByteScan.hasZeroByte(word ^ (ones &* 0x5C))
  }

  private mutating func escape(_ byte: UInt8) {
    put(UInt8(ascii: "\\"))
    switch byte {
    case 0x22: put(UInt8(ascii: "\""))
    case 0x5C: put(UInt8(ascii: "\\"))
    case 0x0A: put(UInt8(ascii: "n"))
    case 0x0D: put(UInt8(ascii: "r"))
    case 0x09: put(UInt8(ascii: "t"))
    default:
      put("u00")
      put(Self.hexDigit(byte >> 4))
      put(Self.hexDigit(byte & 0xF))
    }
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? value &+ 0x30 : value &- 10 &+ UInt8(ascii: "a")
  }
}
