import Foundation
import NetConv
import Testing

/// Parses a corpus file and checks what every corpus file must meet: the hand-checked record
/// count, no unrecognized line, one dialect, and line classes that add up to the lines read.
func corpusFile(_ relative: String, records expected: [(String, Int)], dialect: Dialect) throws -> TestSupport.Result {
  let url = TestSupport.corpus.appendingPathComponent(relative)
  let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
  #expect(result.records.count == expected.first { $0.0 == relative }?.1)
  #expect(result.summary.count(.unrecognized) == 0, "\(result.diagnostics)")
  #expect(result.records.allSatisfy { $0.dialect == dialect })
  #expect(result.summary.lineClasses.values.reduce(0, +) == result.summary.lines)
  return result
}

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
    let result = try corpusFile(relative, records: Self.expected, dialect: .linuxNetstat)
    #expect(result.error == nil)
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
    let result = try corpusFile(relative, records: Self.expected, dialect: .windowsNetstat)
    #expect(result.error == nil)
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

/// Reads every ss file of `../shared/corpus`: no crash, nothing unrecognized, and one record
/// per socket row. Expected counts: rows whose first columns are `[netid] [state] N N`, counted
/// with a separate script; they equal jc's counts in INDEX.md for the jc files.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.path)))
struct SSCorpusTests {
  static let expected: [(String, Int)] = [
    ("captured/s2_all.txt", 44), ("captured/s2_pkt.txt", 1), ("captured/s2_raw.txt", 2),
    ("captured/s2_raw_names.txt", 2), ("captured/s2_tuap.txt", 24), ("captured/s2_tunap.txt", 24),
    ("captured/s2_x.txt", 6), ("captured/s3_nonroot.txt", 24), ("captured/s4_misc.txt", 21),
    ("captured/s5_tty72.txt", 12), ("captured/ss_0.txt", 0), ("captured/ss_H.txt", 10),
    ("captured/ss_a.txt", 23), ("captured/ss_default.txt", 7), ("captured/ss_l.txt", 16),
    ("captured/ss_lntp.txt", 3), ("captured/ss_ltn.txt", 3), ("captured/ss_s.txt", 0),
    ("captured/ss_t.txt", 4), ("captured/ss_tn.txt", 4), ("captured/ss_tnaM.txt", 7),
    ("captured/ss_tnai.txt", 7), ("captured/ss_tnoe.txt", 4), ("captured/ss_tua.txt", 10),
    ("captured/ss_tunap.txt", 10), ("captured/ss_tunapeio.txt", 10), ("captured/ss_tunapm.txt", 10),
    ("captured/ss_w.txt", 0), ("captured/ss_x.txt", 2),
    ("jc/centos-7.7/ss-sudo-a.out", 203), ("jc/generic/ss-wide.out", 155),
    ("jc/ubuntu-18.04/ss-sudo-a.out", 158), ("jc/ubuntu-18.04/ss-sudo-tulpen.out", 73),
  ]

  @Test(arguments: expected.map(\.0))
  func corpusFileParsesCompletely(_ relative: String) throws {
    _ = try corpusFile(relative, records: Self.expected, dialect: .ss)
  }

  @Test func manyOwnersStayOnOneRecord() throws {
    let url = TestSupport.corpus.appendingPathComponent("jc/generic/ss-wide.out")
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    let apache = try #require(result.records.max { $0.owners.count < $1.owners.count })
    #expect(apache.owners.count == 24)
    #expect(apache.owners.allSatisfy { $0.process == "apache2" && $0.fd == 8 })
    #expect(apache.pid == apache.owners.first?.pid)
    let scoped = try #require(result.records.first { $0.local.address?.hasPrefix("fe80::") == true })
    #expect(scoped.local.interface == "eth0")
  }

  @Test func continuationLinesBecomeDetailsNotRecords() throws {
    let url = TestSupport.corpus.appendingPathComponent("captured/ss_tunapeio.txt")
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    #expect(result.records.count == 10)
    let closeWait = try #require(result.records.first { $0.state == .closeWait })
    let details = Dictionary(uniqueKeysWithValues: closeWait.details.map { ($0.key, $0.value) })
    #expect(details["rtt"] == "0.036/0.02")
    #expect(details["cgroup"] == "/")
    #expect(details["shutdown"] == "-->")
    #expect(closeWait.inode == 7052)
    let timeWait = try #require(result.records.first { $0.state == .finWait2 })
    #expect(timeWait.timer == "timewait,54sec,0")
  }
}

/// Every clean capture in `../shared/corpus` — including BSD/macOS netstat, lsof and the catalog
/// dump, which hold no table netconv reads — parses without a crash and without an unrecognized
/// line. `wild/` (real pastes as people posted them, where an excerpt may end in a cut stub)
/// is checked against its expectations by `WildCorpusTests`.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.path)))
struct WholeCorpusTests {
  static let files: [String] = {
    let root = TestSupport.corpus
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      guard !path.hasPrefix("wild/") else { continue }
      if path.hasSuffix(".txt") || path.hasSuffix(".out") { files.append(path) }
    }
    return files.sorted()
  }()

  @Test func corpusIsThere() {
    #expect(Self.files.count >= 90)
  }

  @Test(arguments: files)
  func noLineIsLeftUnrecognized(_ relative: String) throws {
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: TestSupport.corpus.appendingPathComponent(relative))))
    #expect(result.summary.count(.unrecognized) == 0, "\(result.diagnostics.filter { $0.kind == .unrecognizedLine })")
    #expect(result.summary.lineClasses.values.reduce(0, +) == result.summary.lines)
  }
}
