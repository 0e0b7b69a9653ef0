import Foundation
@testable import NetConv
import NetConvChecks
import Testing

/// Quoted-printable is decoded only where plain netstat or ss text could not look the same.
@Suite struct QuotedPrintableTests {
  static let ss = TestSupport.fixtures.appendingPathComponent("ss/tunap.txt")

  static func records(_ bytes: [UInt8]) -> [Socket] {
    TestSupport.parse(bytes).records
  }

  /// `fold -w 111` ends a line right after `pid=4402,fd=`: the next `pid=44…` must not be read
  /// as the escape `=44`.
  @Test func aPasteWrappedAfterAnEqualsSignKeepsItsPids() throws {
    let plain = try [UInt8](Data(contentsOf: Self.ss))
    let folded = try #require(PasteTransform.fold(width: 111, breakAtSpaces: false).apply(to: plain))
    let result = TestSupport.parse(folded)
    #expect(result.records.filter { $0.pid != nil }.count == Self.records(plain).filter { $0.pid != nil }.count)
    #expect(result.records.filter { $0.pid != nil }.count == 19)
    #expect(!result.diagnostics.contains { $0.kind == .quotedPrintable })
  }

  @Test(arguments: 60...200)
  func plainSSTextIsNeverDecoded(width: Int) throws {
    let plain = try [UInt8](Data(contentsOf: Self.ss))
    for spaces in [false, true] {
      let folded = try #require(PasteTransform.fold(width: width, breakAtSpaces: spaces).apply(to: plain))
      let result = TestSupport.parse(folded)
      #expect(!result.diagnostics.contains { $0.kind == .quotedPrintable }, "fold -w \(width)")
      #expect(result.summary.legacyCodePage == nil, "fold -w \(width): valid UTF-8 was re-read as a code page")
    }
  }

  @Test func anEncodedSSPasteDecodesToTheSameRecords() throws {
    let plain = try [UInt8](Data(contentsOf: Self.ss))
    let encoded = try #require(PasteTransform.quotedPrintable.apply(to: plain))
    #expect(encoded.count > plain.count / 2 && String(decoding: encoded, as: UTF8.self).contains("pid=3D"))
    let result = TestSupport.parse(encoded)
    #expect(result.records.map(\.owners) == Self.records(plain).map(\.owners))
    #expect(result.records.map(\.local) == Self.records(plain).map(\.local))
    #expect(result.diagnostics.contains { $0.kind == .quotedPrintable && $0.severity == .note })
  }

  @Test func escapesOfPlainCharactersRuleTheEncodingOut() {
    #expect(Self.evidence("users:((\"a\",pid=4402,fd=") == .plain)
    #expect(Self.evidence("users:((\"a\",pid=3D4402,fd=3D3))") == .encoded)
    #expect(Self.evidence("ABH=C3=96REN    =") == .encoded)
    #expect(Self.evidence("  TCP    0.0.0.0:135  =") == .none)
    #expect(Self.evidence("fd=12))") == .plain)
    #expect(Self.evidence("Content-Transfer-Encoding: quoted-printable") == .encoded)
  }

  /// A paste that looked encoded and then shows a bare `=` is read as it is from there, with a warning.
  @Test func aContradictionStopsDecodingWithAWarning() {
    let text = """
      note: a=3Db
      Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process
      tcp   LISTEN 0      128    0.0.0.0:22         0.0.0.0:*         users:(("sshd",pid=812,fd=3))

      """
    let result = TestSupport.parse(text)
    #expect(result.records.first?.pid == 812)
    #expect(result.diagnostics.contains { $0.kind == .quotedPrintable && $0.severity == .warning && $0.line == 3 })
  }

  static func evidence(_ text: String) -> QuotedPrintable.Evidence {
    var text = text
    return text.withUTF8 { QuotedPrintable.evidence($0) }
  }
}
