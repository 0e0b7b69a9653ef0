import Foundation
import GrammarCodegen

// Regenerates the vocabulary tables (*.generated.swift beside their readers) from Grammar/ and
// Sources/NetConv/Model/Record.generated.swift and the README's list of record keys from
// Schema/socket.schema.json.
// Usage: swift run grammar-gen [package-root]
let root =
  CommandLine.arguments.count > 1
  ? URL(fileURLWithPath: CommandLine.arguments[1])
  : URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
do {
  let record = RecordCodegen(packageRoot: root)
  var outputs = try GrammarCodegen(grammarDirectory: root.appendingPathComponent("Grammar")).renderFiles()
  outputs.append((RecordCodegen.outputPath, try record.render()))
  outputs.append(("README.md", try record.renderReadme()))
  for (path, text) in outputs {
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
