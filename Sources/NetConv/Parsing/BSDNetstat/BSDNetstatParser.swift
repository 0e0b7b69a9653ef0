/// Reads the BSD family's `netstat`: macOS, FreeBSD, OpenBSD, NetBSD and Junos
/// `show system connections`, with or without titles and headers.
///
/// An Internet row is `[pointer [flowhash]] proto [numbers] local foreign [state] [extras]`,
/// its endpoints `address.port` split on the last dot (`127.0.0.1.631`, `*.*`, `ns.lan.ssh`).
/// The header names the optional columns; a headerless row (a paste through `grep`) is read by
/// its shape. UNIX domain rows (`fffff80003ab6100 stream 0 0 …`) become unix records; the other
/// sections of `netstat -a` (kernel event and control sockets, multipath) are skipped with a
/// note. See `Grammar/bsd-netstat/README.md`.
struct BSDNetstatParser: DialectParser {
  static let dialect = Dialect.bsdNetstat

  private enum Section: Equatable {
    case internet
    case unix
    case skipped
  }

  private var section: Section?
  private var layout = BSDNetstatLayout()
  /// An address longer than its column showed that the table prints whole addresses.
  private var wide = false
  private var truncationNoted = false
  /// A header or title was read and no row yet: OpenBSD repeats the header per protocol
  /// group, so a new snapshot starts only when a protocol comes back.
  private var headerPending = false
  /// The Proto values of the current snapshot's rows, and that snapshot's number.
  private var protocolsSeen: Set<String> = []
  private var protocolsSnapshot = 0

  mutating func endBlock() {
    if section == .skipped { section = nil }
  }

  /// The last Internet row, held for one line when it shows no state: a wrap may have carried
  /// its state (and the end of its foreign port) onto the next line.
  private var pending: RawSocket?
  /// Whether the held row's line ended inside its last token (no blank after it), so a wrap
  /// may have cut the foreign port.
  private var pendingCutInPort = false
  /// The held row's foreign token length and column width, to tell whether the joined token
  /// fills the column.
  private var pendingRemote = (length: 0, width: 0)

