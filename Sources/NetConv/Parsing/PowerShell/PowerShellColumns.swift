/// The columns of one PowerShell table (`Get-NetTCPConnection`, `Get-NetUDPEndpoint`, a
/// `Select-Object` subset in any order): the record key each fills, in header order.
struct PowerShellColumns {
  /// One column: its name as shown and the key it fills (`local_address`, `pid`, …; a name
  /// netconv does not know is kept in details under `detailKey`).
  struct Column {
    let name: String
    let key: String?
    var detailKey: String { key ?? Self.snakeCase(name) }

    /// `CreationTime` → `creation_time`, `InstanceID` → `instance_id`, `PSComputerName` →
    /// `ps_computer_name`: a word starts at a capital after a small letter or digit, or at the
    /// last capital of a run that a small letter follows.
    static func snakeCase(_ name: String) -> String {
      let characters = Array(name)
      var out = ""
      for (index, character) in characters.enumerated() {
        if character.isUppercase, index > 0 {
          let previous = characters[index - 1]
          let next = index + 1 < characters.count ? characters[index + 1] : nil
          if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) { out += "_" }
        }
        out += character.lowercased()
      }
      return out
    }
  }

  private(set) var columns: [Column] = []
  /// The last name was cut by the console (`OwningPr` + `ocess` on the next line).
  private(set) var isCut = false

  /// Reads a header line: names only, among them `LocalAddress` or `LocalPort`, or only names of
  /// socket columns (`OwningProcess ProcessName State RemoteAddress`, a subset, or a header a
  /// wrap cut before its address columns). `nil` when the line is not a socket table's header
  /// (a `Get-Process` or `Get-ChildItem` header).
  init?(header line: LineText, tokens: Tokens) {
    guard tokens.count >= 2 else { return nil }
    var columns: [Column] = []
    for (index, token) in tokens.enumerated() {
      let name = line.string(token)
      guard Self.isPropertyName(name) else { return nil }
      if let key = PowerShellVocabulary.columns[name] {
        columns.append(Column(name: name, key: key))
      } else if index == tokens.count - 1, PowerShellVocabulary.columns.keys.contains(where: { $0.hasPrefix(name) }) {
        columns.append(Column(name: name, key: nil))
        isCut = true
      } else {
        columns.append(Column(name: name, key: nil))
      }
    }
    let endpoints = ["local_address", "local_port", "remote_address", "remote_port"]
    guard columns.contains(where: { $0.key == "local_address" || $0.key == "local_port" })
      || (columns.allSatisfy({ $0.key != nil || isCut }) && columns.contains(where: { endpoints.contains($0.key ?? "") }))
    else { return nil }
    self.columns = columns
  }

  init() {}

  var isEmpty: Bool { columns.isEmpty }

  func contains(_ key: String) -> Bool { columns.contains { $0.key == key } }

  /// Reads the line after the header when a wrap carried its end there: the rest of a name the
  /// console cut (`ocess`), then more names (`AppliedSetting OwningProcess`). `false` when the
  /// line is something else.
  mutating func readRest(_ line: LineText, tokens: Tokens) -> Bool {
    var names = tokens.map { line.string($0) }
    var completed: Column?
    if isCut, let last = columns.last, let key = PowerShellVocabulary.columns[last.name + names[0]] {
      completed = Column(name: last.name + names[0], key: key)
      names.removeFirst()
    }
    // The last name may be cut again (`OwningPr`).
    let cutAgain = names.last.map { last in
      PowerShellVocabulary.columns[last] == nil && PowerShellVocabulary.columns.keys.contains { $0.hasPrefix(last) }
    } ?? false
    guard completed != nil || !names.isEmpty,
      names.dropLast(cutAgain ? 1 : 0).allSatisfy({ PowerShellVocabulary.columns[$0] != nil })
    else { return false }
    if let completed { columns[columns.count - 1] = completed }
    columns += names.map { Column(name: $0, key: PowerShellVocabulary.columns[$0]) }
    isCut = cutAgain
    return true
  }

  /// A .NET property name: a capital letter, then letters and digits.
  private static func isPropertyName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first.properties.isUppercase else { return false }
    return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
  }
}
