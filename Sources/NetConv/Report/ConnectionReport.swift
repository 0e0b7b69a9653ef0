/// The helper's view of a paste: which programs talk to what, what listens, and what deserves
/// a question — built from parsed records, never from a network lookup.
///
/// The report never claims an infection. It says what is normal and names what is worth asking
/// about, with the reason, in words a helper can repeat on the phone.
public struct ConnectionReport: Sendable, Equatable {
  /// How much a finding matters.
  public enum Level: String, Sendable, Comparable {
    /// Worth asking the person about.
    case question
    /// Good to know.
    case note
    /// Normal, said to reassure.
    case normal

    /// Questions first, then notes, then what is normal.
    public static func < (lhs: Level, rhs: Level) -> Bool {
      let order: [Level] = [.question, .note, .normal]
      return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
  }

  /// One thing the helper should know.
  public struct Finding: Sendable, Equatable {
    /// What kind of finding it is, stable for tools (the title's words may change).
    public enum Code: String, Sendable, CaseIterable {
      /// Someone is logged in to this machine (SSH, RDP, VNC, ARD).
      case remoteLoginConnected = "remote_login_connected"
      /// A remote-access tool is connected to the internet.
      case remoteAccessConnected = "remote_access_connected"
      /// A connection to a remote-access tool's relay (port or host), program not named.
      case remoteAccessRelay = "remote_access_relay"
      /// A remote-access tool runs, not connected.
      case remoteAccessInstalled = "remote_access_installed"
      /// A service that lets others in listens on the network (RDP, VNC, a database).
      case inboundServiceListening = "inbound_service_listening"
      /// Someone on the internet is connected to such a service.
      case inboundServiceConnected = "inbound_service_connected"
      /// A connection out to a port known from malware.
      case oddPort = "odd_port"
      /// A program keeps trying to reach a server that does not answer.
      case noAnswerRepeated = "no_answer_repeated"
      /// A connection being set up, seen once.
      case noAnswerYet = "no_answer_yet"
      /// A program named like a system process, spelled differently.
      case lookAlike = "look_alike"
      /// A system process listening on a port it does not usually use.
      case unusualPort = "unusual_port"
      /// Sockets whose program netstat could not show.
      case ownerNotShown = "owner_not_shown"
      /// Connections that are over (Windows PID 0).
      case finishedConnections = "finished_connections"
      /// Ordinary connections to the internet.
      case internetConnections = "internet_connections"
      /// Connections between two sockets of this machine.
      case selfConnections = "self_connections"
      /// A snapshot cut off where the output was stopped with Ctrl-C.
      case snapshotCut = "snapshot_cut"
      /// The paste shows more than one machine.
      case severalMachines = "several_machines"
    }

    /// What kind of finding it is.
    public var code: Code
    /// How much it matters.
    public var level: Level
    /// One line that says what it is.
    public var title: String
    /// What to do or ask about it.
    public var detail: String
    /// Input lines the finding is about.
    public var lines: [Int]
  }

  /// A remote end a program talks to.
  public struct Remote: Sendable, Equatable {
    /// The remote address or host name as shown.
    public var address: String
    /// The remote port.
    public var port: Int?
    /// The service name the input showed for the port.
    public var portName: String?
    /// Where the address is: this machine, the local network, the internet.
    public var addressClass: AddressClass
    /// The well-known provider the address belongs to, if known.
    public var provider: String?
    /// The canonical state of the connection.
    public var state: String?
    /// The remote end is a socket of this machine itself (both rows of one connection shown).
    public var toThisMachine = false
    /// The input line of the socket.
    public var line: Int
  }

