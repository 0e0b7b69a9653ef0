/// Reads Windows `netstat.exe` output: `-a -b -n -o` in any combination, any display language,
/// repeated blocks from interval mode, and the `-b` owner lines under each row.
///
/// A row is recognized by its shape — `TCP` or `UDP`, then two `address:port` tokens — and the
/// PID by being the trailing number, so no structure depends on translated words. A row is
/// held back until the next row (or anything else) arrives, because its `-b` owner lines — an
/// optional component (`RpcSs`), XP-era DLL paths, then `[exe]` or the "cannot obtain ownership"
/// message — follow it. See `Grammar/windows-netstat/grammar.md`.
struct WindowsNetstatParser: DialectParser {
  static let dialect = Dialect.windowsNetstat

  /// The row waiting for its owner lines.
  private var pending: RawSocket?
  /// Whether a row was read since the last banner or header, so owner lines have a home.
  private var sawRow = false
  private var machineNameNoted = false
  /// Whether this block showed `-b` owner lines (`[exe]` or the ownership message), which makes
  /// an unknown multi-word line after a row more likely the message in another language.
  private var sawOwnerLines = false
  /// Whether the last line was a header, so a wrapped remainder (`PID`) is header too.
  private var afterHeader = false
  /// A row that ended after its first address, waiting for the rest on the next line.
  private var partialRow: PartialRow?
  /// Whether the held row's PID is the last token of its line, where a hard wrap can cut it.
  private var pidEndsRow = false
  /// The line of the elevation message, when the paste holds one.
  private(set) var elevationLine: Int?

  mutating func endBlock() {}

  mutating func flush(context: inout ParseContext) {
    if let partial = partialRow {
      partialRow = nil
      emitCut(partial, context: &context)
    }
    context.emit(taking: &pending)
  }

  /// Reads a row that ended after its first address joined with the line that continues it
  /// (`147.75.40.150:443      ESTABLISHED     6120`); `nil` when the two do not make a row.
  private mutating func rejoin(_ partial: PartialRow, _ line: LineText, context: inout ParseContext) -> LineClass? {
    partial.joined(with: line) { text, tokens -> LineClass? in
      guard isRow(text, tokens) else { return nil }
      row(text, tokens: tokens, context: &context)
      pending?.line = partial.line
      return .continuation
    }
  }

  /// Between the lines of an XP-era DLL chain joined into one `component`.
  static let componentSeparator = "; "

