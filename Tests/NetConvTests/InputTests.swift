import Foundation
@testable import NetConv
import Testing

/// Bytes → text → lines: encodings, line ends and hostile inputs.
@Suite struct InputTests {
  static let row = "tcp        0      0 127.0.0.1:8443          0.0.0.0:*               LISTEN      4402/my weird:prog  \n"

  @Test func crlfAndLoneCRLineEndsGiveTheSameRecords() {
    let lf = TestSupport.parse(Self.row + Self.row)
    let crlf = TestSupport.parse((Self.row + Self.row).replacingOccurrences(of: "\n", with: "\r\n"))
    let cr = TestSupport.parse((Self.row + Self.row).replacingOccurrences(of: "\n", with: "\r"))
    #expect(lf.records.count == 2)
    #expect(crlf.records.map(\.process) == lf.records.map(\.process))
    #expect(cr.records.map(\.local) == lf.records.map(\.local))
    #expect(cr.summary.lines == 2)
  }

  @Test func utf16WithAndWithoutBOMIsDecoded() {
    let text = "Active Internet connections (servers and established)\n" + Self.row
    let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be: [UInt8] = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(TestSupport.parse(le).summary.encoding == .utf16LE)
    #expect(TestSupport.parse(le).records.first?.process == "my weird:prog")
    #expect(TestSupport.parse(be).summary.encoding == .utf16BE)
    #expect(TestSupport.parse(be).records.count == 1)
  }

  @Test func chunkBoundariesDoNotSplitLinesOrCharacters() {
    let text = "Aktivní Internetová spojení (servery a navázaná spojení)\r\n" + Self.row.replacingOccurrences(of: "LISTEN", with: "NASLOUCHÁ")
    for chunk in [1, 2, 3, 7] {
      let reader = SocketReader(source: MemoryByteSource(Array(text.utf8), chunkSize: chunk))
      var records: [Socket] = []
      while case .some(let event) = try? reader.next() {
        if case .record(let socket) = event { records.append(socket) }
      }
      #expect(records.first?.stateRaw == "NASLOUCHÁ", "chunk size \(chunk)")
      #expect(reader.summary.count(.banner) == 1)
    }
  }

  @Test func invalidUTF8FallsBackToACodePageWithANote() {
    var bytes = Array("Aktive Sockets in der UNIX-Dom".utf8) + [0xE4] + Array("ne (Server und stehende Verbindungen)\n".utf8)
    bytes += Array("unix  2      [ ACC ]     STREAM     H".utf8) + [0xD6] + Array("RT          11113    /tmp/x.sock\n".utf8)
    let result = TestSupport.parse(bytes)
    #expect(result.summary.legacyCodePage == .cp1252)
    #expect(result.records.first?.stateRaw == "HÖRT")
    #expect(result.records.first?.state == .listen)
    #expect(result.diagnostics.filter { $0.kind == .legacyEncoding }.count == 1)
  }

  /// `fold` counts bytes: at a width that falls inside a character, one line ends with its
  /// first bytes and the next starts with the rest. The character is read whole on the next
  /// line, in UTF-8, with a note — not each line in a code page of its own.
  @Test func aCharacterCutByAByteCountingWrapIsReadOnTheNextLine() {
    let row = "tcp        0      0 0.0.0.0:2024            0.0.0.0:*               LISTEN      -                    オフ (0.00/0/0)\n"
    let header = "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name     Timer\n"
    let bytes = Array(row.utf8)
    let cut = bytes.firstIndex(of: 0xE3)! + 1  // after the first byte of オ
    let wrapped = Array(header.utf8) + Array(bytes[..<cut]) + [0x0A] + Array(bytes[cut...])
    let result = TestSupport.parse(wrapped)
    #expect(result.summary.legacyCodePage == nil)
    #expect(result.records.first?.timer == "オフ (0.00/0/0)")
    #expect(result.diagnostics.map(\.kind) == [.rejoinedWrap])
    #expect(result.diagnostics.first?.line == 3)
  }

