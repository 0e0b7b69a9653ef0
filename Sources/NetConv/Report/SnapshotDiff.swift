/// Which connections appeared, went away or changed state between snapshots (`netstat -b 5`)
/// or between two pastes (`netconv diff`), grouped so that ten tabs to one server read as one
/// line.
public enum SnapshotDiff {
  /// A socket's identity across snapshots: protocol and both ends. The program is left out:
  /// Windows moves a finished connection to PID 0, and that is a change of state, not a new
  /// connection.
  static func identity(_ socket: Socket) -> String {
    "\(socket.protocol) \(ReportBuilder.endpoint(socket.local)) \(ReportBuilder.endpoint(socket.remote))"
  }

  /// The system a paste of `dialect` comes from (`Windows`, `Linux`, `macOS or BSD`), given
  /// the other dialects beside it (lsof runs on Linux and macOS alike): pastes of two systems
  /// are two machines, never compared.
  public static func platform(_ dialect: Dialect, among dialects: Set<Dialect>) -> String {
    SnapshotPlan.platform(dialect, among: dialects).rawValue
  }

  /// The records of the last snapshot of a paste.
  public static func last(of records: [Socket]) -> [Socket] {
    guard let last = records.map({ $0.snapshot }).max() else { return [] }
    return records.filter { $0.snapshot == last }
  }

  /// Changes between the snapshot pairs of `plan`, in one pass over the records.
  static func changes(in records: [Socket], plan: SnapshotPlan) -> [ConnectionReport.Change] {
    guard !plan.pairs.isEmpty else { return [] }
    var bySnapshot: [Int: [Socket]] = [:]
    for record in records { bySnapshot[plan.ordinal(record), default: []].append(record) }
    return plan.pairs.flatMap { pair in
      compare(bySnapshot[pair.before] ?? [], bySnapshot[pair.after] ?? [], at: pair.after, afterIsCut: pair.afterIsCut)
    }
  }

  /// Changes from `before` to `after`; only connections and listeners count. When `after` was
  /// cut off, what it lacks is not reported as gone.
  public static func compare(
    _ before: [Socket], _ after: [Socket], at snapshot: Int, afterIsCut: Bool = false
  ) -> [ConnectionReport.Change] {
    let interesting: (Socket) -> Bool = { $0.protocol != "unix" && ($0.hasPeer || $0.state == .listen) }
    // Indices, not copies: a record is large, and a paste may hold a million.
    var old: [String: Int] = [:]
    var beforeKeys: [String?] = []
    beforeKeys.reserveCapacity(before.count)
    for (index, socket) in before.enumerated() {
      guard interesting(socket) else {
        beforeKeys.append(nil)
        continue
      }
      let key = identity(socket)
      beforeKeys.append(key)
      if old[key] == nil { old[key] = index }
    }
    var groups = Groups(snapshot: snapshot)
    var seen: Set<String> = []
    for socket in after where interesting(socket) {
      let key = identity(socket)
      guard seen.insert(key).inserted else { continue }
      if let at = old[key] {
        if before[at].state != socket.state { groups.add(.changed, socket, was: before[at]) }
      } else {
        groups.add(.appeared, socket, was: nil)
      }
    }
    if !afterIsCut {
      var gone: Set<String> = []
      for (socket, key) in zip(before, beforeKeys) {
        guard let key else { continue }
        if !seen.contains(key) && gone.insert(key).inserted { groups.add(.gone, socket, was: nil) }
      }
    }
    return groups.changes
  }

  /// Changes grouped by kind, program, protocol, remote end and states, in first-seen order.
  private struct Groups {
    let snapshot: Int
    var changes: [ConnectionReport.Change] = []
    var index: [String: Int] = [:]

    mutating func add(_ kind: ConnectionReport.Change.Kind, _ socket: Socket, was earlier: Socket?) {
      let program = ReportBuilder.programName(earlier.map { ReportBuilder.isHeldByNoProgram(socket) ? $0 : socket } ?? socket)
      let remote = socket.hasPeer ? ReportBuilder.endpoint(socket.remote) : nil
      let local = ReportBuilder.endpoint(socket.local)
      let before = (earlier?.state ?? (kind == .gone ? socket.state : nil))?.rawValue
      let after = kind == .gone ? nil : socket.state?.rawValue
      // A listener is its own group; connections to one remote end from many local ports are one.
      let key = [kind.rawValue, program, socket.protocol, remote ?? "listen " + local, before ?? "", after ?? ""].joined(separator: "\u{1}")
      if let at = index[key] {
        changes[at].count += 1
        if changes[at].lines.count < ConnectionReport.Unread.shownLimit { changes[at].lines.append(socket.line) }
        return
      }
      index[key] = changes.count
      changes.append(
        ConnectionReport.Change(
          kind: kind, snapshot: snapshot, program: program, protocol: socket.protocol, local: local, remote: remote,
          stateBefore: before, stateAfter: after, count: 1, lines: [socket.line]))
    }
  }
}
