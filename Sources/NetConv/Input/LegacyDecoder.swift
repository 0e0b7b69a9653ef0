#if !hasFeature(Embedded)
  import Synchronization
  #if canImport(Glibc)
    import Glibc
  #elseif canImport(Darwin)
    import Darwin
  #endif
#endif

/// Decodes lines in legacy code pages to UTF-8, and guesses which code page a line is in.
///
/// The single-byte pages (the OEM and ANSI pages of Europe and Russia) are read from tables
/// generated from `Grammar/code-pages/`, the same in every build; the East Asian multi-byte
/// pages go through `iconv(3)`, which the WebAssembly build does not have: there the host
/// decodes them (`hostDecoder`; the browser page uses `TextDecoder`).
///
/// The guess decodes the line with every candidate and keeps the one whose text contains
/// netconv's vocabulary (a banner, header word, state or message in any language), or else
/// the one that reads most like natural text in that code page's script.
final class LegacyDecoder {
  #if !hasFeature(Embedded)
    private var converters: [LegacyCodePage: iconv_t] = [:]

    /// Converters no reader holds, kept open: opening one loads a gconv module, and closing the
    /// last one unloads it, which cost more than parsing a short input. A converter is used by
    /// one reader at a time (iconv state is not shared).
    private static let idle = Mutex<[LegacyCodePage: [Int]]>([:])  // iconv_t bit patterns
    private static let idlePerPage = 8

    deinit {
      for (page, converter) in converters {
        let kept = Self.idle.withLock { idle -> Bool in
          guard idle[page, default: []].count < Self.idlePerPage else { return false }
          idle[page, default: []].append(Int(bitPattern: converter))
          return true
        }
        if !kept { iconv_close(converter) }
      }
    }
  #endif

  #if hasFeature(Embedded)
    /// How the multi-byte pages are decoded where there is no `iconv(3)`: a host (the browser
    /// page's `TextDecoder`) appends the UTF-8 form of the bytes and returns `true`, or returns
    /// `false` and the bytes read as U+FFFD. Set once, before any run, by the module's interface.
    nonisolated(unsafe) static var hostDecoder: ((LegacyCodePage, UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Bool)?
  #endif

  /// Appends the UTF-8 form of `bytes` read in `page` to `output`; bytes the page does not
  /// define become U+FFFD.
  func decode(_ bytes: UnsafeBufferPointer<UInt8>, as page: LegacyCodePage, into output: inout [UInt8]) {
    if let table = page.highHalf {
      for byte in bytes {
        if byte < 0x80 {
          output.append(byte)
        } else {
          UTF8.encode(Unicode.Scalar(table[Int(byte) - 0x80]) ?? "\u{FFFD}") { output.append($0) }
        }
      }
      return
    }
    #if hasFeature(Embedded)
      if let host = Self.hostDecoder, host(page, bytes, &output) { return }
      for byte in bytes { UTF8.encode(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}") { output.append($0) } }
    #else
      decodeWithIconv(bytes, as: page, into: &output)
    #endif
  }

  #if !hasFeature(Embedded)
  /// The multi-byte pages, through `iconv(3)`.
  private func decodeWithIconv(_ bytes: UnsafeBufferPointer<UInt8>, as page: LegacyCodePage, into output: inout [UInt8]) {
    guard let converter = converter(for: page) else {
      for byte in bytes { UTF8.encode(byte < 0x80 ? Unicode.Scalar(byte) : "\u{FFFD}") { output.append($0) } }
      return
    }
    iconv(converter, nil, nil, nil, nil)  // reset the shift state
    var input = Array(bytes)
    var scratch = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
    var offset = 0
    while offset < input.count {
      var inLeft = input.count - offset
      var outLeft = scratch.count
      let (consumed, produced, failed): (Int, Int, Bool) = input.withUnsafeMutableBufferPointer { inBuffer in
        scratch.withUnsafeMutableBufferPointer { outBuffer in
          var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + offset)
            .assumingMemoryBound(to: CChar.self)
          var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
            .assumingMemoryBound(to: CChar.self)
          let before = inLeft
          let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
          return (before - inLeft, outBuffer.count - outLeft, result == -1)
        }
      }
      output.append(contentsOf: scratch[0..<produced])
      offset += consumed
      if failed && offset < input.count {
        UTF8.encode("\u{FFFD}") { output.append($0) }  // an undefined or truncated sequence
        offset += 1
        iconv(converter, nil, nil, nil, nil)
      }
    }
  }

  #endif

  /// The code page `bytes` is most likely in, and whether its text held a vocabulary word
  /// (which makes the guess certain).
  func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> (page: LegacyCodePage, certain: Bool) {
    var best = LegacyCodePage.cp850
    var bestScore = Int.min
    var decoded: [UInt8] = []
    for page in Self.candidates {
      decoded.removeAll(keepingCapacity: true)
      decode(bytes, as: page, into: &decoded)
      let text = String(decoding: decoded, as: UTF8.self)
      let score = Self.score(text, page: page, vocabulary: VocabularyProbes.occurs(in: decoded))
      if score > bestScore {
        best = page
        bestScore = score
      }
    }
    return (best, bestScore >= 1000)
  }

  /// Candidates in order of preference when scores tie: the common Western pages first.
  static let candidates: [LegacyCodePage] = [
    .cp850, .cp1252, .cp437, .cp852, .cp1250, .cp866, .cp1251, .cp936, .cp932, .cp949, .cp950,
  ]

  /// How natural `text` looks as the decoding of a line in `page`; `vocabulary` tells whether it
  /// holds a word of netconv's vocabulary (``VocabularyProbes/occurs(in:)``).
  static func score(_ text: String, page: LegacyCodePage, vocabulary: Bool) -> Int {
    var score = vocabulary ? 1000 : 0
    let latin = page.isLatin
    var previousWasLetter = false
    var nonASCIIRun = 0
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        previousWasLetter = (scalar.value | 0x20) &- 0x61 < 26  // a-z, A-Z: no table lookup
        nonASCIIRun = 0
        continue
      }
      nonASCIIRun += 1
      if scalar == "\u{FFFD}" || scalar.properties.generalCategory == .control {
        score -= 10
      } else if page.isNativeLetter(scalar) {
        // Latin-script words mix accents into ASCII letters; three accented letters in a row
        // are what Cyrillic or CJK bytes look like when read in a Latin code page.
        score += latin && nonASCIIRun >= 3 ? -4 : (previousWasLetter ? 3 : 2)
      } else {
        score -= 3  // box drawing, ™, ¢, ¶ …: what mojibake is made of
      }
      previousWasLetter = scalar.properties.isAlphabetic
    }
    return score
  }

  #if !hasFeature(Embedded)
  private func converter(for page: LegacyCodePage) -> iconv_t? {
    if let converter = converters[page] { return converter }
    if let bits = Self.idle.withLock({ $0[page]?.popLast() }), let reused = iconv_t(bitPattern: bits) {
      converters[page] = reused
      return reused
    }
    let converter = iconv_open("UTF-8", page.iconvName)
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    converters[page] = converter
    return converter
  }
  #endif
}
