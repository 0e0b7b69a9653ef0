/// Reads PowerShell's `Get-NetTCPConnection` and `Get-NetUDPEndpoint` output: the default
/// table, `Format-Table -AutoSize`, `Select-Object` subsets in any column order with computed
/// owner columns (`ProcessName`), and `Format-List` blocks (`LocalAddress : 0.0.0.0`).
///
/// Cells are found by their shape in header order, never by position, so a paste whose
/// spaces were collapsed still reads, and an empty `AppliedSetting` cell is simply absent.
/// See `Grammar/powershell/README.md`.
struct PowerShellParser: DialectParser {
  static let dialect = Dialect.powershell

  private var columns = PowerShellColumns()
  /// The protocol of the current table, and whether netconv deduced it from the columns.
  private var tableProtocol: (name: String, inferred: Bool)?
  /// The protocol of the last cmdlet named on a line of its own (`Get-NetUDPEndpoint -LocalPort 31337`).
  private var commandProtocol: String?
  /// The header was just read: the `----` ruler under it is still header.
  private(set) var awaitsRuler = false
  /// The `Format-List` object being read, and the line it started on.
  private var listObject: RawSocket?
  /// The last table row, held for one line: a wrap may have carried its end onto the next.
  private var held: HeldRow?
  private var truncationNoted = false
  private var protocolNoted = false
  /// The protocols of the tables read in the current snapshot (and its number): a
  /// Get-NetUDPEndpoint table after a Get-NetTCPConnection one is the same moment, not a new one.
  private var protocolsSeen: Set<String> = []
  private var protocolsSnapshot = 0
  /// A `Format-Table -GroupBy` heading (`State: Listen`) came before the header: the groups are
  /// one listing, each with its own header.
  private var groupHeading = false

  mutating func endBlock() {
    columns = PowerShellColumns()
    awaitsRuler = false
    held?.isClosed = true  // a blank line ends the row: nothing joins it any more
  }

  mutating func flush(context: inout ParseContext) {
    emitHeld(context: &context)
    guard case .some = listObject else { return }  // `!= nil` would copy the record
    if listObject!.local.address.isNone && listObject!.local.port == nil {
      context.report(.warning, .malformedRow, "a Format-List block without LocalAddress or LocalPort: not read", line: listObject!.line)
      listObject = nil
      return
    }
    noteTruncation(listObject!, context: &context)
    context.emit(taking: &listObject)
  }

  /// Claims a line of blanks inside a header or after a held row: a hard wrap leaves one where
  /// it cut a row's padding, and it ends nothing.
  func claimBlank(_ line: LineText) -> Bool {
    line.count > 0 && (awaitsRuler || (held.map { !$0.isClosed } ?? false))
  }

