import Foundation
import NetConv
import Testing

/// How the report reads a paste of several tables: an interval series cut by Ctrl-C, two
/// machines, one machine shown by two tools, and state changes between snapshots.
@Suite struct ReportSnapshotTests {
  /// A last snapshot cut off by Ctrl-C (a `^C` after it, rows of the one before missing from
  /// its end) is not the current state, and what it lacks is not "gone"; what it shows still
  /// counts.
  @Test func aSnapshotCutByCtrlCIsNotTheCurrentState() throws {
    let report = try ReportTests.report("ctrl-c-cut")
    #expect(report.summary.cutSnapshots == [2] && report.summary.describedSnapshots == [1])
    #expect(report.summary.sockets == 5)  // snapshot 1: its Facebook connection and UDP socket are still there
    #expect(!report.changes.contains { $0.kind == .gone })
    #expect(report.changes.contains { $0.kind == .changed && $0.stateAfter == "TIME_WAIT" })
    let cut = try #require(report.findings.first { $0.code == .snapshotCut })
    #expect(cut.lines == [18])
  }

  /// The same series that ends complete (its last row is the last row of the one before) is
  /// the current state, and a connection that closed is gone.
  @Test func aCompleteLastSnapshotIsTheCurrentState() throws {
    let report = try ReportTests.report("interval-new-connection")
    #expect(report.summary.cutSnapshots.isEmpty && report.summary.describedSnapshots == [3])
    #expect(report.changes.contains { $0.kind == .gone && $0.remote == "142.250.185.78:443" })
  }

  /// A Windows block and a Linux block are two machines: both are described, never compared,
  /// and the report says so.
  @Test func twoMachinesAreNeverDiffed() throws {
    let report = try ReportTests.report("two-machines")
    #expect(report.summary.platforms == ["Windows", "Linux"])
    #expect(report.summary.describedSnapshots == [1, 2])
    #expect(report.changes.isEmpty)
    #expect(report.findings.contains { $0.code == .severalMachines })
    #expect(report.programs.contains { $0.name == "smbd" } && report.programs.contains { $0.pids == [7232] })
    let windows = TestSupport.fixtures.appendingPathComponent("windows-netstat/en-ano.txt").path
    let linux = TestSupport.fixtures.appendingPathComponent("linux-netstat/tunap.txt").path
    let diff = try TestSupport.run(["diff", windows, linux])
    #expect(diff.status == 65 && diff.stderr.contains("different systems") && diff.stdout.isEmpty)
  }

  /// `netstat -tnap` then `ss -tnap` of one machine: the sockets are counted once (the last
  /// table describes the machine) and the two tools' tables are not compared.
  @Test func oneMachineShownByTwoToolsIsCountedOnce() throws {
    let report = try ReportTests.report("netstat-and-ss-one-machine")
    #expect(report.summary.platforms == ["Linux"])
    #expect(report.summary.sockets == 3 && report.summary.internetConnections == 2)
    #expect(report.changes.isEmpty)
  }

  /// Between snapshots, three connections to one server that finished are one change
  /// (connected → finished), grouped by program and remote end; two new ones are one.
  @Test func stateChangesAreGroupedByProgramAndRemote() throws {
    let report = try ReportTests.report("interval-state-changes")
    let changed = try #require(report.changes.first { $0.kind == .changed })
    #expect(changed.count == 3 && changed.program == "PID 9912" && changed.remote == "142.250.185.78:443")
    #expect(changed.stateBefore == "ESTABLISHED" && changed.stateAfter == "TIME_WAIT")
    #expect(changed.description == "PID 9912 → 142.250.185.78:443 (3 connections): connected → finished, waiting to close")
    let appeared = report.changes.filter { $0.kind == .appeared }
    #expect(appeared.count == 1 && appeared.first?.count == 2)
    #expect(!report.changes.contains { $0.kind == .gone })
  }
}
