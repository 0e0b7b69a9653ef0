/// The helper's view of a paste: which programs talk to what, what listens, and what deserves
/// a question — built from parsed records, never from a network lookup.
///
/// The report never claims an infection. It says what is normal and names what is worth asking
/// about, with the reason, in words a helper can repeat on the phone.
public struct ConnectionReport: Codable, Sendable {
  /// How much a finding matters.
  public enum Level: String, Codable, Sendable, Comparable {
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
  public struct Finding: Codable, Sendable, Equatable {
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
  public struct Remote: Codable, Sendable, Equatable {
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
  }

  /// Everything one program does on the network.
  public struct Program: Codable, Sendable, Equatable {
    /// The program name as shown.
    public var name: String
    /// The Windows `-b` component (service) line, if shown.
    public var component: String?
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
  }

  /// A socket waiting for others to connect.
  public struct Listener: Codable, Sendable, Equatable {
    /// The program holding the socket.
    public var program: String
    /// `tcp` or `udp`.
    public var `protocol`: String
    /// The local address the socket listens on.
    public var address: String
    /// The port it listens on.
    public var port: Int?
    /// Whether other machines can reach it (`0.0.0.0`, `::`, a LAN address) or only this one.
    public var reachableFromNetwork: Bool
    /// The input line of the socket.
    public var line: Int
  }

  /// A connection that appeared or went away between two snapshots or two pastes.
  public struct Change: Codable, Sendable, Equatable {
    /// Whether the connection appeared or went away.
    public enum Kind: String, Codable, Sendable {
      /// Seen now, not before.
      case appeared
      /// Seen before, not now.
      case gone
    }
    /// Appeared or gone.
    public var kind: Kind
    /// The snapshot (or paste) where the change is seen.
    public var snapshot: Int
    /// The connection in words.
    public var description: String
  }

  /// Counts at a glance.
  public struct Summary: Codable, Sendable, Equatable {
    /// Sockets in the last snapshot.
    public var sockets = 0
    /// Programs holding them.
    public var programs = 0
    /// Connections with a peer.
    public var connections = 0
    /// Connections to the internet.
    public var internetConnections = 0
    /// Listeners other machines can reach.
    public var listenersReachableFromNetwork = 0
    /// Listeners only this machine can reach.
    public var listenersLocalOnly = 0
    /// Snapshots in the paste.
    public var snapshots = 0
    /// The dialects of the paste.
    public var dialects: [String] = []
  }

  /// Lines of the paste netconv could not read: what they show is not in the report, so the
  /// report never gives an all-clear while there are any.
  public struct Unread: Codable, Sendable, Equatable {
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
  /// be read (``Diagnostic/Kind/unrecognizedLine``), so the report can say what it does not cover.
  public init(records: [Socket], unread: Unread = Unread()) {
    ReportBuilder(records: records).build(into: &self)
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