  /// Everything one program does on the network.
  public struct Program: Sendable, Equatable {
    /// The program name as shown.
    public var name: String
    /// The Windows `-b` service line (`CryptSvc`), if shown.
    public var component: String?
    /// The DLLs and files of an XP-era `-b -v` owner chain: modules, not a service.
    public var modules: [String] = []
    /// Its process ids.
    public var pids: [Int]
    /// What the program is, when it is a well-known one.
    public var explanation: String?
    /// The remote-access tool it is, if it is one.
    public var remoteAccessTool: String?
    /// The well-known process the name imitates (`svch0st.exe` → `svchost.exe`), if any.
    public var imitates: String?
    /// How many sockets it holds.
    public var sockets: Int
    /// Connections by canonical state (`ESTABLISHED`, `LISTEN`, … `none` for no state).
    public var states: [String: Int]
    /// The remote ends it talks to.
    public var remotes: [Remote]
    /// How many of its connections go to the internet.
    public var internetConnections = 0
  }

  /// A socket waiting for others to connect.
  public struct Listener: Sendable, Equatable {
    /// The program holding the socket.
    public var program: String
    /// `tcp` or `udp`.
    public var `protocol`: String
    /// The local addresses it listens on: one, or the IPv4 and IPv6 twins of one listener
    /// (`0.0.0.0` and `::`).
    public var addresses: [String]
    /// The port it listens on.
    public var port: Int?
    /// Whether other machines can reach it (`0.0.0.0`, `::`, a LAN address) or only this one.
    public var reachableFromNetwork: Bool
    /// The input lines of its sockets.
    public var lines: [Int]
  }

  /// Connections that appeared, went away or changed state between two snapshots or two
  /// pastes, grouped by program, remote end and states (`count` of them).
  public struct Change: Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Sendable {
      /// Seen now, not before.
      case appeared
      /// Seen before, not now.
      case gone
      /// Seen in both, in another state (ESTABLISHED → TIME_WAIT).
      case changed
    }
    /// What happened.
    public var kind: Kind
    /// The snapshot (or paste) where the change is seen.
    public var snapshot: Int
    /// The program holding the socket.
    public var program: String
    /// `tcp`, `udp`, …
    public var `protocol`: String
    /// The local end of the first socket of the group (`address:port`).
    public var local: String
    /// The remote end (`address:port`), `nil` for a listener.
    public var remote: String?
    /// The canonical state before (`nil` when it appeared).
    public var stateBefore: String?
    /// The canonical state after (`nil` when it went away).
    public var stateAfter: String?
    /// How many sockets the group holds.
    public var count: Int
    /// Their input lines (the first ten).
    public var lines: [Int]

    /// The change in words: `chrome.exe → 142.250.185.78:443: 3 connections, connected → finished, waiting to close`.
    public var description: String {
      var text = "\(program) " + (remote.map { "→ \($0)" } ?? "listening on \(`protocol`) \(local)")
      if count > 1 { text += " (\(ConnectionReport.count(count, remote == nil ? "socket" : "connection")))" }
      switch kind {
      case .changed:
        text += ": \(ConnectionReport.stateWords(stateBefore ?? "")) → \(ConnectionReport.stateWords(stateAfter ?? ""))"
      case .appeared where remote != nil, .gone where remote != nil:
        if let state = stateAfter ?? stateBefore { text += ", \(ConnectionReport.stateWords(state))" }
      default: break
      }
      return text
    }

    init(
      kind: Kind, snapshot: Int, program: String, protocol: String, local: String, remote: String?,
      stateBefore: String?, stateAfter: String?, count: Int, lines: [Int]
    ) {
      self.kind = kind
      self.snapshot = snapshot
      self.program = program
      self.protocol = `protocol`
      self.local = local
      self.remote = remote
      self.stateBefore = stateBefore
      self.stateAfter = stateAfter
      self.count = count
      self.lines = lines
    }
  }

