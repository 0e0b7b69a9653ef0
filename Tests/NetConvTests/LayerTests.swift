import Foundation
import Testing

/// The folders of `Sources/NetConv` are layers, lowest first; code may use its own layer and
/// the ones below, never one above. Data flows up through them: bytes, the model and the
/// vocabulary at the bottom, then input, lexing, parsing, the reader, the writers, the report.
@Suite struct LayerTests {
  static let layers = ["Bytes", "Model", "Grammar", "Input", "Lexing", "Parsing", "Reader", "Output", "Report"]

  private static let library = TestSupport.packageRoot.appendingPathComponent("Sources/NetConv")

  /// Every Swift file of the library by its layer.
  private static func files() throws -> [(layer: String, path: String, text: String)] {
    let manager = FileManager.default
    var out: [(String, String, String)] = []
    for folder in try manager.contentsOfDirectory(atPath: library.path) where !folder.hasSuffix(".docc") {
      let base = library.appendingPathComponent(folder)
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: base.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
      for case let relative as String in manager.enumerator(atPath: base.path)! where relative.hasSuffix(".swift") {
        let text = try String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8)
        out.append((folder, "\(folder)/\(relative)", text))
      }
    }
    return out
  }

  /// The code of `text` without comments and string literals, so prose naming a type is no use of it.
  private static func code(_ text: String) -> String {
    var out = text.replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
    out = out.replacingOccurrences(of: #"(?s)""".*?""""#, with: "\"\"", options: .regularExpression)
    return out.replacingOccurrences(of: #""(?:\\.|[^"\\\n])*""#, with: "\"\"", options: .regularExpression)
  }

  @Test func everyFolderIsALayer() throws {
    let folders = Set(try Self.files().map(\.layer))
    #expect(folders == Set(Self.layers), "add a new folder to LayerTests.layers, in data-flow order")
  }

  @Test func noFolderUsesALayerAboveIt() throws {
    let files = try Self.files()
    let declaration = try Regex(#"(?m)^(?:(?:public|package|internal|private|fileprivate|final|indirect) )*(?:struct|enum|class|protocol|typealias|actor) ([A-Z]\w*)"#)
    var layerOfType: [String: Int] = [:]
    for file in files {
      for match in file.text.matches(of: declaration) {
        let name = String(match.output[1].substring!)
        layerOfType[name] = layerOfType[name] ?? Self.layers.firstIndex(of: file.layer)
      }
    }
    #expect(layerOfType.count > 50)
    var violations: Set<String> = []
    for file in files {
      guard let level = Self.layers.firstIndex(of: file.layer) else { continue }
      let words = Self.code(file.text).split { !($0.isLetter || $0.isNumber || $0 == "_") }
      for word in words where word.first!.isUppercase {
        let name = String(word)
        if let used = layerOfType[name], used > level { violations.insert("\(file.path) uses \(name) (\(Self.layers[used]))") }
      }
    }
    #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
  }

  /// The core library imports no C module: embedders and the WebAssembly build need none.
  @Test func theCoreImportsNoCLibrary() throws {
    let allowed: Set<String> = ["Foundation", "Glibc", "Musl", "Darwin", "Synchronization", "WASILibc"]
    for file in try Self.files() {
      for line in file.text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") {
        guard let module = line.split(separator: " ").last.map(String.init), !line.hasPrefix("///") else { continue }
        #expect(allowed.contains(module), "\(file.path): \(line)")
      }
    }
  }
}
