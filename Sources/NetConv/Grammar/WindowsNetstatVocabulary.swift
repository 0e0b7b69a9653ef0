/// Lookups over the netstat.exe vocabulary generated from `Grammar/windows-netstat/vocabulary.json`.
enum WindowsNetstatVocabulary {
  /// A message or title matched by exact text or by mojibake-tolerant skeleton.
  struct Phrase {
    let text: String
    let skeleton: String?
    /// The skeleton with its wildcards dropped (`ABHREN`), computed once.
    let droppedSkeleton: String?

    init(_ text: String) {
      var trimmed = Substring(text)
      while let last = trimmed.last, last == "." || last == "。" { trimmed = trimmed.dropLast() }
      self.text = String(trimmed)
      self.skeleton = Skeleton.of(trimmed)
      self.droppedSkeleton = skeleton.map(Skeleton.dropped)
    }

    /// Whether `line` starts with this phrase.
    func isPrefix(of line: String, lineSkeleton: String?) -> Bool {
      if line.hasPrefix(text) { return true }
      guard let skeleton, let droppedSkeleton, let lineSkeleton else { return false }
      return lineSkeleton.hasPrefix(skeleton) || lineSkeleton.hasPrefix(droppedSkeleton)
    }

    /// Whether `line` is exactly this phrase (give or take a final period).
    func matches(_ line: String, lineSkeleton: String?) -> Bool {
      if line == text || line == text + "." { return true }
      guard let skeleton, let droppedSkeleton, let lineSkeleton else { return false }
      return lineSkeleton == skeleton || lineSkeleton == droppedSkeleton
    }
  }

  static let banners: [Phrase] = bannerTable.map { Phrase($0.text) }
  static let ownershipUnavailable: [Phrase] = ownershipUnavailableTable.map { Phrase($0.text) }
  /// The UTF-8 bytes of each ownership message, for the byte-level check on every owner line.
  static let ownershipUnavailableBytes: [[UInt8]] = ownershipUnavailable.map { Array($0.text.utf8) }
  static let elevation: [Phrase] = elevationTable.map { Phrase($0.text) }
  static let headerFirstWords: Set<String> = Set(headerFirstWordTable.map { $0.text })
  /// Every word of every header, for the remainder of a wrapped header.
  static let headerWords: Set<String> = Set(headerWordTable.flatMap { $0.text.split(separator: " ").map(String.init) } + ["PID"])
  static let offloadWords: Set<String> = Set(offloadWordTable)

  /// Shown state word → canonical state.
  static let states: [String: SocketState] = stateTable.mapValues { $0.state }

  /// Skeleton of a state word (and its dropped-character form) → canonical state, for mojibake.
  static let stateSkeletons: [String: SocketState] = {
    var table: [String: SocketState] = [:]
    for (shown, state) in states {
      guard let skeleton = Skeleton.of(shown) else { continue }
      table[skeleton] = table[skeleton] ?? state
      table[Skeleton.dropped(skeleton)] = table[Skeleton.dropped(skeleton)] ?? state
    }
    return table
  }()

  /// ``states`` looked up on bytes.
  static let stateBytes = ByteTable(states.map { ($0.key, $0.value) })

  /// The canonical state for the text `raw`, exactly or through its skeleton.
  static func state(_ raw: String) -> SocketState? {
    if let state = states[raw] { return state }
    if let state = states[raw.uppercased()] { return state }
    guard let skeleton = Skeleton.of(raw) else { return nil }
    return stateSkeletons[skeleton]
  }
}
