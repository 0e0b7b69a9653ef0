/// Reads iproute2 `ss` output in every layout: with or without the header, the Netid column
/// (one socket table) or the State column (a state filter), the Process header present,
/// absent or glued (`Peer Address:PortProcess`), and the pre-4.15 fixed-width layout.
///
/// A row is `[netid] [state] recv-q send-q local peer [extensions]`: the two queue numbers
/// anchor it. UNIX rows carry an inode after each address. A row is held back until the next
/// row, because `-i`/`-m` details and a `users:((…))` part cut off by a narrow terminal follow
/// it on their own lines. See `Grammar/ss/grammar.md`.
struct SSParser: DialectParser {
  static let dialect = Dialect.ss

  private var pending: RawSocket?
  /// Reused for every line's extensions.
  private var extensions = SSExtensions()
  /// A row cut before its peer address by a narrow terminal, waiting for the rest.
  private var partialRow: PartialRow?
  /// An extension part (`users:((…`) cut before its end, waiting for the rest.
  private var carry: [UInt8]?
  /// Whether the last line read was a header, so its wrapped remainder is still header.
  private var afterHeader = false
  /// The last word of the last header, to tell its rest on the next line.
  private var headerTail: String?
  /// The Netid of the last row, for SCTP association rows (`` `- ESTAB ``), which leave it empty.
  private var lastNetid: NetidSeen?
  private var inSummary = false
  /// The protocol decided for the current table without a Netid column.
  /// The protocol of a table without a Netid column, once decided, and whether it was
  /// deduced from the states rather than read from the command.
  private var tableProtocol: (name: String, inferred: Bool)?
  private var summaryNoted = false
  /// The held row's peer port when its line ends in it at column 60 or later: a terminal wrap
  /// may have moved the port's last digits onto the next line (after a line of padding).
  private var portMayContinue: Int?
  /// The index in the held row's details of a key ss prints with its value after a space
  /// (`send 80Mbps`) that ended its line without the value: a wrap at that space put the value
  /// first on the next line.
  private var danglingDetail: Int?

  /// Whether a row waits for continuation lines.
  var hasPending: Bool { pending != nil }

  mutating func endBlock() {
    tableProtocol = nil
  }

  mutating func flush(context: inout ParseContext) {
    if let partial = partialRow {
      partialRow = nil
      context.report(.warning, .malformedRow, "an ss row that ends after its local address: its peer is missing")
      partial.read { text, tokens in
        if case .row(var socket, _) = row(text, tokens: tokens, allowPartial: true, context: &context) {
          socket.line = partial.line
          context.emit(socket)
        }
      }
    }
    if let text = carry {
      carry = nil
      settle(text, context: &context)
    }
    danglingDetail = nil
    context.emit(taking: &pending)
  }

