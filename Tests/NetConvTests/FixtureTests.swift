import Foundation
import NetConv
import NetConvChecks
import NetConvYAML
import Testing

/// Runs every `Fixtures/<dialect>/<name>.txt` and compares with its golden files:
/// `<name>.json`, `<name>.yaml` and `<name>.csv` (the records as netconv writes them) and
/// `<name>.diagnostics` (line classes, encoding, snapshots and every diagnostic).
/// `RECORD_FIXTURES=1` rewrites them and fails.
@Suite struct FixtureTests {
  static let inputs: [String] = {
    let dialects = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.path)) ?? []
    return dialects.sorted().flatMap { dialect -> [String] in
      let folder = TestSupport.fixtures.appendingPathComponent(dialect)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      return names.filter { $0.hasSuffix(".txt") }.sorted().map {
        "\(dialect)/\($0)"
      }
    }
  }()

  @Test func fixturesExist() {
    #expect(Self.inputs.count >= 20)
  }

  /// A glob over the inputs (`Fixtures/*/*.txt`, as in the README's batch example) picks no
  /// golden file: every `.txt` has its `.json` golden beside it.
  @Test func everyTextFileIsAnInput() throws {
    for relative in Self.inputs {
      let golden = TestSupport.fixtures.appendingPathComponent(relative).deletingPathExtension().appendingPathExtension("json")
      #expect(FileManager.default.fileExists(atPath: golden.path), "\(relative) has no golden: is it an input?")
    }
  }

  @Test(arguments: inputs)
  func fixtureMatchesGolden(_ relative: String) throws {
    let input = TestSupport.fixtures.appendingPathComponent(relative)
    let base = input.deletingPathExtension()
    let bytes = try [UInt8](Data(contentsOf: input))
    let result = TestSupport.parse(bytes)
    // The goldens are what the CLI writes: parsed bytes straight into each writer.
    let json = try Invariants.convert(bytes, .json)
    let report = Self.report(result)
    var goldens: [(URL, [UInt8])] = [
      (base.appendingPathExtension("json"), json),
      (URL(fileURLWithPath: base.path + ".diagnostics"), Array(report.utf8)),
    ]
    for format in [OutputFormat.yaml, .csv] {
      goldens.append((base.appendingPathExtension(format.fileExtension), try Invariants.convert(bytes, format)))
    }
    // Writing the parsed Socket values gives the same bytes.
    #expect(try TestSupport.json(result.records) == json)
    for format in [OutputFormat.yaml, .csv] {
      #expect(try WriterTests.write(result.records, format) == goldens.first { $0.0.pathExtension == format.fileExtension }!.1)
    }
    if TestSupport.recording {
      for (url, bytes) in goldens { try Data(bytes).write(to: url) }
      Issue.record("re-recorded \(relative); run again without RECORD_FIXTURES")
      return
    }
    for (url, bytes) in goldens {
      let expected = try [UInt8](Data(contentsOf: url))
      #expect(bytes == expected, "output differs from \(url.lastPathComponent)")
    }
    #expect(result.summary.lineClasses.values.reduce(0, +) == result.summary.lines, "every line has one class")
    // The records written as JSON decode back to the same values.
    let decoded = try JSONDecoder().decode([Socket].self, from: Data(json))
    #expect(decoded == result.records)
  }

  /// The text of a `.diagnostics` golden file.
  static func report(_ result: TestSupport.Result) -> String {
    var text = "lines: \(result.summary.lines)\nrecords: \(result.summary.records)\n"
    text += "snapshots: \(result.summary.snapshots)\nencoding: \(result.summary.encoding.rawValue)\n"
    if let page = result.summary.legacyCodePage { text += "legacy code page: \(page.rawValue)\n" }
    for lineClass in LineClass.allCases where result.summary.count(lineClass) > 0 {
      text += "class \(lineClass.rawValue): \(result.summary.count(lineClass))\n"
    }
    for diagnostic in result.diagnostics {
      text += "\(diagnostic.line.map(String.init) ?? "-"): \(diagnostic.severity.rawValue) [\(diagnostic.kind.rawValue)] \(diagnostic.message)\n"
    }
    if let error = result.error { text += "error: \(error)\n" }
    return text
  }
}