  /// A line in a legacy code page may end in a byte that starts a UTF-8 character (cp1251 `п`
  /// is 0xEF): when the next line does not continue it, both lines are read as before.
  @Test func aLegacyLineEndingInALeadByteIsReadAsBefore() {
    let first = Array("unix  2      [ ACC ]     STREAM     LISTENING     11113    /tmp/".utf8) + [0xEF]
    let second = Array("unix  2      [ ACC ]     STREAM     LISTENING     11114    /tmp/b\n".utf8)
    let result = TestSupport.parse(first + [0x0A] + second)
    #expect(result.records.count == 2)
    let alone = TestSupport.parse(first + [0x0A])
    #expect(result.records.first?.local.address == alone.records.first?.local.address)
    #expect(result.records.first?.local.address?.hasPrefix("/tmp/") == true)
    #expect(result.records.first?.local.address != "/tmp/")
    #expect(result.records.last?.local.address == "/tmp/b")
    #expect(!result.diagnostics.contains { $0.kind == .rejoinedWrap })
  }

  /// The lines after a prompt may be the rest of its command, cut by a wrap; text that goes on
  /// and on after a prompt does not grow the command kept for the next table.
  @Test func endlessTextAfterAPromptKeepsTheCommandBounded() {
    var parser = DocumentParser(dialect: nil)
    func read(_ text: String, _ number: Int) {
      let bytes = Array(text.utf8)
      _ = bytes.withUnsafeBufferPointer { parser.read(LineText(bytes: $0), number: number) }
    }
    read("PS C:\\> Get-NetUDPEndpoint | Select LocalAddress,LocalPort,OwningProcess,@{Name='Process';Expression={(Get-Proce", 1)
    read("ss -Id $_.OwningProcess).ProcessName}}", 2)
    for number in 3...10_000 { read("and more text, which goes on and on and on without a blank line or a table after it", number) }
    #expect(parser.context.lastPrompt?.hasPrefix("PS C:\\> Get-NetUDPEndpoint") == true)
    #expect((parser.context.lastPrompt?.utf8.count ?? 0) < 1_000)
  }

  @Test func emptyInputIsAnError() {
    #expect(TestSupport.parse("").error == .empty)
    #expect(TestSupport.parse("\n\n   \n\t\n").error == .empty)
  }

  @Test func binaryInputIsAnError() {
    var random = SystemRandomNumberGenerator()
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) } + [0]
    guard case .binary = TestSupport.parse(bytes).error else {
      Issue.record("random bytes were not refused as binary")
      return
    }
    let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56) + Array("text".utf8)
    guard case .binary(let offset) = TestSupport.parse(elf).error else {
      Issue.record("an ELF header was not refused")
      return
    }
    #expect(offset == 4)
  }

  /// One rule wherever the NUL is: the line that holds it is unreadable, the rest is read.
  @Test(arguments: [0, 2000])
  func aNULByteMakesOnlyItsLineUnrecognized(rowsBefore: Int) {
    let header = "Active Internet connections (servers and established)\n"
      + "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n"
    let text = header + String(repeating: Self.row, count: rowsBefore) + "tcp  0  0 1.2.3.4:5\u{0}6 \n" + Self.row
    let result = TestSupport.parse(Array(text.utf8))
    #expect(result.error == nil)
    #expect(result.records.count == rowsBefore + 1)
    #expect(result.summary.count(.unrecognized) == 1)
    #expect(result.diagnostics.contains { $0.kind == .binaryLine && $0.line == rowsBefore + 3 })
  }

  /// The encoding, and whether the input is binary, are decided on the same bytes however the
  /// source cuts them into chunks.
  @Test(arguments: [1, 7, 16, 4096])
  func chunkSizeDoesNotChangeTheEncoding(chunk: Int) {
    let text = "Active Internet connections (servers and established)\n" + Self.row
    let be: [UInt8] = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let reader = SocketReader(source: MemoryByteSource(be, chunkSize: chunk))
    var records = 0
    while case .some(let event) = try? reader.next() { if case .record = event { records += 1 } }
    #expect(reader.summary.encoding == .utf16BE)
    #expect(records == 1)
  }

  @Test func textThatIsNotNetstatIsAnError() {
    let result = TestSupport.parse("Dear Sam,\nthe printer is broken again.\nBest, Alex\n")
    #expect(result.error == .noSocketTables(linesRead: 3))
    #expect(result.records.isEmpty)
  }

  @Test func aHugeSingleLineIsDroppedWithBoundedMemory() {
    let options = ParseOptions(maxLineLength: 1 << 16)
    let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 5_000_000)
    let result = TestSupport.parse(huge + [0x0A] + Array(Self.row.utf8), options: options)
    #expect(result.records.count == 1)
    #expect(result.diagnostics.first?.kind == .lineTooLong)
    #expect(result.diagnostics.first?.line == 1)
    #expect(result.summary.count(.unrecognized) == 1)
    let alone = TestSupport.parse(huge, options: options)
    #expect(alone.error == .noSocketTables(linesRead: 1))
  }

  @Test func aMillionBlankLinesAreReadInLinearTime() {
    let bytes = [UInt8](repeating: 0x0A, count: 1_000_000) + Array(Self.row.utf8)
    let result = TestSupport.parse(bytes)
    #expect(result.records.count == 1)
    #expect(result.records.first?.line == 1_000_001)
    #expect(result.summary.count(.noise) == 1_000_000)
  }

  @Test func strictModeFailsOnAnUnrecognizedLineAfterHandingOutRecords() {
    let text = "Active Internet connections (servers and established)\n" + Self.row + "garbage here\n" + Self.row
    let tolerant = TestSupport.parse(text)
    #expect(tolerant.error == nil)
    #expect(tolerant.records.count == 2)
    let strict = TestSupport.parse(text, options: ParseOptions(strict: true))
    #expect(strict.records.count == 2)
    #expect(strict.error == .unrecognizedLines(count: 1, firstLine: 3))
  }
}