  mutating func flush(context: inout ParseContext) {
    context.emit(taking: &pending)
  }

  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    if case .some = pending {
      if let joined = joinWrappedTail(line, tokens: tokens, context: &context) { return joined }
      flush(context: &context)
    }
    let first = tokens[0]
    if line[first.start] == UInt8(ascii: "A") || line[first.start] == UInt8(ascii: "R") || line[first.start] == UInt8(ascii: "C"),
      let title = readTitle(line, context: &context)
    {
      return title
    }
    if layout.isCut {
      layout.isCut = false
      var rest = layout
      if rest.readRest(line, tokens: tokens) {
        layout = rest
        return .header
      }
    }
    if let header = BSDNetstatLayout(header: line, tokens: tokens) {
      section = .internet
      layout = header
      startTable()
      return .header
    }
    if line.equals(first, Self.address), tokens.count >= 4, line.equals(tokens[1], Self.type) {
      section = .unix
      startTable()
      return .header
    }
    if let record = internetRow(line, tokens: tokens, context: &context) { return record }
    if let record = unixRow(line, tokens: tokens, context: &context) { return record }
    return section == .skipped ? .skipped : nil
  }

  private mutating func startTable() {
    wide = false
    truncationNoted = false
    headerPending = true
  }

  // MARK: - Titles

  /// Claims a section title: Internet and UNIX titles start a table, the others (kernel
  /// sockets, multipath, listen queues) a section skipped with a note.
  private mutating func readTitle(_ line: LineText, context: inout ParseContext) -> LineClass? {
    let text = line.trimmed
    func isTitle(_ title: [UInt8]) -> Bool {
      guard line.hasPrefix(title, at: text.start) else { return false }
      let rest = Span(start: text.start + title.count, end: text.end)
      return rest.isEmpty || line.equals(rest, BSDNetstatVocabulary.titleSuffix)
    }
    if BSDNetstatVocabulary.internetTitles.contains(where: isTitle) {
      section = .internet
      layout = BSDNetstatLayout()
      startTable()
      return .banner
    }
    if BSDNetstatVocabulary.unixTitles.contains(where: isTitle) {
      section = .unix
      startTable()
      return .banner
    }
    if let skipped = BSDNetstatVocabulary.skippedTitles.first(where: { line.hasPrefix($0.title, at: text.start) }) {
      section = .skipped
      context.report(.note, .skippedTable, "skipped a table that lists no sockets: \(skipped.name)")
      return .skipped
    }
    return nil
  }

  // MARK: - Internet rows

  private mutating func internetRow(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    // The protocol, after at most two pointer columns (`-A`).
    var index = tokens.startIndex
    var proto: BSDNetstatVocabulary.Proto?
    while index < min(tokens.endIndex, tokens.startIndex + 3) {
      proto = BSDNetstatVocabulary.protocols.value(line, tokens[index])
      if proto != nil || !Self.isHex(line, tokens[index]) { break }
      index += 1
    }
    guard let proto, index - tokens.startIndex <= 2 else { return nil }
    let protoToken = tokens[index]
    index += 1
    var numbers: [Span] = []
    while index < tokens.endIndex, numbers.count < 3, line.isDigits(tokens[index]) {
      numbers.append(tokens[index])
      index += 1
    }
    guard index + 1 < tokens.endIndex else { return nil }
    let localToken = tokens[index]
    let remoteToken = tokens[index + 1]
    // Outside a table with a BSD header, both endpoints must be dotted; under one, a row a
    // person retyped as `10.1.2.3:54459` is read too.
    let dotted = EndpointParser.isDotted(localToken, in: line) && EndpointParser.isDotted(remoteToken, in: line)
    let underHeader = section == .internet && layout.fromHeader
    guard dotted || (underHeader && Self.isEndpoint(localToken, line) && Self.isEndpoint(remoteToken, line)) else { return nil }
    // The number columns: the header's, two queues without one, or none (a UDP row of `-T`).
    let counterKeys: [String]
    if numbers.isEmpty {
      counterKeys = []
    } else if underHeader && numbers.count == layout.counters.count {
      counterKeys = layout.counters
    } else if numbers.count == 2 {
      counterKeys = ["recv_q", "send_q"]
    } else {
      return nil
    }
    if section != .internet {
      section = .internet
      layout = BSDNetstatLayout()
    }
    countSnapshot(line.string(protoToken), context: &context)

    let socket = buildRow(
      line, tokens: tokens, proto: proto, numbers: numbers, counterKeys: counterKeys, endpointsAt: index, context: &context)
    if socket.state == nil && index + 2 == tokens.endIndex && (layout.hasState || !layout.fromHeader)
      && line.count >= 40
    {
      pending = socket
      pendingCutInPort = line.trimmed.end == line.count && socket.remote.port != nil
      pendingRemote = (tokens[index + 1].count, layout.fromHeader ? layout.addressWidth : (index - numbers.count - 1 > tokens.startIndex ? 18 : 22))
    } else {
      context.emit(socket)
    }
    return .record
  }

  private mutating func buildRow(
    _ line: LineText, tokens: Tokens, proto: BSDNetstatVocabulary.Proto, numbers: [Span], counterKeys: [String],
    endpointsAt index: Int, context: inout ParseContext
  ) -> RawSocket {
    var socket = RawSocket(
      dialect: .bsdNetstat, snapshot: context.snapshots.current, line: context.lineNumber, protocol: proto.protocol,
      family: proto.family)
    socket.dualStack = proto.dualStack
    // `-A`: the protocol control block's kernel address (and macOS's flow hash) come first.
    for (key, span) in zip(Self.leadingKeys, tokens[tokens.startIndex..<(index - numbers.count - 1)]) {
      socket.addDetail(key: socket.store(key), value: socket.store(line, span))
    }
    for (key, span) in zip(counterKeys, numbers) {
      switch key {
      case "recv_q": socket.recvQ = context.number(line, span, "Recv-Q")
      case "send_q": socket.sendQ = context.number(line, span, "Send-Q")
      default: socket.addDetail(key: socket.store(key), value: socket.store(line, span))
      }
    }
    let names: ServiceTable.Names = proto.protocol == "raw" ? .ipProtocols : .services
    // The header's width, or without one the row's: `-A` narrows the columns to 18.
    let width = layout.fromHeader ? layout.addressWidth : (index - numbers.count - 1 > tokens.startIndex ? 18 : 22)
    endpoint(.local, tokens[index], line, width: width, names: names, into: &socket, context: &context)
    endpoint(.remote, tokens[index + 1], line, width: width, names: names, into: &socket, context: &context)
    if socket.family == nil {
      socket.family = socket.withBytes(of: socket.local.address) { AddressFamily.infer(fromAddress: $0) }
        ?? socket.withBytes(of: socket.remote.address) { AddressFamily.infer(fromAddress: $0) }
    }
    var rest = tokens[(index + 2)...]
    if let stateToken = rest.first {
      // FreeBSD marks a hidden T/TCP state with a star (`ESTABLISHED*`); state_raw keeps it.
      let word = line[stateToken.end - 1] == UInt8(ascii: "*") ? Span(start: stateToken.start, end: stateToken.end - 1) : stateToken
      if let state = BSDNetstatVocabulary.states.value(line, word) {
        socket.state = state
        socket.stateRaw = socket.store(line, stateToken)
        rest = rest.dropFirst()
      } else if proto.protocol == "raw", line.isDigits(stateToken) {
        // OpenBSD's IP-Proto column: the protocol number of a raw socket, not a state.
        socket.addDetail(key: socket.store("ip_protocol"), value: socket.store(line, stateToken))
        rest = rest.dropFirst()
      } else if Self.isStateWord(line, stateToken), rest.count != layout.extras.count || !layout.fromHeader {
        socket.state = .unknown
        socket.stateRaw = socket.store(line, stateToken)
        context.report(.warning, .unknownState, "unknown state '\(line.string(stateToken))': kept in state_raw, state is UNKNOWN")
        rest = rest.dropFirst()
      }
    }
    readExtras(line, rest, into: &socket, context: &context)
    return socket
  }

  /// Reads the columns after the state by the header's names; `process:pid` may hold spaces
  /// (`Google Chrome H:777`), so it takes every token the columns after it leave.
  private func readExtras(_ line: LineText, _ rest: Tokens.SubSequence, into socket: inout RawSocket, context: inout ParseContext) {
    guard !rest.isEmpty else { return }
    let extras = layout.extras
    // A row may stop early: FreeBSD `-x` prints no timers for UDP rows.
    let processColumn = extras.contains("process:pid")
    guard layout.fromHeader, !extras.isEmpty, rest.count >= extras.count || !processColumn else {
      let span = Span(start: rest.first!.start, end: rest.last!.end)
      context.report(.warning, .trailingText, "could not read '\(line.string(span))' after the addresses: the header names no column for it")
      return
    }
    let tokens = Array(rest)
    let spare = max(0, tokens.count - extras.count)
    var position = 0
    for key in extras where position < tokens.count {
      var span = tokens[position]
      if key == "process:pid" {
        span = Span(start: span.start, end: tokens[position + spare].end)
        position += spare
      }
      position += 1
      switch key {
      case "pid":
        socket.pid = context.number(line, span, "pid")
      case "process:pid":
        if let colon = line.lastIndex(of: UInt8(ascii: ":"), in: span) {
          let name = Span(start: span.start, end: colon)
          if !name.isEmpty { socket.process = socket.store(line, name) }
          socket.pid = context.number(line, Span(start: colon + 1, end: span.end), "pid")
        }
      default:
        if !(span.count == 1 && line[span.start] == UInt8(ascii: "-")) {
          socket.addDetail(key: socket.store(key), value: socket.store(line, span))
        }
      }
    }
    if spare > 0 && !processColumn {
      context.report(.warning, .trailingText, "the row has \(spare) more column(s) than its header: the last ones were not read")
    }
  }

  /// Reads one endpoint into `socket`; a foreign `*.*` is no peer. A token that fills its
  /// column may be cut: the address is kept as shown and marked truncated, and a port with
  /// fewer than five digits there may be the start of a longer one, so it is kept in
  /// `details` (`local_port_cut`) and not as the port.
  private mutating func endpoint(
    _ side: EndpointSide, _ span: Span, _ line: LineText, width: Int, names: ServiceTable.Names, into socket: inout RawSocket,
    context: inout ParseContext
  ) {
    var parsed =
      EndpointParser.isDotted(span, in: line) ? EndpointParser.parseDotted(span, in: line, names: names) : EndpointParser.parse(span, in: line, names: names)
    if side == .remote && parsed.isWildcard { return }
    var truncated = false
    if span.count > width {
      wide = true
    } else if span.count == width && !wide {
      truncated = true
      if let port = parsed.port, parsed.portName == nil, let dot = line.lastIndex(of: UInt8(ascii: "."), in: span), span.end - dot - 1 < 5,
        port > 0
      {
        parsed.port = nil
        let key = side == .local ? "local_port_cut" : "remote_port_cut"
        socket.addDetail(key: socket.store(key), value: socket.store(line, Span(start: dot + 1, end: span.end)))
      }
      if !truncationNoted {
        truncationNoted = true
        context.report(
          .note, .truncatedAddress,
          "'\(line.string(span))' fills the \(width)-character address column and may be cut (marked truncated; a port it may have cut is kept in details as *_port_cut); netstat -W (FreeBSD) or -l (macOS) prints whole addresses"
        )
      }
    }
    context.reportPortProblems(parsed, in: line)
    socket.set(side, to: parsed, of: line)
    switch side {
    case .local: socket.local.truncated = truncated
    case .remote: socket.remote.truncated = truncated
    }
  }

  /// Starts a new snapshot when a header came and its rows repeat a protocol the snapshot has:
  /// OpenBSD prints a header per protocol group, which is one listing, not two.
  private mutating func countSnapshot(_ proto: String, context: inout ParseContext) {
    if protocolsSnapshot != context.snapshots.current {
      protocolsSnapshot = context.snapshots.current
      protocolsSeen = []
    }
    if headerPending {
      headerPending = false
      if protocolsSeen.contains(proto) {
        context.snapshots.header(.bsd)
        protocolsSnapshot = context.snapshots.current
        protocolsSeen = []
      }
    }
    protocolsSeen.insert(proto)
    context.snapshots.row(.bsd)
  }

  /// Joins the line after a held row when it is that row's end a wrap moved: its state word
  /// (`LISTEN`), or the rest of its foreign port and the state (`34       ESTABLISHED`).
  private mutating func joinWrappedTail(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    if tokens.count == 1, pending?.protocol == "raw", line.isDigits(tokens[0]) {
      // A raw socket's IP-Proto number (OpenBSD), wrapped.
      pending!.addDetail(key: pending!.store("ip_protocol"), value: pending!.store(line, tokens[0]))
      context.report(.note, .rejoinedWrap, "joined '\(line.string(tokens[0]))' to the row above (a wrap moved the end of the row onto this line)")
      flush(context: &context)
      return .continuation
    }
    guard tokens.count <= 2, let last = tokens.last, Self.isStateWord(line, last) || BSDNetstatVocabulary.states.value(line, last) != nil
    else { return nil }
    if tokens.count == 2 {
      guard pendingCutInPort, line.isDigits(tokens[0]), tokens[0].count <= 4, let port = pending?.remote.port,
        let joined = Int(String(port) + line.string(tokens[0])), joined <= 65535
      else { return nil }
      pending!.remote.port = joined
      if pendingRemote.length + tokens[0].count == pendingRemote.width && !wide { pending!.remote.truncated = true }
    }
    let socket = pending!
    let state = BSDNetstatVocabulary.states.value(line, last)
    pending!.state = state ?? .unknown
    pending!.stateRaw = pending!.store(line, last)
    if state == nil {
      context.report(.warning, .unknownState, "unknown state '\(line.string(last))': kept in state_raw, state is UNKNOWN", line: socket.line)
    }
    context.report(
      .note, .rejoinedWrap, "joined '\(line.string(line.trimmed))' to the row above (a wrap moved the end of the row onto this line)")
    flush(context: &context)
    return .continuation
  }

  // MARK: - UNIX rows

  /// `Address Type Recv-Q Send-Q Inode Conn Refs Nextref [Addr]`: a pointer, a type word, two
  /// queues, four pointers (`0` for none), and the path if bound.
  private mutating func unixRow(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    guard tokens.count >= 8, Self.isHex(line, tokens[0]), let type = BSDNetstatVocabulary.unixTypes.value(line, tokens[1]),
      line.isDigits(tokens[2]), line.isDigits(tokens[3]), (4..<8).allSatisfy({ Self.isHex(line, tokens[$0]) })
    else { return nil }
    if section != .unix { section = .unix }
    countSnapshot("unix", context: &context)
    var socket = RawSocket(
      dialect: .bsdNetstat, snapshot: context.snapshots.current, line: context.lineNumber, protocol: "unix", family: .unix)
    socket.socketType = socket.store(type)
    socket.recvQ = context.number(line, tokens[2], "Recv-Q")
    socket.sendQ = context.number(line, tokens[3], "Send-Q")
    if tokens.count > 8 {
      socket.local.address = socket.store(line, Span(start: tokens[8].start, end: tokens[tokens.count - 1].end))
    }
    socket.addDetail(key: socket.store("pcb"), value: socket.store(line, tokens[0]))
    for (key, index) in [("vnode", 4), ("conn", 5), ("refs", 6), ("nextref", 7)] where !line.equals(tokens[index], Self.zero) {
      socket.addDetail(key: socket.store(key), value: socket.store(line, tokens[index]))
    }
    context.emit(socket)
    return .record
  }

  // MARK: - Tokens

  private static func isHex(_ line: LineText, _ span: Span) -> Bool {
    guard !span.isEmpty, span.count <= 16 else { return false }
    for index in span.start..<span.end {
      let byte = line[index] | 0x20
      guard LineText.isDigit(line[index]) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) else { return false }
    }
    return true
  }

  /// An endpoint in any form a person may have retyped it in: dotted or `host:port`.
  private static func isEndpoint(_ span: Span, _ line: LineText) -> Bool {
    if EndpointParser.isDotted(span, in: line) { return true }
    guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: span) else { return false }
    return colon > span.start && colon < span.end - 1
  }

  /// A word in capitals and underscores, as states are written (`SYN_RCVD`, `ESTABLISHED*`).
  private static func isStateWord(_ line: LineText, _ span: Span) -> Bool {
    guard span.count >= 4 else { return false }
    for index in span.start..<span.end {
      let byte = line[index]
      guard (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_") || LineText.isDigit(byte) || byte == UInt8(ascii: "*")
      else { return false }
    }
    return true
  }

  /// Detail keys of the columns before Proto, in order (`Tcpcb`, or `Socket Flowhash`).
  private static let leadingKeys = ["pcb", "flowhash"]
  private static let address = Array("Address".utf8)
  private static let type = Array("Type".utf8)
  private static let zero = Array("0".utf8)
}