  /// Reads a line right after a header that is still header: the rest of a header a wrap cut
  /// (`ocess`, `ss` — which would read as an echoed command — `AppliedSetting OwningProcess`),
  /// or the `------------ ---------` ruler (also behind a `#` comment marker), which would end
  /// the block as a markdown rule. Asked before prompts and rulers are recognized.
  mutating func readAfterHeader(_ line: LineText, tokens: Tokens) -> LineClass? {
    guard awaitsRuler else { return nil }
    // Still awaiting: a ruler the console or a wrap cut goes on on the next line.
    if columns.readRest(line, tokens: tokens) { return .header }
    let dashes = tokens.drop { Self.commentMarkers.contains(line.string($0)) }
    guard !dashes.isEmpty, dashes.allSatisfy({ token in (token.start..<token.end).allSatisfy { line[$0] == UInt8(ascii: "-") } })
    else { return nil }
    return .header
  }

  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    awaitsRuler = false
    if let held, !held.isClosed, let joined = joinHeld(line, tokens: tokens, context: &context) { return joined }
    emitHeld(context: &context)
    if let list = readListLine(line, tokens: tokens, context: &context) { return list }
    if tokens.count >= 2, let first = tokens.first, line[first.end - 1] == UInt8(ascii: ":"),
      PowerShellVocabulary.columns[line.string(Span(start: first.start, end: first.end - 1))] != nil
    {
      groupHeading = true  // `State: Listen` above a group of Format-Table -GroupBy
      return .banner
    }
    if let header = PowerShellColumns(header: line, tokens: tokens) {
      flush(context: &context)
      columns = header
      tableProtocol = nil  // decided at the first row, once a wrapped header is whole
      awaitsRuler = true
      truncationNoted = false
      return .header
    }
    if !columns.isEmpty, let record = row(line, tokens: tokens, context: &context) { return record }
    // A cmdlet named on a line of its own (not a prompt) tells what the next table holds.
    if let named = PowerShellVocabulary.commandProtocol(in: line.string(line.trimmed)) { commandProtocol = named }
    return nil
  }

  /// The table's protocol: from the cmdlet on the prompt or command line above it, else from
  /// its columns (a State or RemoteAddress column is TCP's; `LocalAddress LocalPort` alone is
  /// Get-NetUDPEndpoint's default view), with a note.
  private mutating func decideProtocol(context: inout ParseContext) -> (name: String, inferred: Bool) {
    if let prompt = context.lastPrompt, let named = PowerShellVocabulary.commandProtocol(in: prompt) { return (named, false) }
    if let named = commandProtocol { return (named, false) }
    let name = columns.contains("state") || columns.contains("remote_address") ? "tcp" : "udp"
    if !protocolNoted {
      protocolNoted = true
      context.report(
        .note, .inferredProtocol,
        "no Get-NetTCPConnection or Get-NetUDPEndpoint command right above the table: read as \(name) from its columns (marked inferred)")
    }
    return (name, true)
  }

  /// Starts a new snapshot when a table repeats a protocol the current one has.
  private mutating func countSnapshot(_ proto: String, context: inout ParseContext) {
    if protocolsSnapshot != context.snapshots.current {
      protocolsSnapshot = context.snapshots.current
      protocolsSeen = []
    }
    let grouped = groupHeading
    groupHeading = false
    if protocolsSeen.contains(proto) && !grouped {
      context.snapshots.header(.powershell)
      protocolsSnapshot = context.snapshots.current
      protocolsSeen = []
    }
    protocolsSeen.insert(proto)
  }

  // MARK: - Table rows

  /// What reading a line as a table row gave.
  private enum RowRead {
    case notRow
    /// Every column was read; `trailing` is text left after the last one.
    case complete(RawSocket, trailing: Span?)
    /// The line ended before the column named `missing`, after `read` columns, the local
    /// endpoint among them.
    case cut(RawSocket, missing: String, read: Int)
  }

  /// A row held for one line, with its bytes for a join.
  private struct HeldRow {
    var socket: RawSocket
    var bytes: [UInt8]
    /// The line ended in a blank: a wrap there fell between two cells.
    var endsInSpace: Bool
    var missing: String?
    var read: Int
    var trailing: String?
    var isClosed = false
  }

  private mutating func row(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    if tableProtocol == nil {
      var trial = context
      guard case .notRow = readRow(line, tokens: tokens, number: context.lineNumber, context: &trial) else {
        let decided = decideProtocol(context: &context)
        tableProtocol = decided
        countSnapshot(decided.name, context: &context)
        return row(line, tokens: tokens, context: &context)
      }
      return nil
    }
    let result = readRow(line, tokens: tokens, number: context.lineNumber, context: &context)
    guard let heldRow = Self.held(result, line) else { return nil }
    held = heldRow
    context.snapshots.row(.powershell)
    return .record
  }

  private static func held(_ result: RowRead, _ line: LineText) -> HeldRow? {
    let bytes = Array(line.bytes[0..<line.trimmed.end])
    let endsInSpace = line.trimmed.end < line.count
    switch result {
    case .notRow: return nil
    case .complete(let socket, let trailing):
      return HeldRow(socket: socket, bytes: bytes, endsInSpace: endsInSpace, read: .max, trailing: trailing.map { line.string($0) })
    case .cut(let socket, let missing, let read):
      return HeldRow(socket: socket, bytes: bytes, endsInSpace: endsInSpace, missing: missing, read: read)
    }
  }

  /// Joins `line` to the held row when it is the row's end a wrap moved there: the line is no
  /// row of its own, and the two read as a row with more of its columns (or a whole number
  /// where the first ended in a cut one: `… Internet 4` + `4796`).
  private mutating func joinHeld(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    guard let heldRow = held, !columns.isEmpty else { return nil }
    var trial = context
    if case .notRow = readRow(line, tokens: tokens, number: context.lineNumber, context: &trial) {} else { return nil }
    var joined = heldRow.bytes
    if heldRow.endsInSpace { joined.append(0x20) }
    joined.append(contentsOf: UnsafeBufferPointer(rebasing: line.bytes[line.trimmed.start..<line.trimmed.end]))
    if line.trimmed.end < line.count { joined.append(0x20) }
    trial = context
    let result = joined.withUnsafeBufferPointer { buffer -> HeldRow? in
      let text = LineText(bytes: buffer)
      var storage: [Span] = []
      let joinedTokens = text.tokens(of: text.trimmed, reusing: &storage)
      let read = readRow(text, tokens: joinedTokens, number: heldRow.socket.line, context: &trial)
      guard var next = Self.held(read, text), next.trailing == nil, next.read > heldRow.read || (heldRow.read == .max && !heldRow.endsInSpace)
      else { return nil }
      next.socket.snapshot = heldRow.socket.snapshot
      return next
    }
    guard let result else { return nil }
    context = trial
    held = result
    context.report(.note, .rejoinedWrap, "joined '\(DocumentParser.excerpt(line, line.trimmed))' to the row above (a wrap moved the end of the row onto this line)")
    return .continuation
  }

  /// Hands out the held row, saying what it lacks.
  private mutating func emitHeld(context: inout ParseContext) {
    // Called for every line another dialect claims: look before taking, as `take()` moves
    // (and clears) the whole record even when there is none.
    guard case .some = held, var heldRow = held.take() else { return }
    if let missing = heldRow.missing {
      context.report(.warning, .malformedRow, "the row ends before its \(missing) column: the rest is null", line: heldRow.socket.line)
    }
    if let trailing = heldRow.trailing {
      context.report(.warning, .trailingText, "could not read '\(trailing)' after the row's columns", line: heldRow.socket.line)
    }
    finish(&heldRow.socket)
    noteTruncation(heldRow.socket, context: &context)
    context.emit(heldRow.socket)
  }

  /// Says once per table that PowerShell cut an address to fit its column.
  private mutating func noteTruncation(_ socket: RawSocket, context: inout ParseContext) {
    guard !truncationNoted, socket.local.truncated || socket.remote.truncated else { return }
    truncationNoted = true
    let shown = socket.string(socket.local.truncated ? socket.local.address : socket.remote.address) ?? ""
    context.report(
      .note, .truncatedAddress, "'\(shown)' was cut by PowerShell to fit its column (marked truncated); Format-List or -AutoSize shows it whole",
      line: socket.line)
  }

  /// Reads a row cell by cell in header order.
  private mutating func readRow(_ line: LineText, tokens: Tokens, number: Int, context: inout ParseContext) -> RowRead {
    var socket = RawSocket(
      dialect: .powershell, snapshot: context.snapshots.current, line: number, protocol: tableProtocol?.name ?? "tcp", family: nil)
    var index = tokens.startIndex
    var readLocal = false
    let all = columns.columns
    for (position, column) in all.enumerated() {
      guard index < tokens.endIndex else {
        guard readLocal || !socket.remote.address.isNone else { return .notRow }
        return .cut(socket, missing: column.name, read: position)
      }
      let token = tokens[index]
      let isLast = position == all.count - 1
      switch column.key {
      case "local_address", "remote_address":
        guard Self.isAddress(line, token) else { return .notRow }
        setAddress(column.key == "local_address" ? .local : .remote, line, token, into: &socket)
        index += 1
      case "local_port", "remote_port":
        guard line.isDigits(token), let port = context.number(line, token, "port", limit: 65535) else { return .notRow }
        if column.key == "local_port" {
          socket.local.port = port
          readLocal = true
        } else {
          socket.remote.port = port
        }
        index += 1
      case "pid":
        guard line.isDigits(token) else { return .notRow }
        socket.pid = context.number(line, token, "OwningProcess")
        index += 1
      case "state":
        guard let state = Self.state(line, token) else { return .notRow }
        socket.state = state
        socket.stateRaw = socket.store(line, token)
        if state == .unknown {
          context.report(.warning, .unknownState, "unknown state '\(line.string(token))': kept in state_raw, state is UNKNOWN")
        }
        index += 1
      case "applied_setting", "offload_state":
        // Blank on Listen and TimeWait rows: a cell that is absent takes no token.
        let table = column.key == "applied_setting" ? PowerShellVocabulary.appliedSettings : PowerShellVocabulary.offloadStates
        if table.value(line, token) != nil {
          socket.addDetail(key: socket.store(column.key!), value: socket.store(line, token))
          index += 1
        }
      case "creation_time":
        let start = index
        while index < tokens.endIndex, Self.isTimePart(line, tokens[index]) { index += 1 }
        if index > start {
          socket.addDetail(key: socket.store("creation_time"), value: socket.store(line, Span(start: tokens[start].start, end: tokens[index - 1].end)))
        }
      case "protocol":
        socket.protocol = line.string(token).lowercased()
        index += 1
      default:
        // The owner's name (ProcessName) or a column netconv does not know: the last one
        // takes the rest of the line (a name may hold spaces).
        let end = isLast ? tokens.endIndex - 1 : index
        let span = Span(start: token.start, end: tokens[end].end)
        if column.key == "process" {
          socket.process = socket.store(line, span)
        } else {
          socket.addDetail(key: socket.store(column.detailKey), value: socket.store(line, span))
        }
        index = end + 1
      }
    }
    guard readLocal || !socket.local.address.isNone || !socket.remote.address.isNone else { return .notRow }
    let trailing = index < tokens.endIndex ? Span(start: tokens[index].start, end: tokens[tokens.endIndex - 1].end) : nil
    return .complete(socket, trailing: trailing)
  }

  /// The family from the addresses, the protocol's inference mark, and no peer for
  /// `0.0.0.0`/`::` port 0.
  private func finish(_ socket: inout RawSocket) {
    if tableProtocol?.inferred == true { socket.inferred.insert(.protocol) }
    if let address = socket.string(socket.remote.address), address == "0.0.0.0" || address == "::", socket.remote.port == 0 || socket.remote.port == nil {
      socket.remote = RawSocket.Endpoint()
    }
    socket.family =
      socket.withBytes(of: socket.local.address) { AddressFamily.infer(fromAddress: $0) }
      ?? socket.withBytes(of: socket.remote.address) { AddressFamily.infer(fromAddress: $0) }
  }

  /// Keeps an address as shown; a cell PowerShell cut to fit (`2a01:…:723...`, `…`) is marked truncated.
  private func setAddress(_ side: EndpointSide, _ line: LineText, _ token: Span, into socket: inout RawSocket) {
    var address = token
    if let percent = line.firstIndex(of: UInt8(ascii: "%"), in: token) { address.end = percent }
    let text = socket.store(line, address)
    let cut = Self.endsInEllipsis(line, token)
    switch side {
    case .local:
      socket.local.address = text
      socket.local.truncated = cut
      if address.end < token.end { socket.local.interface = socket.store(line, Span(start: address.end + 1, end: token.end)) }
    case .remote:
      socket.remote.address = text
      socket.remote.truncated = cut
      if address.end < token.end { socket.remote.interface = socket.store(line, Span(start: address.end + 1, end: token.end)) }
    }
  }

  // MARK: - Format-List

  /// `Name : Value` lines of Format-List; an object ends at the next object's first property
  /// or at the end of the input.
  private mutating func readListLine(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    guard tokens.count >= 2, line.equals(tokens[1], Self.colon) else { return nil }
    let name = line.string(tokens[0])
    let value = tokens.count > 2 ? Span(start: tokens[2].start, end: tokens[tokens.count - 1].end) : nil
    let key = PowerShellVocabulary.columns[name]
    guard key != nil || listObject != nil else { return nil }
    var starts = listObject == nil
    if let key, listObject != nil, Self.hasValue(key, in: listObject!) {
      flush(context: &context)  // the same property again: the next object
      starts = true
    }
    if starts {
      if tableProtocol == nil || !columns.isEmpty {
        columns = PowerShellColumns()
        tableProtocol = decideListProtocol(context: &context)
      }
      context.snapshots.row(.powershell)
      listObject = RawSocket(
        dialect: .powershell, snapshot: context.snapshots.current, line: context.lineNumber, protocol: tableProtocol?.name ?? "tcp",
        family: nil)
    }
    guard let value else { return starts ? .record : .continuation }
    switch key {
    case "local_address", "remote_address":
      setAddress(key == "local_address" ? .local : .remote, line, value, into: &listObject!)
    case "local_port": listObject!.local.port = context.number(line, value, "LocalPort", limit: 65535)
    case "remote_port": listObject!.remote.port = context.number(line, value, "RemotePort", limit: 65535)
    case "pid": listObject!.pid = context.number(line, value, "OwningProcess")
    case "process": listObject!.process = listObject!.store(line, value)
    case "state":
      let state = Self.state(line, value) ?? .unknown
      listObject!.state = state
      listObject!.stateRaw = listObject!.store(line, value)
      if state == .unknown { context.report(.warning, .unknownState, "unknown state '\(line.string(value))': kept in state_raw, state is UNKNOWN") }
    default:
      let detail = key ?? PowerShellColumns.Column.snakeCase(name)
      listObject!.addDetail(key: listObject!.store(detail), value: listObject!.store(line, value))
    }
    finish(&listObject!)
    return starts ? .record : .continuation
  }

  private mutating func decideListProtocol(context: inout ParseContext) -> (name: String, inferred: Bool) {
    if let prompt = context.lastPrompt, let named = PowerShellVocabulary.commandProtocol(in: prompt) { return (named, false) }
    if let named = commandProtocol { return (named, false) }
    return ("tcp", true)
  }

  private static func hasValue(_ key: String, in socket: RawSocket) -> Bool {
    switch key {
    case "local_address": return !socket.local.address.isNone
    case "local_port": return socket.local.port != nil
    case "remote_address": return !socket.remote.address.isNone
    case "remote_port": return socket.remote.port != nil
    case "pid": return socket.pid != nil
    case "state": return !socket.stateRaw.isNone
    default: return false
    }
  }

  // MARK: - Cells

  private static func state(_ line: LineText, _ token: Span) -> SocketState? {
    if let state = PowerShellVocabulary.states.value(line, token) { return state }
    // An enum identifier netconv does not know (`Unknown1`): a capital, then letters.
    guard let first = line.string(token).unicodeScalars.first, first.properties.isUppercase,
      line.string(token).unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    else { return nil }
    return .unknown
  }

  /// An IPv4 or IPv6 literal as PowerShell prints it, with a zone (`fe80::1%12`), possibly cut
  /// (`2a01:…:723...`).
  private static func isAddress(_ line: LineText, _ token: Span) -> Bool {
    var body = Substring(line.string(token))
    if let percent = body.firstIndex(of: "%") { body = body[..<percent] }
    let cut = endsInEllipsis(line, token)
    while body.hasSuffix(".") || body.hasSuffix("…"), cut { body = body.dropLast() }
    guard !body.isEmpty, body.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." || $0 == "…" }) else { return false }
    let colons = body.filter { $0 == ":" }.count
    let dots = body.filter { $0 == "." }.count
    return colons >= 2 || (dots == 3 && colons == 0) || (cut && colons + dots > 0)
  }

  private static func endsInEllipsis(_ line: LineText, _ token: Span) -> Bool {
    let text = line.string(token)
    return text.hasSuffix("...") || text.hasSuffix("…")
  }

  /// A part of a date or time as PowerShell prints it in any culture (`12/5/2023`, `5.12.2023`,
  /// `17:02:11`, `PM`).
  private static func isTimePart(_ line: LineText, _ token: Span) -> Bool {
    let text = line.string(token)
    if text == "AM" || text == "PM" { return true }
    // A date or a time has a separator; digits alone are the next column (OwningProcess).
    return text.first?.isNumber == true && text.allSatisfy { $0.isNumber || "/.:-".contains($0) }
      && text.contains { "/.:-".contains($0) }
  }

  private static let colon = Array(":".utf8)
  private static let commentMarkers: Set<String> = ["#", "//", ";", "--"]
}