  /// Emits a row that ended after its first address as a record without the rest, with a
  /// warning. (`TCP 127.0.0` with no port is no address and never gets here.)
  private func emitCut(_ partial: PartialRow, context: inout ParseContext) {
    partial.read { text, tokens in
      let proto = text[tokens[0].start] | 0x20 == UInt8(ascii: "t") ? "tcp" : "udp"
      var socket = RawSocket(
        dialect: .windowsNetstat, snapshot: context.snapshots.current, line: partial.line, protocol: proto)
      socket.set(.local, to: EndpointParser.parse(tokens[1], in: text), of: text)
      socket.family = AddressFamily.infer(fromToken: tokens[1], in: text)
      context.report(
        .warning, .malformedRow, "a row that ends after its first address: the rest of it is missing", line: partial.line)
      context.emit(socket)
    }
  }

  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    let wasAfterHeader = afterHeader
    afterHeader = false
    if let partial = partialRow {
      partialRow = nil
      if looksLikeEndpoint(line, tokens[0]), let joined = rejoin(partial, line, context: &context) { return joined }
      emitCut(partial, context: &context)
    }
    if tokens.count == 2 && startsRow(line, tokens) {
      // Ends after its first address: wait for the rest on the next line.
      flush(context: &context)
      context.snapshots.row(.windows)
      sawRow = true
      partialRow = PartialRow(line, number: context.lineNumber)
      return .record
    }
    if isRow(line, tokens) {
      flush(context: &context)
      row(line, tokens: tokens, context: &context)
      return .record
    }
    if let stateEnd = oneEndpointRowStateEnd(line, tokens) {
      flush(context: &context)
      oneEndpointRow(line, tokens: tokens, stateEnd: stateEnd, context: &context)
      return .record
    }
    if tokens.count >= 4, isPortlessForeignRow(line, tokens) {
      flush(context: &context)
      portlessForeignRow(line, tokens: tokens, context: &context)
      return .record
    }
    let trimmed = line.trimmed
    if pending != nil, tokens.count == 1, line[trimmed.start] != UInt8(ascii: "["),
      WindowsNetstatVocabulary.offloadWords.contains(line.string(tokens[0]))
    {
      // The -t offload state (`InHost`) a wrap moved under its row, not a -b component; rows
      // do not keep it either.
      return .continuation
    }
    if tokens.count == 1, pidEndsRow, pending?.process.isNone == true, pending?.component.isNone == true,
      line.string(tokens[0]).lowercased().hasSuffix(".exe"), var socket = pending.take()
    {
      // `4321 chrome.exe` pasted onto a row, then wrapped before the name (`-b` brackets names).
      socket.process = socket.store(line, tokens[0])
      pending = socket
      context.report(.note, .rejoinedWrap, "joined '\(line.string(tokens[0]))' to the row above as its program (a wrapped line)")
      return .continuation
    }
    if pending != nil, let lineClass = commonOwnerLine(line, tokens: tokens, trimmed: trimmed, context: &context) {
      return lineClass
    }
    let text = line.string(trimmed)
    if isWrappedTail(line, tokens), var socket = pending.take() {  // taken, so it is mutated in place
      // A mail client wrapped the row before its state or PID.
      let trailing = line.isDigits(tokens[tokens.count - 1]) ? tokens.count - 1 : tokens.count
      if trailing > 0 {
        let span = Span(start: tokens[0].start, end: tokens[trailing - 1].end)
        socket.stateRaw = socket.store(line, span)
        socket.state = Self.state(line, span, listening: socket.protocol == "tcp" && !socket.hasPeer, context: &context)
      }
      if trailing < tokens.count { socket.pid = context.number(line, tokens[trailing], "PID") }
      pending = socket
      return .continuation
    }
    if tokens.count >= 2, line.isDigits(tokens[0]), pending?.pid == nil, pending?.stateRaw.isNone == false,
      pending?.process.isNone == true, pending?.component.isNone == true, Self.isPastedOwner(line, tokens.dropFirst()),
      var socket = pending.take()
    {
      // `… ESTABLISHED` + `4321 chrome.exe`: a wrap moved the PID and the owner pasted after it.
      socket.pid = context.number(line, tokens[0], "PID")
      Self.ownerText(line, tokens.dropFirst(), into: &socket, context: &context)
      pending = socket
      context.report(.note, .rejoinedWrap, "joined '\(line.string(trimmed))' to the row above as its PID and owner (a wrapped line)")
      return .continuation
    }
    if tokens.count == 1, line.isDigits(tokens[0]), pidEndsRow, let pid = pending?.pid {
      return rejoinPID(pid, tail: line, tokens[0], context: &context)
    }
    if pending != nil
      && (line[trimmed.start] == UInt8(ascii: "[") || tokens.count == 1
        || WindowsNetstatVocabulary.ownershipUnavailable.contains { text.hasPrefix($0.text) })
    {
      // The common -b owner lines under a row: `[svchost.exe]`, a service name (`RpcSs`).
      return ownerLine(line, trimmed: trimmed, text: text, skeleton: nil, context: &context)
    }
    let skeleton = Skeleton.of(text)
    if WindowsNetstatVocabulary.banners.contains(where: { $0.matches(text, lineSkeleton: skeleton) }) {
      flush(context: &context)
      context.snapshots.banner(.windows)
      sawRow = false
      return .banner
    }
    if tokens.count >= 3, WindowsNetstatVocabulary.headerFirstWords.contains(line.string(tokens[0])),
      !tokens.contains(where: { looksLikeEndpoint(line, $0) || OtherTables.foreignHeaderWords.contains(line.string($0)) })
    {
      flush(context: &context)
      context.snapshots.header(.windows)
      sawRow = false
      sawOwnerLines = false
      afterHeader = true
      return .header
    }
    if wasAfterHeader && tokens.count <= 2 && tokens.allSatisfy({ WindowsNetstatVocabulary.headerWords.contains(line.string($0)) }) {
      afterHeader = true
      return .header  // the end of a header a mail client wrapped (`PID`)
    }
    if WindowsNetstatVocabulary.elevation.contains(where: { $0.isPrefix(of: text, lineSkeleton: skeleton) }) {
      flush(context: &context)
      elevationLine = elevationLine ?? context.lineNumber
      context.report(
        .warning, .elevationRequired,
        "Windows refused 'netstat -b' without administrator rights, so this command printed no table: run it from an administrator prompt, or use 'netstat -ano', which needs no elevation")
      return .notice
    }
    return ownerLine(line, trimmed: trimmed, text: text, skeleton: skeleton, context: &context)
  }

  /// Whether a byte may be part of a Windows service name (`RpcSs`, `WinHttpAutoProxySvc`,
  /// `CDPUserSvc_3f1b`): ASCII letters, digits and `._-$`.
  private static func isServiceNameByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || LineText.isDigit(byte) || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "$")
  }


  // MARK: - Rows

  /// `TCP|UDP local foreign …`, where both addresses contain a colon.
  private func isRow(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count >= 3 else { return false }
    return startsRow(line, tokens) && looksLikeEndpoint(line, tokens[2])
  }

  /// Whether the line starts like a row: `TCP` or `UDP` in upper case, then an address.
  private func startsRow(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count >= 2, tokens[0].count == 3 else { return false }
    let first = line[tokens[0].start] | 0x20
    let second = line[tokens[0].start + 1] | 0x20
    let third = line[tokens[0].start + 2] | 0x20
    let isTCP = first == UInt8(ascii: "t") && second == UInt8(ascii: "c") && third == UInt8(ascii: "p")
    let isUDP = first == UInt8(ascii: "u") && second == UInt8(ascii: "d") && third == UInt8(ascii: "p")
    // net-tools rows start in lower case and carry queue numbers; Windows rows in upper case.
    guard (isTCP || isUDP) && line[tokens[0].start] < UInt8(ascii: "a") else { return false }
    return looksLikeEndpoint(line, tokens[1])
  }

  /// Whether a token is an `address:port` (or `*:*`).
  private func looksLikeEndpoint(_ line: LineText, _ token: Span) -> Bool {
    guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: token) else { return false }
    return colon > token.start && colon < token.end - 1
  }

  /// For `TCP host:https ESTABLISHED [PID]` — a row of a table that lost one of its address
  /// columns (a blog or forum post) — the index after its state words; `nil` for other lines.
  /// The state must be a known word, so a line of prose is never taken for such a row.
  private func oneEndpointRowStateEnd(_ line: LineText, _ tokens: Tokens) -> Int? {
    guard tokens.count >= 3, startsRow(line, tokens), !looksLikeEndpoint(line, tokens[2]) else { return nil }
    return Self.stateEnd(line, tokens, from: 2)
  }

  /// Where the state words that start at token `first` end, before a PID, when they are a known
  /// state; `nil` otherwise.
  private static func stateEnd(_ line: LineText, _ tokens: Tokens, from first: Int) -> Int? {
    let end = tokens.count > first + 1 && line.isDigits(tokens[tokens.count - 1]) ? tokens.count - 1 : tokens.count
    let span = Span(start: tokens[first].start, end: tokens[end - 1].end)
    let known = WindowsNetstatVocabulary.stateBytes.value(line, span) ?? WindowsNetstatVocabulary.state(line.string(span))
    return known == nil ? nil : end
  }

  /// Whether the line is a row whose foreign address shows no port (`TCP 0.0.0.0:135
  /// MACHINENAME LISTENING`, a paste edited by hand): a host name — letters, digits, `-`, `.`,
  /// `_`, not a state word — where the foreign address goes, then a known state and maybe a PID.
  @inline(never)
  private func isPortlessForeignRow(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count >= 4, startsRow(line, tokens) else { return false }
    let foreign = tokens[2]
    guard LineText.isDigit(line[foreign.start]) || (line[foreign.start] | 0x20) &- UInt8(ascii: "a") < 26,
      (foreign.start..<foreign.end).allSatisfy({ Self.isServiceNameByte(line[$0]) }),
      WindowsNetstatVocabulary.state(line.string(foreign)) == nil
    else { return false }
    return Self.stateEnd(line, tokens, from: 3) != nil
  }

  /// Reads a row whose foreign address shows no port. A listener's foreign address is the
  /// machine's own name (netstat prints `NAME:0`): no peer, as for `NAME:0`. In a connection it
  /// is the peer, kept without a port. Either way a note says what was read.
  @inline(never)
  private mutating func portlessForeignRow(_ line: LineText, tokens: Tokens, context: inout ParseContext) {
    let foreign = tokens[2]
    let name = line.string(foreign)
    // Read as a row with the name's port 0, then the name set as it is.
    var bytes = Array(UnsafeBufferPointer(rebasing: line.bytes[0..<foreign.end]))
    bytes.append(contentsOf: Array(":0".utf8))
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line.bytes[foreign.end...]))
    bytes.withUnsafeBufferPointer { buffer in
      let text = LineText(bytes: buffer)
      var storage: [Span] = []
      let shifted = text.tokens(of: text.trimmed, reusing: &storage)
      row(text, tokens: shifted, context: &context)
    }
    pending!.line = context.lineNumber
    let listening = pending!.state == .listen || pending!.protocol == "udp"
    if !listening {
      pending!.remote.address = pending!.store(name)
      pending!.remote.port = nil
    }
    context.report(
      .note, .missingColumn,
      listening
        ? "the foreign address '\(name)' shows no port: read as the machine's own name (a listener has no peer)"
        : "the foreign address '\(name)' shows no port: kept as the peer, its port null")
  }

  /// Reads a row with one endpoint, deciding which end it is: a listening or bound socket's
  /// is the local end; in a connection, a host name or a well-known service port is the remote
  /// end, an unspecified or private address — or a dotless machine name, as name mode shows
  /// this machine — with an ephemeral port the local one. What was
  /// decided is in `inferred`, with a note that says why.
  private mutating func oneEndpointRow(_ line: LineText, tokens: Tokens, stateEnd: Int, context: inout ParseContext) {
    context.snapshots.row(.windows)
    sawRow = true
    let proto = line[tokens[0].start] | 0x20 == UInt8(ascii: "t") ? "tcp" : "udp"
    var socket = RawSocket(
      dialect: .windowsNetstat, snapshot: context.snapshots.current, line: context.lineNumber, protocol: proto)
    let endpoint = EndpointParser.parse(tokens[1], in: line)
    context.reportPortProblems(endpoint, in: line)
    let stateSpan = Span(start: tokens[2].start, end: tokens[stateEnd - 1].end)
    socket.stateRaw = socket.store(line, stateSpan)
    let state = Self.state(line, stateSpan, listening: false, context: &context)
    socket.state = state
    if stateEnd < tokens.count { socket.pid = context.number(line, tokens[stateEnd], "PID") }
    socket.family = AddressFamily.infer(fromToken: tokens[1], in: line)
    let shown = line.string(tokens[1])
    let (side, reason) = Self.side(of: endpoint, in: line, state: state)
    socket.set(side, to: endpoint, of: line)
    socket.inferred.insert(side == .local ? .localAddress : .remoteAddress)
    if endpoint.port != nil { socket.inferred.insert(side.portKey) }
    context.report(
      .note, .missingColumn,
      "one address column is missing: '\(shown)' read as the \(side == .local ? "local" : "remote") end (\(reason))")
    pending = socket
    pidEndsRow = stateEnd < tokens.count
  }

  /// Which end a row's only endpoint is, and why.
  private static func side(of endpoint: EndpointParser.Parsed, in line: LineText, state: SocketState) -> (EndpointSide, String) {
    switch state {
    case .listen, .bound: return (.local, "a listening or bound socket shows its own address")
    default: break
    }
    guard let address = endpoint.address else { return (.remote, "a connection lists the end it talks to") }
    let text = line.string(address)
    if endpoint.portName != nil { return (.remote, "a service port is the end a connection goes to") }
    let ephemeral = (endpoint.port ?? 0) >= 1024
    if !AddressText.isLiteral(text) {
      if ephemeral && !text.contains(".") {
        return (.local, "a machine name with an ephemeral port is this machine's end, as name mode shows it")
      }
      return (.remote, "a host name is the end a connection goes to")
    }
    if !ephemeral { return (.remote, "a well-known port is the end a connection goes to") }
    if AddressText.isUnspecifiedOrPrivate(text) { return (.local, "a private address with an ephemeral port is this machine's end") }
    return (.remote, "an internet address is the end a connection goes to")
  }

  private mutating func row(_ line: LineText, tokens: Tokens, context: inout ParseContext) {
    context.snapshots.row(.windows)
    sawRow = true
    let proto = line[tokens[0].start] | 0x20 == UInt8(ascii: "t") ? "tcp" : "udp"
    // Filled where it is held: a record is too large to build aside and move in.
    pending = RawSocket(
      dialect: .windowsNetstat, snapshot: context.snapshots.current, line: context.lineNumber, protocol: proto)
    let tokens = Self.separatingGluedState(line, tokens, context: &context)
    Self.readRow(line, tokens: tokens, into: &pending!, machineNameNoted: &machineNameNoted, context: &context)
    pidEndsRow = tokens.count > 3 && line.isDigits(tokens[tokens.count - 1])
  }

  /// The row's tokens with a state glued to the foreign port by a paste that ate the blank
  /// (`0.0.0.0:0LISTENING`) split off, with a note; the tokens as they are otherwise.
  private static func separatingGluedState(_ line: LineText, _ tokens: Tokens, context: inout ParseContext) -> Tokens {
    let foreign = tokens[2]
    guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: foreign) else { return tokens }
    var digitsEnd = colon + 1
    while digitsEnd < foreign.end && LineText.isDigit(line[digitsEnd]) { digitsEnd += 1 }
    guard digitsEnd > colon + 1, digitsEnd < foreign.end, !LineText.isDigit(line[digitsEnd]) else { return tokens }
    let glued = Span(start: digitsEnd, end: foreign.end)
    guard WindowsNetstatVocabulary.stateBytes.value(line, glued) != nil else { return tokens }
    context.report(.note, .gluedColumns, "split '\(line.string(foreign))' into the foreign address and the state (a lost blank)")
    var split = Array(tokens)
    split.replaceSubrange(2...2, with: [Span(start: foreign.start, end: digitsEnd), glued])
    return split[...]
  }

  private static func readRow(
    _ line: LineText, tokens: Tokens, into socket: inout RawSocket, machineNameNoted: inout Bool,
    context: inout ParseContext
  ) {
    let local = EndpointParser.parse(tokens[1], in: line)
    let remote = EndpointParser.parse(tokens[2], in: line)
    context.reportPortProblems(local, in: line)
    context.reportPortProblems(remote, in: line)
    socket.set(.local, to: local, of: line)
    // A peer on port 0 is never a real peer: listeners show `0.0.0.0:0`, `[::]:0`, or the
    // machine's own name (`LAPTOP-6LNI85PH:0`) in name mode.
    if remote.isWildcard || remote.port == 0 {
      if !machineNameNoted, let address = remote.address, !EndpointParser.isUnspecified(address, in: line) {
        machineNameNoted = true
        context.report(
          .note, .machineName, "the machine calls itself '\(line.string(address))' (shown as the peer of its listeners)")
      }
    } else {
      socket.set(.remote, to: remote, of: line)
    }
    socket.family = AddressFamily.infer(fromToken: tokens[1], in: line) ?? AddressFamily.infer(fromToken: tokens[2], in: line)

    // After the addresses: [state words] [PID] [-t offload state] [owner text pasted onto the row]
    var end = tokens.count
    var trailing: Tokens = []
    var pidIndex: Int?
    for index in stride(from: tokens.count - 1, through: 3, by: -1) where line.isDigits(tokens[index]) {
      pidIndex = index
      break
    }
    if let pidIndex {
      socket.pid = context.number(line, tokens[pidIndex], "PID")
      trailing = tokens[(pidIndex + 1)...]
      end = pidIndex
    } else {
      while end > 3, WindowsNetstatVocabulary.offloadWords.contains(line.string(tokens[end - 1])) { end -= 1 }
      // `LISTENING  [System]`: the owner pasted onto a row without a PID column.
      let last = tokens[end - 1]
      if end > 4, line[last.start] == UInt8(ascii: "["), line[last.end - 1] == UInt8(ascii: "]") {
        trailing = tokens[(end - 1)..<end]
        end -= 1
      }
    }
    if end > 3 {
      let span = Span(start: tokens[3].start, end: tokens[end - 1].end)
      socket.stateRaw = socket.store(line, span)
      socket.state = state(line, span, listening: socket.protocol == "tcp" && !socket.hasPeer, context: &context)
    }
    ownerText(line, trailing, into: &socket, context: &context)
  }

  /// The state at `span`; `listening` tells that an unknown word is a TCP listener's (the
  /// peer is a wildcard). The record is not passed in: reading it while its state is being
  /// set would copy it.
  private static func state(_ line: LineText, _ span: Span, listening: Bool, context: inout ParseContext) -> SocketState {
    if let known = WindowsNetstatVocabulary.stateBytes.value(line, span) ?? WindowsNetstatVocabulary.state(line.string(span)) {
      return known
    }
    let raw = line.string(span)
    if listening {
      context.report(
        .warning, .unknownState, "unknown state '\(raw)': read as LISTEN because the peer is a wildcard")
      return .listen
    }
    context.report(.warning, .unknownState, "unknown state '\(raw)': kept in state_raw, state is UNKNOWN")
    return .unknown
  }

  /// Owner text that a hand-edited paste put at the end of the row (`1948  RpcSs [svchost.exe]`).
  private static func ownerText(_ line: LineText, _ tokens: Tokens, into socket: inout RawSocket, context: inout ParseContext) {
    var words: [Span] = []
    for token in tokens {
      let word = line.string(token)
      if WindowsNetstatVocabulary.offloadWords.contains(word) { continue }
      words.append(token)
    }
    guard let first = words.first, let last = words.last else { return }
    let span = Span(start: first.start, end: last.end)
    let text = line.string(span)
    if line[last.end - 1] == UInt8(ascii: "]"), let open = line.lastIndex(of: UInt8(ascii: "["), in: span) {
      let component = line.trim(Span(start: span.start, end: open))
      if !component.isEmpty { socket.component = socket.store(line, component) }
      socket.process = socket.store(line, Span(start: open + 1, end: last.end - 1))
    } else if isOwnershipUnavailable(text) {
      socket.ownerUnavailable = true
    } else if words.count == 1, text.lowercased().hasSuffix(".exe") {
      socket.process = socket.store(line, span)  // `4321 chrome.exe`: tasklist's name pasted onto the row
    } else {
      context.report(.note, .trailingText, "text after the PID kept as the component: '\(text)'")
      socket.component = socket.store(line, span)
    }
  }

  /// Whether the tokens after a PID are an owner a person pasted onto the row: `[svchost.exe]`,
  /// `RpcSs [svchost.exe]`, `chrome.exe`, or the `-t` offload state (`InHost`).
  private static func isPastedOwner(_ line: LineText, _ tokens: Tokens.SubSequence) -> Bool {
    guard let first = tokens.first, let last = tokens.last else { return false }
    if tokens.allSatisfy({ WindowsNetstatVocabulary.offloadWords.contains(line.string($0)) }) { return true }
    if line[last.end - 1] == UInt8(ascii: "]"), line.firstIndex(of: UInt8(ascii: "["), in: Span(start: first.start, end: last.end)) != nil {
      return true
    }
    return tokens.count == 1 && line.string(first).lowercased().hasSuffix(".exe")
  }

  /// Whether the line is the end of the held row, wrapped by a mail client: the row stops
  /// after its addresses, and this line is a state word and/or a PID and nothing else.
  private func isWrappedTail(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count <= 2, pending != nil, pending?.pid == nil,
      pending?.process.isNone == true, pending?.component.isNone == true
    else { return false }
    // The PID alone: wrapped after the state (netstat never prints a number on its own line).
    if tokens.count == 1 && line.isDigits(tokens[0]) { return true }
    guard pending?.stateRaw.isNone == true else { return false }
    guard WindowsNetstatVocabulary.state(line.string(tokens[0])) != nil else { return false }
    return tokens.count == 1 || line.isDigits(tokens[1])
  }

  /// A number alone on the line under a row that ends in its PID: a hard wrap cut the PID
  /// (`… ESTABLISHED     58` + `28`); netstat never prints such a line. The digits are joined,
  /// with a note that says so.
  private mutating func rejoinPID(_ pid: Int, tail line: LineText, _ digits: Span, context: inout ParseContext)
    -> LineClass
  {
    let joined = String(pid) + line.string(digits)
    guard let value = Int(joined), value <= Int(Int32.max) else {
      context.report(.warning, .unrecognizedLine, "a number alone under a row: '\(line.string(digits))' could not be read")
      return .unrecognized
    }
    pending!.pid = value
    pidEndsRow = false
    context.report(.note, .rejoinedWrap, "'\(line.string(digits))' continues the PID of the row above, cut by a line wrap: PID \(value)")
    return .continuation
  }

  // MARK: - Owner lines (-b)

  /// The owner lines under nearly every `-b` row, read on bytes: `[svchost.exe]`, the ownership
  /// message as Windows prints it, and a first component name (`RpcSs`). Others go the longer
  /// way (`nil`).
  private mutating func commonOwnerLine(
    _ line: LineText, tokens: Tokens, trimmed: Span, context: inout ParseContext
  ) -> LineClass? {
    guard pending != nil else { return nil }
    if line[trimmed.start] == UInt8(ascii: "["), line[trimmed.end - 1] == UInt8(ascii: "]"), trimmed.count >= 2 {
      pending!.process = pending!.store(line, Span(start: trimmed.start + 1, end: trimmed.end - 1))
    } else if WindowsNetstatVocabulary.ownershipUnavailableBytes.contains(where: { line.hasPrefix($0, at: trimmed.start) }) {
      pending!.ownerUnavailable = true
    } else if tokens.count == 1, pending!.component.isNone, (line[trimmed.start] | 0x20) &- UInt8(ascii: "a") < 26,
      LineText.isSpace(line[0]) || sawOwnerLines, !isWrappedTail(line, tokens),
      (trimmed.start..<trimmed.end).allSatisfy({ Self.isServiceNameByte(line[$0]) })
    {
      pending!.component = pending!.store(line, trimmed)
      return .continuation  // the executable line follows
    } else {
      return nil
    }
    sawOwnerLines = true
    flush(context: &context)
    return .continuation
  }

  private static func isOwnershipUnavailable(_ text: String) -> Bool {
    let phrases = WindowsNetstatVocabulary.ownershipUnavailable
    if phrases.contains(where: { text.hasPrefix($0.text) }) { return true }  // the usual case, cheaply
    let skeleton = Skeleton.of(text)
    let squeezed = text.filter { $0 != " " }  // a zh-TW note had "無 法取得擁有權資訊"
    return phrases.contains { $0.isPrefix(of: text, lineSkeleton: skeleton) || squeezed.hasPrefix($0.text) }
  }

  private mutating func ownerLine(
    _ line: LineText, trimmed: Span, text: String, skeleton: String?, context: inout ParseContext
  ) -> LineClass? {
    let bracketed = line[trimmed.start] == UInt8(ascii: "[") && line[trimmed.end - 1] == UInt8(ascii: "]")
    let unavailable = !bracketed && Self.isOwnershipUnavailable(text)
    guard var socket = pending.take() else {  // taken, so it is mutated in place
      let bareName = bracketed && line.firstIndex(of: UInt8(ascii: " "), in: trimmed) == nil
      guard bareName || (sawRow && unavailable) else { return nil }
      context.report(.warning, .orphanOwner, "an owner line with no connection row above it: '\(text)'")
      return .continuation
    }
    if bracketed {
      socket.process = socket.store(line, Span(start: trimmed.start + 1, end: trimmed.end - 1))
      pending = socket
      sawOwnerLines = true
      flush(context: &context)
      return .continuation
    }
    if unavailable {
      socket.ownerUnavailable = true
      pending = socket
      sawOwnerLines = true
      flush(context: &context)
      return .continuation
    }
    if text.hasPrefix("--") && text.hasSuffix("--") {  // XP: -- unknown component(s) --
      pending = socket
      return .continuation
    }
    // Owner lines are indented by netstat; prose around a paste usually is not.
    let indented = LineText.isSpace(line[0])
    guard indented || sawOwnerLines else {
      pending = socket
      return nil
    }
    let isPath = text.contains("\\")
    let isWord = !text.contains(" ") && text.utf8.allSatisfy(Self.isServiceNameByte)
    guard isPath || isWord else {
      guard sawOwnerLines && indented else {
        pending = socket
        return nil
      }
      // Several words, no brackets: the ownership message in a language netconv does not know.
      socket.ownerUnavailable = true
      pending = socket
      flush(context: &context)
      context.report(.note, .ownerMessage, "read '\(text)' as the message that the owner cannot be shown")
      return .continuation
    }
    if socket.component.isNone {
      socket.component = socket.store(line, trimmed)
    } else {
      // XP-era DLL chains: joined into one text, which must then be contiguous.
      let joined = socket.string(socket.component)! + Self.componentSeparator + text
      socket.component = socket.store(joined)
    }
    pending = socket
    return .continuation
  }
}
