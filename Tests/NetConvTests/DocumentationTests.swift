import Foundation
import Testing

/// Every public declaration of the libraries, and every case of a public enum, has a doc
/// comment: DocC shows the reference, and an undocumented case is a question for every reader.
@Suite struct DocumentationTests {
  @Test(arguments: ["Sources/NetConv", "Sources/NetConvYAML"])
  func everyPublicDeclarationIsDocumented(_ folder: String) throws {
    let root = TestSupport.packageRoot.appendingPathComponent(folder)
    let manager = FileManager.default
    var undocumented: [String] = []
    for case let relative as String in manager.enumerator(atPath: root.path)! where relative.hasSuffix(".swift") {
      let lines = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      var publicEnumDepth: [Bool] = []  // per open type: whether it is a public enum
      for (index, line) in lines.enumerated() {
        if line.hasPrefix("}") && !publicEnumDepth.isEmpty { publicEnumDepth.removeLast() }
        let opensType = ["enum ", "struct ", "class ", "extension ", "protocol "].contains { line.contains($0) } && line.hasSuffix("{")
        let isCase = line.hasPrefix("case ") && !line.hasPrefix("case .") && !line.hasPrefix("case let") && !line.hasSuffix(":") && !line.contains(" return ") && publicEnumDepth.last == true
        let isPublic = line.hasPrefix("public ") && !Self.conformanceRequirement(line)
        if isPublic || isCase {
          var above = index - 1
          while above >= 0 && lines[above].hasPrefix("@") { above -= 1 }
          if above < 0 || !lines[above].hasPrefix("///") { undocumented.append("\(folder)/\(relative):\(index + 1): \(line)") }
        }
        if opensType { publicEnumDepth.append(line.hasPrefix("public enum") || line.hasPrefix("public indirect enum")) }
      }
    }
    #expect(undocumented.isEmpty, "\(undocumented.joined(separator: "\n"))")
  }

  /// Members that implement a documented protocol requirement inherit its documentation.
  private static func conformanceRequirement(_ line: String) -> Bool {
    ["public mutating func begin(", "public mutating func write(", "public mutating func end(", "public mutating func nextChunk(",
     "public var description: String", "public func encode(to", "public init(from"].contains { line.hasPrefix($0) }
  }
}
