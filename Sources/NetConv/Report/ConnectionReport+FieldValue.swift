/// The report as data for tools (`netconv report --json`, the WebAssembly build): every key in
/// snake_case like the records', in the order the report reads, `null` for what is missing.
/// Written without Codable, which Embedded Swift lacks, so every build writes the same bytes;
/// the Codable conformance reads it back.
extension ConnectionReport {
  /// The report as a ``FieldValue`` tree.
  public var fieldValue: FieldValue {
    .object([
      Entry("summary", summary.fieldValue),
      Entry("unread", .object([Entry("count", .int(unread.count)), Entry("lines", Self.ints(unread.lines))])),
      Entry("findings", .list(findings.map { $0.fieldValue })),
      Entry("programs", .list(programs.map { $0.fieldValue })),
      Entry("listeners", .list(listeners.map { $0.fieldValue })),
      Entry("changes", .list(changes.map { $0.fieldValue })),
    ])
  }

  /// The report as pretty-printed JSON, ending in a newline.
  public func json() -> String {
    fieldValue.jsonText() + "\n"
  }

  typealias Entry = FieldValue.Entry

  static func ints(_ values: [Int]) -> FieldValue { .list(values.map { .int($0) }) }
  static func strings(_ values: [String]) -> FieldValue { .list(values.map { .string($0) }) }
  static func optional(_ value: String?) -> FieldValue { value.map { .string($0) } ?? .null }
  static func optional(_ value: Int?) -> FieldValue { value.map { .int($0) } ?? .null }
}

extension ConnectionReport.Summary {
  /// Its part of ``ConnectionReport/json()``.
  public var fieldValue: FieldValue {
    typealias Report = ConnectionReport
    return .object([
      .init("sockets", .int(sockets)), .init("programs", .int(programs)), .init("connections", .int(connections)),
      .init("internet_connections", .int(internetConnections)), .init("self_connections", .int(selfConnections)),
      .init("finished_connections", .int(finishedConnections)),
      .init("listeners_reachable_from_network", .int(listenersReachableFromNetwork)),
      .init("listeners_local_only", .int(listenersLocalOnly)), .init("snapshots", .int(snapshots)),
      .init("described_snapshots", Report.ints(describedSnapshots)), .init("cut_snapshots", Report.ints(cutSnapshots)),
      .init("dialects", Report.strings(dialects)), .init("platforms", Report.strings(platforms)),
    ])
  }
}

extension ConnectionReport.Finding {
  /// Its part of ``ConnectionReport/json()``.
  public var fieldValue: FieldValue {
    .object([
      .init("code", .string(code.rawValue)), .init("severity", .string(level.rawValue)), .init("title", .string(title)),
      .init("detail", .string(detail)), .init("lines", ConnectionReport.ints(lines)),
    ])
  }
}

extension ConnectionReport.Program {
  /// Its part of ``ConnectionReport/json()``.
  public var fieldValue: FieldValue {
    typealias Report = ConnectionReport
    return .object([
      .init("name", .string(name)), .init("component", Report.optional(component)), .init("modules", Report.strings(modules)),
      .init("pids", Report.ints(pids)), .init("explanation", Report.optional(explanation)),
      .init("remote_access_tool", Report.optional(remoteAccessTool)), .init("imitates", Report.optional(imitates)),
      .init("sockets", .int(sockets)), .init("internet_connections", .int(internetConnections)),
      .init("states", .object(states.keys.sorted().map { .init($0, .int(states[$0]!)) })),
      .init("remotes", .list(remotes.map { $0.fieldValue })),
    ])
  }
}

extension ConnectionReport.Remote {
  /// Its part of ``ConnectionReport/json()``.
  public var fieldValue: FieldValue {
    typealias Report = ConnectionReport
    return .object([
      .init("address", .string(address)), .init("port", Report.optional(port)), .init("port_name", Report.optional(portName)),
      .init("address_class", .string(addressClass.rawValue)), .init("provider", Report.optional(provider)),
      .init("state", Report.optional(state)), .init("to_this_machine", .bool(toThisMachine)), .init("line", .int(line)),
    ])
  }
}

extension ConnectionReport.Listener {
  /// Its part of ``ConnectionReport/json()``.
  public var fieldValue: FieldValue {
    .object([
      .init("program", .string(program)), .init("protocol", .string(`protocol`)),
      .init("addresses", ConnectionReport.strings(addresses)), .init("port", ConnectionReport.optional(port)),
      .init("reachable_from_network", .bool(reachableFromNetwork)), .init("lines", ConnectionReport.ints(lines)),
    ])
  }
}

extension ConnectionReport.Change {
  /// Its part of ``ConnectionReport/json()``.
  public var fieldValue: FieldValue {
    typealias Report = ConnectionReport
    return .object([
      .init("kind", .string(kind.rawValue)), .init("snapshot", .int(snapshot)), .init("program", .string(program)),
      .init("protocol", .string(`protocol`)), .init("local", .string(local)), .init("remote", Report.optional(remote)),
      .init("state_before", Report.optional(stateBefore)), .init("state_after", Report.optional(stateAfter)),
      .init("count", .int(count)), .init("lines", Report.ints(lines)), .init("description", .string(description)),
    ])
  }
}
