import Foundation
import NetConv
import NetConvChecks
import NetConvYAML
import Testing

/// Every writer's output is read back by real parsers — Python's json, csv and PyYAML (a YAML
/// 1.1 reader), and libyaml's parser — and compared with the records it was written from.
@Suite struct WriterTests {
  /// All fixture records, with each record's fixture name in `source`.
  static let fixtureRecords: [Socket] = FixtureTests.inputs.flatMap { relative -> [Socket] in
    let url = TestSupport.fixtures.appendingPathComponent(relative)
    let bytes = (try? [UInt8](Data(contentsOf: url))) ?? []
    return TestSupport.parse(bytes).records.map { var socket = $0; socket.source = relative; return socket }
  }

  static let hostile = [
    "quote \" and backslash \\", "comma, separated", "new\nline", "carriage\rreturn", "tab\there",
    "bell \u{07} and nul \u{00}", "ümlaut ÄÖÜ", "emoji 🧨", "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)",
    "\tlead tab", "yes", "no", "on", "off", "y", "N", "null", "~", "0123", "1e3", "0x1F", "12:30",
    "2024-01-02", ".inf", "-.5", "<<", "=", "", " leading", "trailing ", "- dash", "a: b", "#hash", "*:*",
    "[::]", "{x}", "'single'", "%percent", "!tag", "&anchor", "|pipe", ">fold", "...", "---",
  ]

  /// Records carrying each hostile string in every string field.
  static let hostileRecords: [Socket] = hostile.enumerated().map { index, text in
    var socket = Socket(dialect: .linuxNetstat, snapshot: 1, line: index + 1, protocol: "tcp", family: .ipv4)
    socket.source = text
    socket.local = Endpoint(address: text, port: 80, portName: text, interface: text)
    socket.remote = Endpoint(address: text, port: 0, portName: nil, interface: nil, truncated: true)
    socket.stateRaw = text
    socket.process = text
    socket.component = text
    socket.user = text
    socket.timer = text
    socket.socketType = text
    socket.owners = [SocketOwner(process: text, pid: index, fd: 3), SocketOwner(process: "second", pid: 2, fd: nil, tid: 9)]
    socket.details = [SocketDetail(key: "cgroup", value: text.isEmpty ? "/" : text), SocketDetail(key: "sk", value: "1c")]
    return socket
  }

  static func write(_ records: [Socket], _ format: OutputFormat, settings: OutputFormat.Settings = .init(), meta: FieldValue? = nil) throws -> [UInt8] {
    let sink = OutputSink()
    var writer = format.writer(sink: sink, settings: settings)
    try writer.begin()
    for record in records { try writer.write(record) }
    try writer.end(meta: meta)
    return sink.collected
  }

