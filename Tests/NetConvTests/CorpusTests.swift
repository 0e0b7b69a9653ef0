import Foundation
import NetConv
import Testing

/// Reads every Linux netstat file of `../shared/corpus` (when it is there): no crash, no
/// unrecognized line, and the record count checked by hand against the file.
///
/// Expected counts: the rows starting with tcp/udp/raw/unix, counted with
/// `grep -cE '^(tcp|udp|raw|unix)'` and read through once; they equal jc's record counts in
/// `corpus/jc/INDEX.md` for the jc files.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.path)))
struct CorpusTests {
  static let expected: [(String, Int)] = [
    ("jc/centos-7.7/netstat.out", 119),
    ("jc/centos-7.7/netstat-l.out", 41),
    ("jc/centos-7.7/netstat-p.out", 117),
    ("jc/centos-7.7/netstat-sudo-aeep.out", 160),
    ("jc/centos-7.7/netstat-sudo-lnp.out", 41),
    ("jc/centos-7.7/netstat-r.out", 0),
    ("jc/centos-7.7/netstat-rne.out", 0),
    ("jc/centos-7.7/netstat-rnee.out", 0),
    ("jc/centos-7.7/netstat-i.out", 0),
    ("jc/ubuntu-18.04/netstat.out", 93),
    ("jc/ubuntu-18.04/netstat-l.out", 28),
    ("jc/ubuntu-18.04/netstat-p.out", 93),
    ("jc/ubuntu-18.04/netstat-sudo-aeep.out", 122),
    ("jc/ubuntu-18.04/netstat-sudo-lnp.out", 28),
    ("jc/ubuntu-18.04/netstat-sudo-lnp-space.out", 47),
    ("jc/ubuntu-18.04/netstat-r.out", 0),
    ("jc/ubuntu-18.04/netstat-rne.out", 0),
    ("jc/ubuntu-18.04/netstat-rnee.out", 0),
    ("jc/ubuntu-18.04/netstat-i.out", 0),
    ("jc/fedora32/netstat.out", 131),
    ("jc/generic/netstat-no-state.out", 4),
    ("jc/generic/netstat-old.out", 10),
    ("captured/n2_raw.txt", 2),
    ("captured/n2_tuap.txt", 24),
    ("captured/n2_tuapW.txt", 24),
    ("captured/n2_tunap.txt", 24),
    ("captured/n2_tunapW.txt", 24),
    ("captured/n2_tunape.txt", 24),
    ("captured/n2_unix.txt", 6),
    ("captured/n3_nonroot.txt", 24),
    ("captured/n3_nonroot_stdout.txt", 13),
    ("captured/n4_nonroot.txt", 9),
    ("captured/netstat_a.txt", 12),
    ("captured/netstat_ltnp.txt", 3),
    ("captured/netstat_tua.txt", 10),
    ("captured/netstat_tulpen.txt", 5),
    ("captured/netstat_tuna.txt", 10),
    ("captured/netstat_tunao.txt", 10),
    ("captured/netstat_tunap.txt", 10),
    ("captured/netstat_tunapW.txt", 10),
    ("captured/netstat_tunp.txt", 5),
    ("captured/nettools_i18n_runs.txt", 47),
  ]

  @Test(arguments: expected.map(\.0))
  func corpusFileParsesCompletely(_ relative: String) throws {
    let url = TestSupport.corpus.appendingPathComponent(relative)
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    let expectedCount = Self.expected.first { $0.0 == relative }?.1
    #expect(result.error == nil)
    #expect(result.records.count == expectedCount)
    #expect(result.summary.count(.unrecognized) == 0, "\(result.diagnostics)")
    #expect(result.records.allSatisfy { $0.format == .linuxNetstat })
    #expect(result.summary.lineClasses.values.reduce(0, +) == result.summary.lines)
  }

  @Test func routingAndInterfaceTablesSayTheyWereSkipped() throws {
    let url = TestSupport.corpus.appendingPathComponent("jc/centos-7.7/netstat-i.out")
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    #expect(result.records.isEmpty)
    #expect(result.diagnostics.map(\.kind) == [.skippedTable])
    #expect(result.diagnostics.first?.message.contains("interface table") == true)
  }

  @Test func programNamesWithSpacesStayWhole() throws {
    let url = TestSupport.corpus.appendingPathComponent("jc/ubuntu-18.04/netstat-sudo-aeep.out")
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    let sshd = try #require(result.records.first { $0.process == "sshd: kbrazil" })
    #expect(sshd.pid == 2322)
    #expect(sshd.user == "root")
    let resolved = try #require(result.records.first { $0.user == "systemd-resolve" })
    #expect(resolved.inode == 26985)
  }

  @Test func localizedRunsMapStates() throws {
    let url = TestSupport.corpus.appendingPathComponent("captured/nettools_i18n_runs.txt")
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    let raws = Set(result.records.compactMap(\.stateRaw))
    #expect(raws.isSuperset(of: ["OUÇA", "NASLOUCHÁ", "VERBUNDEN", "ESTABELECIDA", "SPOJENO"]))
    #expect(!result.records.contains { $0.state == .unknown })
    #expect(result.summary.count(.notice) == 13)
  }
}

/// Reads the real Windows outputs of `../shared/corpus/jc/windows` (CRLF, `-b` owners).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.path)))
struct WindowsCorpusTests {
  /// Row counts from `grep -cE '^  (TCP|UDP)'`, equal to jc's record counts in INDEX.md.
  static let expected: [(String, Int)] = [
    ("jc/windows/windows-10/netstat.out", 32),
    ("jc/windows/windows-10/netstat-an.out", 260),
    ("jc/windows/windows-10/netstat-aon.out", 208),
    ("jc/windows/windows-10/netstat-aonb.out", 318),
  ]

  @Test(arguments: expected.map(\.0))
  func corpusFileParsesCompletely(_ relative: String) throws {
    let url = TestSupport.corpus.appendingPathComponent(relative)
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    #expect(result.error == nil)
    #expect(result.records.count == Self.expected.first { $0.0 == relative }?.1)
    #expect(result.summary.count(.unrecognized) == 0, "\(result.diagnostics)")
    #expect(result.records.allSatisfy { $0.format == .windowsNetstat })
    #expect(result.summary.lineClasses.values.reduce(0, +) == result.summary.lines)
  }

  @Test func ownerLinesAttachToTheRowAbove() throws {
    let url = TestSupport.corpus.appendingPathComponent("jc/windows/windows-10/netstat-aonb.out")
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    let rpc = try #require(result.records.first { $0.local.port == 135 && $0.family == .ipv4 })
    #expect(rpc.component == "RpcSs")
    #expect(rpc.process == "svchost.exe")
    let system = try #require(result.records.first { $0.local.port == 445 && $0.family == .ipv4 })
    #expect(system.ownerUnavailable)
    #expect(system.process == nil)
    // Every owner line is accounted for as a continuation of a record.
    #expect(result.summary.count(.continuation) == 398)
    #expect(result.records.filter { $0.process != nil || $0.ownerUnavailable }.count == 315)
  }
}
