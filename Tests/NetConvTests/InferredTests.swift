import Foundation
import Testing

@testable import NetConv

/// `inferred` names the values netconv deduced rather than read, and only those.
@Suite struct InferredTests {
  private static func records(_ fixture: String) throws -> [Socket] {
    TestSupport.parse([UInt8](try Data(contentsOf: TestSupport.fixtures.appendingPathComponent(fixture)))).records
  }

  @Test func aPortShownAsAServiceNameIsMarkedAsLookedUp() throws {
    let records = try Self.records("linux-netstat/tuap-names.txt")
    for socket in records {
      #expect(socket.inferred.contains(.localPort) == (socket.local.portName != nil && socket.local.port != nil), "line \(socket.line)")
      #expect(socket.inferred.contains(.remotePort) == (socket.remote.portName != nil && socket.remote.port != nil), "line \(socket.line)")
    }
    #expect(records.contains { $0.inferred == [.localPort] })
    #expect(records.contains { $0.inferred.isEmpty })
  }

  @Test func anSSProtocolReadFromTheStatesIsMarked() throws {
    let deduced = try Self.records("ss/t-no-netid-no-prompt.txt")
    #expect(!deduced.isEmpty)
    #expect(deduced.allSatisfy { $0.protocol == "tcp" && $0.inferred.contains(.protocol) })
    // The same table under `$ ss -t` reads the protocol from the command: nothing deduced.
    let read = try Self.records("ss/t-no-netid.txt")
    #expect(read.allSatisfy { !$0.inferred.contains(.protocol) })
  }

  @Test func everyWriterWritesTheList() throws {
    var socket = Socket(dialect: .ss, snapshot: 1, line: 1, protocol: "tcp")
    socket.inferred = [.protocol, .remotePort]
    let json = try TestSupport.json([socket], layout: .lines)
    #expect(String(decoding: json, as: UTF8.self).contains(#""inferred":["protocol","remote_port"]"#))
    let csv = String(decoding: try WriterTests.write([socket], .csv), as: UTF8.self)
    #expect(csv.contains("protocol; remote_port"))
    let yaml = String(decoding: try WriterTests.write([socket], .yaml), as: UTF8.self)
    #expect(yaml.contains("inferred:\n  - protocol\n  - remote_port") || yaml.contains("inferred: [protocol, remote_port]"))
    let decoded = try JSONDecoder().decode([Socket].self, from: Data(try TestSupport.json([socket])))
    #expect(decoded == [socket])
  }
}
