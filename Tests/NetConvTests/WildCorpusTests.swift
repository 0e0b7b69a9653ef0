import Foundation
import NetConv
import Testing

/// The real pastes of `../shared/corpus/wild/`, as people posted them, against the counts and
/// spot values of its `expected.json` (the checked form of its `SOURCES.md` table). Files of
/// dialects netconv does not read yet (BSD netstat, PowerShell, lsof) wait for those dialects.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: TestSupport.corpus.appendingPathComponent("wild/expected.json").path)))
struct WildCorpusTests {
  static let folder = TestSupport.corpus.appendingPathComponent("wild")

  /// One file's expectations.
  struct Expectation: Decodable, CustomTestStringConvertible, Sendable {
    let file: String
    let dialects: [String]
    let records: Int
    let unix_records: Int
    let records_tolerance: Int
    let spot: [[String: SpotValue]]

    var testDescription: String { file }
  }

  /// A spot value: a number, a text, null, or `*wildcard*` (no peer).
  enum SpotValue: Decodable, Sendable, Equatable {
    case int(Int)
    case text(String)
    case null

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() { self = .null } else if let number = try? container.decode(Int.self) {
        self = .int(number)
      } else {
        self = .text(try container.decode(String.self))
      }
    }
  }

  static let supported: Set<String> = Set(Dialect.allCases.map(\.rawValue))

  static let expectations: [Expectation] = {
    guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")) else { return [] }
    return ((try? JSONDecoder().decode([Expectation].self, from: data)) ?? []).filter {
      Set($0.dialects).isSubset(of: supported)
    }
  }()

  @Test func expectationsAreRead() {
    #expect(Self.expectations.count >= 20)
  }

  /// Every file gives the expected number of records (within its tolerance) and every spot
  /// value, and leaves no more lines unrecognized than its tolerance allows for cut stubs.
  @Test(arguments: expectations)
  func pasteGivesTheExpectedRecords(_ expected: Expectation) throws {
    let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(expected.file)))
    let result = TestSupport.parse(bytes)
    let unix = result.records.filter { $0.protocol == "unix" }.count
    let others = result.records.count - unix
    #expect(abs(others - expected.records) <= expected.records_tolerance, "records \(others), expected \(expected.records)")
    #expect(abs(unix - expected.unix_records) <= expected.records_tolerance, "UNIX records \(unix)")
    for spot in expected.spot {
      #expect(result.records.contains { Self.matches($0, spot) }, "no record like \(spot)")
    }
    #expect(result.summary.count(.unrecognized) <= expected.records_tolerance, "\(result.diagnostics.filter { $0.kind == .unrecognizedLine })")
  }

  /// SOURCES.md asks for more than its spots here: the two peer ports an 80-column terminal cut
  /// (`::ffff:192.168.80.5:5`, padding, `2682`) are read whole, not as port 5.
  @Test func theTerminalCutPortsOf019AreReadWhole() throws {
    let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("019-ss.txt")))
    let ports = TestSupport.parse(bytes).records.filter { $0.remote.address == "::ffff:192.168.80.5" }.compactMap(\.remote.port)
    #expect(ports.contains(52682) && ports.contains(52957), "\(ports)")
    #expect(!ports.contains(5))
  }

  /// A record has a spot's values: `*wildcard*` is no peer, a port given as text is the
  /// service name shown, everything else equals the written value.
  static func matches(_ socket: Socket, _ spot: [String: SpotValue]) -> Bool {
    spot.allSatisfy { key, expected in
      if case .text("*wildcard*") = expected { return key.hasPrefix("remote") && socket.remote.address == nil }
      if key.hasSuffix("_port"), case .text(let name) = expected,
        let field = Socket.FieldKey(rawValue: key + "_name")
      {
        return socket.value(of: field) == .string(name)
      }
      guard let field = Socket.FieldKey(rawValue: key) else { return false }
      switch (expected, socket.value(of: field)) {
      case (.null, .null): return true
      case (.int(let a), .int(let b)): return a == b
      case (.text(let a), .string(let b)): return a == b
      default: return false
      }
    }
  }
}
