import Foundation
import Testing

@testable import NetConv

/// Markdown and HTML markup is undone wherever it appears in an input, whatever the chunks
/// the bytes arrive in (the input is looked at chunk by chunk), and only there.
@Suite struct MarkupTests {
  private static let plain = "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1004\r\n"

  private static func records(_ text: String, chunkSize: Int) throws -> [Socket] {
    let reader = SocketReader(source: MemoryByteSource(Array(text.utf8), chunkSize: chunkSize))
    return try reader.readAll().records
  }

  @Test(arguments: [1, 7, 4096, 1 << 16])
  func markupAfterManyPlainRowsIsUndone(_ chunkSize: Int) throws {
    let text = String(repeating: Self.plain, count: 1_500)
      + "  TCP    **0.0.0.0:445**        0.0.0.0:0              LISTENING       4\r\n"
      + "  TCP&nbsp;&nbsp;127.0.0.1:5939&nbsp;&nbsp;0.0.0.0:0&nbsp;&nbsp;LISTENING&nbsp;&nbsp;3480\r\n"
    let records = try Self.records(text, chunkSize: chunkSize)
    try #require(records.count == 1_502)
    #expect(records[1_500].local.address == "0.0.0.0" && records[1_500].local.port == 445)
    #expect(records[1_501].local.address == "127.0.0.1" && records[1_501].pid == 3480)
  }

  @Test func dataThatLooksLikeMarkupIsKept() throws {
    // ss's `*:*`, `pid=`, the shutdown arrow `<->` and a placeholder `<my ip>` are data.
    let text = """
      Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process
      udp   UNCONN 0      0      *:5353             *:*               users:(("avahi",pid=4,fd=12)) <->
      tcp   ESTAB  0      0      <my ip>:22         10.0.0.9:51234

      """
    let records = try Self.records(text, chunkSize: 1 << 16)
    #expect(records.first?.pid == 4)
    #expect(records.first?.details.contains { $0.key == "shutdown" && $0.value == "<->" } == true)
    #expect(Array(text.utf8).withUnsafeBufferPointer { MarkupCleaner.needsCleaning($0) } == false)
  }
}
