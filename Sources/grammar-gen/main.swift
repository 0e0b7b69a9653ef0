import Foundation
import GrammarCodegen

// Regenerates Sources/NetConv/Grammar/Vocabulary.generated.swift from Grammar/.
// Usage: swift run grammar-gen [package-root]
let root =
  CommandLine.arguments.count > 1
  ? URL(fileURLWithPath: CommandLine.arguments[1])
  : URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let generator = GrammarCodegen(grammarDirectory: root.appendingPathComponent("Grammar"))
do {
  let text = try generator.render()
  let output = root.appendingPathComponent(GrammarCodegen.outputPath)
  try FileManager.default.createDirectory(
    at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
  try text.write(to: output, atomically: true, encoding: .utf8)
  print("wrote \(GrammarCodegen.outputPath)")
} catch {
  FileHandle.standardError.write(Data("grammar-gen: \(error)\n".utf8))
  exit(1)
}
