/// Renders a ``ConnectionReport`` as plain text for a terminal, with colour only when asked.
///
/// Program names come from another machine: every control character in them is shown escaped
/// (`\x1b`), so a name cannot move the cursor or change the terminal's colours.
public struct ReportTextRenderer {
  /// Whether to use ANSI colours (the CLI sets this only on a TTY without `NO_COLOR`).
  public var colour: Bool

  /// Creates a renderer; `colour` adds ANSI colours for a terminal.
  public init(colour: Bool) {
    self.colour = colour
  }

  /// The report as text.
  public func render(_ report: ConnectionReport) -> String {
    var out = ""
    let summary = report.summary
    out += heading(summary.platforms.count > 1 ? "What these machines are doing on the network" : "What this machine is doing on the network")
    let count = ConnectionReport.count
    out += "\(count(summary.sockets, "socket", nil)) from \(count(summary.programs, "program", nil))"
    if !summary.dialects.isEmpty { out += " (\(summary.dialects.joined(separator: ", ")))" }
    out += Self.snapshotWords(summary) + "\n"
    out += "\(count(summary.connections, "connection", nil)), \(summary.internetConnections) of them to the internet; "
    out += "\(count(summary.listenersReachableFromNetwork, "listening socket", nil)) reachable from the network, "
    out += "\(summary.listenersLocalOnly) only from this machine\n"
    if let warning = report.unreadWarning { out += paint("! " + warning, .red) + "\n" }

    out += heading("Worth a question")
    let questions = report.findings.filter { $0.level == .question }
    if questions.isEmpty { out += report.nothingToQuestion + "\n" }
    for finding in questions { out += bullet(finding, marker: paint("?", .red)) }
    let notes = report.findings.filter { $0.level != .question }
    if !notes.isEmpty {
      out += heading("Good to know")
      for finding in notes { out += bullet(finding, marker: finding.level == .normal ? paint("✓", .green) : "•") }
    }

    if !report.programs.isEmpty { out += heading("Programs") }
    for program in report.programs {
      var line = "\(Self.escape(program.name))"
      if let component = program.component { line += " [\(Self.escape(component))]" }
      if !program.pids.isEmpty && !program.name.hasPrefix("PID ") { line += " — PID \(program.pids.map(String.init).joined(separator: ", "))" }
      out += paint(line, program.remoteAccessTool != nil || program.imitates != nil ? .red : .bold) + "\n"
      if let tool = program.remoteAccessTool { out += "    remote-access tool: \(tool)\n" }
      if let original = program.imitates { out += "    spelled like \(original), but is not it\n" }
      if let explanation = program.explanation { out += "    \(explanation)\n" }
      if !program.modules.isEmpty { out += "    modules: \(Self.escape(program.modules.joined(separator: ", ")))\n" }
      out += "    \(count(program.sockets, "socket", nil)): \(Self.states(program))\n"
      let folded = RemoteFolding(program.remotes)
      for (remote, times) in folded.shown.prefix(Self.remotesShown) {
        var target = Self.escape(Self.address(remote.address))
        if let port = remote.port { target += ":\(port)" + (remote.portName.map { " (\(Self.escape($0)))" } ?? "") }
        target += " — " + (remote.provider ?? remote.addressClass.words)
        if times > 1 { target += ", \(ConnectionReport.count(times, "connection"))" }
        if let state = remote.state, state != "ESTABLISHED" { target += ", \(ConnectionReport.stateWords(state))" }
        out += "    → \(target)\n"
      }
      if folded.shown.count > Self.remotesShown { out += "    → … and \(folded.shown.count - Self.remotesShown) more\n" }
      if folded.thisMachine > 0 { out += "    → \(ConnectionReport.count(folded.thisMachine, "connection")) to this machine itself\n" }
      if folded.finished > 0 { out += "    → \(ConnectionReport.count(folded.finished, "finished connection")), waiting to close\n" }
    }

    if !report.listeners.isEmpty {
      out += heading("Listening")
      let network = report.listeners.filter { $0.reachableFromNetwork }
      let local = report.listeners.filter { !$0.reachableFromNetwork }
      out += "Reachable from the network: "
      out += network.isEmpty ? "nothing\n" : "\n" + network.map(listener).joined()
      out += "Only from this machine: "
      out += local.isEmpty ? "nothing\n" : "\n" + local.map(listener).joined()
    }

    if !report.changes.isEmpty {
      out += heading("Changes between snapshots")
      for change in report.changes { out += "  " + Self.change(change, paint: paint) + "\n" }
    }
    return out
  }

  /// How many remote ends each program lists before "… and N more".
  static let remotesShown = 8

  /// `, 3 snapshots (the last complete one is described)` and the like; empty for one snapshot.
  static func snapshotWords(_ summary: ConnectionReport.Summary) -> String {
    var words = ""
    if summary.platforms.count > 1 {
      words += ", \(summary.platforms.count) machines (\(summary.platforms.joined(separator: ", ")))"
    }
    if summary.snapshots > 1 {
      let described = summary.describedSnapshots.map(String.init)
      words += ", \(summary.snapshots) snapshots ("
      words += described.count == 1 ? "snapshot \(described[0]) is described" : "snapshots \(described.joined(separator: " and ")) are described"
      if !summary.cutSnapshots.isEmpty {
        words += "; \(summary.cutSnapshots.map(String.init).joined(separator: ", ")) cut off by Ctrl-C"
      }
      words += ")"
    }
    return words
  }

  /// A program's sockets by state, in words, the most common first.
  static func states(_ program: ConnectionReport.Program) -> String {
    program.states.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
      "\($0.value) \(ConnectionReport.stateWords($0.key))"
    }.joined(separator: ", ")
  }

  /// An address as a person reads it: IPv6 in brackets (the port follows).
  static func address(_ address: String) -> String {
    address.contains(":") ? "[\(address)]" : address
  }

  /// One change in words, with its marker: `+ appeared in snapshot 2: chrome.exe → …`.
  static func change(_ change: ConnectionReport.Change, paint: (String, Style) -> String = { text, _ in text }) -> String {
    let marker: String
    switch change.kind {
    case .appeared: marker = paint("+ appeared", .yellow)
    case .gone: marker = "- gone"
    case .changed: marker = "~ changed"
    }
    return "\(marker) in snapshot \(change.snapshot): \(escape(change.description))"
  }

  private func listener(_ listener: ConnectionReport.Listener) -> String {
    let port = listener.port.map { ":\($0)" } ?? ""
    let addresses = listener.addresses.map { Self.escape(Self.address($0)) + port }.joined(separator: " and ")
    return "  \(listener.protocol) \(addresses) — \(Self.escape(listener.program))\n"
  }

  private func bullet(_ finding: ConnectionReport.Finding, marker: String) -> String {
    var out = "\(marker) \(Self.escape(finding.title))\n    \(Self.escape(finding.detail))\n"
    if !finding.lines.isEmpty {
      out += "    (input line\(finding.lines.count == 1 ? "" : "s") \(finding.lines.prefix(10).map(String.init).joined(separator: ", ")))\n"
    }
    return out
  }

  private func heading(_ text: String) -> String { "\n" + paint(text, .bold) + "\n" }

  enum Style: String {
    case bold = "1"
    case red = "1;31"
    case green = "32"
    case yellow = "33"
  }

  func paint(_ text: String, _ style: Style) -> String {
    colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// Shows control characters as `\xNN` so text from a paste cannot drive the terminal
  /// (see ``TerminalText/escaped(_:)``).
  public static func escape(_ text: String) -> String {
    TerminalText.escaped(text)
  }
}
