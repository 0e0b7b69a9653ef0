import Foundation
@testable import NetConv
import Testing

/// The JSON writer's output is read back by Foundation's parser.
@Suite struct JSONWriterTests {
  static let hostile = [
    "quote \" and backslash \\", "comma, separated", "new\nline", "carriage\rreturn", "tab\there",
    "bell \u{07} and nul \u{00}", "ümlaut ÄÖÜ", "emoji 🧨", "=cmd|' /C calc'!A0", "yes", "0123", "~", "",
  ]

  @Test(arguments: hostile)
  func hostileProcessNamesRoundTrip(_ name: String) throws {
    var socket = Socket(dialect: .linuxNetstat, snapshot: 1, line: 1, protocol: "tcp", family: .ipv4)
    socket.process = name
    for layout in [JSONRecordWriter.Layout.array, .prettyArray] {
      let bytes = try TestSupport.json([socket], layout: layout)
      let decoded = try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]]
      #expect(decoded?.first?["process"] as? String == name)
    }
    let lines = try TestSupport.json([socket, socket], layout: .lines)
    let text = String(decoding: lines, as: UTF8.self)
    let parsed = try text.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(parsed.count == 2)
    #expect(parsed.allSatisfy { $0?["process"] as? String == name })
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  /// A parsed record writes some bytes twice (ss `process` and the first owner share theirs)
  /// and control characters take six bytes each: the room reserved per record must hold it.
  @Test(arguments: [JSONRecordWriter.Layout.array, .prettyArray, .lines])
  func textWrittenTwiceAndFullyEscapedFitsItsRecord(_ layout: JSONRecordWriter.Layout) throws {
    let name = String(repeating: "\u{01}", count: 12_000)  // twice six bytes each: more than a 64 KiB block
    var text = "Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
    let row = "tcp LISTEN 0 128 127.0.0.1:22 0.0.0.0:* users:((\"sshd\",pid=1,fd=3)) ino:1 sk:1 cgroup:/\n"
    while text.utf8.count < 400_000 { text += row }
    text += "tcp LISTEN 0 128 127.0.0.1:9 0.0.0.0:* users:((\"\(name)\",pid=2,fd=4))\n"
    let sink = OutputSink()
    var writer = JSONRecordWriter(sink: sink, layout: layout)
    try writer.begin()
    let outcome = try Conversion.run(SocketReader(string: text), source: nil, into: &writer)
    try writer.end()
    #expect(outcome.error == nil)
    let output = String(decoding: sink.collected, as: UTF8.self)
    let escaped = String(repeating: "\\u0001", count: 12_000)
    #expect(output.components(separatedBy: escaped).count - 1 == 2)  // `process` and the owner
    let records: [Any]
    if layout == .lines {
      records = try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) }
    } else {
      records = try #require(JSONSerialization.jsonObject(with: Data(sink.collected)) as? [Any])
    }
    #expect((records.last as? [String: Any])?["process"] as? String == name)
  }

  @Test func recordShapesReadTheSameAfterTheCacheIsEmptied() {
    // Masks that come back after other shapes and after a cache of two has been emptied.
    let masks: [UInt32] = [0b1111, 0b1011, 0b1111, 0b0111, 0b1011, 0b1, 0, 0b1111, 0xFFFF_FFFF, 0b1011, 0b0111, 0b1111]
    var roomy = JSONRecordShapes(first: "{", next: ",", separator: ":")
    var small = JSONRecordShapes(first: "{", next: ",", separator: ":", limit: 2)
    func text(_ shape: JSONRecordShapes.Shape, in shapes: JSONRecordShapes) -> [String] {
      shape.steps.map { "\($0.field):" + String(decoding: shapes.bytes[$0.start..<$0.end], as: UTF8.self) }
        + [String(decoding: shapes.bytes[shape.tailStart..<shape.tailEnd], as: UTF8.self)]
    }
    for mask in masks {
      let expected = text(roomy.shape(for: mask), in: roomy)
      #expect(text(small.shape(for: mask), in: small) == expected, "mask \(mask)")
      #expect(expected.joined().contains("\"dialect\""), "mask \(mask)")
    }
  }

  @Test func emptyInputWritesAnEmptyArray() throws {
    let bytes = try TestSupport.json([])
    #expect(String(decoding: bytes, as: UTF8.self) == "[]\n")
  }
}
