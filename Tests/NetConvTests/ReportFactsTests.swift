import Foundation
import NetConv
import Testing

/// The facts the report states: self-connections, IPv4/IPv6 twins, `-b` modules, first-screen
/// folding, and the JSON and HTML forms a tool or a helper reads.
@Suite struct ReportFactsTests {
  /// Both rows of a connection between two sockets of this machine are one self-connection,
  /// never internet links; loopback pairs likewise.
  @Test func aConnectionToThisMachineIsOneSelfConnection() throws {
    let report = try ReportTests.report("self-and-twins")
    #expect(report.summary.selfConnections == 2)
    #expect(report.summary.internetConnections == 4)  // Google DNS, Facebook, Cloudflare, and the finished one
    let oneDrive = try #require(report.programs.first { $0.name == "OneDrive.exe" })
    #expect(oneDrive.remotes.allSatisfy(\.toThisMachine) && oneDrive.internetConnections == 0)
    #expect(report.findings.contains { $0.code == .selfConnections && $0.title == "2 connections inside this machine" })
  }

  /// A listener on `0.0.0.0` and `::` is one listener (and one finding), not two.
  @Test func ipv4AndIPv6TwinsAreOne() throws {
    let report = try ReportTests.report("self-and-twins")
    let rdp = report.listeners.filter { $0.port == 3389 }
    #expect(rdp.count == 1 && rdp.first?.addresses == ["0.0.0.0", "::"])
    #expect(report.findings.filter { $0.code == .inboundServiceListening }.count == 1)
    let providers = Set(report.programs.flatMap(\.remotes).compactMap(\.provider))
    #expect(providers == ["Google", "Facebook / Meta", "Cloudflare"])
  }

  /// An XP-era `-b -v` chain of DLLs is the program's modules, never its service name.
  @Test func dllChainsAreModulesNotTheService() throws {
    let report = try ReportTests.report("dll-modules")
    let svchost = try #require(report.programs.first { $0.name == "svchost.exe" })
    #expect(svchost.component == nil && svchost.modules == ["WS2_32.dll", "RPCRT4.dll", "rpcss.dll", "svchost.exe"])
    #expect(report.listeners.first { $0.port == 135 }?.program == "svchost.exe")
    let scam = try ReportTests.report("scam-anydesk")
    #expect(scam.programs.contains { $0.component == "TermService" && $0.modules.isEmpty })
  }

  /// The first screen lists programs that talk to the internet before the rest, and folds
  /// loopback and finished connections into one line each.
  @Test func theFirstScreenFoldsLoopbackAndFinishedConnections() throws {
    let report = try ReportTests.report("interval-state-changes")
    #expect(report.programs.first?.name == "PID 9912")
    let text = ReportTextRenderer(colour: false).render(report)
    #expect(text.contains("→ 2 connections to this machine itself"))
    #expect(text.contains("→ 104.16.132.229:443 — Cloudflare, 2 connections"))
    #expect(!text.contains("127.0.0.1"))
    #expect(text.contains("✓ 3 finished connections, waiting to close"))
  }

  /// Every key of the JSON report is snake_case like the records', every finding has a stable
  /// code and a severity, and changes are objects with their parts.
  @Test func jsonIsSnakeCaseWithCodesAndStructuredChanges() throws {
    for name in ReportTests.scenarios {
      let json = try ReportTests.json(try ReportTests.report(name))
      let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
      var keys: Set<String> = []
      func collect(_ value: Any) {
        if let dictionary = value as? [String: Any] {
          for (key, inner) in dictionary {
            // `states` maps canonical state words (ESTABLISHED) to counts: values, not keys.
            keys.insert(key)
            if key != "states" { collect(inner) }
          }
        } else if let array = value as? [Any] {
          array.forEach(collect)
        }
      }
      collect(object)
      #expect(keys.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } }, "\(name): \(keys.sorted())")
      let findings = (object as? [String: Any])?["findings"] as? [[String: Any]] ?? []
      let codes = Set(ConnectionReport.Finding.Code.allCases.map(\.rawValue))
      #expect(findings.allSatisfy { codes.contains($0["code"] as? String ?? "") && $0["severity"] is String }, "\(name)")
    }
    let changes = try ReportTests.json(try ReportTests.report("interval-state-changes"))
    #expect(changes.contains("\"state_before\": \"ESTABLISHED\"") && changes.contains("\"state_after\": \"TIME_WAIT\""))
  }

