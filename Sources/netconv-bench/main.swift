// netconv-bench: throughput, peak memory and start-up of netconv, and of jc on the same files
// when jc is installed (`pip install jc`). Run it through Scripts/benchmark.sh, which builds
// the release binary first; it prints a Markdown table.
//
// Usage: netconv-bench NETCONV_BINARY [MEGABYTES] [JC_MEGABYTES] [JC_YAML_MEGABYTES]
// JC_MEGABYTES 0 (the default) runs jc on the whole file; jc's YAML is slow enough (about
// 0.15 MB/s) that it runs on the first JC_YAML_MEGABYTES (default 2) of the same file.

import Foundation
import NetConv

let arguments = CommandLine.arguments
// `netconv-bench --parse-only FILE`: parse one file once and print its record count — the
// parsing cost alone, for a profiler (`valgrind --tool=callgrind netconv-bench --parse-only F`).
if arguments.count == 3, arguments[1] == "--parse-only" {
  let descriptor = open(arguments[2], O_RDONLY)
  guard descriptor >= 0 else { fatalError("cannot open \(arguments[2])") }
  print(try SocketReader(descriptor: descriptor).countRemainingRecords().get())
  exit(0)
}
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data("usage: netconv-bench NETCONV_BINARY [MB] [JC_MB] [JC_YAML_MB] | NETCONV_BINARY --scaling\n".utf8))
  exit(64)
}
let scalingOnly = arguments.count == 3 && arguments[2] == "--scaling"
let binary = arguments[1]
let megabytes = arguments.count > 2 && !scalingOnly ? Int(arguments[2]) ?? 20 : 20
let jcMegabytes = arguments.count > 3 ? Double(arguments[3]) ?? 0 : 0
let jcYAMLMegabytes = arguments.count > 4 ? Double(arguments[4]) ?? 2 : 2
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let work = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-bench")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

// MARK: - Inputs

/// A dialect's benchmark input: a fixture's banner/header lines, then its data lines repeated.
/// `headerLines` counts the fixture's non-blank lines up to and including the header (the
/// first one, the prompt, is left out).
struct Input {
  let dialect: String
  let jcParser: String?
  let fixture: String
  let headerLines: Int
  var path: URL { work.appendingPathComponent("\(dialect)-\(megabytes)MB.txt") }
}

let inputs = [
  Input(dialect: "linux-netstat", jcParser: "--netstat", fixture: "linux-netstat/tunapee.txt", headerLines: 3),
  Input(dialect: "ss", jcParser: "--ss", fixture: "ss/tunapeio.txt", headerLines: 2),
  Input(dialect: "windows-netstat", jcParser: "--netstat", fixture: "windows-netstat/en-abno.txt", headerLines: 3),
]

func makeInput(_ input: Input) throws {
  if FileManager.default.fileExists(atPath: input.path.path) { return }
  let text = try String(contentsOf: root.appendingPathComponent("Fixtures/\(input.fixture)"), encoding: .utf8)
  let separator = text.contains("\r\n") ? "\r\n" : "\n"
  let lines = text.components(separatedBy: separator).filter { !$0.isEmpty }
  let head = lines.dropFirst().prefix(input.headerLines - 1).joined(separator: separator) + separator
  let body = lines.dropFirst(input.headerLines).joined(separator: separator) + separator
  var data = Data(head.utf8)
  let block = Data(body.utf8)
  while data.count < megabytes << 20 { data.append(block) }
  try data.write(to: input.path)
}

func prefix(of input: Input, megabytes: Double) throws -> URL {
  let url = work.appendingPathComponent("\(input.path.deletingPathExtension().lastPathComponent)-first-\(megabytes)MB.txt")
  let data = try Data(contentsOf: input.path)
  var end = min(data.count, Int(megabytes * 1_048_576))
  while end < data.count && data[end - 1] != 0x0A { end += 1 }
  try data.prefix(end).write(to: url)
  return url
}

// MARK: - Measuring

struct Measure {
  var seconds: Double
  var peakKB: Int
}