  /// Counts at a glance.
  public struct Summary: Sendable, Equatable {
    /// Sockets in the snapshots described (the last complete one of each machine).
    public var sockets = 0
    /// Programs holding them.
    public var programs = 0
    /// Connections with a peer (a connection of this machine to itself counts once).
    public var connections = 0
    /// Connections to the internet.
    public var internetConnections = 0
    /// Connections between two sockets of this machine.
    public var selfConnections = 0
    /// Connections that are over, waiting to close (TIME_WAIT and Windows PID 0).
    public var finishedConnections = 0
    /// Listeners other machines can reach.
    public var listenersReachableFromNetwork = 0
    /// Listeners only this machine can reach.
    public var listenersLocalOnly = 0
    /// Snapshots in the paste.
    public var snapshots = 0
    /// The snapshots described as the current state: the last complete one of each machine.
    public var describedSnapshots: [Int] = []
    /// Snapshots cut off where the output was stopped with Ctrl-C.
    public var cutSnapshots: [Int] = []
    /// The dialects of the paste.
    public var dialects: [String] = []
    /// The systems the paste shows (`Windows`, `Linux`, `macOS or BSD`): more than one means
    /// more than one machine, never compared with each other.
    public var platforms: [String] = []
  }

  /// Lines of the paste netconv could not read: what they show is not in the report, so the
  /// report never gives an all-clear while there are any.
  public struct Unread: Sendable, Equatable {
    /// How many lines could not be read.
    public var count = 0
    /// The first of their line numbers (at most ``shownLimit``).
    public var lines: [Int] = []

    /// How many line numbers are listed.
    public static let shownLimit = 10

    /// No unread line.
    public init() {}

    /// Counts line `number` as unread; only the first ``shownLimit`` numbers are kept, so memory
    /// stays flat however much of a paste cannot be read.
    public mutating func add(line number: Int) {
      count += 1
      if lines.count < Self.shownLimit { lines.append(number) }
    }

    /// Adds the unread lines of another input.
    public mutating func add(_ other: Unread) {
      count += other.count
      lines += other.lines.prefix(Self.shownLimit - lines.count)
    }
  }

  /// Counts at a glance.
  public var summary = Summary()
  /// Lines that could not be read.
  public var unread = Unread()
  /// What the helper should know, questions first.
  public var findings: [Finding] = []
  /// Every program and what it talks to.
  public var programs: [Program] = []
  /// Every listening socket.
  public var listeners: [Listener] = []
  /// Connections that appeared or went away between snapshots.
  public var changes: [Change] = []

  /// Builds the report for the records of one paste; `unread` counts the lines that could not
  /// be read (``Diagnostic/Kind/unrecognizedLine``), so the report can say what it does not
  /// cover; `interruptions` are the lines of `^C` marks (``Diagnostic/Kind/interrupted``), so a
  /// snapshot cut off by Ctrl-C is not taken for the current state.
  public init(records: [Socket], unread: Unread = Unread(), interruptions: [Int] = []) {
    ReportBuilder(records: records, interruptions: interruptions).build(into: &self)
    self.unread = unread
  }

  /// A canonical state (or `none`) in the words a helper reads out: `waiting to close`, not
  /// `TIME_WAIT`; a UDP socket without a state is `open`.
  public static func stateWords(_ state: String) -> String {
    switch state {
    case "LISTEN": return "listening"
    case "ESTABLISHED": return "connected"
    case "TIME_WAIT": return "finished, waiting to close"
    case "CLOSE_WAIT": return "closed by the other end"
    case "SYN_SENT": return "trying to connect"
    case "SYN_RECEIVED": return "being connected to"
    case "FIN_WAIT_1", "FIN_WAIT_2", "CLOSING", "LAST_ACK": return "closing"
    case "CLOSED": return "closed"
    case "BOUND": return "reserved, not connected"
    case "UNKNOWN": return "in a state netconv does not know"
    default: return "open, without a connection state"
    }
  }

