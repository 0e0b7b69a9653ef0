// The README's library examples, compiled against the public API only (no @testable import).
import Foundation
import NetConv
import Testing

@Suite struct ReadmeExampleTests {
  /// A file as a user would have it: the paste saved to disk.
  private static func pasteFile() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-readme-\(UUID().uuidString).txt").path
    let text = """
      Active Internet connections (only servers)
      Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
      tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd: /usr/sbin
      tcp        0      0 127.0.0.1:631           0.0.0.0:*               LISTEN      990/cupsd
      """
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func oneCallExampleRuns() throws {
    let path = try Self.pasteFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    // BEGIN README EXAMPLE
    let parsed = try SocketReader.parse(contentsOf: path)
    for socket in parsed.records where socket.state == .listen {
      print("\(socket.process ?? "?") listens on port \(socket.local.port ?? 0)")
    }
    for diagnostic in parsed.diagnostics {
      print("line \(diagnostic.line ?? 0): \(diagnostic.message)")
    }
    // END README EXAMPLE
    #expect(parsed.records.map(\.local.port) == [22, 631])
    #expect(parsed.summary.records == 2)
  }

  @Test func streamingExampleRuns() throws {
    let path = try Self.pasteFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    // BEGIN README EXAMPLE
    let reader = try SocketReader(contentsOf: path)
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
    print(listeners)
    // END README EXAMPLE
    #expect(listeners == ["sshd: /usr/sbin on port 22", "cupsd on port 631"])
  }

  @Test func aMissingFileIsAnErrorThatSaysWhy() {
    #expect(throws: NetConvError.unreadable(path: "/nonexistent/paste.txt", reason: "No such file or directory")) {
      try SocketReader.parse(contentsOf: "/nonexistent/paste.txt")
    }
  }
}