/// Runs a command once with `posix_spawnp` (Foundation's `Process` adds milliseconds of its
/// own), input from `stdin` or /dev/null and output to /dev/null: its wall time by the
/// monotonic clock and its peak RSS from `wait4`; `nil` when it cannot run or fails.
func spawn(_ command: [String], stdin: URL? = nil) -> Measure? {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, stdin?.path ?? "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = command.map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  var pid: pid_t = 0
  let start = DispatchTime.now()
  guard posix_spawnp(&pid, command[0], &actions, nil, argv, environ) == 0 else { return nil }
  var status: Int32 = 0
  var usage = rusage()
  guard wait4(pid, &status, 0, &usage) == pid else { return nil }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  return status == 0 ? Measure(seconds: seconds, peakKB: usage.ru_maxrss) : nil
}

/// The best (shortest) of `runs` runs of a command, with its peak RSS from one more run under
/// GNU time: a child started by `posix_spawn` shares this process's memory until it execs, so
/// its own `wait4` figure would include this process's peak (the 20 MB inputs it generated).
func measure(_ command: [String], stdin: URL? = nil, runs: Int = 3) -> Measure? {
  var best: Measure?
  for _ in 0..<runs {
    guard let run = spawn(command, stdin: stdin) else { return nil }
    if best == nil || run.seconds < best!.seconds { best = run }
  }
  let report = work.appendingPathComponent("rss.txt")
  guard var result = best, spawn(["/usr/bin/time", "-f", "%M", "-o", report.path] + command, stdin: stdin) != nil,
    let text = try? String(contentsOf: report, encoding: .utf8),
    let kilobytes = text.split(whereSeparator: \.isWhitespace).last.flatMap({ Int($0) })
  else { return nil }
  result.peakKB = kilobytes
  return result
}

