import Foundation
import NetConv
import NetConvChecks
import Testing

/// The fuzzer's invariants (Invariants.check), on every fixture, on every regression file the
/// fuzzer ever found, and on seeded random mutations of the fixtures.
@Suite struct InvariantTests {
  static let regressions: [String] = {
    let folder = TestSupport.packageRoot.appendingPathComponent("Fuzz/regressions")
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
  }()

  @Test(arguments: FixtureTests.inputs)
  func fixturesKeepEveryInvariant(_ relative: String) throws {
    let bytes = try [UInt8](Data(contentsOf: TestSupport.fixtures.appendingPathComponent(relative)))
    try Invariants.check(bytes)
  }

  @Test(arguments: regressions)
  func fuzzFindingsStayFixed(_ name: String) throws {
    let url = TestSupport.packageRoot.appendingPathComponent("Fuzz/regressions/\(name)")
    try Invariants.check([UInt8](try Data(contentsOf: url)), maxLineLength: 4096)
  }

  /// A deterministic generator, so a failure names a seed that reproduces it.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test(arguments: 0..<4)
  func mutatedFixturesKeepEveryInvariant(_ batch: Int) throws {
    let inputs = FixtureTests.inputs
    for seed in (batch * 50)..<(batch * 50 + 50) {
      var random = SplitMix(state: UInt64(seed))
      let relative = inputs[Int(random.next() % UInt64(inputs.count))]
      var bytes = try [UInt8](Data(contentsOf: TestSupport.fixtures.appendingPathComponent(relative)))
      for _ in 0..<Int(random.next() % 8 + 1) where !bytes.isEmpty {
        let position = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 5 {
        case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())  // flip a byte
        case 1: bytes.remove(at: position)  // drop a byte
        case 2: bytes.insert(contentsOf: Array("\n".utf8), at: position)  // break a line
        case 3: bytes.insert(contentsOf: Array(" users:((\"x\",pid=1,fd=2)) ".utf8), at: position)
        default:  // duplicate a slice (a repeated row or block)
          let end = min(bytes.count, position + Int(random.next() % 200))
          bytes.insert(contentsOf: bytes[position..<end], at: end)
        }
      }
      do {
        try Invariants.check(bytes, maxLineLength: 4096)
      } catch {
        Issue.record("seed \(seed) on \(relative): \(error)")
      }
    }
  }
}
