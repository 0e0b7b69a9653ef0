/// Every non-ASCII word of the dialects' vocabularies, to recognize the right code page.
enum VocabularyProbes {
  /// Banners, header words, states and messages that contain non-ASCII characters.
  static let all: [String] = {
    var probes: [String] = []
    probes += WindowsNetstatVocabulary.bannerTable.map(\.0)
    probes += WindowsNetstatVocabulary.stateTable.keys
    probes += WindowsNetstatVocabulary.ownershipUnavailableTable.map(\.0)
    probes += WindowsNetstatVocabulary.elevationTable.map { String($0.0.prefix(12)) }
    probes += WindowsNetstatVocabulary.headerWordTable.map(\.0)
    probes += LinuxNetstatVocabulary.bannerTable.map(\.0)
    probes += LinuxNetstatVocabulary.stateTable.keys
    probes += LinuxNetstatVocabulary.headerWordTable.values.flatMap { $0.map(\.0) }
    return Array(Set(probes.filter { $0.unicodeScalars.contains { !$0.isASCII } && $0.count >= 2 })).sorted()
  }()
}
