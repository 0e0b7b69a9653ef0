import Testing

@testable import NetConv

/// The eight-bytes-at-a-time scans and the pointer writer agree with plain byte loops on every
/// length, position and byte value that matters (line ends, NUL, high bytes, escapes).
@Suite struct ByteScanTests {
  /// Bytes the word tests must tell apart from their neighbours.
  static let interesting: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xFF]

  /// Every buffer of length 0...19 made of `filler` with one interesting byte at one position.
  static func buffers(filler: UInt8) -> [[UInt8]] {
    var result: [[UInt8]] = []
    for length in 0..<20 {
      result.append([UInt8](repeating: filler, count: length))
      for position in 0..<length {
        for byte in interesting {
          var buffer = [UInt8](repeating: filler, count: length)
          buffer[position] = byte
          result.append(buffer)
        }
      }
    }
    return result
  }

  @Test func lineBreaksAreFoundWhereABytewiseScanFindsThem() {
    for buffer in Self.buffers(filler: UInt8(ascii: "a")) {
      buffer.withUnsafeBufferPointer { bytes in
        for start in 0...bytes.count {
          let expected = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D }
          #expect(ByteScan.firstLineBreak(in: bytes, from: start) == expected, "\(buffer) from \(start)")
        }
      }
    }
  }

  @Test func surveyMatchesABytewiseCheck() {
    for buffer in Self.buffers(filler: UInt8(ascii: "x")) + Self.buffers(filler: UInt8(ascii: "=")) {
      buffer.withUnsafeBufferPointer { bytes in
        let result = ByteScan.survey(bytes)
        #expect(result.ascii == bytes.allSatisfy { $0 < 0x80 }, "\(buffer)")
        #expect(result.hasNUL == bytes.contains(0), "\(buffer)")
        #expect(result.hasEquals == bytes.contains(UInt8(ascii: "=")), "\(buffer)")
      }
    }
  }

  @Test func trimmingMatchesABytewiseTrim() {
    for buffer in Self.buffers(filler: 0x20) + Self.buffers(filler: UInt8(ascii: "z")) {
      buffer.withUnsafeBufferPointer { bytes in
        var start = 0
        var end = bytes.count
        while start < end && LineText.isSpace(bytes[start]) { start += 1 }
        while end > start && LineText.isSpace(bytes[end - 1]) { end -= 1 }
        #expect(LineText(bytes: bytes).trimmed == Span(start: start, end: end), "\(buffer)")
      }
    }
  }

  @Test func jsonStringsEscapeExactlyWhatRFC8259Requires() throws {
    for buffer in Self.buffers(filler: UInt8(ascii: "k")) + Self.mixedBuffers(count: 2_000) {
      var output = [UInt8](repeating: 0, count: 6 * buffer.count + 16)
      let written = output.withUnsafeMutableBufferPointer { room -> Int in
        var cursor = ByteCursor(room.baseAddress!)
        buffer.withUnsafeBufferPointer { cursor.putJSONString($0) }
        return cursor.position - room.baseAddress!
      }
      var expected: [UInt8] = [0x22]
      for byte in buffer {
        switch byte {
        case 0x22: expected += Array(#"\""#.utf8)
        case 0x5C: expected += Array(#"\\"#.utf8)
        case 0x0A: expected += Array(#"\n"#.utf8)
        case 0x0D: expected += Array(#"\r"#.utf8)
        case 0x09: expected += Array(#"\t"#.utf8)
        case ..<0x20: expected += Array(String(format: "\\u%04x", byte).utf8)
        default: expected.append(byte)
        }
      }
      expected.append(0x22)
      #expect(Array(output[..<written]) == expected, "\(buffer)")
    }
  }

  /// Buffers of 0...40 bytes drawn from white space, line ends, control and text bytes, from a
  /// fixed seed: several special bytes in one word, which the one-byte buffers never have.
  static func mixedBuffers(count: Int = 20_000) -> [[UInt8]] {
    let alphabet: [UInt8] = [0x20, 0x20, 0x20, 0x09, 0x0B, 0x0C, 0x0A, 0x0D, 0x00, 0x01, 0x1F, 0x21, 0x61, 0x61, 0x80, 0xC3, 0xFF]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func random() -> UInt64 {  // SplitMix64
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    return (0..<count).map { _ in
      (0..<Int(random() % 41)).map { _ in alphabet[Int(random() % UInt64(alphabet.count))] }
    }
  }

  @Test func tokensSplitWhereABytewiseSplitDoes() {
    var storage: [Span] = []
    for buffer in Self.mixedBuffers() {
      buffer.withUnsafeBufferPointer { bytes in
        var expected: [Span] = []
        var index = 0
        while index < bytes.count {
          while index < bytes.count && LineText.isSpace(bytes[index]) { index += 1 }
          guard index < bytes.count else { break }
          let start = index
          while index < bytes.count && !LineText.isSpace(bytes[index]) { index += 1 }
          expected.append(Span(start: start, end: index))
        }
        let whole = Span(start: 0, end: bytes.count)
        #expect(Array(LineText(bytes: bytes).tokens(of: whole, reusing: &storage)) == expected, "\(buffer)")
      }
    }
  }

  @Test func lineBreaksAmongOtherControlBytesAreFound() {
    for buffer in Self.mixedBuffers() {
      buffer.withUnsafeBufferPointer { bytes in
        let expected = bytes.firstIndex { $0 == 0x0A || $0 == 0x0D }
        #expect(ByteScan.firstLineBreak(in: bytes, from: 0) == expected, "\(buffer)")
        let scan = ByteScan.survey(bytes)
        #expect(scan.ascii == bytes.allSatisfy { $0 < 0x80 } && scan.hasNUL == bytes.contains(0), "\(buffer)")
        #expect(scan.hasEquals == bytes.contains(UInt8(ascii: "=")), "\(buffer)")
      }
    }
  }

  @Test func byteRunsCompareEqualExactlyWhenEveryByteIs() {
    let buffers = Self.mixedBuffers(count: 4_000)
    for (first, second) in zip(buffers, buffers.dropFirst()) {
      let count = min(first.count, second.count)
      var copy = second
      copy.replaceSubrange(0..<count, with: first[0..<count])
      for (a, b) in [(first, second), (first, copy)] {
        a.withUnsafeBufferPointer { a in
          b.withUnsafeBufferPointer { b in
            guard let left = a.baseAddress, let right = b.baseAddress else { return }
            #expect(ByteScan.equal(left, right, count: count) == a.prefix(count).elementsEqual(b.prefix(count)))
          }
        }
      }
    }
  }

  @Test func decimalsAreWrittenAsSwiftPrintsThem() {
    var values = [0, 1, 9, 10, 11, 99, 100, 101, 109, 110, 999, 1000, 1001, 65535, 99_999, 100_000, Int.max, Int.min, Int.min + 1]
    values += values.filter { $0 != Int.min }.map { -$0 } + (0..<2_000).map { $0 * 7919 % 1_000_003 }
    for value in values {
      var room = [UInt8](repeating: 0, count: 32)
      let written = room.withUnsafeMutableBufferPointer { room -> Int in
        var cursor = ByteCursor(room.baseAddress!)
        cursor.put(decimal: value)
        return cursor.position - room.baseAddress!
      }
      #expect(String(decoding: room[..<written], as: UTF8.self) == String(value))
    }
  }

  @Test func byteTablesFindEveryKeyAndNothingElse() {
    let words = ["LISTEN", "ESTAB", "UNCONN", "SYN-SENT", "TIME-WAIT", "a", "ab", "abcdefghijklmnopq", "écouter"]
    let table = ByteTable(words.enumerated().map { ($1, $0) })
    for (index, word) in words.enumerated() {
      var text = word
      #expect(text.withUTF8 { table.value($0) } == index, "\(word)")
      var longer = word + "x"
      #expect(longer.withUTF8 { table.value($0) } == nil, "\(word)x")
      var shorter = String(word.dropLast())
      #expect(shorter.withUTF8 { table.value($0) } == nil || words.contains(shorter), "\(shorter)")
    }
  }
}
