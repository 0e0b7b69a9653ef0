/// Converts UTF-16 bytes to UTF-8 chunk by chunk, carrying an odd byte or a lone high
/// surrogate over to the next chunk.
struct UTF16Transcoder {
  let bigEndian: Bool
  private var pendingByte: UInt8?
  private var pendingHighSurrogate: UInt16?

  init(bigEndian: Bool) {
    self.bigEndian = bigEndian
  }

  /// Transcodes `chunk`, appending UTF-8 to `output`; unpaired surrogates become U+FFFD.
  mutating func transcode(_ chunk: [UInt8], into output: inout [UInt8]) {
    output.reserveCapacity(output.count + chunk.count)
    var index = 0
    var first: UInt8
    while true {
      if let pending = pendingByte {
        first = pending
        pendingByte = nil
      } else {
        guard index < chunk.count else { break }
        first = chunk[index]
        index += 1
      }
      guard index < chunk.count else {
        pendingByte = first
        break
      }
      let second = chunk[index]
      index += 1
      let unit = bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
      emit(unit, into: &output)
    }
  }

  /// Flushes what is left at the end of the input.
  mutating func finish(into output: inout [UInt8]) {
    if pendingHighSurrogate != nil || pendingByte != nil {
      append(0xFFFD, to: &output)
    }
    pendingHighSurrogate = nil
    pendingByte = nil
  }

  private mutating func emit(_ unit: UInt16, into output: inout [UInt8]) {
    if let high = pendingHighSurrogate {
      pendingHighSurrogate = nil
      if (0xDC00...0xDFFF).contains(unit) {
        let value = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
        append(value, to: &output)
        return
      }
      append(0xFFFD, to: &output)
    }
    switch unit {
    case 0xD800...0xDBFF: pendingHighSurrogate = unit
    case 0xDC00...0xDFFF: append(0xFFFD, to: &output)
    default: append(UInt32(unit), to: &output)
    }
  }

  private func append(_ value: UInt32, to output: inout [UInt8]) {
    UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { output.append($0) }
  }
}
