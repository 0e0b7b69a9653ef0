/// Turns records into a ``ConnectionReport``: groups by program, classifies addresses, and
/// applies the rules that make findings.
struct ReportBuilder {
  let records: [Socket]
  /// Which snapshots are current, cut, or compared.
  let plan: SnapshotPlan
  /// The records of the current snapshots: what the machine (or each machine) looks like now.
  let current: [Socket]
  /// Which current connections go from this machine to itself.
  let thisMachine: ThisMachine
  /// The input lines of `^C` marks, in order.
  let interruptions: [Int]

  init(records: [Socket], interruptions: [Int] = []) {
    self.records = records
    let plan = SnapshotPlan(records: records, interruptions: interruptions)
    self.plan = plan
    self.current = records.filter { plan.current.contains(plan.ordinal($0)) }
    self.thisMachine = ThisMachine(current, plan: plan)
    self.interruptions = interruptions.sorted()
  }

  func build(into report: inout ConnectionReport) {
    report.summary.sockets = current.count
    report.summary.snapshots = plan.count
    report.summary.describedSnapshots = plan.current.sorted()
    report.summary.cutSnapshots = plan.cut
    report.summary.platforms = plan.platforms.map { $0.rawValue }
    report.summary.dialects = Set(records.map { $0.dialect.rawValue }).sorted()
    report.programs = programs()
    report.summary.programs = report.programs.count
    report.listeners = listeners()
    report.summary.listenersReachableFromNetwork = report.listeners.filter { $0.reachableFromNetwork }.count
    report.summary.listenersLocalOnly = report.listeners.count - report.summary.listenersReachableFromNetwork
    let connected = current.filter { $0.hasPeer && $0.protocol != "unix" }
    let selfConnected = connected.filter(thisMachine.isSelf)
    report.summary.selfConnections = selfConnected.filter(thisMachine.countsOnce).count
    report.summary.connections = connected.count - selfConnected.count + report.summary.selfConnections
    report.summary.internetConnections = connected.filter(isInternetLink).count
    report.summary.finishedConnections = current.filter(Self.isFinished).count
    report.changes = SnapshotDiff.changes(in: records, plan: plan)
    report.findings = findings(report)
    // Programs a question is about come first, before the rest (in their order).
    let questioned = Set(report.findings.filter { $0.level == .question }.flatMap { $0.lines })
    let asked = report.programs.filter { program in program.remotes.contains { questioned.contains($0.line) } }
    if !asked.isEmpty {
      let (flagged, rest) = (report.programs.filter(Self.isFlagged), report.programs.filter { !Self.isFlagged($0) })
      let askedNames = Set(asked.map { $0.name + "\u{1}" + ($0.component ?? "") })
      let isAsked: (ConnectionReport.Program) -> Bool = { askedNames.contains($0.name + "\u{1}" + ($0.component ?? "")) }
      report.programs = flagged + rest.filter(isAsked) + rest.filter { !isAsked($0) }
    }
  }

  /// A remote-access tool or a look-alike name.
  static func isFlagged(_ program: ConnectionReport.Program) -> Bool {
    program.remoteAccessTool != nil || program.imitates != nil
  }