/// Paste debris around a table never changes the table's records.
@Suite struct PasteInvarianceTests {
  static let table = TestSupport.fixtures.appendingPathComponent("windows-netstat/en-ano.txt")

  @Test(arguments: [
    ("Hi,\nhere it is:\n\n", "\nThanks, Maria\n"),
    ("```\n", "```\n"),
    ("-- More --\n", "^C\n"),
    ("Content-Type: text/plain\n\n", "\n-- \nsent from my phone\n"),
  ])
  func noiseAroundATableKeepsItsRecords(_ noise: (String, String)) throws {
    let text = try String(contentsOf: Self.table, encoding: .utf8)
    let plain = TestSupport.parse(text).records
    let wrapped = TestSupport.parse(noise.0 + text + noise.1).records
    let offset = noise.0.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    #expect(wrapped.count == plain.count)
    #expect(wrapped.map { $0.line - offset } == plain.map(\.line))
    #expect(wrapped.map(\.local) == plain.map(\.local))
    #expect(wrapped.map(\.pid) == plain.map(\.pid))
  }

  @Test func quotingEveryLineKeepsTheRecords() throws {
    let text = try String(contentsOf: Self.table, encoding: .utf8)
    let quoted = text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    #expect(TestSupport.parse(quoted).records.map(\.remote) == TestSupport.parse(text).records.map(\.remote))
  }
}

/// The vocabulary probe index finds what a plain substring search finds.
@Suite struct VocabularyProbeTests {
  @Test func everyProbeIsFoundInsideOtherText() {
    for probe in VocabularyProbes.all {
      #expect(VocabularyProbes.occurs(in: Array("xx \(probe) yy".utf8)), "\(probe)")
      #expect(VocabularyProbes.occurs(in: Array(probe.utf8)), "\(probe)")
    }
  }

  @Test func textWithoutAProbeIsNotMatched() {
    var random = SystemRandomNumberGenerator()
    let letters = Array("aeiouäöüßéèçñøåæœžščřňďťěůабвгдежзийклмн ".unicodeScalars)
    for _ in 0..<500 {
      var text = ""
      for _ in 0..<Int.random(in: 1...40, using: &random) { text.unicodeScalars.append(letters.randomElement(using: &random)!) }
      let plain = VocabularyProbes.all.contains { text.contains($0) }
      #expect(VocabularyProbes.occurs(in: Array(text.utf8)) == plain, "\(text)")
    }
  }
}
