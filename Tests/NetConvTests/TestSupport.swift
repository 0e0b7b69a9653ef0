import Foundation
import NetConv
import NetConvChecks

/// Paths and helpers shared by the tests.
enum TestSupport {
  /// The package root, found from this file's path (Tests/NetConvTests/TestSupport.swift).
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let fixtures = packageRoot.appendingPathComponent("Fixtures")

  /// `../shared/corpus` beside the checkout, when it exists.
  static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

  /// Whether re-recording golden files was asked for (`RECORD_FIXTURES=1`).
  static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1" }

  /// The folder holding the built products (`netconv` sits next to the test bundle).
  static let productsDirectory: URL = {
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("netconv").path) {
      url.deleteLastPathComponent()
    }
    return url
  }()

  /// Everything a reader produced for one input.
  typealias Result = Invariants.Parse

  /// Reads `bytes` to the end, collecting records, diagnostics and the end-of-input error.
  static func parse(_ bytes: [UInt8], options: ParseOptions = ParseOptions()) -> Result {
    Invariants.parse(bytes, options: options)
  }

  static func parse(_ text: String, options: ParseOptions = ParseOptions()) -> Result {
    parse(Array(text.utf8), options: options)
  }

  /// The JSON array netconv writes for `records`.
  static func json(_ records: [Socket], layout: JSONRecordWriter.Layout = .array) throws -> [UInt8] {
    let output = OutputSink()
    var writer = JSONRecordWriter(sink: output, layout: layout)
    try writer.begin()
    for record in records { try writer.write(record) }
    try writer.end()
    return output.collected
  }

  /// Runs the built `netconv` with `arguments` and `stdin`; returns stdout, stderr and the exit code.
  static func run(_ arguments: [String], stdin: Data = Data()) throws -> (stdout: String, stderr: String, status: Int32) {
    let result = try execute(productsDirectory.appendingPathComponent("netconv"), arguments, stdin: stdin)
    return (String(decoding: result.stdout, as: UTF8.self), result.stderr, result.status)
  }

  /// The code of the README's `language` blocks in the section titled `section` (up to the next
  /// `## ` title), in order.
  static func readmeCodeBlocks(_ language: String, inSection section: String) throws -> [String] {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let parts = readme.components(separatedBy: "## \(section)\n")
    guard parts.count > 1 else { return [] }
    let body = parts[1].components(separatedBy: "\n## ")[0]
    return body.components(separatedBy: "```\(language)\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
  }

  /// Runs `executable` (a path, or a name looked up in PATH) with `arguments` and `stdin`, in
  /// `directory` when given; returns the exit code, stdout as bytes and stderr as text.
  static func execute(_ executable: URL, _ arguments: [String], stdin: Data = Data(), in directory: URL? = nil) throws
    -> (status: Int32, stdout: [UInt8], stderr: String)
  {
    // Standard input comes from a file, so a program that exits early never sends SIGPIPE here.
    let inputURL = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-stdin-\(UUID().uuidString)")
    try stdin.write(to: inputURL)
    defer { try? FileManager.default.removeItem(at: inputURL) }
    let process = Process()
    if executable.path.contains("/") && FileManager.default.fileExists(atPath: executable.path) {
      process.executableURL = executable
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [executable.lastPathComponent] + arguments
    }
    let output = Pipe()
    let error = Pipe()
    if let directory { process.currentDirectoryURL = directory }
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, [UInt8](out), String(decoding: err, as: UTF8.self))
  }

}
