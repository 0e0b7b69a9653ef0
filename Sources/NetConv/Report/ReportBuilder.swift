/// Turns records into a ``ConnectionReport``: groups by program, classifies addresses, and
/// applies the rules that make findings.
struct ReportBuilder {
  let records: [Socket]
  /// The latest snapshot: what the machine looks like now.
  let current: [Socket]
  /// Its number.
  let lastSnapshot: Int

  init(records: [Socket]) {
    self.records = records
    let last = records.map(\.snapshot).max() ?? 1
    self.lastSnapshot = last
    self.current = records.filter { $0.snapshot == last }
  }

  func build(into report: inout ConnectionReport) {
    report.summary.sockets = current.count
    report.summary.snapshots = Set(records.map(\.snapshot)).count
    report.summary.dialects = Set(records.map(\.dialect.rawValue)).sorted()
    report.programs = programs()
    report.summary.programs = report.programs.count
    report.listeners = listeners()
    report.summary.listenersReachableFromNetwork = report.listeners.filter(\.reachableFromNetwork).count
    report.summary.listenersLocalOnly = report.listeners.count - report.summary.listenersReachableFromNetwork
    let connected = current.filter { $0.hasPeer && $0.protocol != "unix" }
    report.summary.connections = connected.count
    report.summary.internetConnections = connected.filter { Self.isInternet($0.remote.address) }.count
    report.changes = SnapshotDiff.changes(in: records)
    report.findings = findings(report)
  }

  // MARK: - Programs

  static func programName(_ socket: Socket) -> String {
    if let process = socket.process { return process }
    let windows = socket.dialect == .windowsNetstat || socket.dialect == .powershell
    if socket.pid == 4 && windows { return "System" }
    if socket.ownerUnavailable { return "owner not shown (needs administrator rights)" }
    if let pid = socket.pid { return "PID \(pid)" }
    return "no program shown"
  }

  /// Windows shows connections no program holds any more (TIME_WAIT) under PID 0: they are
  /// counted as finished connections, never listed as a program or a listener.
  static func isHeldByNoProgram(_ socket: Socket) -> Bool {
    socket.pid == 0 && socket.process == nil && (socket.dialect == .windowsNetstat || socket.dialect == .powershell)
  }

  static func isInternet(_ address: String?) -> Bool {
    guard let address else { return false }
    let addressClass = AddressClass.of(address)
    return addressClass == .publicInternet || (addressClass == .name && address.lowercased() != "localhost")
  }

  private func programs() -> [ConnectionReport.Program] {
    var order: [String] = []
    var table: [String: ConnectionReport.Program] = [:]
    var pids: [String: Set<Int>] = [:]
    for socket in current where socket.protocol != "unix" && !Self.isHeldByNoProgram(socket) {
      let name = Self.programName(socket)
      let key = name + "\u{1}" + (socket.component ?? "")
      if table[key] == nil {
        order.append(key)
        table[key] = ConnectionReport.Program(
          name: name, component: socket.component, pids: [], explanation: ReportKnowledge.systemProcess(name)?.what,
          remoteAccessTool: ReportKnowledge.remoteAccessTool(forProcess: name),
          imitates: ReportKnowledge.imitatedProcess(name), sockets: 0, states: [:], remotes: [])
      }
      // Changed in place: a copy taken out of the table would copy its remotes on every append.
      table[key]!.sockets += 1
      if let pid = socket.pid, pids[key, default: []].insert(pid).inserted { table[key]!.pids.append(pid) }
      table[key]!.states[socket.state?.rawValue ?? "none", default: 0] += 1
      if let address = socket.remote.address {
        let addressClass = AddressClass.of(address)
        table[key]!.remotes.append(
          ConnectionReport.Remote(
            address: address, port: socket.remote.port, portName: socket.remote.portName, addressClass: addressClass,
            provider: addressClass == .name || addressClass == .publicInternet
              ? ReportKnowledge.provider(for: address) : nil,
            state: socket.state?.rawValue))
      }
    }
    return order.compactMap { table[$0] }.sorted { lhs, rhs in
      let lhsFlagged = lhs.remoteAccessTool != nil || lhs.imitates != nil
      let rhsFlagged = rhs.remoteAccessTool != nil || rhs.imitates != nil
      if lhsFlagged != rhsFlagged { return lhsFlagged }
      return lhs.sockets > rhs.sockets
    }
  }

