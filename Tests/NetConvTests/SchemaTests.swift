import Foundation
import NetConv
import Testing

/// `Schema/socket.schema.json` describes exactly what the writers produce.
@Suite struct SchemaTests {
  static let schemaURL = TestSupport.packageRoot.appendingPathComponent("Schema/socket.schema.json")

  @Test func schemaListsEveryFieldInOrder() throws {
    let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any]
    let required = schema?["required"] as? [String]
    #expect(required == Socket.FieldKey.allCases.map(\.rawValue))
  }

  /// Validates the golden JSON of every fixture with a real JSON Schema validator (Python's
  /// `jsonschema`, installed by .ci/run).
  @Test func fixtureOutputValidatesAgainstTheSchema() throws {
    let goldens = FixtureTests.inputs.map {
      TestSupport.fixtures.appendingPathComponent($0).deletingPathExtension().appendingPathExtension("json").path
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", TestSupport.packageRoot.appendingPathComponent("Scripts/validate-records.py").path,
      Self.schemaURL.path] + goldens
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(text.contains("0 errors"))
  }

  @Test func missingValuesAreNullNeverEmptyOrAbsent() throws {
    let result = TestSupport.parse("udp        0      0 127.0.0.1:5355          0.0.0.0:*\n")
    let json = try TestSupport.json(result.records)
    let objects = try JSONSerialization.jsonObject(with: Data(json)) as? [[String: Any]]
    let record = try #require(objects?.first)
    #expect(Set(record.keys) == Set(Socket.FieldKey.allCases.map(\.rawValue)))
    #expect(record["state"] is NSNull)
    #expect(record["remote_address"] is NSNull)
    #expect(!record.values.contains { ($0 as? String) == "" })
  }
}
