/// Every non-ASCII word of the dialects' vocabularies, to recognize the right code page.
enum VocabularyProbes {
  /// Banners, header words, states and messages that contain non-ASCII characters.
  static let all: [String] = {
    var probes: [String] = []
    probes += WindowsNetstatVocabulary.bannerTable.map { $0.text }
    probes += WindowsNetstatVocabulary.stateTable.keys
    probes += WindowsNetstatVocabulary.ownershipUnavailableTable.map { $0.text }
    probes += WindowsNetstatVocabulary.elevationTable.map { String($0.text.prefix(12)) }
    probes += WindowsNetstatVocabulary.headerWordTable.map { $0.text }
    probes += LinuxNetstatVocabulary.bannerTable.map { $0.text }
    probes += LinuxNetstatVocabulary.stateTable.keys
    probes += LinuxNetstatVocabulary.headerWordTable.values.flatMap { $0.map { $0.text } }
    return Array(Set(probes.filter { $0.unicodeScalars.contains { !$0.isASCII } && $0.count >= 2 })).sorted()
  }()

  /// A probe's UTF-8 bytes and where its first non-ASCII character starts in them.
  private struct Probe {
    let bytes: [UInt8]
    let anchor: Int
  }

  /// The probes by the UTF-8 bytes of their first non-ASCII character (packed in a `UInt32`).
  private static let byAnchor: [UInt32: [Probe]] = {
    var table: [UInt32: [Probe]] = [:]
    for probe in all {
      let bytes = Array(probe.utf8)
      guard let anchor = bytes.firstIndex(where: { $0 >= 0x80 }) else { continue }
      table[key(bytes, at: anchor), default: []].append(Probe(bytes: bytes, anchor: anchor))
    }
    return table
  }()

  /// The UTF-8 bytes of the character starting at `index`, packed.
  private static func key(_ bytes: [UInt8], at index: Int) -> UInt32 {
    var key: UInt32 = 0
    var end = index + 1
    while end < bytes.count && end < index + 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
    for byte in bytes[index..<end] { key = key << 8 | UInt32(byte) }
    return key
  }

  /// Whether the UTF-8 text `bytes` holds any probe: each non-ASCII character is looked up
  /// and only the probes anchored on it are compared, so the cost is linear in the text.
  static func occurs(in bytes: [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0xC0, let candidates = byAnchor[key(bytes, at: index)] {
        for probe in candidates {
          let start = index - probe.anchor
          if start >= 0 && start + probe.bytes.count <= bytes.count
            && bytes[start..<(start + probe.bytes.count)].elementsEqual(probe.bytes)
          {
            return true
          }
        }
      }
      index += 1
    }
    return false
  }
}
