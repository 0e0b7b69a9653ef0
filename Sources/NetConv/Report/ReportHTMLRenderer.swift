/// Renders a ``ConnectionReport`` as one self-contained HTML page (inline style and chart, no
/// script, no external resource) that a helper can open or send on.
public struct ReportHTMLRenderer {
  /// How many remote ends a program lists before "and N more".
  public static let remotesShown = 12

  /// Creates a renderer.
  public init() {}

  /// One page for `report` about the inputs `sources` (paths or `-`): only their file names
  /// appear, never the folders they are in.
  public func render(_ report: ConnectionReport, sources: [String]) -> String {
    let names = sources.map { $0 == "-" ? "pasted text" : String($0.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "") }
    return render(report, title: "netconv report" + (names.isEmpty ? "" : ": " + names.joined(separator: ", ")))
  }

  /// One self-contained HTML page for `report`, under the heading `title`.
  public func render(_ report: ConnectionReport, title: String = "netconv report") -> String {
    var body = "<h1>\(Self.escape(title))</h1>\n"
    body += "<p>\(Self.escape(Self.summary(report.summary)))</p>\n"
    if let warning = report.unreadWarning { body += "<p class=\"question\" role=\"alert\">\(Self.escape(warning))</p>\n" }
    body += "<h2>Worth a question</h2>\n"
    let questions = report.findings.filter { $0.level == .question }
    body += questions.isEmpty ? "<p>\(Self.escape(report.nothingToQuestion))</p>\n" : list(questions)
    let notes = report.findings.filter { $0.level != .question }
    if !notes.isEmpty { body += "<h2>Good to know</h2>\n" + list(notes) }
    body += ReportChart(report).svg.map { "<h2>Where the connections go</h2>\n\($0)\n" } ?? ""
    if !report.programs.isEmpty { body += programs(report.programs) }
    body += listeners(report.listeners.filter { $0.reachableFromNetwork }, heading: "Listening: reachable from the network")
    body += listeners(report.listeners.filter { !$0.reachableFromNetwork }, heading: "Listening: this machine only")
    if !report.changes.isEmpty { body += changes(report.changes) }
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape(title))</title>
      <style>
      body{font-family:system-ui,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#222;line-height:1.4}
      h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
      table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
      .scroll{overflow-x:auto}
      ul.findings{padding:0;list-style:none}ul.findings li{margin:.4em 0;padding:.5em .7em;border-left:.3em solid #999}
      .question{background:#fde8e8;border-color:#c00 !important}.note{background:#f4f4f4}.normal{background:#eef7ee;border-color:#393 !important}
      .tag{color:#a00;font-weight:bold}small,.line{color:#555}.more{font-style:italic;color:#555}
      svg{max-width:40em;display:block}svg text{font:12px system-ui,sans-serif;fill:#222}
      @media (max-width:40em){td,th{font-size:.9em;padding:.2em}}
      </style></head><body>
      \(body)<p><small>Made by netconv from pasted netstat/ss text, without any network lookup. It names what is worth a question; it does not diagnose an infection.</small></p>
      </body></html>

      """
  }

  /// The summary sentence.
  static func summary(_ summary: ConnectionReport.Summary) -> String {
    let count = ConnectionReport.count
    var text = "\(count(summary.sockets, "socket", nil)) from \(count(summary.programs, "program", nil))"
    text += ReportTextRenderer.snapshotWords(summary) + "; "
    text += "\(count(summary.connections, "connection", nil)), \(summary.internetConnections) to the internet; "
    text += "\(count(summary.listenersReachableFromNetwork, "listening socket", nil)) "
    text += "reachable from the network, \(summary.listenersLocalOnly) only from this machine."
    return text
  }

  private func list(_ findings: [ConnectionReport.Finding]) -> String {
    "<ul class=\"findings\">\n"
      + findings.map { finding in
        var item = "<li class=\"\(finding.level.rawValue)\" data-code=\"\(finding.code.rawValue)\"><strong>\(Self.escape(finding.title))</strong><br>\(Self.escape(finding.detail))"
        if !finding.lines.isEmpty { item += "<br><small>\(Self.lines(finding.lines))</small>" }
        return item + "</li>\n"
      }.joined() + "</ul>\n"
  }

  private func programs(_ programs: [ConnectionReport.Program]) -> String {
    var out = "<h2>Programs</h2>\n<div class=\"scroll\"><table><tr><th>Program</th><th>PID</th><th>Sockets</th><th>State</th><th>Talks to</th></tr>\n"
    for program in programs {
      var name = Self.escape(program.name)
      if let component = program.component { name += " <small>[\(Self.escape(component))]</small>" }
      if let tool = program.remoteAccessTool { name += "<br><span class=\"tag\">remote-access tool: \(Self.escape(tool))</span>" }
      if let original = program.imitates { name += "<br><span class=\"tag\">spelled like \(Self.escape(original))</span>" }
      if let explanation = program.explanation { name += "<br><small>\(Self.escape(explanation))</small>" }
      if !program.modules.isEmpty { name += "<br><small>modules: \(Self.escape(program.modules.joined(separator: ", ")))</small>" }
      let folded = RemoteFolding(program.remotes)
      var remotes = folded.shown.prefix(Self.remotesShown).map { remote, times -> String in
        var target = Self.escape(ReportTextRenderer.address(remote.address)) + (remote.port.map { ":\($0)" } ?? "")
        target += " <small>(\(Self.escape(remote.provider ?? remote.addressClass.words))"
        if let state = remote.state { target += ", \(ConnectionReport.stateWords(state))" }
        if times > 1 { target += ", \(ConnectionReport.count(times, "connection"))" }
        target += ")</small> <span class=\"line\">line \(remote.line)</span>"
        return target
      }
      if folded.shown.count > Self.remotesShown { remotes.append("<span class=\"more\">and \(folded.shown.count - Self.remotesShown) more</span>") }
      if folded.thisMachine > 0 { remotes.append("<span class=\"more\">\(ConnectionReport.count(folded.thisMachine, "connection")) to this machine itself</span>") }
      if folded.finished > 0 { remotes.append("<span class=\"more\">\(ConnectionReport.count(folded.finished, "finished connection")), waiting to close</span>") }
      let rowClass = program.remoteAccessTool != nil || program.imitates != nil ? " class=\"question\"" : ""
      out += "<tr\(rowClass)><td>\(name)</td><td>\(program.pids.map(String.init).joined(separator: ", "))</td>"
      out += "<td>\(program.sockets)</td><td>\(Self.escape(ReportTextRenderer.states(program)))</td><td>\(remotes.joined(separator: "<br>"))</td></tr>\n"
    }
    return out + "</table></div>\n"
  }

  /// One table of listeners under `heading`; nothing at all when there are none.
  private func listeners(_ listeners: [ConnectionReport.Listener], heading: String) -> String {
    guard !listeners.isEmpty else { return "" }
    var out = "<h2>\(heading)</h2>\n<div class=\"scroll\"><table><tr><th>Address</th><th>Program</th><th>Input line</th></tr>\n"
    for listener in listeners {
      let port = listener.port.map { ":\($0)" } ?? ""
      let addresses = listener.addresses.map { Self.escape(ReportTextRenderer.address($0)) + port }.joined(separator: " and ")
      out += "<tr><td>\(listener.protocol) \(addresses)</td><td>\(Self.escape(listener.program))</td>"
      out += "<td>\(listener.lines.map(String.init).joined(separator: ", "))</td></tr>\n"
    }
    return out + "</table></div>\n"
  }

  private func changes(_ changes: [ConnectionReport.Change]) -> String {
    var out = "<h2>Changes between snapshots</h2>\n<div class=\"scroll\"><table><tr><th>Change</th><th>Snapshot</th><th>What</th><th>Input lines</th></tr>\n"
    for change in changes {
      out += "<tr><td>\(change.kind.rawValue)</td><td>\(change.snapshot)</td><td>\(Self.escape(change.description))</td>"
      out += "<td>\(change.lines.map(String.init).joined(separator: ", "))</td></tr>\n"
    }
    return out + "</table></div>\n"
  }

  /// `input lines 12, 13` (the first ten, then `…`).
  static func lines(_ lines: [Int]) -> String {
    let shown = lines.prefix(10).map(String.init).joined(separator: ", ") + (lines.count > 10 ? ", …" : "")
    return "input line\(lines.count == 1 ? "" : "s") \(shown)"
  }

  /// Escapes text for HTML, and shows control characters as `\xNN`.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in ReportTextRenderer.escape(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
