#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Undoes what a forum's markdown or a web page's HTML did to a pasted table, before a line
/// is parsed:
///
///     TCP&nbsp;&nbsp;127.0.0.1:5939     HTML entities (`&nbsp;` `&lt;` `&gt;` `&amp;` `&#39;`)
///     <pre>TCP  0.0.0.0:135 …<br>       HTML tags of text formatting (`pre`, `code`, `br`, `mark`, `b` …)
///     TCP  **0.0.0.0:445**  …           markdown emphasis around a column (`**…**`, `==…==`)
///     \[svchost.exe\]   \*:\*           markdown backslash escapes
///
/// Only markup that netstat and ss never print is undone: a `<` that opens no known tag
/// (`<my ip>`), a lone `*` (`*:*`) and `=` (`pid=4`) stay as they are.
enum MarkupCleaner {
  /// Whether `bytes` holds markup to undo. It looks for the characters markup needs with
  /// `memchr` (a vector scan) and reads bytes one by one only around what it finds, so a
  /// whole chunk of an input is checked at once (``LineReader/markupSeen``).
  static func needsCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    anyHit(bytes, UInt8(ascii: "&")) { entity(bytes, at: $0) != nil }
      || anyHit(bytes, UInt8(ascii: "<")) { tagEnd(bytes, at: $0) != nil }
      || anyHit(bytes, UInt8(ascii: "\\")) { $0 + 1 < bytes.count && escapable.contains(bytes[$0 + 1]) }
      || anyHit(bytes, UInt8(ascii: "*")) { isDoubledEmphasis(bytes, at: $0) }
      || anyHit(bytes, UInt8(ascii: "=")) { isDoubledEmphasis(bytes, at: $0) }
  }

  /// Whether `test` holds at some index of `byte` in `bytes`, found with `memchr`.
  private static func anyHit(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8, _ test: (Int) -> Bool) -> Bool {
    #if canImport(Glibc) || canImport(Darwin)
      guard let base = bytes.baseAddress else { return false }
      var index = 0
      while index < bytes.count, let hit = memchr(base + index, Int32(byte), bytes.count - index) {
        index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if test(index) { return true }
        index += 1
      }
      return false
    #else
      // No C library (WebAssembly): the same scan, a byte at a time.
      for index in bytes.indices where bytes[index] == byte && test(index) { return true }
      return false
    #endif
  }

  /// Whether the mark at `index` and the next byte make a doubled mark used as emphasis.
  private static func isDoubledEmphasis(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    index + 1 < bytes.count && bytes[index + 1] == bytes[index] && isEmphasisMark(bytes, at: index)
  }

  /// Undoes the markup in `bytes`.
  static func clean(_ bytes: inout [UInt8]) {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    bytes.withUnsafeBufferPointer { line in
      var index = 0
      while index < line.count {
        let byte = line[index]
        if byte == UInt8(ascii: "&"), let (replacement, end) = entity(line, at: index) {
          out.append(contentsOf: replacement)
          index = end
        } else if byte == UInt8(ascii: "<"), let end = tagEnd(line, at: index) {
          out.append(0x20)  // a tag between columns (`<br>`) must not glue them together
          index = end
        } else if byte == UInt8(ascii: "\\"), index + 1 < line.count, escapable.contains(line[index + 1]) {
          out.append(line[index + 1])
          index += 2
        } else if (byte == UInt8(ascii: "*") || byte == UInt8(ascii: "=")), index + 1 < line.count, line[index + 1] == byte,
          isEmphasisMark(line, at: index)
        {
          out.append(contentsOf: [0x20, 0x20])
          index += 2
        } else {
          out.append(byte)
          index += 1
        }
      }
    }
    bytes = out
  }

  /// Characters a markdown writer escapes with a backslash that netstat and ss print bare.
  private static let escapable: Set<UInt8> = Set("[]*_#()<>`|".utf8)

  /// HTML tags of text formatting; other `<…>` text (`<my ip>`, `<yourMachine>`) is data.
  private static let tags: Set<String> = [
    "pre", "code", "br", "mark", "b", "strong", "em", "i", "u", "s", "span", "div", "p", "tt", "kbd", "samp", "font",
    "blockquote", "small", "sup", "sub",
  ]

  /// The end (after `>`) of a known tag starting at `index`: `<pre>`, `</mark>`, `<br/>`,
  /// `<span style="…">`.
  private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    var position = index + 1
    if position < bytes.count && bytes[position] == UInt8(ascii: "/") { position += 1 }
    let nameStart = position
    while position < bytes.count && (bytes[position] | 0x20) &- UInt8(ascii: "a") < 26 { position += 1 }
    guard position > nameStart, position - nameStart <= 10 else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<position]), as: UTF8.self).lowercased()
    guard tags.contains(name), position < bytes.count else { return nil }
    let next = bytes[position]
    guard next == UInt8(ascii: ">") || next == 0x20 || next == UInt8(ascii: "/") else { return nil }
    let limit = min(bytes.count, index + 200)
    while position < limit && bytes[position] != UInt8(ascii: ">") { position += 1 }
    return position < limit ? position + 1 : nil
  }

  /// The text of an HTML entity at `index` and where it ends: `&nbsp;` is a space, `&lt;`
  /// `&gt;` `&amp;` `&quot;` `&apos;` their characters, `&#NN;` and `&#xNN;` an ASCII character.
  private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> ([UInt8], Int)? {
    guard let semicolon = bytes[(index + 1)..<min(bytes.count, index + 10)].firstIndex(of: UInt8(ascii: ";")) else {
      return nil
    }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), as: UTF8.self)
    let end = semicolon + 1
    switch name {
    case "nbsp": return ([0x20], end)
    case "lt": return ([UInt8(ascii: "<")], end)
    case "gt": return ([UInt8(ascii: ">")], end)
    case "amp": return ([UInt8(ascii: "&")], end)
    case "quot": return ([UInt8(ascii: "\"")], end)
    case "apos": return ([UInt8(ascii: "'")], end)
    default:
      guard name.hasPrefix("#") else { return nil }
      let digits = name.dropFirst()
      let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? Int(digits.dropFirst(), radix: 16) : Int(digits)
      guard let value, (0x20..<0x7F).contains(value) || value == 0xA0 else { return nil }
      return ([value == 0xA0 ? 0x20 : UInt8(value)], end)
    }
  }

  /// Whether the doubled mark at `index` opens or closes emphasis: it touches a word on one
  /// side and a blank or the line's end on the other, and is not part of a longer run
  /// (`=====` is a ruler).
  private static func isEmphasisMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let mark = bytes[index]
    let before: UInt8? = index > 0 ? bytes[index - 1] : nil
    let after: UInt8? = index + 2 < bytes.count ? bytes[index + 2] : nil
    if before == mark || after == mark { return false }
    func isBlank(_ byte: UInt8?) -> Bool { byte.map { ByteScan.isSpace($0) || $0 == 0x0A || $0 == 0x0D } ?? true }
    return isBlank(before) != isBlank(after)
  }
}
