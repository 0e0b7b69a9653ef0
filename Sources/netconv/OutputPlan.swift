#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where each input's output goes with `-o DIR`, decided before anything is opened, so that
/// no two inputs write one file and no output replaces an input.
///
/// Each input gets `DIR/NAME.EXT`. Where two inputs share a name (`a/z.txt` and `b/z.txt`,
/// `tunap.txt` in two folders), every output keeps its input's path below the inputs' common
/// folder instead (`DIR/a/z.EXT`, `DIR/b/z.EXT`). Inputs that still meet on one output
/// (`z.txt` and `z.out`, one file named twice) are refused with a usage error.
struct OutputPlan {
  /// Why the outputs cannot be planned: a usage error (exit 64) with a message for the user.
  struct Refusal: Error {
    var message: String
  }

  /// The output path of each input, in input order.
  var targets: [String]

  /// Plans one output per input in `directory`.
  ///
  /// - Throws: ``Refusal`` when two inputs would write one file, or an output is an input.
  init(inputs: [String], directory: String, fileExtension: String) throws(Refusal) {
    let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    func target(_ relative: [String]) -> String {
      var parts = relative
      let base = parts.removeLast()
      let stem = base.lastIndex(of: ".").map { base[..<$0] }.flatMap { $0.isEmpty ? nil : String($0) } ?? base
      return ([folder.isEmpty ? "." : folder] + parts + [stem + "." + fileExtension]).joined(separator: "/")
    }
    let paths = inputs.map { $0 == "-" ? ["stdin"] : Self.absoluteComponents($0) }
    var targets = paths.map { target([$0.last ?? "stdin"]) }
    if Set(targets).count < targets.count {
      // Keep each input's path below the folder all inputs share.
      let folders = zip(inputs, paths).filter { $0.0 != "-" }.map { $0.1.dropLast() }
      var common = folders.first.map(Array.init) ?? []
      for folder in folders.dropFirst() {
        common = Array(zip(common, folder).prefix { $0.0 == $0.1 }.map(\.0))
      }
      targets = zip(inputs, paths).map { input, path in target(input == "-" ? path : Array(path.dropFirst(common.count))) }
    }
    var seen: [String: Int] = [:]
    for (index, path) in targets.enumerated() {
      if let earlier = seen[path] {
        throw Refusal(
          message:
            "'\(inputs[earlier])' and '\(inputs[index])' would both be written to '\(path)': rename one, or convert them in separate runs")
      }
      seen[path] = index
    }
    for (index, path) in targets.enumerated() {
      if let input = Self.input(identicalTo: path, among: inputs) {
        throw Refusal(message: "the output for '\(inputs[index])', '\(path)', is the input '\(input)': choose another output folder")
      }
    }
    self.targets = targets
  }

  /// Refuses an output file that is one of the inputs (it would be emptied before it is read).
  static func check(output: String, inputs: [String]) throws(Refusal) {
    if let input = input(identicalTo: output, among: inputs) {
      throw Refusal(message: "the output '\(output)' is the input '\(input)': write to another file")
    }
  }

  /// The input (`-` for standard input) that is the same file as `path`, if any.
  static func input(identicalTo path: String, among inputs: [String]) -> String? {
    var outputInfo = stat()
    guard stat(path, &outputInfo) == 0 else { return nil }
    for input in inputs {
      var info = stat()
      let found = input == "-" ? fstat(STDIN_FILENO, &info) == 0 : stat(input, &info) == 0
      if found && info.st_dev == outputInfo.st_dev && info.st_ino == outputInfo.st_ino { return input }
    }
    return nil
  }

  /// The components of `path` made absolute and resolved lexically (`.` and `..`), without
  /// following links: two spellings of one path give the same components.
  static func absoluteComponents(_ path: String) -> [String] {
    var components: [String] = []
    if !path.hasPrefix("/") {
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      if getcwd(&buffer, buffer.count) != nil {
        components = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
          .split(separator: "/").map(String.init)
      }
    }
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(String(part))
      }
    }
    return components
  }
}
