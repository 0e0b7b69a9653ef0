import Foundation
import NetConv
import Testing

/// Row-level behaviour of the net-tools parser, one shape per test.
@Suite struct LinuxNetstatParserTests {
  private func only(_ text: String) throws -> Socket {
    let result = TestSupport.parse(text)
    #expect(result.records.count == 1, "\(result.diagnostics)")
    return try #require(result.records.first)
  }

  @Test func listenerHasNoPeer() throws {
    let socket = try only("tcp6       0      0 :::22                   :::*                    LISTEN      812/sshd\n")
    #expect(socket.family == .ipv6)
    #expect(socket.local == Endpoint(address: "::", port: 22))
    #expect(socket.remote == Endpoint())
    #expect(!socket.hasPeer)
    #expect(socket.state == .listen)
  }

  @Test func connectedUDPKeepsItsPeerAndState() throws {
    let socket = try only("udp        0      0 127.0.0.1:34913         127.0.0.1:6353          ESTABLISHED 4005/python3\n")
    #expect(socket.protocol == "udp")
    #expect(socket.remote.port == 6353)
    #expect(socket.state == .established)
  }

  @Test func unconnectedUDPHasNullState() throws {
    let socket = try only("udp        0      0 127.0.0.1:5355          0.0.0.0:*                           5237/my weird:prog\n")
    #expect(socket.state == nil)
    #expect(socket.stateRaw == nil)
    #expect(socket.process == "my weird:prog")
  }

  @Test func serviceNamesBecomePortsAndKeepTheirNames() throws {
    let socket = try only("tcp        0      0 localhost:https         localhost:51420         ESTABLISHED 5237/my weird:prog\n")
    #expect(socket.local == Endpoint(address: "localhost", port: 443, portName: "https"))
    #expect(socket.remote == Endpoint(address: "localhost", port: 51420))
  }

  @Test func timerIsSplitFromAProgramWithSpaces() throws {
    let socket = try only(
      "tcp        0      0 127.0.0.1:8443          0.0.0.0:*               LISTEN      4402/my weird:prog   keepalive (7175.88/0/0)\n")
    #expect(socket.process == "my weird:prog")
    #expect(socket.timer == "keepalive (7175.88/0/0)")
  }

  @Test func userAndInodeAreInferredWithoutAHeader() throws {
    let socket = try only(
      "tcp        0      0 localhost:domain        0.0.0.0:*               LISTEN      systemd-resolve 26985      893/systemd-resolve\n")
    #expect(socket.user == "systemd-resolve")
    #expect(socket.inode == 26985)
    #expect(socket.pid == 893)
    #expect(socket.process == "systemd-resolve")
  }

  @Test func rawSocketsMapTheKernelStateNumber() throws {
    let socket = try only("raw6       0      0 ::1:58                  :::*                    7           5237/my weird:prog\n")
    #expect(socket.protocol == "raw")
    #expect(socket.stateRaw == "7")
    #expect(socket.state == nil)
    let connected = try only("raw        0      0 127.0.0.1:1             127.0.0.2:0             1           -\n")
    #expect(connected.state == .established)
  }

  @Test func twoWordLocalizedStateIsOneState() throws {
    let socket = try only("tcp        0      0 127.0.0.1:8443          127.0.0.1:42134         POSLEDNÍ ACK 0          0          -\n")
    #expect(socket.stateRaw == "POSLEDNÍ ACK")
    #expect(socket.state == .lastAck)
    #expect(socket.user == "0")
    #expect(socket.pid == nil)
    #expect(socket.process == nil)
  }

  @Test func unknownStateWordStaysWithADiagnostic() throws {
    let result = TestSupport.parse("tcp        0      0 127.0.0.1:1  127.0.0.1:2  WEIRD_STATE -\n")
    #expect(result.records.first?.state == .unknown)
    #expect(result.records.first?.stateRaw == "WEIRD_STATE")
    #expect(result.diagnostics.map(\.kind) == [.unknownState])
    #expect(result.diagnostics.first?.line == 1)
  }

  @Test func unixRowWithProgramAndPath() throws {
    let socket = try only("unix  2      [ ACC ]     STREAM     LISTENING     9737     5237/my weird:prog   /tmp/nsdemo/demo.sock\n")
    #expect(socket.family == .unix)
    #expect(socket.socketType == "stream")
    #expect(socket.state == .listen)
    #expect(socket.inode == 9737)
    #expect(socket.pid == 5237)
    #expect(socket.process == "my weird:prog")
    #expect(socket.local.address == "/tmp/nsdemo/demo.sock")
  }

  @Test func unixDatagramWithoutStateOrPath() throws {
    let socket = try only("unix  2      [ ]         DGRAM                    9740     -                    \n")
    #expect(socket.state == nil)
    #expect(socket.local.address == nil)
    #expect(socket.process == nil)
  }

  @Test func repeatedBannersCountSnapshots() {
    let block = "Active Internet connections (w/o servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State\ntcp        0      0 127.0.0.1:1             127.0.0.1:2             ESTABLISHED\n"
    let unix = "Active UNIX domain sockets (w/o servers)\nProto RefCnt Flags       Type       State         I-Node   Path\nunix  2      [ ]         DGRAM                    9740     @x\n"
    let result = TestSupport.parse(block + unix + block + unix + block)
    #expect(result.records.map(\.snapshot) == [1, 1, 2, 2, 3])
    #expect(result.summary.snapshots == 3)
  }

  @Test func multiLineNoticeIsAccountedFor() {
    let text = "(Es konnten nicht alle Prozesse identifiziert werden; Informationen über\nnicht-eigene Prozesse werden nicht angezeigt; Root kann sie anzeigen.)\nAktive Internetverbindungen (Nur Server)\n"
    let result = TestSupport.parse(text)
    #expect(result.summary.count(.notice) == 2)
    #expect(result.summary.count(.banner) == 1)
    #expect(result.error == nil)
  }
}