  /// Reads what can be read of a carried cut part into the held row and says the rest on the
  /// row's line (the line after it may belong to something else).
  private mutating func settle(_ text: [UInt8], context: inout ParseContext) {
    var unread = text
    text.withUnsafeBufferPointer { bytes in
      let line = LineText(bytes: bytes)
      extensions.read(line.trimmed, in: line)
      guard let cut = extensions.unreadable, cut.start > line.trimmed.start, pending != nil else { return }
      extensions.read(Span(start: line.trimmed.start, end: cut.start), in: line)
      if extensions.unreadable == nil { extensions.apply(to: &pending!, from: line) }
      unread = Array(bytes[cut.start..<cut.end])
    }
    context.report(
      .warning, .malformedRow, "could not read '\(String(decoding: unread, as: UTF8.self))' after the addresses",
      line: pending?.line)
  }

  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    let wasAfterHeader = afterHeader
    afterHeader = false
    if let cut = portMayContinue {
      portMayContinue = nil
      if tokens.count == 1, let joined = joinPort(cut, line, tokens[0], context: &context) { return joined }
    }
    if let partial = partialRow, LineText.isSpace(line[0]) || partial.endsInCutAddress {
      // The peer address (and maybe more) of a row a narrow terminal broke: join and read again.
      partialRow = nil
      let completed = partial.joined(with: line) { text, joinedTokens -> Bool in
        guard case .row(var socket, let cut) = row(text, tokens: joinedTokens, allowPartial: false, context: &context)
        else {
          return false
        }
        // Prose after a paste that ends in a cut row is no peer: an Internet peer has a port.
        if socket.protocol == "tcp" || socket.protocol == "udp", !socket.remote.address.isNone, socket.remote.port == nil {
          return false
        }
        socket.line = partial.line
        pending = socket
        carry = cut
        danglingDetail = cut == nil && extensions.endsInSpacedKey ? socket.details.count - 1 : nil
        if line.trimmed.end == line.count, let port = pending?.remote.port {
          // Wrapped twice: the joined row may be cut at its port as well.
          portMayContinue = Self.portEndingLine(text, joinedTokens, port: port)
        }
        return true
      }
      if completed { return .continuation }
      partialRow = partial
    }
    if isHeader(line, tokens) {
      flush(context: &context)
      inSummary = false
      afterHeader = true
      headerTail = line.string(tokens[tokens.count - 1])
      tableProtocol = nil
      context.snapshots.header(.ss)
      return .header
    }
    if wasAfterHeader
      && (tokens.allSatisfy({ SSVocabulary.headerWords.contains(line.string($0)) }) || finishesHeaderWord(line, tokens)
        || tokens.contains(where: { line.hasPrefix(Self.addressPort, at: $0.start) }) && !tokens.contains(where: { line.isDigits($0) }))
    {
      afterHeader = true
      return .header  // the rest of a header a narrow terminal wrapped
    }
    switch row(line, tokens: tokens, allowPartial: true, context: &context) {
    case .row(var socket, let cut):
      flush(context: &context)
      inSummary = false
      context.snapshots.row(.ss)
      socket.snapshot = context.snapshots.current
      pending = socket
      carry = cut
      danglingDetail = cut == nil && extensions.endsInSpacedKey ? socket.details.count - 1 : nil
      if line.count >= 60, line.trimmed.end == line.count, let port = pending?.remote.port {
        portMayContinue = Self.portEndingLine(line, tokens, port: port)
      }
      return .record
    case .partial:
      flush(context: &context)
      inSummary = false
      context.snapshots.row(.ss)
      partialRow = PartialRow(line, number: context.lineNumber)
      return .record
    case .none:
      break
    }
    if pending != nil, let carried = carry, SSExtensions.finishesArrow(carried, line) == false {
      // A cut shutdown arrow the line does not finish (its rest was lost, say to a line the
      // paste clean-up read as a mail quote marker): the line is read on its own.
      carry = nil
      settle(carried, context: &context)
    }
    if pending != nil, let carried = carry {
      carry = nil
      let text = Self.joining(carried, line)
      let read = text.withUnsafeBufferPointer { bytes in
        let joined = LineText(bytes: bytes)
        return continuation(joined, joined.trimmed, context: &context)
      }
      if let read { return read }
    } else if pending != nil, isContinuation(line, tokens), let read = continuation(line, line.trimmed, context: &context) {
      return read
    }
    if SSVocabulary.notices.contains(where: { line.hasPrefix($0, at: tokens[0].start) }) {
      flush(context: &context)
      return .notice
    }
    let first = line.string(tokens[0])
    if first == "Total:" || first == "Transport" || (inSummary && SSVocabulary.summaryFirstWords.contains(first)) {
      flush(context: &context)
      inSummary = true
      if !summaryNoted {
        summaryNoted = true
        context.report(.note, .skippedTable, "skipped a table that lists no sockets: the ss -s summary")
      }
      return .skipped
    }
    return nil
  }

  /// Absorbs a whitespace-only line that follows a row (`-i` prints one for sockets with nothing
  /// to show; a wrap leaves one of a row's padding, which ss prints up to the width of its
  /// columns): it does not end the table. An empty line still does.
  mutating func claimBlank(_ line: LineText) -> Bool {
    pending != nil && line.count > 0
  }

  /// The peer port a row's line ends in (`…:5` as the last bytes).
  private static func portEndingLine(_ line: LineText, _ tokens: Tokens, port: Int) -> Int? {
    numericPort(line, tokens[tokens.count - 1]) == port ? port : nil
  }

  /// The number after the last `:` of an address token (`10.1.2.5:5` → 5); `nil` for a
  /// service name, a `*` or no port.
  private static func numericPort(_ line: LineText, _ token: Span) -> Int? {
    guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: token) else { return nil }
    let digits = Span(start: colon + 1, end: token.end)
    guard !digits.isEmpty, line.isDigits(digits) else { return nil }
    return line.integer(digits)
  }

  /// Joins a line of digits to the held row's peer port when a terminal wrap moved them there
  /// (`::ffff:192.168.80.5:5`, padding, `2682`): the two make a valid port.
  private mutating func joinPort(_ cut: Int, _ line: LineText, _ token: Span, context: inout ParseContext) -> LineClass? {
    guard line.isDigits(token), token.count <= 4, let port = Int(String(cut) + line.string(token)), port <= 65535
    else { return nil }
    pending?.remote.port = port
    let peer = pending.flatMap { $0.string($0.remote.address) } ?? ""
    context.report(
      .note, .rejoinedWrap, "joined '\(line.string(token))' to the peer port '\(peer):\(cut)' of the row above (a terminal wrap cut the port)")
    return .continuation
  }

  // MARK: - Header

  private func isHeader(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count >= 4, Self.headerStarts.contains(where: { line.equals(tokens[0], $0) }) else { return false }
    if tokens.contains(where: { line.hasPrefix(Self.addressPort, at: $0.start) }) { return true }
    // A narrow terminal cut the header before its first `Address:Port`: the queue words remain.
    return line.equals(tokens[0], Self.headerStarts[0]) && tokens.dropFirst().contains { line.equals($0, Self.recvQ) }
      && tokens.contains { line.equals($0, Self.sendQ) }
  }

  /// Whether the last line was a header, whose last word a wrap may continue on this line.
  var awaitsHeaderRest: Bool { afterHeader }

  /// Reads the line right after a header when it is the rest of the header's last word
  /// (`PortProce` + `ss`), before anything takes a bare `ss` for a command; `nil` otherwise.
  func readHeaderRest(_ line: LineText, tokens: Tokens) -> LineClass? {
    finishesHeaderWord(line, tokens) ? .header : nil
  }

  /// Whether the line is the rest of the header's last word, cut by a wrap (`PortProce` +
  /// `ss`): read as a command, a bare `ss` would change the table's protocol.
  private func finishesHeaderWord(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count == 1, let tail = headerTail else { return false }
    let joined = tail + line.string(tokens[0])
    return SSVocabulary.headerWords.contains { word in word.count > 2 && joined.hasSuffix(word) && !tail.hasSuffix(word) }
  }

  private static let recvQ = Array("Recv-Q".utf8)
  private static let sendQ = Array("Send-Q".utf8)

  private static let addressPort = Array("Address:Port".utf8)
  private static let headerStarts = ["Netid", "State", "Recv-Q"].map { Array($0.utf8) }


  // MARK: - Rows

  private enum RowParse {
    /// A row, and the start of a `users:((…` part cut off at the end of the line, if any.
    case row(RawSocket, cut: [UInt8]?)
    /// Netid, state, queues and the local address, then the end of the line.
    case partial
    case none
  }

  private mutating func row(_ line: LineText, tokens: Tokens, allowPartial: Bool, context: inout ParseContext) -> RowParse {
    var index = 0
    var seen: NetidSeen?
    let isAssociation = line.equals(tokens[0], Self.associationMark)
    if isAssociation {
      seen = lastNetid
      index = 1
    } else if let known = SSVocabulary.netidBytes.value(line, tokens[0]) {
      seen = NetidSeen(netid: known, unknownName: nil)
      index = 1
    } else if tokens.count > 1, SSVocabulary.stateBytes.value(line, tokens[1]) != nil, !line.isDigits(tokens[0]),
      line.string(tokens[0]).allSatisfy({ $0.isLowercase || $0 == "_" || $0.isNumber })
    {
      seen = NetidSeen(netid: nil, unknownName: line.string(tokens[0]))  // a Netid netconv does not know yet
      index = 1
    }
    var stateSpan: Span?
    var state: SocketState?
    if index < tokens.count, let known = SSVocabulary.stateBytes.value(line, tokens[index]) {
      stateSpan = tokens[index]
      state = known
      index += 1
    }
    let netid = seen?.netid
    let queuesShown = index + 2 < tokens.count && line.isDigits(tokens[index]) && line.isDigits(tokens[index + 1])
    if !queuesShown {
      // `tcp ESTAB 10.0.0.4:22 10.0.0.9:51234`: the queue columns deleted by hand, as a blog's
      // table shows them. The State must be there, before both endpoints (net-tools rows
      // edited the same way, `tcp 0.0.0.0:22 0.0.0.0:* LISTEN`, have it after them).
      guard stateSpan != nil, netid?.protocol != "unix", index + 1 < tokens.count,
        line.firstIndex(of: UInt8(ascii: ":"), in: tokens[index]) != nil, !line.isDigits(tokens[index]),
        looksLikeAddress(line, tokens[index + 1])
      else { return .none }
    }
    // Where the addresses start, after the queues when they are shown.
    let at = index + (queuesShown ? 2 : 0)
    // The addresses: `addr:port`, `*`, or a UNIX path; never a bare number (macOS kctl tables).
    guard netid?.protocol == "unix" || looksLikeAddress(line, tokens[at]) else { return .none }
    // Without a Netid and a State (`ss -t state established`) only the two endpoints say it is
    // an ss row: the peer must look like one too (`786896 9216 AnyDesk:612 00000` is the end
    // of a wrapped macOS row, not a socket).
    if seen == nil && stateSpan == nil && at + 1 < tokens.count && !looksLikeAddress(line, tokens[at + 1]) {
      return .none
    }
    let onlyLocal =
      at + 1 == tokens.count
      || (netid?.protocol == "unix" && (at + 2...at + 3).contains(tokens.count) && line.isDigits(tokens[at + 1]))
      || (at + 2 == tokens.count && line[tokens[at + 1].end - 1] == UInt8(ascii: ":"))
    if onlyLocal {
      // Only the local address (a UNIX row: its path and inode, maybe the peer's path): a row
      // broken by a narrow terminal or a wrap (or, at the end, a cut paste).
      return allowPartial && (seen != nil || stateSpan != nil) ? .partial : .none
    }
    if let name = seen?.unknownName {
      context.report(.note, .unknownNetid, "unknown Netid '\(name)': kept as the protocol")
    }
    if seen != nil && !isAssociation { lastNetid = seen }
    var socket = RawSocket(
      dialect: .ss, snapshot: context.snapshots.current, line: context.lineNumber,
      protocol: netid?.protocol ?? seen?.unknownName ?? "", family: netid?.family)
    socket.socketType = socket.store(netid?.socketType)
    if queuesShown {
      socket.recvQ = context.number(line, tokens[index], "Recv-Q", limit: Int.max)
      socket.sendQ = context.number(line, tokens[index + 1], "Send-Q", limit: Int.max)
    } else {
      context.report(.note, .missingColumn, "the Recv-Q and Send-Q columns are missing: the row is read without them")
    }
    index = at

    let isUnixShape =
      index + 3 < tokens.count && line.isDigits(tokens[index + 1]) && line.isDigits(tokens[index + 3])
      && (netid?.protocol == "unix" || (netid == nil && isUnixAddress(line, tokens[index])))
    if !isUnixShape && socket.protocol.isEmpty {
      let decided = protocolWithoutNetid(stateSpan.map(line.string), context: &context)
      socket.protocol = decided.name
      if decided.inferred { socket.inferred.insert(.protocol) }
    }
    let extensionsStart: Int
    if isUnixShape {
      socket.protocol = "unix"
      socket.family = .unix
      if !isStar(line, tokens[index]) { socket.local.address = socket.store(line, tokens[index]) }
      socket.inode = context.number(line, tokens[index + 1], "inode", upTo: Int64.max)
      if !isStar(line, tokens[index + 2]) { socket.remote.address = socket.store(line, tokens[index + 2]) }
      socket.addDetail(key: socket.store("peer_inode"), value: socket.store(line, tokens[index + 3]))
      extensionsStart = tokens[index + 3].end
    } else if tokens.count == index + 3, Self.isSplitPort(line, peer: tokens[index + 1], tail: tokens[index + 2]) {
      // `::ffff:192.168.80.5:5` + padding + `2682`: a terminal wrapped the peer's port and the
      // copy kept the padding. Read the two halves as one address.
      let (local, peer, tail) = (tokens[index], tokens[index + 1], tokens[index + 2])
      var joined = Array(UnsafeBufferPointer(rebasing: line.bytes[local.start..<local.end]))
      joined.append(0x20)
      joined.append(contentsOf: UnsafeBufferPointer(rebasing: line.bytes[peer.start..<peer.end]))
      joined.append(contentsOf: UnsafeBufferPointer(rebasing: line.bytes[tail.start..<tail.end]))
      joined.withUnsafeBufferPointer { bytes in
        let text = LineText(bytes: bytes)
        let peerStart = local.count + 1
        endpoints(
          text, local: Span(start: 0, end: local.count), peer: Span(start: peerStart, end: bytes.count),
          into: &socket, context: &context)
      }
      context.report(
        .note, .rejoinedWrap,
        "joined '\(line.string(tail))' to the peer port '\(line.string(peer))' (a terminal wrap cut the port and kept its padding)")
      extensionsStart = tail.end
    } else {
      endpoints(line, local: tokens[index], peer: tokens[index + 1], into: &socket, context: &context)
      extensionsStart = tokens[index + 1].end
    }
    if let stateSpan {
      socket.stateRaw = socket.store(line, stateSpan)
      let connectionless = state == .closed && !SSVocabulary.connectionProtocols.contains(socket.protocol)
      socket.state = connectionless ? nil : state
    }
    let rest = Span(start: extensionsStart, end: tokens[tokens.count - 1].end)
    var cut: [UInt8]?
    if !rest.isEmpty {
      extensions.read(rest, in: line)
      if let span = extensions.outOfRange { context.reportTooLarge(line, span, "number", limit: Int.max) }
      if extensions.unreadable != nil {
        // Cut by a narrow terminal: the rest of users:((…)) follows on the next line.
        cut = Array(UnsafeBufferPointer(rebasing: line.bytes[line.trim(rest).start..<rest.end]))
        if rest.end < line.bytes.count && LineText.isSpace(line[rest.end]) { cut?.append(0x20) }
      } else {
        extensions.apply(to: &socket, from: line)
      }
    }
    return .row(socket, cut: cut)
  }

  /// The protocol of a table without a Netid column (one socket table: `ss -t`, `ss -lntp`):
  /// from the command on the prompt line above when there is one, else from the state (TCP
  /// states mean tcp, UNCONN means udp). Said once per table in a note.
  private mutating func protocolWithoutNetid(
    _ stateRaw: String?, context: inout ParseContext
  ) -> (name: String, inferred: Bool) {
    if let decided = tableProtocol { return decided }
    let fromCommand = context.lastPrompt.flatMap(Self.protocolSelected(byCommand:))
    let decided = fromCommand ?? (stateRaw == "UNCONN" ? "udp" : "tcp")
    tableProtocol = (decided, fromCommand == nil)
    let reason =
      fromCommand != nil
      ? "the command on the prompt line selects it"
      : "inferred from the \(stateRaw == "UNCONN" ? "UNCONN" : "TCP") state, as the table shows no Netid column"
    context.report(.note, .inferredProtocol, "protocol '\(decided)' for this table: \(reason)")
    return (decided, fromCommand == nil)
  }

  /// The one socket table an `ss` command line selects (`ss -tlnp` → tcp), if it selects one.
  static func protocolSelected(byCommand command: String) -> String? {
    let words = command.split(separator: " ")
    guard let ssIndex = words.firstIndex(where: { $0 == "ss" || $0.hasSuffix("/ss") }) else { return nil }
    var found: Set<String> = []
    let flags = SSVocabulary.commandFlagTable
    for word in words[(ssIndex + 1)...] {
      if word.hasPrefix("#") || word == "|" || word == "&&" || word == "||" || word == ";" { break }
      // `ss -nu; sleep 1`: a ';' ends the command (in a loop or a line of prose).
      let option = word.hasSuffix(";") ? word.dropLast() : word
      if option.hasPrefix("--"), let name = flags[String(option)] {
        found.insert(name)
      } else if option.hasPrefix("-") && !option.hasPrefix("--") {
        for letter in option.dropFirst() { if let name = flags[String(letter)] { found.insert(name) } }
      }
      if word.hasSuffix(";") { break }
    }
    return found.count == 1 ? found.first : nil
  }

  private func looksLikeAddress(_ line: LineText, _ token: Span) -> Bool {
    line.firstIndex(of: UInt8(ascii: ":"), in: token) != nil || isUnixAddress(line, token)
  }

  private func isUnixAddress(_ line: LineText, _ token: Span) -> Bool {
    let lead = line[token.start]
    return (token.count == 1 && lead == UInt8(ascii: "*")) || lead == UInt8(ascii: "/") || lead == UInt8(ascii: "@")
  }

  private func isStar(_ line: LineText, _ token: Span) -> Bool {
    token.count == 1 && line[token.start] == UInt8(ascii: "*")
  }

  /// Whether a row's last token is the rest of its peer's port, moved away by a terminal wrap
  /// with the padding the copy kept: digits only, after a gap of 8 or more blanks, after a
  /// numeric peer port that ends at column 60 or later; the two together a valid port. No ss
  /// column is a bare number there.
  private static func isSplitPort(_ line: LineText, peer: Span, tail: Span) -> Bool {
    guard tail.start - peer.end >= 8, peer.end >= 60, line.isDigits(tail), tail.count <= 4,
      let head = numericPort(line, peer), let rest = line.integer(tail)
    else { return false }
    var scale = 1
    for _ in 0..<tail.count { scale *= 10 }
    return head * scale + rest <= 65535
  }

  private func endpoints(_ line: LineText, local: Span, peer: Span, into socket: inout RawSocket, context: inout ParseContext) {
    switch socket.protocol {
    case "netlink":
      // rtnl:kernel, tcpdiag:ss/4577, 0:0 — the protocol and the owner, not an address:port
      socket.local.address = socket.store(line, local)
      if let colon = line.firstIndex(of: UInt8(ascii: ":"), in: local),
        let slash = line.lastIndex(of: UInt8(ascii: "/"), in: local), slash > colon
      {
        socket.process = socket.store(line, Span(start: colon + 1, end: slash))
        socket.pid = context.number(line, Span(start: slash + 1, end: local.end), "pid", limit: Int.max)
      }
      if !isStar(line, peer) { socket.remote.address = socket.store(line, peer) }
      return
    case "packet":
      // *:lo, LLDP:ens33 — the ethernet protocol and the interface
      if let colon = line.lastIndex(of: UInt8(ascii: ":"), in: local) {
        socket.local.address = socket.store(line, Span(start: local.start, end: colon))
        socket.local.interface = socket.store(line, Span(start: colon + 1, end: local.end))
      } else {
        socket.local.address = socket.store(line, local)
      }
      if !isStar(line, peer) { socket.remote.address = socket.store(line, peer) }
      return
    default: break
    }
    let names: ServiceTable.Names = socket.protocol == "raw" || socket.protocol == "icmp" ? .ipProtocols : .services
    let localParsed = EndpointParser.parse(local, in: line, names: names)
    let peerParsed = EndpointParser.parse(peer, in: line, names: names)
    context.reportPortProblems(localParsed, in: line)
    context.reportPortProblems(peerParsed, in: line)
    socket.set(.local, to: localParsed, of: line)
    let starPeer = peerParsed.address.map { isStar(line, $0) } == true && peerParsed.port == nil
    if !peerParsed.isWildcard && !starPeer {
      socket.set(.remote, to: peerParsed, of: line)
    }
    if socket.family == nil {
      socket.family =
        socket.withBytes(of: socket.local.address) { AddressFamily.infer(fromAddress: $0) }
        ?? socket.withBytes(of: socket.remote.address) { AddressFamily.infer(fromAddress: $0) }
    }
  }

  // MARK: - Extensions and continuation lines

  /// A line that continues the row above: indented details, or a cut-off `users:((…))` part.
  private func isContinuation(_ line: LineText, _ tokens: Tokens) -> Bool {
    let indented = LineText.isSpace(line[0])
    let start = tokens[0].start
    if Self.continuationStarts.contains(where: { line.hasPrefix($0, at: start) }) { return true }
    // The shutdown arrow of an `-e` row (it shows ino:), alone on a line a wrap made: never the
    // `-->` that closes an HTML comment, which would end the table and lose the lines after it.
    if tokens.count == 1, pending?.inode != nil, SSExtensions.isShutdownArrow(line, tokens[0]) { return true }
    guard indented else { return false }
    return tokens.contains { token in
      line.firstIndex(of: UInt8(ascii: ":"), in: token) != nil || SSVocabulary.detailWordBytes.value(line, token) != nil
    }
  }

  private static let continuationStarts = ["users:((", "timer:(", "skmem:("].map { Array($0.utf8) }
  private static let associationMark = Array("`-".utf8)

  /// The Netid of a row: a known one, or the name of one netconv does not know.
  private struct NetidSeen {
    var netid: SSVocabulary.Netid?
    var unknownName: String?
  }

  /// A cut `users:((…` part joined with the line that continues it. A blank at the cut (at the
  /// end of the cut line or the start of the next) is kept as one space where the cut is inside
  /// a process name (`("ch"ld, (worker"`), and dropped elsewhere (`pid=44` + `02`).
  private static func joining(_ carried: [UInt8], _ line: LineText) -> [UInt8] {
    var text = carried
    let blankAtCut = text.last == 0x20 || line.trimmed.start > 0
    while text.last == 0x20 { text.removeLast() }
    if blankAtCut && endsInsideName(text) { text.append(0x20) }
    // Up to the end of the line: a blank there tells the next join that a cut came at a space.
    text.append(contentsOf: UnsafeBufferPointer(rebasing: line.bytes[line.trimmed.start..<line.count]))
    return text
  }

  /// Whether `bytes` end inside the quoted name of an owner: after the last `("`, no `",`.
  private static func endsInsideName(_ bytes: [UInt8]) -> Bool {
    var index = bytes.count - 2
    while index >= 0 {
      if bytes[index] == UInt8(ascii: "(") && bytes[index + 1] == UInt8(ascii: "\"") { break }
      index -= 1
    }
    guard index >= 0 else { return false }
    var scan = index + 2
    while scan + 1 < bytes.count {
      if bytes[scan] == UInt8(ascii: "\"") && bytes[scan + 1] == UInt8(ascii: ",") { return false }
      scan += 1
    }
    return true
  }

  /// Reads the extensions of a continuation line (`span` of `line`) into the held row: the
  /// line's class, or `nil` when the line holds none.
  private mutating func continuation(_ line: LineText, _ span: Span, context: inout ParseContext) -> LineClass? {
    var span = span
    if let dangling = danglingDetail, pending != nil {
      danglingDetail = nil
      let first = line.trim(span)
      var end = first.start
      while end < first.end && !LineText.isSpace(line[end]) { end += 1 }
      let value = Span(start: first.start, end: end)
      if !value.isEmpty, LineText.isDigit(line[value.start]),
        line.firstIndex(of: UInt8(ascii: ":"), in: value) == nil, line.firstIndex(of: UInt8(ascii: "("), in: value) == nil
      {
        pending!.details[dangling].value = pending!.store(line, value)
        span = Span(start: value.end, end: span.end)
        if line.trim(span).isEmpty { return .continuation }
      }
    }
    extensions.read(span, in: line)
    if let span = extensions.outOfRange { context.reportTooLarge(line, span, "number", limit: Int.max) }
    if extensions.unreadable != nil {
      // Cut again: wait for the next line.
      carry = Array(UnsafeBufferPointer(rebasing: line.bytes[span.start..<span.end]))
      if span.end < line.bytes.count && LineText.isSpace(line[span.end]) { carry?.append(0x20) }
      return .continuation
    }
    guard !extensions.isEmpty, pending != nil else { return nil }
    extensions.apply(to: &pending!, from: line)
    if extensions.endsInSpacedKey { danglingDetail = pending!.details.count - 1 }
    return .continuation
  }
}
