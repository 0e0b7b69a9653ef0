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
    out += heading("What this machine is doing on the network")
    let count = ConnectionReport.count
    out += "\(count(summary.sockets, "socket", nil)) from \(count(summary.programs, "program", nil))"
    if !summary.dialects.isEmpty { out += " (\(summary.dialects.joined(separator: ", ")))" }
    out += summary.snapshots > 1 ? ", \(summary.snapshots) snapshots (the last one is described)\n" : "\n"
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

    out += heading("Programs")
    for program in report.programs {
      var line = "\(Self.escape(program.name))"
      if let component = program.component { line += " [\(Self.escape(component))]" }
      if !program.pids.isEmpty && !program.name.hasPrefix("PID ") { line += " — PID \(program.pids.map(String.init).joined(separator: ", "))" }
      out += paint(line, program.remoteAccessTool != nil || program.imitates != nil ? .red : .bold) + "\n"
      if let tool = program.remoteAccessTool { out += "    remote-access tool: \(tool)\n" }
      if let original = program.imitates { out += "    spelled like \(original), but is not it\n" }
      if let explanation = program.explanation { out += "    \(explanation)\n" }
      let states = program.states.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
        "\($0.value) \(ConnectionReport.stateWords($0.key))"
      }
      out += "    \(program.sockets) socket\(program.sockets == 1 ? "" : "s"): \(states.joined(separator: ", "))\n"
      for remote in program.remotes.prefix(8) {
        var target = Self.escape(remote.address)
        if let port = remote.port { target += ":\(port)" + (remote.portName.map { " (\($0))" } ?? "") }
        target += " — " + (remote.provider ?? remote.addressClass.words)
        out += "    → \(target)\n"
      }
      if program.remotes.count > 8 { out += "    → … and \(program.remotes.count - 8) more\n" }
    }

    out += heading("Listening")
    let network = report.listeners.filter(\.reachableFromNetwork)
    let local = report.listeners.filter { !$0.reachableFromNetwork }
    out += "Reachable from the network: "
    out += network.isEmpty ? "none\n" : "\n" + network.map(listener).joined()
    out += "Only from this machine: "
    out += local.isEmpty ? "none\n" : "\n" + local.map(listener).joined()

    if !report.changes.isEmpty {
      out += heading("Changes between snapshots")
      for change in report.changes {
        let marker = change.kind == .appeared ? paint("+ appeared", .yellow) : "- gone"
        out += "  \(marker) in snapshot \(change.snapshot): \(Self.escape(change.description))\n"
      }
    }
    return out
  }

  private func listener(_ listener: ConnectionReport.Listener) -> String {
    let port = listener.port.map { ":\($0)" } ?? ""
    return "  \(listener.protocol) \(Self.escape(listener.address))\(port) — \(Self.escape(listener.program))\n"
  }

  private func bullet(_ finding: ConnectionReport.Finding, marker: String) -> String {
    var out = "\(marker) \(Self.escape(finding.title))\n    \(finding.detail)\n"
    if !finding.lines.isEmpty {
      out += "    (input line\(finding.lines.count == 1 ? "" : "s") \(finding.lines.prefix(10).map(String.init).joined(separator: ", ")))\n"
    }
    return out
  }

  private func heading(_ text: String) -> String { "\n" + paint(text, .bold) + "\n" }

  private enum Style: String {
    case bold = "1"
    case red = "1;31"
    case green = "32"
    case yellow = "33"
  }

  private func paint(_ text: String, _ style: Style) -> String {
    colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// Shows control characters as `\xNN` so text from a paste cannot drive the terminal
  /// (see ``TerminalText/escaped(_:)``).
  public static func escape(_ text: String) -> String {
    TerminalText.escaped(text)
  }
}
