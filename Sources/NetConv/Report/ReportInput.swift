extension ConnectionReport {
  /// What a report is built from, gathered event by event from a ``SocketReader``: the
  /// records, the lines that could not be read, and where the output was stopped with Ctrl-C.
  /// The CLI and the in-memory run (the browser page) gather it the same way.
  public struct Input: Sendable {
    /// Every record, in input order.
    public var records: [Socket] = []
    /// The lines that could not be read.
    public var unread = Unread()
    /// The lines of the latest `^C` marks (at most 64: only those after the last snapshots
    /// matter, and memory stays flat).
    public var interruptions: [Int] = []

    /// An empty input.
    public init() {}

    /// Takes in one event of a reader.
    public mutating func add(_ event: ParseEvent) {
      switch event {
      case .record(let socket): records.append(socket)
      case .diagnostic(let diagnostic):
        guard let line = diagnostic.line else { return }
        if diagnostic.kind == .unrecognizedLine && diagnostic.severity != .note { unread.add(line: line) }
        if diagnostic.kind == .interrupted {
          interruptions.append(line)
          if interruptions.count > 64 { interruptions.removeFirst(32) }
        }
      }
    }
  }

  /// Builds the report of everything `input` gathered.
  public init(_ input: Input) {
    self.init(records: input.records, unread: input.unread, interruptions: input.interruptions)
  }
}
