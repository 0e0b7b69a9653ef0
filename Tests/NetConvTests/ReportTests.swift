import Foundation
import NetConv
import Testing

/// The helper's report: each scenario in Fixtures/reports has a golden text report
/// (`NAME.report`, re-recorded with RECORD_FIXTURES=1) and the facts a helper relies on.
@Suite struct ReportTests {
  static let folder = TestSupport.fixtures.appendingPathComponent("reports")
  static let scenarios = [
    "scam-anydesk", "busy-browser", "linux-server-exposed", "interval-new-connection", "unread-lines", "ano-teamviewer-by-port",
    "linux-someone-logged-in", "interval-anydesk-in-between", "ctrl-c-cut", "two-machines", "netstat-and-ss-one-machine",
    "self-and-twins", "dll-modules", "interval-state-changes", "control-characters",
  ]

  static func report(_ name: String) throws -> ConnectionReport {
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("\(name).txt")))
    let result = TestSupport.parse(bytes)
    var gathered = ConnectionReport.Input()
    for record in result.records { gathered.add(.record(record)) }
    for diagnostic in result.diagnostics { gathered.add(.diagnostic(diagnostic)) }
    return ConnectionReport(gathered)
  }

  /// The report as `netconv report --json` writes it.
  static func json(_ report: ConnectionReport) throws -> String {
    report.json()
  }

  /// `netstat -ano` shows no program names: a connection to TeamViewer's port 5938 is asked
  /// about by its port, with what to ask for next; PID 4 is System, PID 0 (connections no
  /// program holds) is never listed as a program, and a connection asked about is not also
  /// counted as normal.
  @Test func withoutNamesARemoteAccessToolIsFoundByItsPort() throws {
    let report = try Self.report("ano-teamviewer-by-port")
    let first = try #require(report.findings.first)
    #expect(first.level == .question && first.title == "PID 7232 is connected to TeamViewer's servers (198.51.100.9:5938)")
    #expect(first.detail.contains("netstat -abno") && first.detail.contains("tasklist /svc /fi \"PID eq 7232\""))
    #expect(report.programs.contains { $0.name == "System" && $0.pids == [4] })
    #expect(!report.programs.contains { $0.pids.contains(0) } && !report.listeners.contains { $0.program.contains("PID 0") })
    #expect(report.findings.contains { $0.title == "2 finished connections, waiting to close" })
    let normal = try #require(report.findings.first { $0.level == .normal && $0.title.contains("to the internet") })
    #expect(normal.title == "2 connections to the internet besides the one asked about above")
    let text = ReportTextRenderer(colour: false).render(report)
    #expect(!text.contains("none") || text.contains("Reachable from the network: none") || text.contains("machine: none"))
    #expect(text.contains("1 connected") && !text.contains("established"))
  }

  /// Someone logged in through SSH from the local network is the report's first line; a
  /// connection out to port 4444 and a program that keeps getting no answer are questions; a
  /// dot-less host name is the local network, not the internet.
  @Test func someoneConnectedInComesFirstAndOddPortsAreAsked() throws {
    let report = try Self.report("linux-someone-logged-in")
    let titles = report.findings.filter { $0.level == .question }.map(\.title)
    #expect(titles.first == "Someone is connected to this computer through SSH (remote login) right now, from 192.168.1.8:52144 (the local network)")
    #expect(titles.contains("python3 connects to port 4444 on the internet (203.0.113.50:4444)"))
    #expect(titles.contains("updater is trying to reach 198.51.100.77:8080 and gets no answer"))
    let smb = try #require(report.programs.first { $0.name == "smbclient" })
    #expect(smb.remotes.first?.addressClass == .privateNetwork)
    // An outgoing SSH session (local port ephemeral, remote 22) is nobody logged in here.
    let outgoing = TestSupport.parse("tcp 0 0 192.168.1.20:50122 192.168.1.8:22 ESTABLISHED 9000/ssh\n").records
    #expect(!ConnectionReport(records: outgoing).findings.contains { $0.title.hasPrefix("Someone is connected") })
  }

  /// An interval paste (`netstat -b 5`) is asked about for every moment it shows: an AnyDesk
  /// session seen only in the second of three snapshots is still the first question.
  @Test func aToolSeenInAnyOfTheSnapshotsIsAskedAbout() throws {
    let report = try Self.report("interval-anydesk-in-between")
    #expect(report.summary.snapshots == 3)
    #expect(report.findings.first?.title == "AnyDesk is connected to the internet in snapshot 2 of 3, not in the last one (147.75.40.150:443)")
  }

  /// Real programs whose names look like typos (`iexplore.exe`, `sihost.exe`, `dhclient3`) are
  /// never look-alikes; a real look-alike's advice fits the platform (no Task Manager on Linux).
  @Test func realProgramsAreNeverLookAlikesAndAdviceFitsThePlatform() {
    func findings(_ row: String) -> [ConnectionReport.Finding] { ConnectionReport(records: TestSupport.parse(row).records).findings }
    for name in ["iexplore.exe", "sihost.exe", "LsaIso.exe", "dhclient3", "taskhostw.exe"] {
      let row = "tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      812/\(name)\n"
      #expect(!findings(row).contains { $0.title.contains("looks like") }, "\(name)")
    }
    let linux = findings("tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      812/svch0st.exe\n")
    let lookAlike = linux.first { $0.title.contains("looks like 'svchost.exe'") }
    #expect(lookAlike?.detail.contains("/proc/812/exe") == true && lookAlike?.detail.contains("Task Manager") == false)
  }

  /// A paste with lines netconv could not read never gets an all-clear: the report says how
  /// many and where, first, in text and HTML; a paste with no socket at all exits 65.
  @Test func unreadLinesAreNeverAnAllClear() throws {
    let report = try Self.report("unread-lines")
    #expect(report.unread.count == 1 && report.unread.lines == [9])
    #expect(!report.findings.contains { $0.level == .question })
    let text = ReportTextRenderer(colour: false).render(report)
    #expect(!text.contains("Nothing here needs a question"))
    #expect(text.contains("! 1 line of the paste could not be read (input line 9)"))
    let html = ReportHTMLRenderer().render(report)
    #expect(html.contains("1 line of the paste could not be read (input line 9)") && !html.contains("Nothing here needs a question"))
    let empty = try TestSupport.run(["report", "-"], stdin: Data("Proto  Local Address          Foreign Address        State           PID\n".utf8))
    #expect(empty.status == 65)
    #expect(empty.stdout.contains("No socket could be read") && !empty.stdout.contains("Nothing here needs a question"))
  }

  /// Every scenario's text, JSON and HTML report equal their goldens (`NAME.report`,
  /// `NAME.report.json`, `NAME.report.html`).
  @Test(arguments: scenarios)
  func reportsMatchGoldens(_ name: String) throws {
    let report = try Self.report(name)
    let outputs = [
      ("report", ReportTextRenderer(colour: false).render(report)),
      ("report.json", try Self.json(report)),
      ("report.html", ReportHTMLRenderer().render(report, sources: ["\(name).txt"])),
    ]
    for (suffix, text) in outputs {
      let golden = Self.folder.appendingPathComponent("\(name).\(suffix)")
      if TestSupport.recording {
        try Data(text.utf8).write(to: golden)
        Issue.record("re-recorded \(name).\(suffix)")
        continue
      }
      #expect(text == (try String(contentsOf: golden, encoding: .utf8)), "\(name).\(suffix)")
    }
  }

  @Test func scamScenarioFlagsTheConnectedRemoteAccessToolFirst() throws {
    let report = try Self.report("scam-anydesk")
    let first = try #require(report.findings.first)
    #expect(first.level == .question)
    #expect(first.title == "AnyDesk is connected to the internet (147.75.40.150:443)")
    #expect(report.programs.first?.remoteAccessTool == "AnyDesk")
    #expect(report.findings.contains { $0.title.contains("'svch0st.exe' looks like 'svchost.exe'") })
    #expect(report.findings.contains { $0.title.hasPrefix("Remote Desktop (RDP) accepts connections") })
    // Never a diagnosis.
    let text = ReportTextRenderer(colour: false).render(report).lowercased()
    #expect(!text.contains("infected") && !text.contains("virus") && !text.contains("hacked"))
  }

  /// A Mac with AnyDesk connected is flagged as a Windows one is (issue #18): the `-v`
  /// `process:pid` column names the program.
  @Test func aMacWithAnyDeskConnectedIsFlaggedTheSameWay() throws {
    let url = TestSupport.fixtures.appendingPathComponent("bsd-netstat/macos-anv.txt")
    let report = ConnectionReport(records: TestSupport.parse(try [UInt8](Data(contentsOf: url))).records)
    let first = try #require(report.findings.first)
    #expect(first.level == .question)
    #expect(first.title == "AnyDesk is connected to the internet (198.51.100.23:6568)")
    #expect(report.programs.first?.remoteAccessTool == "AnyDesk")
  }

  /// `diff` reads the new dialects like the others: two `lsof -i` pastes of one Mac, the
  /// second with AnyDesk, show its sockets as appeared.
  @Test func diffReadsTheNewDialects() throws {
    let after = TestSupport.fixtures.appendingPathComponent("lsof/macos-i.txt")
    let text = try String(contentsOf: after, encoding: .utf8)
    let before = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-before-\(UUID().uuidString).txt")
    try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("AnyDesk") }.joined(separator: "\n")
      .write(to: before, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: before) }
    let diff = try TestSupport.run(["diff", before.path, after.path])
    #expect(diff.status == 0)
    #expect(diff.stdout.contains("+ appeared: AnyDesk → relay-4a1b2c3d.net.anydesk.com:6568, connected"))
    #expect(!diff.stdout.contains("launchd"))
  }

  @Test func busyBrowserIsNormalAndNamesTheProviders() throws {
    let report = try Self.report("busy-browser")
    #expect(report.findings.allSatisfy { $0.level != .question })
    #expect(report.summary.internetConnections == 20)
    let providers = Set(report.programs.flatMap(\.remotes).compactMap(\.provider))
    #expect(providers.isSuperset(of: ["Google", "Akamai (content delivery)", "Facebook / Meta", "Amazon Web Services", "Microsoft"]))
    // A LAN box called server-nas is not Amazon's server-13-224-… and not the internet.
    let nas = try #require(report.programs.flatMap(\.remotes).first { $0.address == "server-nas" })
    #expect(nas.provider == nil && nas.addressClass == .privateNetwork)
  }

  @Test func serverScenarioSeparatesNetworkAndLocalListeners() throws {
    let report = try Self.report("linux-server-exposed")
    let exposed = Set(report.listeners.filter(\.reachableFromNetwork).compactMap(\.port))
    let local = Set(report.listeners.filter { !$0.reachableFromNetwork }.compactMap(\.port))
    #expect(exposed == [22, 5432, 6379, 2222, 80, 3389, 5353])
    #expect(local == [53, 3306])
    #expect(report.findings.contains { $0.title.hasPrefix("Redis (a database) accepts connections from the network") })
    #expect(!report.findings.contains { $0.title.hasPrefix("MySQL") })  // bound to 127.0.0.1
  }

  @Test func intervalScenarioShowsTheNewConnection() throws {
    let report = try Self.report("interval-new-connection")
    #expect(report.summary.snapshots == 3)
    #expect(report.changes.contains { $0.kind == .appeared && $0.snapshot == 2 && $0.description.contains("147.75.40.150:443") })
    #expect(report.changes.contains { $0.kind == .gone && $0.snapshot == 3 })
  }

  @Test func addressClasses() {
    #expect(AddressClass.of("127.0.0.1") == .loopback)
    #expect(AddressClass.of("192.168.1.23") == .privateNetwork)
    #expect(AddressClass.of("172.20.0.5") == .privateNetwork)
    #expect(AddressClass.of("169.254.10.1") == .linkLocal)
    #expect(AddressClass.of("100.72.0.1") == .cgnat)
    #expect(AddressClass.of("239.255.255.250") == .multicast)
    #expect(AddressClass.of("147.75.40.150") == .publicInternet)
    #expect(AddressClass.of("fe80::3c7a:339:64f0:2161") == .linkLocal)
    #expect(AddressClass.of("fd00::2") == .privateNetwork)
    #expect(AddressClass.of("::ffff:10.0.0.1") == .privateNetwork)
    #expect(AddressClass.of("2a00:1450:4001::200e") == .publicInternet)
    #expect(AddressClass.of("rio09s05-in-f10") == .name)
    #expect(AddressClass.of("a23-38-167-219") == .name)
    #expect(AddressClass.of("DESKTOP-7Q2M4LB") == .privateNetwork)
    #expect(AddressClass.of("LAPTOP-DAUGHTER") == .privateNetwork)
  }

  @Test func controlCharactersInNamesAreEscapedInTextAndHTML() {
    var socket = Socket(dialect: .windowsNetstat, snapshot: 1, line: 1, protocol: "tcp", family: .ipv4)
    socket.local = Endpoint(address: "0.0.0.0", port: 8080)
    socket.state = .listen
    socket.process = "evil\u{1B}[31m<script>.exe"
    let report = ConnectionReport(records: [socket])
    let text = ReportTextRenderer(colour: false).render(report)
    #expect(!text.contains("\u{1B}"))
    #expect(text.contains("evil\\x1b[31m<script>.exe"))
    let html = ReportHTMLRenderer().render(report)
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;"))
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
  }

  @Test func commandLineReportDiffAndFormats() throws {
    let scam = Self.folder.appendingPathComponent("scam-anydesk.txt").path
    let text = try TestSupport.run(["report", scam])
    #expect(text.status == 0)
    #expect(!text.stdout.contains("\u{1B}["))  // not a terminal: no colour
    #expect(text.stdout.contains("? AnyDesk is connected to the internet"))
    let json = try TestSupport.run(["report", "--json", scam])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let first = (object?["findings"] as? [[String: Any]])?.first
    #expect(first?["severity"] as? String == "question" && first?["code"] as? String == "remote_access_connected")
    let html = try TestSupport.run(["report", "--html", scam])
    #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
    // The page names the input file, never the folder it is in.
    #expect(html.stdout.contains("<title>netconv report: scam-anydesk.txt</title>") && !html.stdout.contains(Self.folder.path))
    let before = TestSupport.fixtures.appendingPathComponent("windows-netstat/en-ano.txt").path
    let diff = try TestSupport.run(["diff", before, scam])
    #expect(diff.status == 0)
    #expect(diff.stdout.contains("+ appeared: AnyDesk.exe → 147.75.40.150:443, connected"))
    // convert stays the default subcommand
    #expect(try TestSupport.run([before]).stdout.hasPrefix("["))
  }
}
