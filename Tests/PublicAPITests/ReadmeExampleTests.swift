// The README's library example, compiled against the public API only (no @testable import).
import NetConv
import Testing

@Suite struct ReadmeExampleTests {
  @Test func readmeExampleRuns() throws {
    // BEGIN README EXAMPLE
    let text = """
      Active Internet connections (only servers)
      Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
      tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd: /usr/sbin
      """
    let reader = SocketReader(string: text)
    var listeners: [String] = []
    while let event = try reader.next() {
      switch event {
      case .record(let socket) where socket.state == .listen:
        listeners.append("\(socket.process ?? "?") on port \(socket.local.port ?? 0)")
      case .record:
        break
      case .diagnostic(let diagnostic):
        print("line \(diagnostic.line ?? 0): \(diagnostic.message)")
      }
    }
    print(listeners)  // ["sshd: /usr/sbin on port 22"]
    // END README EXAMPLE
    #expect(listeners == ["sshd: /usr/sbin on port 22"])
    #expect(reader.summary.records == 1)
  }
}