/// Parses a file with the library, best of five: `build` counts records built but not
/// written (the parsing cost); `sockets` hands out each as a `Socket` value through `next()`,
/// which makes its `String`s, as an embedder reading records one by one does.
func parseOnly(_ url: URL, sockets: Bool) throws -> (seconds: Double, records: Int) {
  var best = Double.infinity
  var records = 0
  for _ in 0..<5 {
    let descriptor = open(url.path, O_RDONLY)
    defer { close(descriptor) }
    let start = DispatchTime.now()
    let reader = SocketReader(descriptor: descriptor)
    var count = 0
    if sockets {
      while let event = try reader.next() { if case .record = event { count += 1 } }
    } else {
      count = try reader.countRemainingRecords().get()
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    best = min(best, seconds)
    records = count
  }
  return (best, records)
}

func which(_ name: String) -> String? {
  for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
    let path = "\(folder)/\(name)"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

func megabytesPerSecond(_ bytes: Int, _ seconds: Double) -> Double { Double(bytes) / seconds / 1e6 }
func fmt(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

// MARK: - Scaling

/// Time and peak memory of `report`, `diff` and converting garbage as the input grows tenfold:
/// each row of the table should take about ten times as long as the one before (linear), and
/// converting should stay within the same memory whatever the size.
func scaling() {
  print("| what | rows | seconds | µs per row | peak RSS |")
  print("|---|---:|---:|---:|---:|")
  let header = "Active Internet connections (servers and established)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n"
  func file(_ name: String, rows: Int, _ row: (Int) -> String) -> URL {
    let url = work.appendingPathComponent("scaling-\(name)-\(rows).txt")
    if !FileManager.default.fileExists(atPath: url.path) {
      var text = header
      text.reserveCapacity(rows * 100)
      for index in 0..<rows { text += row(index) }
      try? Data(text.utf8).write(to: url)
    }
    return url
  }
  let same: (Int) -> String = { _ in "tcp        0      0 10.0.0.5:3389           0.0.0.0:*               LISTEN      812/sshd\n" }
  let distinct: (Int) -> String = { index in
    let peer = "\(index >> 16 & 255).\(index >> 8 & 255).\(index & 255).7:\(1024 + index % 60000)"
    return "tcp        0      0 192.168.1.20:\(1024 + index % 60000)    \(peer.padding(toLength: 24, withPad: " ", startingAt: 0))ESTABLISHED \(index % 4_000_000 + 1)/app\(index % 1000)\n"
  }
  let garbage: (Int) -> String = { index in "garbage line \(index) in the table\n" }
  func row(_ what: String, _ rows: Int, _ command: [String]) {
    guard let run = measure(command, runs: 1) else {
      print("| \(what) | \(rows) | failed | | |")
      return
    }
    print("| \(what) | \(rows) | \(fmt(run.seconds, 2)) | \(fmt(run.seconds / Double(rows) * 1e6, 2)) | \(fmt(Double(run.peakKB) / 1024)) MB |")
  }
  for rows in [10_000, 100_000, 1_000_000] {
    let identical = file("same", rows: rows, same).path
    row("report, identical rows", rows, [binary, "report", identical])
    row("diff, identical rows", rows, [binary, "diff", identical, identical])
    let different = file("distinct", rows: rows, distinct).path
    row("report, distinct rows", rows, [binary, "report", different])
    row("diff, distinct rows", rows, [binary, "diff", different, identical])
  }
  for rows in [100_000, 1_000_000, 5_000_000] {
    row("convert, garbage lines in a table", rows, [binary, "-f", "jsonl", file("garbage", rows: rows, garbage).path])
  }
}

if scalingOnly {
  scaling()
  exit(0)
}

// MARK: - Run

let jc = which("jc")
print("netconv benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(megabytes) MB per dialect, input in page cache")
let jcScope = jcMegabytes > 0 ? "the first \(fmt(jcMegabytes)) MB" : "the whole file"
print("jc: \(jc.map { _ in "installed (JSON on \(jcScope), YAML on the first \(fmt(jcYAMLMegabytes, 2)) MB of the same file)" } ?? "not installed")\n")
print("| dialect | what | netconv MB/s | records/s | peak RSS | jc MB/s | jc peak RSS | ratio | target |")
print("|---|---|---:|---:|---:|---:|---:|---:|---|")
var summary: [String] = []
for input in inputs {
  try makeInput(input)
  let bytes = (try FileManager.default.attributesOfItem(atPath: input.path.path)[.size] as? Int) ?? 0
  _ = try Data(contentsOf: input.path)  // page cache
  let parsed = try parseOnly(input.path, sockets: false)
  let recordsPerByte = Double(parsed.records) / Double(bytes)
  let parseSpeed = megabytesPerSecond(bytes, parsed.seconds)
  var parseTarget = ""
  // wc -l reads the file ten times in one process, so its start-up does not count.
  if let wc = measure(["wc", "-l"] + Array(repeating: input.path.path, count: 10), runs: 7) {
    let wcSpeed = megabytesPerSecond(10 * bytes, wc.seconds)
    let slower = wcSpeed / parseSpeed
    parseTarget = "\(fmt(slower))× slower than wc -l (\(fmt(wcSpeed)) MB/s); target ≤ 10×: \(slower <= 10 ? "met" : "not met")"
    summary.append("\(input.dialect): parse only is \(fmt(slower))× slower than wc -l (\(fmt(wcSpeed)) MB/s)")
  }
  print("| \(input.dialect) | parse only | \(fmt(parseSpeed)) | \(fmt(Double(parsed.records) / parsed.seconds, 0)) | – | | | | \(parseTarget) |")
  let library = try parseOnly(input.path, sockets: true)
  print("| \(input.dialect) | library next() | \(fmt(megabytesPerSecond(bytes, library.seconds))) | \(fmt(Double(library.records) / library.seconds, 0)) | – | | | | |")
  for format in ["json", "jsonl", "yaml", "csv"] {
    guard let run = measure([binary, "-f", format, input.path.path], runs: 5) else { continue }
    let speed = megabytesPerSecond(bytes, run.seconds)
    var jcCells = "| | | |"
    if let jc, let parser = input.jcParser, format == "json" || format == "yaml" {
      let scope = format == "yaml" ? jcYAMLMegabytes : jcMegabytes
      let file = scope > 0 ? try prefix(of: input, megabytes: scope) : input.path
      let fileBytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
      if let jcRun = measure([jc, parser] + (format == "yaml" ? ["-y"] : []), stdin: file, runs: 1) {
        let jcSpeed = megabytesPerSecond(fileBytes, jcRun.seconds)
        let ratio = speed / jcSpeed
        let wanted: Double = format == "yaml" ? 1000 : 100
        jcCells = "\(fmt(jcSpeed, 2)) | \(fmt(Double(jcRun.peakKB) / 1024)) MB | \(fmt(ratio, 0))× | ≥ \(fmt(wanted, 0))×: \(ratio >= wanted ? "met" : "not met") |"
      }
    } else if format != "json" {
      jcCells = "| | | RSS ≤ 32 MB: \(run.peakKB <= 32 * 1024 ? "met" : "not met") |"
    }
    print("| \(input.dialect) | \(format) | \(fmt(speed)) | \(fmt(speed * 1e6 * recordsPerByte, 0)) | \(fmt(Double(run.peakKB) / 1024)) MB | \(jcCells)")
  }
}

// Start-up on a pasted screenful (about 2 KB).
let paste = work.appendingPathComponent("paste-2KB.txt")
let pasteText = try String(contentsOf: root.appendingPathComponent("Fixtures/linux-netstat/tunap.txt"), encoding: .utf8)
try Data(pasteText.utf8.prefix(2048)).write(to: paste)
/// The mean wall time of `runs` runs of a command.
func meanSeconds(_ command: [String], runs: Int) -> Double {
  var total = 0.0
  for _ in 0..<runs {
    guard let run = spawn(command) else { return .nan }
    total += run.seconds
  }
  return total / Double(runs)
}
let startup = meanSeconds([binary, paste.path], runs: 50)
var startupLine = "start-up on a 2 KB paste: netconv \(fmt(startup * 1000, 2)) ms"
if let jc {
  let jcStartup = meanSeconds(["/bin/sh", "-c", "\(jc) --netstat < '\(paste.path)'"], runs: 10)
  startupLine += ", jc \(fmt(jcStartup * 1000, 1)) ms (1/\(fmt(jcStartup / startup, 0)); target ≤ 1/20: \(jcStartup / startup >= 20 ? "met" : "not met"))"
}

// Batch: several files converted with -o DIR use every core.
let batchDir = work.appendingPathComponent("batch-out").path
let batchInputs = (0..<8).map { _ in inputs[0].path.path }.enumerated().map { index, path -> String in
  let copy = work.appendingPathComponent("batch-\(index).txt").path
  if !FileManager.default.fileExists(atPath: copy) { try? FileManager.default.copyItem(atPath: path, toPath: copy) }
  return copy
}
let batchStart = DispatchTime.now()
var rusageBefore = rusage()
getrusage(RUSAGE_CHILDREN.rawValue, &rusageBefore)
let batch = Process()
batch.executableURL = URL(fileURLWithPath: binary)
batch.arguments = ["-f", "csv", "-o", batchDir + "/"] + batchInputs
batch.standardOutput = FileHandle.nullDevice
try batch.run()
batch.waitUntilExit()
let batchWall = Double(DispatchTime.now().uptimeNanoseconds - batchStart.uptimeNanoseconds) / 1e9
var rusageAfter = rusage()
getrusage(RUSAGE_CHILDREN.rawValue, &rusageAfter)
func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
let cpu = seconds(rusageAfter.ru_utime) - seconds(rusageBefore.ru_utime) + seconds(rusageAfter.ru_stime) - seconds(rusageBefore.ru_stime)

print("")
print("- \(startupLine)")
let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
print("- batch of 8 × \(megabytes) MB to CSV with -o: \(fmt(batchWall, 2)) s wall, \(fmt(cpu / batchWall, 2)) of \(fmt(cores, 0)) cores busy on average")
for line in summary { print("- \(line)") }

print("")
scaling()
