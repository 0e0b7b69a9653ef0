/// What netconv made of one input line. Every line gets exactly one class.
public enum LineClass: String, Sendable, CaseIterable {
  /// A socket row that became a record.
  case record
  /// A line that belongs to the record above it (an owner line, a detail line).
  case continuation
  /// A column header line (`Proto Recv-Q Send-Q …`).
  case header
  /// A table title (`Active Internet connections (servers and established)`).
  case banner
  /// A message of the tool itself (`(Not all processes could be identified, …`).
  case notice
  /// Blank lines, prompts, echoed commands, comments and prose around the tables.
  case noise
  /// A line of a table that holds no sockets (routing, interfaces, …), skipped on purpose.
  case skipped
  /// A line inside a table that netconv could not read; each one has a diagnostic.
  case unrecognized
}

extension LineClass {
  /// The position of the class in `allCases`, for counting in an array.
  var index: Int {
    switch self {
    case .record: return 0
    case .continuation: return 1
    case .header: return 2
    case .banner: return 3
    case .notice: return 4
    case .noise: return 5
    case .skipped: return 6
    case .unrecognized: return 7
    }
  }
}

#if !hasFeature(Embedded)
extension LineClass: Codable {}
#endif
