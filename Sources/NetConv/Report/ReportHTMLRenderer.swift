/// Renders a ``ConnectionReport`` as one self-contained HTML page (inline style, no scripts,
/// no external resources) that a helper can open or send on.
public struct ReportHTMLRenderer {
  /// Creates a renderer.
  public init() {}

  /// One self-contained HTML page for `report`, under the heading `title`.
  public func render(_ report: ConnectionReport, title: String = "netconv report") -> String {
    let summary = report.summary
    var body = "<h1>\(Self.escape(title))</h1>\n"
    let count = ConnectionReport.count
    body += "<p>\(count(summary.sockets, "socket", nil)) from \(count(summary.programs, "program", nil)); "
    body += "\(count(summary.connections, "connection", nil)), \(summary.internetConnections) to the internet; "
    body += "\(count(summary.listenersReachableFromNetwork, "listening socket", nil)) "
    body += "reachable from the network, \(summary.listenersLocalOnly) only from this machine.</p>\n"
    if let warning = report.unreadWarning { body += "<p class=\"question\">\(Self.escape(warning))</p>\n" }
    body += "<h2>Worth a question</h2>\n"
    let questions = report.findings.filter { $0.level == .question }
    body += questions.isEmpty ? "<p>\(Self.escape(report.nothingToQuestion))</p>\n" : list(questions, css: "question")
    let notes = report.findings.filter { $0.level != .question }
    if !notes.isEmpty { body += "<h2>Good to know</h2>\n" + list(notes, css: "note") }
    body += "<h2>Programs</h2>\n<table><tr><th>Program</th><th>PID</th><th>Sockets</th><th>Talks to</th></tr>\n"
    for program in report.programs {
      var name = Self.escape(program.name)
      if let component = program.component { name += " <small>[\(Self.escape(component))]</small>" }
      if let tool = program.remoteAccessTool { name += "<br><span class=\"tag\">remote-access tool: \(Self.escape(tool))</span>" }
      if let original = program.imitates { name += "<br><span class=\"tag\">spelled like \(Self.escape(original))</span>" }
      if let explanation = program.explanation { name += "<br><small>\(Self.escape(explanation))</small>" }
      let remotes = program.remotes.prefix(12).map { remote -> String in
        var target = Self.escape(remote.address) + (remote.port.map { ":\($0)" } ?? "")
        target += " <small>(\(Self.escape(remote.provider ?? remote.addressClass.words)))</small>"
        return target
      }.joined(separator: "<br>")
      let rowClass = program.remoteAccessTool != nil || program.imitates != nil ? " class=\"question\"" : ""
      body += "<tr\(rowClass)><td>\(name)</td><td>\(program.pids.map(String.init).joined(separator: ", "))</td>"
      body += "<td>\(program.sockets)</td><td>\(remotes)</td></tr>\n"
    }
    body += "</table>\n<h2>Listening</h2>\n<table><tr><th>Reach</th><th>Address</th><th>Program</th></tr>\n"
    for listener in report.listeners {
      let reach = listener.reachableFromNetwork ? "from the network" : "this machine only"
      body += "<tr><td>\(reach)</td><td>\(listener.protocol) \(Self.escape(listener.address))\(listener.port.map { ":\($0)" } ?? "")</td>"
      body += "<td>\(Self.escape(listener.program))</td></tr>\n"
    }
    body += "</table>\n"
    if !report.changes.isEmpty {
      body += "<h2>Changes between snapshots</h2>\n<ul>\n"
      for change in report.changes {
        body += "<li>\(change.kind == .appeared ? "appeared" : "gone") in snapshot \(change.snapshot): \(Self.escape(change.description))</li>\n"
      }
      body += "</ul>\n"
    }
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(Self.escape(title))</title>
      <style>
      body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
      table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em;text-align:left;vertical-align:top}
      li.question,tr.question{background:#fde8e8}li.note{background:#f4f4f4}li{margin:.4em 0;padding:.3em}
      .tag{color:#a00;font-weight:bold}small{color:#555}
      </style></head><body>
      \(body)<p><small>Made by netconv from pasted netstat/ss text, without any network lookup. It names what is worth a question; it does not diagnose an infection.</small></p>
      </body></html>

      """
  }

  private func list(_ findings: [ConnectionReport.Finding], css: String) -> String {
    "<ul>\n"
      + findings.map { finding in
        let level = finding.level == .question ? "question" : css
        return "<li class=\"\(level)\"><strong>\(Self.escape(finding.title))</strong><br>\(Self.escape(finding.detail))</li>\n"
      }.joined() + "</ul>\n"
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
