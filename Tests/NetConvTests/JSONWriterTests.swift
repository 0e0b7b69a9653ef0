import Foundation
import NetConv
import Testing

/// The JSON writer's output is read back by Foundation's parser.
@Suite struct JSONWriterTests {
  static let hostile = [
    "quote \" and backslash \\", "comma, separated", "new\nline", "carriage\rreturn", "tab\there",
    "bell \u{07} and nul \u{00}", "ümlaut ÄÖÜ", "emoji 🧨", "=cmd|' /C calc'!A0", "yes", "0123", "~", "",
  ]

  @Test(arguments: hostile)
  func hostileProcessNamesRoundTrip(_ name: String) throws {
    var socket = Socket(format: .linuxNetstat, snapshot: 1, line: 1, protocol: "tcp", family: .ipv4)
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

  @Test func emptyInputWritesAnEmptyArray() throws {
    let bytes = try TestSupport.json([])
    #expect(String(decoding: bytes, as: UTF8.self) == "[]\n")
  }
}
