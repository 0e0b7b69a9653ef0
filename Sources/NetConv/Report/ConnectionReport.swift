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

    public static func < (lhs: Level, rhs: Level) -> Bool {
      let order: [Level] = [.question, .note, .normal]
      return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
  }

  /// One thing the helper should know.
  public struct Finding: Codable, Sendable, Equatable {
    public var level: Level
    public var title: String
    public var detail: String
    /// Input lines the finding is about.
    public var lines: [Int]
  }

  /// A remote end a program talks to.
  public struct Remote: Codable, Sendable, Equatable {
    public var address: String
    public var port: Int?
    public var portName: String?
    public var addressClass: AddressClass
    public var provider: String?
    public var state: String?
  }

  /// Everything one program does on the network.
  public struct Program: Codable, Sendable, Equatable {
    public var name: String
    public var component: String?
    public var pids: [Int]
    /// What the program is, when it is a well-known one.
    public var explanation: String?
    /// The remote-access tool it is, if it is one.
    public var remoteAccessTool: String?
    /// The well-known process the name imitates (`svch0st.exe` → `svchost.exe`), if any.
    public var imitates: String?
    public var sockets: Int
    /// Connections by canonical state (`ESTABLISHED`, `LISTEN`, … `none` for no state).
    public var states: [String: Int]
    public var remotes: [Remote]
  }

  /// A socket waiting for others to connect.
  public struct Listener: Codable, Sendable, Equatable {
    public var program: String
    public var `protocol`: String
    public var address: String
    public var port: Int?
    /// Whether other machines can reach it (`0.0.0.0`, `::`, a LAN address) or only this one.
    public var reachableFromNetwork: Bool
    public var line: Int
  }

  /// A connection that appeared or went away between two snapshots or two pastes.
  public struct Change: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case appeared, gone }
    public var kind: Kind
    /// The snapshot (or paste) where the change is seen.
    public var snapshot: Int
    public var description: String
  }

  /// Counts at a glance.
  public struct Summary: Codable, Sendable, Equatable {
    public var sockets = 0
    public var programs = 0
    public var connections = 0
    public var internetConnections = 0
    public var listenersReachableFromNetwork = 0
    public var listenersLocalOnly = 0
    public var snapshots = 0
    public var dialects: [String] = []
  }

  public var summary = Summary()
  public var findings: [Finding] = []
  public var programs: [Program] = []
  public var listeners: [Listener] = []
  public var changes: [Change] = []

  /// Builds the report for the records of one paste.
  public init(records: [Socket]) {
    ReportBuilder(records: records).build(into: &self)
  }
}