  /// Whether `socket` is a link to the internet: a public address or host name, not this
  /// machine itself.
  func isInternetLink(_ socket: Socket) -> Bool {
    Self.isInternet(socket.remote.address) && !thisMachine.isSelf(socket)
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

  /// Windows PID 4 (System, the kernel) or PID 0 (no program): never "could not see the program".
  static func isKernelOrNobody(_ socket: Socket) -> Bool {
    (socket.pid == 4 || socket.pid == 0) && (socket.dialect == .windowsNetstat || socket.dialect == .powershell)
  }

  /// A connection that is over and waits to close.
  static func isFinished(_ socket: Socket) -> Bool {
    socket.protocol != "unix" && (socket.state == .timeWait || isHeldByNoProgram(socket))
  }

  static func isInternet(_ address: String?) -> Bool {
    guard let address else { return false }
    let addressClass = AddressClass.of(address)
    return addressClass == .publicInternet || (addressClass == .name && address.lowercased() != "localhost")
  }

  /// The `-b` service line of a socket (`CryptSvc`), or `nil` when the component is an XP-era
  /// chain of DLLs and files: those are modules, not a service.
  static func service(_ component: String?) -> String? {
    guard let component, modules(component).isEmpty else { return nil }
    return component
  }

  /// The file names of an XP-era `-b -v` owner chain (`WS2_32.dll`, `svchost.exe`), empty for
  /// a service name.
  static func modules(_ component: String?) -> [String] {
    guard let component else { return [] }
    let parts = component.split(separator: ";").map { $0.trimmingBlanks() }
    let isPath: (Substring) -> Bool = { part in
      let lower = part.lowercased()
      return part.contains("\\") || part.contains("/") || lower.hasSuffix(".dll") || lower.hasSuffix(".exe") || lower.hasSuffix(".sys")
    }
    guard parts.contains(where: isPath) else { return [] }
    return parts.map { part in String(part.split(whereSeparator: { $0 == "\\" || $0 == "/" }).last ?? part) }
  }

  private func programs() -> [ConnectionReport.Program] {
    var order: [String] = []
    var table: [String: ConnectionReport.Program] = [:]
    var pids: [String: Set<Int>] = [:]
    var providers: [String: String?] = [:]
    for socket in current where socket.protocol != "unix" && !Self.isHeldByNoProgram(socket) {
      let name = Self.programName(socket)
      let service = Self.service(socket.component)
      let key = name + "\u{1}" + (service ?? "")
      if table[key] == nil {
        order.append(key)
        table[key] = ConnectionReport.Program(
          name: name, component: service, pids: [], explanation: ReportKnowledge.systemProcess(name)?.what,
          remoteAccessTool: ReportKnowledge.remoteAccessTool(forProcess: name),
          imitates: ReportKnowledge.imitatedProcess(name), sockets: 0, states: [:], remotes: [])
      }
      // Changed in place: a copy taken out of the table would copy its remotes on every append.
      table[key]!.sockets += 1
      for module in Self.modules(socket.component) where !table[key]!.modules.contains(module) && table[key]!.modules.count < 20 {
        table[key]!.modules.append(module)
      }
      if let pid = socket.pid, pids[key, default: []].insert(pid).inserted { table[key]!.pids.append(pid) }
      table[key]!.states[socket.state?.rawValue ?? "none", default: 0] += 1
      if let address = socket.remote.address {
        let addressClass = AddressClass.of(address)
        let toThisMachine = thisMachine.isSelf(socket)
        var provider: String?
        if !toThisMachine && (addressClass == .name || addressClass == .publicInternet) {
          // Looked up once per address: a busy paste repeats the same few servers.
          if let known = providers[address] {
            provider = known
          } else {
            provider = ReportKnowledge.provider(for: address)
            providers[address] = provider
          }
        }
        if isInternetLink(socket) { table[key]!.internetConnections += 1 }
        table[key]!.remotes.append(
          ConnectionReport.Remote(
            address: address, port: socket.remote.port, portName: socket.remote.portName, addressClass: addressClass,
            provider: provider, state: socket.state?.rawValue, toThisMachine: toThisMachine, line: socket.line))
      }
    }
    // Flagged programs first, then those that talk to the internet, then the busiest.
    let ranked = order.enumerated().compactMap { index, key in table[key].map { (index, $0) } }
    return ranked.sorted { lhs, rhs in
      let (lhsFlagged, rhsFlagged) = (Self.isFlagged(lhs.1), Self.isFlagged(rhs.1))
      if lhsFlagged != rhsFlagged { return lhsFlagged }
      if (lhs.1.internetConnections > 0) != (rhs.1.internetConnections > 0) { return lhs.1.internetConnections > 0 }
      if lhs.1.sockets != rhs.1.sockets { return lhs.1.sockets > rhs.1.sockets }
      return lhs.0 < rhs.0
    }.map { $0.1 }
  }

  // MARK: - Listeners

  /// Listening sockets, the IPv4 and IPv6 twins of one listener (`0.0.0.0:135` and `[::]:135`,
  /// `127.0.0.1` and `::1`) as one.
  private func listeners() -> [ConnectionReport.Listener] {
    var order: [ConnectionReport.Listener] = []
    var index: [String: Int] = [:]
    for socket in current {
      guard socket.protocol != "unix", !socket.hasPeer, !Self.isHeldByNoProgram(socket) else { continue }
      let isListener = socket.state == .listen || (socket.state == nil && socket.protocol != "tcp")
      guard isListener, let address = socket.local.address else { continue }
      let addressClass = AddressClass.of(address)
      let program = Self.programName(socket) + (Self.service(socket.component).map { " [\($0)]" } ?? "")
      let place = addressClass == .unspecified || addressClass == .loopback ? addressClass.rawValue : ThisMachine.plain(address)
      let key = [program, socket.protocol, socket.local.port.map(String.init) ?? "", place].joined(separator: "\u{1}")
      if let at = index[key] {
        if !order[at].addresses.contains(address) { order[at].addresses.append(address) }
        if order[at].lines.count < ConnectionReport.Unread.shownLimit { order[at].lines.append(socket.line) }
        continue
      }
      index[key] = order.count
      order.append(
        ConnectionReport.Listener(
          program: program, protocol: socket.protocol, addresses: [address], port: socket.local.port,
          reachableFromNetwork: addressClass != .loopback, lines: [socket.line]))
    }
    return order
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
      guard place != .loopback, place != .unspecified, socket.remote.port != port, !thisMachine.isSelf(socket) else { continue }
      let from = place == .publicInternet || place == .name ? "the internet" : place.words
      connectedIn.append(
        Self.question(
          .remoteLoginConnected, "Someone is connected to this computer through \(service)\(when(socket, now: " right now")), from \(Self.endpoint(socket.remote)) (\(from))",
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
      if socket.state == .established, isInternetLink(socket) {
        let peer = Self.endpoint(socket.remote)
        findings.append(
          Self.question(
            .remoteAccessConnected, "\(tool) is connected to the internet\(when(socket, now: "")) (\(peer))",
            "\(tool) lets someone see and control this computer. It is a normal support tool, but scammers ask people to install it. If nobody the family trusts started a support session, ask who did, and end the session.",
            lines: [socket.line]))
        toolsSeen.insert(tool)
      }
    }
    // Without program names (`netstat -ano`, `netstat -an` on a Mac): a connection to the port a
    // tool's relays use, from a program the paste does not name.
    for socket in records where socket.process == nil && socket.state == .established {
      guard let tool = ReportKnowledge.remoteAccessToolRelay(port: socket.remote.port, host: socket.remote.address),
        !toolsSeen.contains(tool), isInternetLink(socket)
      else { continue }
      toolsSeen.insert(tool)
      let who = socket.pid.map { "PID \($0)" } ?? "a program the paste does not name"
      findings.append(
        Self.question(
          .remoteAccessRelay, "\(who) is connected to \(tool)'s servers\(when(socket, now: "")) (\(Self.endpoint(socket.remote)))",
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
          .remoteAccessInstalled, "\(tool) is installed and running",
          "\(tool) is a remote-access tool. Nothing shows it connected right now, but ask whether the person installed it themselves, and for whom.",
          lines: current.filter { $0.process == socket.process }.map { $0.line }))
    }
    // Ports that let someone in from outside (RDP, VNC, …).
    for socket in current {
      guard let port = socket.local.port, let service = ReportKnowledge.inboundService(port: port),
        let local = socket.local.address, AddressClass.of(local) != .loopback
      else { continue }
      if socket.state == .listen {
        findings.append(
          Self.question(
            .inboundServiceListening, "\(service) accepts connections from the network on port \(port)",
            "Other machines can connect to \(service) here. That is normal when it is meant to serve others (an office PC set up for remote desktop, a database for a private network); otherwise ask whether anyone turned it on, and whether a firewall limits who can connect.",
            lines: [socket.line]))
      } else if socket.state == .established, isInternetLink(socket), ReportKnowledge.remoteLogin(port: port) == nil {
        findings.append(
          Self.question(
            .inboundServiceConnected, "Someone on the internet is connected to \(service) (\(Self.endpoint(socket.remote)))",
            "A remote machine is logged in to this computer through \(service) right now. Ask who it is.",
            lines: [socket.line]))
      }
    }
    // Connections out to ports known from malware, and programs that get no answer.
    for socket in records where socket.state == .established || socket.state == .synSent {
      guard let port = socket.remote.port, let odd = ReportKnowledge.oddPort(port), isInternetLink(socket) else { continue }
      findings.append(
        Self.question(
          .oddPort, "\(Self.programName(socket)) connects to port \(port) on the internet\(when(socket, now: "")) (\(Self.endpoint(socket.remote)))",
          "Port \(port) is \(odd.what); \(odd.also). Ask what this program is and whether the person installed it.",
          lines: [socket.line]))
    }
    var tries: [String: [Socket]] = [:]
    for socket in records where socket.state == .synSent && isInternetLink(socket) {
      tries[Self.programName(socket) + "\u{1}" + Self.endpoint(socket.remote), default: []].append(socket)
    }
    for socket in current where socket.state == .synSent && isInternetLink(socket) {
      guard let attempts = tries.removeValue(forKey: Self.programName(socket) + "\u{1}" + Self.endpoint(socket.remote)) else { continue }
      let title = "\(Self.programName(socket)) is trying to reach \(Self.endpoint(socket.remote)) and gets no answer"
      if attempts.count >= 2 {
        findings.append(
          Self.question(
            .noAnswerRepeated, title,
            "It tried \(attempts.count) times. A program that keeps knocking on a server that does not answer may be blocked by a firewall, or the server is gone; it can also be unwanted software calling home. Ask what the program is.",
            lines: attempts.map { $0.line }))
      } else {
        findings.append(
          .init(
            code: .noAnswerYet, level: .note, title: title + " yet",
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
            .lookAlike, "'\(process)' looks like '\(original)' but is spelled differently",
            "Malware sometimes hides behind the name of a system process. \(Self.whereInstalled(socket))",
            lines: current.filter { $0.process == process }.map { $0.line }))
      }
      if let known = ReportKnowledge.systemProcess(process), !known.ports.isEmpty, socket.state == .listen,
        let port = socket.local.port, !known.ports.contains(port), port < 49152,
        let local = socket.local.address, AddressClass.of(local) != .loopback
      {
        findings.append(
          .init(
            code: .unusualPort, level: .note, title: "\(known.name) listens on an unusual port (\(port))",
            detail: "\(known.name) is \(known.what); it usually listens on \(known.ports.map(String.init).joined(separator: ", ")).",
            lines: [socket.line]))
      }
    }
    // What netstat could not see.
    // PID 4 is the kernel (System) and PID 0 holds no program: netstat saw all there is to see.
    let hidden = current.filter { $0.ownerUnavailable && !Self.isKernelOrNobody($0) }
    if !hidden.isEmpty {
      findings.append(
        .init(
          code: .ownerNotShown, level: .note, title: "netstat could not see the program behind \(hidden.count) socket\(hidden.count == 1 ? "" : "s")",
          detail: "Windows shows every owner only to an administrator: run 'netstat -abno' from an administrator prompt to see them.",
          lines: hidden.map { $0.line }))
    }
    // How the paste was read: a snapshot cut off by Ctrl-C, several machines in one paste.
    for number in plan.cut {
      findings.append(
        .init(
          code: .snapshotCut, level: .note, title: "Snapshot \(number) was cut off where the output was stopped (Ctrl-C)",
          detail: "It lacks rows the snapshot before it had, so the report describes the last complete snapshot as the current state, and does not count what the cut one lacks as gone. What it does show is still asked about.",
          lines: interruptionAfter(number).map { [$0] } ?? []))
    }
    if plan.platforms.count > 1 {
      let names = plan.platforms.map { $0.rawValue }
      findings.append(
        .init(
          code: .severalMachines, level: .note,
          title: "This paste shows \(names.count) machines: \(names.joined(separator: ", "))",
          detail: "Each is described by its own last snapshot, and they are never compared with each other. Ask which computer each part comes from.",
          lines: []))
    }
    // Reassurance: what is normal — never a connection already asked about.
    let questioned = Set((connectedIn + findings).filter { $0.level == .question }.flatMap { $0.lines })
    let internet = current.filter { $0.hasPeer && $0.protocol != "unix" && isInternetLink($0) && !Self.isFinished($0) }
    let normal = internet.filter { !questioned.contains($0.line) }
    let providers = Set(report.programs.flatMap { $0.remotes }.compactMap { $0.provider }).sorted()
    let finished = current.filter(Self.isFinished)
    if !finished.isEmpty {
      let windows = finished.contains(where: Self.isHeldByNoProgram)
      findings.append(
        .init(
          code: .finishedConnections, level: .normal, title: "\(ConnectionReport.count(finished.count, "finished connection", nil)), waiting to close",
          detail: windows
            ? "Connections that are over wait a little before they close (TIME_WAIT); Windows lists those no program holds any more under PID 0. They go away by themselves within minutes."
            : "Connections that are over wait a little before they close (TIME_WAIT). They go away by themselves within minutes.",
          lines: finished.map { $0.line }))
    }
    let selfConnected = current.filter { thisMachine.isSelf($0) && thisMachine.countsOnce($0) && !Self.isFinished($0) }
    if !selfConnected.isEmpty {
      findings.append(
        .init(
          code: .selfConnections, level: .normal,
          title: "\(ConnectionReport.count(selfConnected.count, "connection")) inside this machine",
          detail: "Programs on this computer talking to each other: both ends are this machine, so nothing leaves it.",
          lines: selfConnected.map { $0.line }))
    }
    if !normal.isEmpty {
      var detail =
        "Connections to the internet are normal: a browser alone opens dozens. A foreign address is not a hacker."
      if !providers.isEmpty { detail += " Recognised services: \(providers.joined(separator: ", "))." }
      let asked = internet.count - normal.count
      findings.append(
        .init(
          code: .internetConnections, level: .normal,
          title: "\(ConnectionReport.count(normal.count, "connection", nil)) to the internet"
            + (asked > 0 ? " besides the one\(asked == 1 ? "" : "s") asked about above" : ""),
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

  /// The line of the first `^C` after snapshot `number`'s last row.
  private func interruptionAfter(_ number: Int) -> Int? {
    let last = records.lazy.filter { plan.ordinal($0) == number }.map { $0.line }.max() ?? 0
    return interruptions.first { $0 > last }
  }

  /// Words for when a socket was seen: `now` in the last snapshot, else which snapshot — an
  /// interval paste (`netstat -b 5`) is asked about for what it showed at any moment.
  private func when(_ socket: Socket, now: String) -> String {
    let number = plan.ordinal(socket)
    if plan.current.contains(number) { return now }
    if plan.cut.contains(number) { return " in snapshot \(number) of \(plan.count), cut off by Ctrl-C" }
    return " in snapshot \(number) of \(plan.count), not in the last one"
  }

  /// A finding worth a question.
  static func question(
    _ code: ConnectionReport.Finding.Code, _ title: String, _ detail: String, lines: [Int]
  ) -> ConnectionReport.Finding {
    ConnectionReport.Finding(code: code, level: .question, title: title, detail: detail, lines: lines)
  }

  /// An endpoint in words: IPv6 in brackets with the port, an IPv4-mapped address as IPv4
  /// (`::ffff:192.0.2.1` → `192.0.2.1`), so the IPv4 and IPv6 twins of one peer read the same.
  static func endpoint(_ endpoint: Endpoint) -> String {
    let address = endpoint.address.map(ThisMachine.plain) ?? "*"
    let shown = address.contains(":") ? "[\(address)]" : address
    return endpoint.port.map { "\(shown):\($0)" } ?? shown
  }
}

extension Substring {
  /// The text without leading and trailing blanks.
  fileprivate func trimmingBlanks() -> Substring {
    let start = drop { $0 == " " || $0 == "\t" }
    var end = start.endIndex
    while end > start.startIndex, start[start.index(before: end)] == " " || start[start.index(before: end)] == "\t" {
      end = start.index(before: end)
    }
    return start[..<end]
  }
}
