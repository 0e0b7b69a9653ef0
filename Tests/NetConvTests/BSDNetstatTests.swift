import Foundation
import NetConv
import Testing

/// jc's FreeBSD 12 and macOS 10.14.6 captures (`../shared/corpus/jc/`): every socket row is a
/// record, counted here by its own shape, independently of the parser.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.appendingPathComponent("jc/freebsd12").path)))
struct BSDNetstatCorpusTests {
  static let files = ["freebsd12", "osx-10.14.6"].flatMap { folder in
    ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.appendingPathComponent("jc/\(folder)").path)) ?? [])
      .filter { $0.hasSuffix(".out") }.map { "jc/\(folder)/\($0)" }
  }.sorted()

  /// Internet rows (`[pointer [flowhash]] tcp4|udp46|icm4 …`) and UNIX rows (`pointer stream …`).
  static func socketRows(_ text: String) -> (internet: Int, unix: Int) {
    let internet = try! Regex(#"^(?:[0-9a-f]+ +){0,2}(?:tcp|udp|icm)(?:4|6|46) "#)
    let unix = try! Regex(#"^[0-9a-f]+ +(?:stream|dgram|seqpac) "#)
    let lines = text.split(separator: "\n")
    return (lines.filter { $0.firstMatch(of: internet) != nil }.count, lines.filter { $0.firstMatch(of: unix) != nil }.count)
  }

  @Test func capturesAreThere() {
    #expect(Self.files.count >= 15)
  }

  @Test(arguments: files)
  func everySocketRowIsARecord(_ relative: String) throws {
    let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent(relative))
    let result = TestSupport.parse([UInt8](data))
    let rows = Self.socketRows(String(decoding: data, as: UTF8.self))
    #expect(result.records.filter { $0.protocol != "unix" }.count == rows.internet)
    #expect(result.records.filter { $0.protocol == "unix" }.count == rows.unix)
    #expect(result.records.allSatisfy { $0.dialect == .bsdNetstat })
    #expect(result.summary.count(.unrecognized) == 0)
  }

  @Test func freeBSDRowsReadAsShown() throws {
    let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent("jc/freebsd12/netstat-an.out"))
    let records = TestSupport.parse([UInt8](data)).records
    let ssh = try #require(records.first { $0.state == .established })
    #expect(ssh.local.address == "192.168.71.163" && ssh.local.port == 22)
    #expect(ssh.remote.address == "192.168.71.1" && ssh.remote.port == 56321)
    #expect(ssh.family == .ipv4)
    let devd = try #require(records.first { $0.local.address == "/var/run/devd.seqpacket.pipe" })
    #expect(devd.socketType == "seqpacket")
    let syslog = try #require(records.first { $0.protocol == "udp" && $0.family == .ipv6 })
    #expect(syslog.local.address == "*" && syslog.local.port == 514 && syslog.remote.address == nil && syslog.state == nil)
  }

  /// macOS `-A` narrows the address columns to 18 characters: `192.168.1.221.5486` may be
  /// the start of port 54860–54869, so it is no port, and the shown digits stay in details.
  @Test func aPortTheColumnMayHaveCutIsNotAPort() throws {
    let data = try Data(contentsOf: TestSupport.corpus.appendingPathComponent("jc/osx-10.14.6/netstat-An.out"))
    let records = TestSupport.parse([UInt8](data)).records
    let first = try #require(records.first)
    #expect(first.local.address == "192.168.1.221" && first.local.port == nil && first.local.truncated)
    #expect(first.details.contains { $0.key == "local_port_cut" && $0.value == "5486" })
    #expect(first.remote.port == 443 && !first.remote.truncated)
  }
}