  // MARK: - Listeners

  private func listeners() -> [ConnectionReport.Listener] {
    current.compactMap { socket in
      guard socket.protocol != "unix", !socket.hasPeer, !Self.isHeldByNoProgram(socket) else { return nil }
      let isListener = socket.state == .listen || (socket.state == nil && socket.protocol != "tcp")
      guard isListener, let address = socket.local.address else { return nil }
      let addressClass = AddressClass.of(address)
      let program = Self.programName(socket) + (socket.component.map { " [\($0)]" } ?? "")
      return ConnectionReport.Listener(
        program: program, protocol: socket.protocol, address: address, port: socket.local.port,
        reachableFromNetwork: addressClass != .loopback, line: socket.line)
    }
  }

  // MARK: - Findings

  private func findings(_ report: ConnectionReport) -> [ConnectionReport.Finding] {
    var findings: [ConnectionReport.Finding] = []
    // Someone logged in to this machine right now (SSH, RDP, VNC, ARD), from the local network
    // or the internet: the first thing the helper reads.
    var connectedIn: [ConnectionReport.Finding] = []
    for socket in records where socket.state == .established {
      guard let port = socket.local.port, let service = ReportKnowledge.remoteLogin(port: port), let peer = socket.remote.address
      else { continue }
      let place = AddressClass.of(peer)
      guard place != .loopback, place != .unspecified, socket.remote.port != port else { continue }
      let from = place == .publicInternet || place == .name ? "the internet" : place.words
      connectedIn.append(
        Self.question(
          "Someone is connected to this computer through \(service)\(when(socket, now: " right now")), from \(Self.endpoint(socket.remote)) (\(from))",
          "A person on \(from) is logged in to this computer through \(service) at the moment this was pasted. Ask who it is; if nobody the family knows, disconnect the computer from the network and get help.",
          lines: [socket.line]))
    }
    // Remote-access tools, connected to the internet first.
    var toolsSeen: Set<String> = []
    for socket in records {
      let byName = socket.process.flatMap(ReportKnowledge.remoteAccessTool(forProcess:))
      let byPort = socket.local.port.flatMap(ReportKnowledge.remoteAccessTool(forPort:)).flatMap { tool -> String? in
        socket.state == .listen ? tool : nil
      }
      guard let tool = byName ?? byPort else { continue }
      if socket.state == .established, Self.isInternet(socket.remote.address) {
        let peer = Self.endpoint(socket.remote)
        findings.append(
          Self.question(
            "\(tool) is connected to the internet\(when(socket, now: "")) (\(peer))",
            "\(tool) lets someone see and control this computer. It is a normal support tool, but scammers ask people to install it. If nobody the family trusts started a support session, ask who did, and end the session.",
            lines: [socket.line]))
        toolsSeen.insert(tool)
      }
    }
    // Without program names (`netstat -ano`, `netstat -an` on a Mac): a connection to the port a
    // tool's relays use, from a program the paste does not name.
    for socket in records where socket.process == nil && socket.state == .established {
      guard let tool = ReportKnowledge.remoteAccessToolRelay(port: socket.remote.port, host: socket.remote.address),
        !toolsSeen.contains(tool), Self.isInternet(socket.remote.address)
      else { continue }
      toolsSeen.insert(tool)
      let who = socket.pid.map { "PID \($0)" } ?? "a program the paste does not name"
      findings.append(
        Self.question(
          "\(who) is connected to \(tool)'s servers\(when(socket, now: "")) (\(Self.endpoint(socket.remote)))",
          "\(tool) lets someone see and control this computer, and this looks like its connection. To see the program's name, ask for \(Self.namesCommand(socket.dialect, pid: socket.pid)). If it is \(tool) and nobody the family trusts started a session, end it.",
          lines: [socket.line]))
    }
    for socket in current {
      guard let tool = socket.process.flatMap(ReportKnowledge.remoteAccessTool(forProcess:)), !toolsSeen.contains(tool) else {
        continue
      }
      toolsSeen.insert(tool)
      findings.append(
        Self.question(
          "\(tool) is installed and running",
          "\(tool) is a remote-access tool. Nothing shows it connected right now, but ask whether the person installed it themselves, and for whom.",
          lines: current.filter { $0.process == socket.process }.map(\.line)))
    }
    // Ports that let someone in from outside (RDP, VNC, …).
    for socket in current {
      guard let port = socket.local.port, let service = ReportKnowledge.inboundService(port: port),
        let local = socket.local.address, AddressClass.of(local) != .loopback
      else { continue }
      if socket.state == .listen {
        findings.append(
          Self.question(
            "\(service) accepts connections from the network on port \(port)",
            "Other machines can connect to \(service) here. That is normal when it is meant to serve others (an office PC set up for remote desktop, a database for a private network); otherwise ask whether anyone turned it on, and whether a firewall limits who can connect.",
            lines: [socket.line]))
      } else if socket.state == .established, Self.isInternet(socket.remote.address), ReportKnowledge.remoteLogin(port: port) == nil {
        findings.append(
          Self.question(
            "Someone on the internet is connected to \(service) (\(Self.endpoint(socket.remote)))",
            "A remote machine is logged in to this computer through \(service) right now. Ask who it is.",
            lines: [socket.line]))
      }
    }
    // Connections out to ports known from malware, and programs that get no answer.
    for socket in records where socket.state == .established || socket.state == .synSent {
      guard let port = socket.remote.port, let odd = ReportKnowledge.oddPort(port), Self.isInternet(socket.remote.address) else { continue }
      findings.append(
        Self.question(
          "\(Self.programName(socket)) connects to port \(port) on the internet\(when(socket, now: "")) (\(Self.endpoint(socket.remote)))",
          "Port \(port) is \(odd.what); \(odd.also). Ask what this program is and whether the person installed it.",
          lines: [socket.line]))
    }
    var tries: [String: [Socket]] = [:]
    for socket in records where socket.state == .synSent && Self.isInternet(socket.remote.address) {
      tries[Self.programName(socket) + "\u{1}" + Self.endpoint(socket.remote), default: []].append(socket)
    }
    for socket in current where socket.state == .synSent && Self.isInternet(socket.remote.address) {
      guard let attempts = tries.removeValue(forKey: Self.programName(socket) + "\u{1}" + Self.endpoint(socket.remote)) else { continue }
      let title = "\(Self.programName(socket)) is trying to reach \(Self.endpoint(socket.remote)) and gets no answer"
      if attempts.count >= 2 {
        findings.append(
          Self.question(
            title,
            "It tried \(attempts.count) times. A program that keeps knocking on a server that does not answer may be blocked by a firewall, or the server is gone; it can also be unwanted software calling home. Ask what the program is.",
            lines: attempts.map(\.line)))
      } else {
        findings.append(
          .init(
            level: .note, title: title + " yet",
            detail: "A connection being set up. Seen once, this is usually a moment in a normal connection; if it shows up again in a later paste, ask what the program is.",
            lines: [socket.line]))
      }
    }
    // Names that imitate system processes, and system processes on unusual ports.
    var imitations: Set<String> = []
    for socket in current {
      guard let process = socket.process else { continue }
      // Each name is compared with the known ones once (an edit distance per known name).
      if imitations.insert(process).inserted, let original = ReportKnowledge.imitatedProcess(process) {
        findings.append(
          Self.question(
            "'\(process)' looks like '\(original)' but is spelled differently",
            "Malware sometimes hides behind the name of a system process. \(Self.whereInstalled(socket))",
            lines: current.filter { $0.process == process }.map(\.line)))
      }
      if let known = ReportKnowledge.systemProcess(process), !known.ports.isEmpty, socket.state == .listen,
        let port = socket.local.port, !known.ports.contains(port), port < 49152,
        let local = socket.local.address, AddressClass.of(local) != .loopback
      {
        findings.append(
          .init(
            level: .note, title: "\(known.name) listens on an unusual port (\(port))",
            detail: "\(known.name) is \(known.what); it usually listens on \(known.ports.map(String.init).joined(separator: ", ")).",
            lines: [socket.line]))
      }
    }
    // What netstat could not see.
    let hidden = current.filter(\.ownerUnavailable)
    if !hidden.isEmpty {
      findings.append(
        .init(
          level: .note, title: "netstat could not see the program behind \(hidden.count) socket\(hidden.count == 1 ? "" : "s")",
          detail: "Windows shows every owner only to an administrator: run 'netstat -abno' from an administrator prompt to see them.",
          lines: hidden.map(\.line)))
    }
    // Reassurance: what is normal — never a connection already asked about.
    let questioned = Set((connectedIn + findings).filter { $0.level == .question }.flatMap(\.lines))
    let normal = current.filter { $0.hasPeer && $0.protocol != "unix" && Self.isInternet($0.remote.address) && !questioned.contains($0.line) }
    let providers = Set(report.programs.flatMap(\.remotes).compactMap(\.provider)).sorted()
    let finished = current.filter(Self.isHeldByNoProgram)
    if !finished.isEmpty {
      findings.append(
        .init(
          level: .normal, title: "\(ConnectionReport.count(finished.count, "finished connection", nil)), waiting to close",
          detail: "Windows lists connections that are over, and that no program holds any more, under PID 0. They go away by themselves within minutes.",
          lines: finished.map(\.line)))
    }
    if !normal.isEmpty {
      var detail =
        "Connections to the internet are normal: a browser alone opens dozens. A foreign address is not a hacker."
      if !providers.isEmpty { detail += " Recognised services: \(providers.joined(separator: ", "))." }
      findings.append(
        .init(
          level: .normal,
          title: "\(ConnectionReport.count(normal.count, "connection", nil)) to the internet"
            + (normal.count < report.summary.internetConnections ? " besides the one\(report.summary.internetConnections - normal.count == 1 ? "" : "s") asked about above" : ""),
          detail: detail, lines: []))
    }
    return Self.merged(connectedIn) + Self.merged(findings).sorted { $0.level < $1.level }
  }