  /// The JSON the writer makes (the same in the WebAssembly build, which has no Codable) reads
  /// back through the Codable conformance into the same report.
  @Test(arguments: ReportTests.scenarios)
  func jsonReadsBackIntoTheSameReport(_ name: String) throws {
    let report = try ReportTests.report(name)
    let decoded = try JSONDecoder().decode(ConnectionReport.self, from: Data(report.json().utf8))
    #expect(decoded == report)
  }

  /// The HTML page: a state column, "and N more" where a list is cut, line numbers, no empty
  /// table, listeners split by reach, one inline SVG chart, and still no script or external URL.
  @Test func htmlHasTheHelpersItems() throws {
    let busy = ReportHTMLRenderer().render(try ReportTests.report("busy-browser"), sources: ["/home/helper/pastes/busy-browser.txt"])
    #expect(busy.contains("<title>netconv report: busy-browser.txt</title>") && !busy.contains("/home/helper"))
    #expect(busy.contains("<th>State</th>") && busy.contains("13 connected"))
    #expect(busy.contains("<svg role=\"img\"") && busy.contains(">Google</text>"))
    #expect(!busy.contains("Listening"))  // no listener: no empty table
    #expect(busy.contains("line 6"))
    var many: [String] = []
    for index in 0..<20 { many.append("tcp 0 0 192.168.1.20:\(40000 + index) 203.0.113.\(index + 1):443 ESTABLISHED 2210/firefox-esr") }
    let cut = ReportHTMLRenderer().render(ConnectionReport(records: TestSupport.parse(many.joined(separator: "\n") + "\n").records))
    #expect(cut.contains("and 8 more"))
    let server = ReportHTMLRenderer().render(try ReportTests.report("linux-server-exposed"))
    #expect(server.contains("<h2>Listening: reachable from the network</h2>") && server.contains("<h2>Listening: this machine only</h2>"))
    for page in [busy, cut, server] {
      #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://") && !page.contains("<table><tr><th>Address</th><th>Program</th><th>Input line</th></tr>\n</table>"))
    }
  }

  /// 100.64.0.0/10 is "carrier-grade NAT or a VPN such as Tailscale", not the internet; a
  /// Linux look-alike gets Linux advice.
  @Test func cgnatAndLinuxLookAlikesReadRight() throws {
    let report = try ReportTests.report("linux-someone-logged-in")
    let ssh = try #require(report.programs.first { $0.name == "ssh" })
    #expect(ssh.remotes.first?.addressClass == .cgnat && ssh.internetConnections == 0)
    #expect(ReportTextRenderer(colour: false).render(report).contains("→ 100.101.12.7:22 — carrier-grade NAT or a VPN such as Tailscale"))
    let lookAlike = try #require(report.findings.first { $0.code == .lookAlike })
    #expect(lookAlike.title == "'avahi-deamon' looks like 'avahi-daemon' but is spelled differently")
    #expect(lookAlike.detail.contains("/proc/4410/exe") && !lookAlike.detail.contains("Task Manager"))
  }

  /// Windows' "cannot obtain ownership" under PID 4 is the kernel (System), never "netstat
  /// could not see the program".
  @Test func pid4IsNeverAnUnseenProgram() throws {
    let report = try ReportTests.report("scam-anydesk")
    #expect(report.programs.contains { $0.name == "System" && $0.pids == [4] })
    #expect(!report.findings.contains { $0.code == .ownerNotShown })
  }

  /// Control characters from the paste never reach the terminal, in the report or in
  /// diagnostics.
  @Test func controlCharactersNeverReachTheTerminal() throws {
    let path = ReportTests.folder.appendingPathComponent("control-characters.txt").path
    let run = try TestSupport.run(["report", path])
    #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"))
    #expect(run.stdout.contains("\\x1b]0;pwned\\x07ev\\x1b[2Jil"))
    let garbage = try TestSupport.run(["report", "-"], stdin: Data("Proto Local Address Foreign Address State\nTCP \u{1B}]0;x\u{07} junk here\n".utf8))
    #expect(!garbage.stderr.contains("\u{1B}") && !garbage.stderr.contains("\u{07}"))
  }
}