  /// Runs Scripts/readback.py on `outputs` and returns what Python parsed, by file.
  static func pythonReadback(_ format: OutputFormat, _ outputs: [[UInt8]]) throws -> [Any] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-readback-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let paths = try outputs.enumerated().map { index, bytes -> String in
      let url = folder.appendingPathComponent("\(index).\(format.fileExtension)")
      try Data(bytes).write(to: url)
      return url.path
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", TestSupport.packageRoot.appendingPathComponent("Scripts/readback.py").path, format.rawValue] + paths
    let pipe = Pipe()
    let errors = Pipe()
    process.standardOutput = pipe
    process.standardError = errors
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      Issue.record("readback.py failed: \(errorText)")
      return []
    }
    return paths.map { parsed[$0] ?? NSNull() }
  }

  static func decodeRecords(_ value: Any) throws -> [Socket] {
    let data = try JSONSerialization.data(withJSONObject: value)
    return try JSONDecoder().decode([Socket].self, from: data)
  }

  /// The CSV cells a record must read back as: the model's values, with the formula guard.
  static func expectedCells(_ socket: Socket, formulaGuard: Bool) -> [String] {
    Socket.FieldKey.allCases.map { field in
      let value = socket.value(of: field)
      switch value {
      case .null: return ""
      case .int(let number): return String(number)
      case .bool(let flag): return flag ? "true" : "false"
      case .string, .list, .object:
        let text = CSVRecordWriter.flatten(value)
        let trigger = text.first.map { "=+-@\t\r".contains($0) } ?? false
        return formulaGuard && trigger ? "'" + text : text
      }
    }
  }

  @Test(arguments: [OutputFormat.json, .jsonl, .yaml])
  func structuredFormatsReadBackToTheSameRecords(_ format: OutputFormat) throws {
    for records in [Self.fixtureRecords, Self.hostileRecords] {
      let parsed = try Self.pythonReadback(format, [try Self.write(records, format)])
      let decoded = try Self.decodeRecords(try #require(parsed.first))
      #expect(decoded.count == records.count)
      for (got, want) in zip(decoded, records) where got != want {
        Issue.record("\(format): line \(want.line) of \(want.source ?? "?") read back as \(got)")
        break
      }
    }
  }

  @Test func yamlReadsBackThroughLibYAMLWithTheRightTypes() throws {
    for records in [Self.fixtureRecords, Self.hostileRecords] {
      let yaml = try Self.write(records, .yaml)
      let parsed = try YAMLReadback.parse(yaml)
      let decoded = try Self.decodeRecords(parsed)
      #expect(decoded.count == records.count)
      if let index = decoded.indices.first(where: { $0 < records.count && decoded[$0] != records[$0] }) {
        Issue.record("record \(index) read back as \(decoded[index]), wrote \(records[index])")
      }
    }
  }

  @Test(arguments: [true, false])
  func csvReadsBackWithTheSameCells(_ formulaGuard: Bool) throws {
    for records in [Self.fixtureRecords, Self.hostileRecords] {
      let settings = OutputFormat.Settings(csvFormulaGuard: formulaGuard)
      let rows = try #require(try Self.pythonReadback(.csv, [try Self.write(records, .csv, settings: settings)]).first as? [[String]])
      #expect(rows.first == Socket.FieldKey.allCases.map(\.rawValue))
      #expect(rows.count == records.count + 1)
      for (row, record) in zip(rows.dropFirst(), records) {
        #expect(row == Self.expectedCells(record, formulaGuard: formulaGuard), "line \(record.line)")
      }
    }
  }

  @Test func csvFollowsRFC4180Bytes() throws {
    var socket = Socket(dialect: .linuxNetstat, snapshot: 1, line: 7, protocol: "tcp")
    socket.process = "say \"hi\", =1"
    socket.user = "=cmd"
    let bytes = try Self.write([socket], .csv, settings: .init(csvHeader: false))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasSuffix("\r\n"))
    #expect(text.contains(",\"say \"\"hi\"\", =1\","))
    #expect(text.contains(",'=cmd,"))
    #expect(!text.contains("source,"))
  }

  @Test func yamlQuotesWhatAReaderWouldMistakeAndNothingElse() throws {
    let text = String(decoding: try Self.write(Self.hostileRecords, .yaml), as: UTF8.self)
    for word in ["yes", "no", "on", "off", "y", "N", "null", "~", "0123", "1e3", "0x1F", "12:30", "2024-01-02", "<<", "="] {
      #expect(text.contains("  process: '\(word)'\n"), "\(word) must be quoted")
    }
    #expect(text.contains("  process: ümlaut ÄÖÜ\n"))
    // libyaml treats characters beyond the BMP as unprintable and escapes them; still a string.
    #expect(text.contains("  process: \"emoji \\U0001F9E8\"\n"))
    #expect(text.contains("  local_port: 80\n"))
    #expect(text.contains("  remote_truncated: true\n"))
  }

  @Test func envelopeCarriesMetaAfterTheRecords() throws {
    let url = TestSupport.fixtures.appendingPathComponent("linux-netstat/garbage-in-table.txt")
    let result = TestSupport.parse(try [UInt8](Data(contentsOf: url)))
    let meta = FieldValue.envelope(inputs: [
      Conversion.Outcome(
        source: "garbage-in-table.txt", summary: result.summary, diagnostics: result.diagnostics, error: result.error)
    ])
    for format in [OutputFormat.json, .yaml] {
      let bytes = try Self.write(result.records, format, settings: .init(envelope: true), meta: meta)
      let parsed = try #require(try Self.pythonReadback(format, [bytes]).first as? [String: Any])
      #expect(try Self.decodeRecords(try #require(parsed["records"])) == result.records)
      let inputs = try #require((parsed["meta"] as? [String: Any])?["inputs"] as? [[String: Any]])
      #expect(inputs.first?["records"] as? Int == 24)
      #expect((inputs.first?["lines_by_class"] as? [String: Any])?["unrecognized"] as? Int == 1)
      let diagnostics = try #require(inputs.first?["diagnostics"] as? [[String: Any]])
      #expect(diagnostics.first?["line"] as? Int == 10)
      #expect(diagnostics.first?["kind"] as? String == "unrecognized-line")
    }
  }

  @Test(arguments: OutputFormat.allCases)
  func noRecordsIsStillValidOutput(_ format: OutputFormat) throws {
    let bytes = try Self.write([], format)
    let parsed = try Self.pythonReadback(format, [bytes]).first
    switch format {
    case .json, .jsonl, .yaml: #expect((parsed as? [Any])?.isEmpty == true)
    case .csv: #expect((parsed as? [[String]]) == [Socket.FieldKey.allCases.map(\.rawValue)])
    }
  }

  @Test func writersStreamInsteadOfBufferingEverything() throws {
    let record = try #require(Self.fixtureRecords.first)
    for format in OutputFormat.allCases {
      let sink = OutputSink()
      var writer = format.writer(sink: sink)
      try writer.begin()
      for _ in 0..<2_000 { try writer.write(record) }
      #expect(sink.collected.count > 0, "\(format) wrote nothing before end()")
      try writer.end()
    }
  }
}