  /// One finding for each distinct level, title and detail, with the lines of all of them: a
  /// paste that repeats a row (or a listener on a hundred thousand lines) gives one finding.
  static func merged(_ findings: [ConnectionReport.Finding]) -> [ConnectionReport.Finding] {
    var order: [ConnectionReport.Finding] = []
    var index: [String: Int] = [:]
    for finding in findings {
      let key = "\(finding.level.rawValue)\u{1}\(finding.title)\u{1}\(finding.detail)"
      if let at = index[key] {
        order[at].lines += finding.lines
      } else {
        index[key] = order.count
        order.append(finding)
      }
    }
    return order
  }

  /// How to see where a program is installed, on the platform the paste came from.
  static func whereInstalled(_ socket: Socket) -> String {
    let pid = socket.pid.map(String.init) ?? "PID"
    switch socket.dialect {
    case .windowsNetstat, .powershell: return "Check where this program is installed (Task Manager → the program → Open file location)."
    case .linuxNetstat, .ss: return "Check where this program is installed: 'ls -l /proc/\(pid)/exe' shows its file."
    case .bsdNetstat, .lsof: return "Check where this program is installed: 'ps -p \(pid) -o comm=' shows its file (Activity Monitor on a Mac)."
    }
  }

  /// What to ask for next to see program names, on the platform the paste came from.
  static func namesCommand(_ dialect: Dialect, pid: Int?) -> String {
    switch dialect {
    case .windowsNetstat, .powershell:
      let tasklist = pid.map { " or 'tasklist /svc /fi \"PID eq \($0)\"'" } ?? ""
      return "'netstat -abno' from an administrator prompt\(tasklist)"
    case .bsdNetstat, .lsof: return "'sudo lsof -i -n -P' (Mac) or 'netstat -anv' (macOS shows the process there)"
    case .linuxNetstat, .ss: return "'sudo ss -tunap' (Linux)"
    }
  }

  /// Words for when a socket was seen: `now` in the last snapshot, else which snapshot — an
  /// interval paste (`netstat -b 5`) is asked about for what it showed at any moment.
  private func when(_ socket: Socket, now: String) -> String {
    socket.snapshot == lastSnapshot ? now : " in snapshot \(socket.snapshot) of \(lastSnapshot), not in the last one"
  }

  /// A finding worth a question.
  static func question(_ title: String, _ detail: String, lines: [Int]) -> ConnectionReport.Finding {
    ConnectionReport.Finding(level: .question, title: title, detail: detail, lines: lines)
  }

  static func endpoint(_ endpoint: Endpoint) -> String {
    let address = endpoint.address ?? "*"
    let shown = address.contains(":") ? "[\(address)]" : address
    return endpoint.port.map { "\(shown):\($0)" } ?? shown
  }
}
