import Foundation
import Testing

/// `-o`: no two inputs write one file, no output replaces an input, and a failed input leaves
/// no file behind.
@Suite struct OutputFileTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func copy(_ fixture: String, to relative: String) throws -> String {
    let target = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent(fixture), to: target)
    return target.path
  }

  func files(under relative: String) -> [String] {
    let root = folder.appendingPathComponent(relative).path
    return (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
      .filter { !FileManager.default.isDirectory(root + "/" + $0) }.sorted()
  }

  @Test func inputsWithTheSameNameKeepTheirFolders() throws {
    let netstat = try copy("linux-netstat/tunap.txt", to: "a/z.txt")
    let ss = try copy("ss/tunap.txt", to: "b/z.txt")
    let out = folder.appendingPathComponent("out").path
    let run = try TestSupport.run([netstat, ss, "-o", out])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(files(under: "out") == ["a/z.json", "b/z.json"])
    let first = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/a/z.json"))) as? [Any]
    let second = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/b/z.json"))) as? [Any]
    #expect(first?.count == 24)
    #expect(second?.count == 20)
  }

  @Test func inputsThatWouldShareAnOutputAreRefusedBeforeWriting() throws {
    let text = try copy("linux-netstat/tunap.txt", to: "z.txt")
    let other = try copy("linux-netstat/tunap.txt", to: "z.out")
    let run = try TestSupport.run([text, other, "-o", folder.appendingPathComponent("out").path])
    #expect(run.status == 64)
    #expect(run.stderr.contains("would both be written to"))
    #expect(files(under: "out").isEmpty)
    let twice = try TestSupport.run([text, text, "-o", folder.appendingPathComponent("out2").path])
    #expect(twice.status == 64)
  }

  @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
    let input = try copy("linux-netstat/tunap.txt", to: "a.txt")
    let before = try Data(contentsOf: URL(fileURLWithPath: input))
    let run = try TestSupport.run([input, "-o", input])
    #expect(run.status == 64)
    #expect(run.stderr.contains("is the input"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    // The same through a folder: `-o .` with an input named like its own output.
    let json = try copy("linux-netstat/tunap.txt", to: "b.json")
    let again = try TestSupport.run(["-o", folder.path + "/", json])
    #expect(again.status == 64)
    #expect(try Data(contentsOf: URL(fileURLWithPath: json)) == before)
  }

  @Test func aFailedInputLeavesNoFileAndNoStandardOutput() throws {
    let prose = folder.appendingPathComponent("prose.txt")
    try Data("Dear Sam,\nthe printer is broken again.\n".utf8).write(to: prose)
    let target = folder.appendingPathComponent("prose.json").path
    let run = try TestSupport.run([prose.path, "-o", target])
    #expect(run.status == 65)
    #expect(!FileManager.default.fileExists(atPath: target))
    for format in ["json", "jsonl", "yaml", "csv"] {
      let printed = try TestSupport.run(["-f", format, prose.path])
      #expect(printed.status == 65)
      #expect(printed.stdout.isEmpty, "\(format): \(printed.stdout)")
    }
    #expect(files(under: "").filter { $0.contains(".netconv-") }.isEmpty, "a temporary file was left behind")
  }

  @Test func anExistingOutputIsReplacedWhole() throws {
    let input = try copy("linux-netstat/tunap.txt", to: "a.txt")
    let target = folder.appendingPathComponent("a.json")
    try Data(repeating: UInt8(ascii: "x"), count: 100_000).write(to: target)
    let run = try TestSupport.run([input, "-o", target.path])
    #expect(run.status == 0)
    let records = try JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [Any]
    #expect(records?.count == 24)
  }
}

extension FileManager {
  fileprivate func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }
}