  /// `1 socket`, `2 sockets`: a count with its noun in agreement.
  public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
  }

  /// What the report says when it found nothing to question: an all-clear only when every line
  /// was read and there was something to read.
  public var nothingToQuestion: String {
    if summary.sockets == 0 { return "No socket could be read from this paste, so there is nothing to judge yet." }
    if unread.count > 0 {
      return "No question about the sockets that could be read, but \(unread.count) line\(unread.count == 1 ? "" : "s") could not be read: check \(unread.count == 1 ? "it" : "them") before giving an all-clear."
    }
    return "Nothing here needs a question."
  }

  /// The sentence about unread lines, `nil` when every line was read.
  public var unreadWarning: String? {
    guard unread.count > 0 else { return nil }
    let shown = unread.lines.map(String.init).joined(separator: ", ") + (unread.count > unread.lines.count ? ", …" : "")
    let lines = unread.count == 1 ? "1 line" : "\(unread.count) lines"
    return "\(lines) of the paste could not be read (input line\(unread.count == 1 ? "" : "s") \(shown)): what \(unread.count == 1 ? "it shows" : "they show") is not in this report."
  }
}

#if !hasFeature(Embedded)
// JSON for tools (`netconv report --json`), keys in snake_case like the records'. Codable is
// not in Embedded Swift (the WebAssembly build).
extension ConnectionReport: Codable {}
extension ConnectionReport.Level: Codable {}
extension ConnectionReport.Finding.Code: Codable {}
extension ConnectionReport.Change.Kind: Codable {}
extension ConnectionReport.Unread: Codable {}

extension ConnectionReport.Finding: Codable {
  enum CodingKeys: String, CodingKey {
    case code
    case level = "severity"
    case title, detail, lines
  }
}

extension ConnectionReport.Remote: Codable {
  enum CodingKeys: String, CodingKey {
    case address, port, state, provider, line
    case portName = "port_name"
    case addressClass = "address_class"
    case toThisMachine = "to_this_machine"
  }
}

extension ConnectionReport.Program: Codable {
  enum CodingKeys: String, CodingKey {
    case name, component, modules, pids, explanation, imitates, sockets, states, remotes
    case remoteAccessTool = "remote_access_tool"
    case internetConnections = "internet_connections"
  }
}

extension ConnectionReport.Listener: Codable {
  enum CodingKeys: String, CodingKey {
    case program, `protocol`, addresses, port, lines
    case reachableFromNetwork = "reachable_from_network"
  }
}

extension ConnectionReport.Change: Codable {
  enum CodingKeys: String, CodingKey {
    case kind, snapshot, program, `protocol`, local, remote, count, lines, description
    case stateBefore = "state_before"
    case stateAfter = "state_after"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(kind, forKey: .kind)
    try container.encode(snapshot, forKey: .snapshot)
    try container.encode(program, forKey: .program)
    try container.encode(`protocol`, forKey: .protocol)
    try container.encode(local, forKey: .local)
    try container.encode(remote, forKey: .remote)
    try container.encode(stateBefore, forKey: .stateBefore)
    try container.encode(stateAfter, forKey: .stateAfter)
    try container.encode(count, forKey: .count)
    try container.encode(lines, forKey: .lines)
    try container.encode(description, forKey: .description)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    kind = try container.decode(Kind.self, forKey: .kind)
    snapshot = try container.decode(Int.self, forKey: .snapshot)
    program = try container.decode(String.self, forKey: .program)
    `protocol` = try container.decode(String.self, forKey: .protocol)
    local = try container.decode(String.self, forKey: .local)
    remote = try container.decodeIfPresent(String.self, forKey: .remote)
    stateBefore = try container.decodeIfPresent(String.self, forKey: .stateBefore)
    stateAfter = try container.decodeIfPresent(String.self, forKey: .stateAfter)
    count = try container.decode(Int.self, forKey: .count)
    lines = try container.decode([Int].self, forKey: .lines)
  }
}

extension ConnectionReport.Summary: Codable {
  enum CodingKeys: String, CodingKey {
    case sockets, programs, connections, snapshots, dialects, platforms
    case internetConnections = "internet_connections"
    case selfConnections = "self_connections"
    case finishedConnections = "finished_connections"
    case listenersReachableFromNetwork = "listeners_reachable_from_network"
    case listenersLocalOnly = "listeners_local_only"
    case describedSnapshots = "described_snapshots"
    case cutSnapshots = "cut_snapshots"
  }
}
#endif
