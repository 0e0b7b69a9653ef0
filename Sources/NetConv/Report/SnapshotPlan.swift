/// Which snapshots of a paste describe which machine, which one is each machine's current
/// state, and which pairs may be compared.
///
/// The report numbers the tables of a paste in input order: one snapshot is the records of one
/// parser snapshot in one dialect (a Windows table and a Linux table after it are two, even
/// where the parser counts both as its first).
///
/// A paste can hold an interval series (`netstat -b 5`), tables of two machines (a Windows
/// block and a Linux block), or one machine shown twice (`netstat -tunap` then `ss -tunap`).
/// Snapshots are grouped by platform: each platform's last complete snapshot is current, so a
/// second machine is never hidden behind the first, and one machine shown by two tools is not
/// counted twice. Only consecutive snapshots of one platform *and* one dialect are compared:
/// two tools print the same socket differently.
struct SnapshotPlan {
  /// The operating system a dialect comes from, as far as the paste can tell.
  enum Platform: String, Sendable {
    case windows = "Windows"
    case linux = "Linux"
    case bsd = "macOS or BSD"
    case unknownUnix = "a Unix machine (lsof)"
  }

  /// Two snapshots to compare, and whether the later one was cut off.
  struct Pair: Equatable {
    let before: Int
    let after: Int
    /// The later snapshot ends where the paste was stopped with Ctrl-C and lacks rows the
    /// earlier one continued with: what is missing is not "gone".
    let afterIsCut: Bool
  }

  /// The snapshots the report describes as the current state (one per platform).
  let current: Set<Int>
  /// The platforms of the paste, in the order they first appear.
  let platforms: [Platform]
  /// Snapshots that end where the output was stopped (Ctrl-C) with rows missing.
  let cut: [Int]
  /// Consecutive snapshots of one platform and dialect, to compare.
  let pairs: [Pair]
  /// How many snapshots there are.
  let count: Int
  /// The report's number of each (parser snapshot, dialect).
  private let ordinals: [ShotID: Int]

  private struct ShotID: Hashable {
    let snapshot: Int
    let dialect: Dialect
  }

  /// The report's number of the snapshot `socket` belongs to (1 when it is not in the plan).
  func ordinal(_ socket: Socket) -> Int {
    ordinals[ShotID(snapshot: socket.snapshot, dialect: socket.dialect)] ?? 1
  }

  /// Plans `records`; `interruptions` are the input lines of `^C` marks (Ctrl-C).
  init(records: [Socket], interruptions: [Int] = []) {
    struct Shot {
      var dialect: Dialect
      var firstLine: Int
      var lastLine: Int
      var rows: Int
    }
    var found: [ShotID: Shot] = [:]
    for socket in records {
      let id = ShotID(snapshot: socket.snapshot, dialect: socket.dialect)
      if found[id] == nil {
        found[id] = Shot(dialect: socket.dialect, firstLine: socket.line, lastLine: socket.line, rows: 0)
      }
      found[id]!.firstLine = min(found[id]!.firstLine, socket.line)
      found[id]!.lastLine = max(found[id]!.lastLine, socket.line)
      found[id]!.rows += 1
    }
    let ids = found.keys.sorted { (found[$0]!.firstLine, $0.snapshot) < (found[$1]!.firstLine, $1.snapshot) }
    var ordinals: [ShotID: Int] = [:]
    var shots: [Int: Shot] = [:]
    for (index, id) in ids.enumerated() {
      ordinals[id] = index + 1
      shots[index + 1] = found[id]
    }
    self.ordinals = ordinals
    let numbers = Array(shots.keys.sorted())
    count = numbers.count
    let dialects = Set(shots.values.map { $0.dialect })
    var order: [Platform] = []
    var byPlatform: [Platform: [Int]] = [:]
    for number in numbers {
      let platform = Self.platform(shots[number]!.dialect, among: dialects)
      if byPlatform[platform] == nil { order.append(platform) }
      byPlatform[platform, default: []].append(number)
    }
    platforms = order
    let starts = numbers.map { shots[$0]!.firstLine }
    var current: Set<Int> = []
    var cut: [Int] = []
    var pairs: [Pair] = []
    for platform in order {
      let series = byPlatform[platform]!
      var last = series.last!
      for (before, after) in zip(series, series.dropFirst()) where shots[before]!.dialect == shots[after]!.dialect {
        let (earlier, later) = (shots[before]!, shots[after]!)
        let nextStart = starts.first { $0 > later.lastLine } ?? Int.max
        // Cheap tests first: a `^C` right after it, and fewer rows than the snapshot before.
        let stopped = interruptions.contains { $0 > later.lastLine && $0 < nextStart }
        let isCut =
          after == series.last! && stopped && later.rows < earlier.rows
          && Self.lacksTail(
            records.filter { ordinals[ShotID(snapshot: $0.snapshot, dialect: $0.dialect)] == after }.map(SnapshotDiff.identity),
            of: records.filter { ordinals[ShotID(snapshot: $0.snapshot, dialect: $0.dialect)] == before }.map(SnapshotDiff.identity))
        if isCut {
          cut.append(after)
          last = before
        }
        pairs.append(Pair(before: before, after: after, afterIsCut: isCut))
      }
      current.insert(last)
    }
    self.current = current
    self.cut = cut
    self.pairs = pairs
  }

  /// The platform of a dialect; lsof runs on Linux and macOS alike, so it joins the one other
  /// Unix platform of the paste, if there is exactly one.
  static func platform(_ dialect: Dialect, among dialects: Set<Dialect>) -> Platform {
    switch dialect {
    case .windowsNetstat, .powershell: return .windows
    case .linuxNetstat, .ss: return .linux
    case .bsdNetstat: return .bsd
    case .lsof:
      let linux = dialects.contains(.linuxNetstat) || dialects.contains(.ss)
      let bsd = dialects.contains(.bsdNetstat)
      return linux == bsd ? .unknownUnix : linux ? .linux : .bsd
    }
  }

  /// Whether a snapshot (`keys`, its rows' identities in order) stops short of where the one
  /// before (`previous`) went on: netstat prints every snapshot in the same order, so a cut one
  /// lacks rows after the place its last row had before.
  private static func lacksTail(_ keys: [String], of previous: [String]) -> Bool {
    guard let final = keys.last else { return false }
    guard let position = previous.lastIndex(of: final) else { return true }
    let present = Set(keys)
    return previous[(position + 1)...].contains { !present.contains($0) }
  }
}
