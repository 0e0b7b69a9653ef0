/// Which connections appeared and which went away between snapshots (`netstat -b 5`) or
/// between two pastes (`netconv diff`).
public enum SnapshotDiff {
  /// A connection's identity across snapshots: protocol, both ends and its program.
  static func key(_ socket: Socket) -> String {
    "\(socket.protocol) \(ReportBuilder.endpoint(socket.local)) → \(ReportBuilder.endpoint(socket.remote)) (\(ReportBuilder.programName(socket)))"
  }

  /// The records of the last snapshot of a paste.
  public static func last(of records: [Socket]) -> [Socket] {
    guard let last = records.map(\.snapshot).max() else { return [] }
    return records.filter { $0.snapshot == last }
  }

  /// Changes between consecutive snapshots of one paste, in one pass over the records.
  static func changes(in records: [Socket]) -> [ConnectionReport.Change] {
    var bySnapshot: [Int: [Socket]] = [:]
    for record in records { bySnapshot[record.snapshot, default: []].append(record) }
    let snapshots = bySnapshot.keys.sorted()
    guard snapshots.count > 1 else { return [] }
    var changes: [ConnectionReport.Change] = []
    for (previous, next) in zip(snapshots, snapshots.dropFirst()) {
      changes += compare(bySnapshot[previous] ?? [], bySnapshot[next] ?? [], at: next)
    }
    return changes
  }

  /// Changes from `before` to `after`; only sockets with a peer or a listener count.
  public static func compare(_ before: [Socket], _ after: [Socket], at snapshot: Int) -> [ConnectionReport.Change] {
    let interesting: (Socket) -> Bool = { $0.protocol != "unix" && ($0.hasPeer || $0.state == .listen) }
    let oldKeys = before.filter(interesting).map(key)
    let newKeys = after.filter(interesting).map(key)
    let old = Set(oldKeys)
    let new = Set(newKeys)
    var changes: [ConnectionReport.Change] = []
    for key in newKeys where !old.contains(key) {
      changes.append(.init(kind: .appeared, snapshot: snapshot, description: key))
    }
    for key in oldKeys where !new.contains(key) {
      changes.append(.init(kind: .gone, snapshot: snapshot, description: key))
    }
    var seen: Set<String> = []
    return changes.filter { seen.insert("\($0.kind) \($0.description)").inserted }
  }
}
