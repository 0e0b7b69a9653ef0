import Foundation
import NetConv
import Testing

/// A value the input shows but netconv cannot keep is null with a warning, never null silently.
@Suite struct ValueRangeTests {
  static let header = """
    Active Internet connections (servers and established)
    Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name

    """

  @Test func aNumberTooLargeIsNullWithAWarning() {
    let row = "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      99999999999999999999/sshd\n"
    let result = TestSupport.parse(Self.header + row)
    #expect(result.records.first?.pid == nil)
    #expect(result.records.first?.process == "sshd")
    let warning = result.diagnostics.first { $0.kind == .valueOutOfRange }
    #expect(warning?.severity == .warning)
    #expect(warning?.line == 3)
    #expect(warning?.message.contains("pid 99999999999999999999 is out of range") == true)
    let strict = TestSupport.parse(Self.header + row, options: ParseOptions(strict: true))
    #expect(strict.error == .valuesOutOfRange(count: 1, firstLine: 3))
  }

  /// Inodes are 64-bit on every platform (a 32-bit WebAssembly build keeps them too): the
  /// largest `Int64` is kept, one more is null with a warning.
  @Test func anInodeIsKeptUpToSixtyFourBits() {
    let header = """
      Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process
      u_str ESTAB  0      0      /run/a.sock 9223372036854775807 * 12
      u_str ESTAB  0      0      /run/b.sock 9223372036854775808 * 13
      u_str ESTAB  0      0      /run/c.sock 2147483648 * 14

      """
    let result = TestSupport.parse(header)
    #expect(result.records.map(\.inode) == [9_223_372_036_854_775_807, nil, 2_147_483_648])
    #expect(result.diagnostics.map(\.line) == [3])
    #expect(result.diagnostics.first?.message.contains("inode 9223372036854775808 is out of range") == true)
    let json = String(decoding: MemoryRun(input: Array(header.utf8)).make(.jsonLines).bytes, as: UTF8.self)
    #expect(json.contains("\"inode\":9223372036854775807,"))
  }

  @Test func aPortAbove65535IsOutOfRangeNotAnUnknownService() {
    let row = "tcp        0      0 0.0.0.0:22              10.0.0.1:65536          ESTABLISHED 812/sshd\n"
    let result = TestSupport.parse(Self.header + row)
    #expect(result.records.first?.remote.port == nil)
    #expect(result.diagnostics.map(\.kind) == [.valueOutOfRange])
    #expect(result.diagnostics.first?.message == "port 65536 is out of range (0–65535): its port is null")
  }

  @Test func anSSOwnerPidTooLargeIsNullWithAWarning() {
    let text = """
      Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process
      tcp   LISTEN 0      128    0.0.0.0:22         0.0.0.0:*         users:(("sshd",pid=99999999999999999999999,fd=3))

      """
    let result = TestSupport.parse(text)
    #expect(result.records.first?.owners.first?.pid == nil)
    #expect(result.records.first?.owners.first?.fd == 3)
    #expect(result.diagnostics.contains { $0.kind == .valueOutOfRange && $0.line == 2 })
  }

  @Test func aWriteErrorSaysWhatHappened() throws {
    let process = Process()
    process.executableURL = TestSupport.productsDirectory.appendingPathComponent("netconv")
    process.arguments = [CommandLineTests.sample]
    process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let error = Pipe()
    process.standardError = error
    try process.run()
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(message.contains("cannot write the output: No space left on device"), "\(message)")
  }
}
