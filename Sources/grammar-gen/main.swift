import Foundation
import GrammarCodegen

// Regenerates Sources/NetConv/Grammar/Vocabulary.generated.swift from Grammar/ and
// Sources/NetConv/Model/Record.generated.swift and the README's list of record keys from
// Schema/socket.schema.json.
// Usage: swift run grammar-gen [package-root]
let root =
  CommandLine.arguments.count > 1
  ? URL(fileURLWithPath: CommandLine.arguments[1])
  : URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let outputs: [(path: String, render: () throws -> String)] = [
  (GrammarCodegen.outputPath, GrammarCodegen(grammarDirectory: root.appendingPathComponent("Grammar")).render),
  (RecordCodegen.outputPath, RecordCodegen(packageRoot: root).render),
  ("README.md", RecordCodegen(packageRoot: root).renderReadme),
]
do {
  for (path, render) in outputs {
    let text = try render()
    let output = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: output, atomically: true, encoding: .utf8)
    print("wrote \(path)")
  }
} catch {
  FileHandle.standardError.write(Data("grammar-gen: \(error)\n".utf8))
  exit(1)
}
