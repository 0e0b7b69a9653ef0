/// Which connections appeared and which went away between snapshots (`netstat -b 5`) or
/// between two pastes (`netconv diff`).
public enum SnapshotDiff {
  /// A connection's identity across snapshots: protocol, both ends and its program.
  static func key(_ socket: Socket) -> String {
    "\(socket.protocol) \(ReportBuilder.endpoint(socket.local)) → \(ReportBuilder.endpoint(socket.remote)) (\(ReportBuilder.programName(socket)))"
  }

  /// Changes between consecutive snapshots of one paste.
  static func changes(in records: [Socket]) -> [ConnectionReport.Change] {
    let snapshots = Set(records.map(\.snapshot)).sorted()
    guard snapshots.count > 1 else { return [] }
    var changes: [ConnectionReport.Change] = []
    for (previous, next) in zip(snapshots, snapshots.dropFirst()) {
      changes += compare(records.filter { $0.snapshot == previous }, records.filter { $0.snapshot == next }, at: next)
    }
    return changes
  }

  /// Changes from `before` to `after`; only sockets with a peer or a listener count.
  public static func compare(_ before: [Socket], _ after: [Socket], at snapshot: Int) -> [ConnectionReport.Change] {
    let interesting: (Socket) -> Bool = { $0.protocol != "unix" && ($0.hasPeer || $0.state == .listen) }
    let old = Set(before.filter(interesting).map(key))
    let new = Set(after.filter(interesting).map(key))
    var changes: [ConnectionReport.Change] = []
    for socket in after.filter(interesting) where !old.contains(key(socket)) {
      changes.append(.init(kind: .appeared, snapshot: snapshot, description: key(socket)))
    }
    for socket in before.filter(interesting) where !new.contains(key(socket)) {
      changes.append(.init(kind: .gone, snapshot: snapshot, description: key(socket)))
    }
    var seen: Set<String> = []
    return changes.filter { seen.insert("\($0.kind) \($0.description)").inserted }
  }
}
