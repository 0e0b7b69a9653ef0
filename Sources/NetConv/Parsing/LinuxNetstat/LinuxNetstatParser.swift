/// Reads net-tools `netstat` output: Internet and UNIX tables, in any of net-tools' languages.
///
/// Rows are recognized by their shape — a protocol token (`tcp`, `udp6`, `raw`, `unix`, …)
/// followed by two queue numbers — never by translated words. Headers only tell which optional
/// columns (`-e`, `-p`, `-o`) follow the state; without a header they are inferred from the row.
/// See `Grammar/linux-netstat/grammar.md` for the line grammar.
struct LinuxNetstatParser: DialectParser {
  static let dialect = Dialect.linuxNetstat

  private enum Table: Equatable {
    case internet
    case unix
    case skipped
  }

  /// The longest `PID/Program name` net-tools prints (`snprintf` into 20 bytes).
  private static let programFieldWidth = 19

  private var table: Table?
  /// How the current Internet table's rows read.
  private var internet = InternetTable()
  private var unixColumns = LinuxNetstatColumns()
  private var noticeLinesLeft = 0
  /// The last Internet row, held until the next line in case a mail client wrapped its end
  /// (state, user, program, timer) onto that line.
  private var pending: RawSocket?
  /// The header just read, in case a wrap carried its end (`PID/Program name`) onto the next
  /// line; `nil` once anything else is read.
  private var lastHeader: [UInt8]?
  /// An Internet row that ended after its local address (a wrap carried the rest onto the
  /// next line, or the paste ends there): its bytes and line number.
  private var partialRow: PartialRow?

  mutating func endBlock() {
    if table == .skipped { table = nil }
    noticeLinesLeft = 0
  }

  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    if noticeLinesLeft > 0 {
      noticeLinesLeft -= 1
      return .notice
    }
    let header = lastHeader
    lastHeader = nil
    if let header, Self.isHeaderRest(line, tokens) {
      return readHeader(rejoining: header, line)
    }
    if let partial = partialRow {
      partialRow = nil
      if Self.hasColonPort(line, tokens[0]), let joined = rejoin(partial, line, context: &context) {
        return joined
      }
      emitCut(partial, context: &context)
    }
    if isWrappedTail(line, tokens) {
      let span = Span(start: tokens[0].start, end: tokens[tokens.count - 1].end)
      internet.readColumnsAfterAddresses(line, tokens: tokens[...], span: span, into: &pending!, context: &context)
      return .continuation
    }
    let first = tokens[0]
    if first.count <= 5, let entry = LinuxNetstatVocabulary.protocolTokens.first(where: { line.equals(first, $0.token) }) {
      let (proto, family) = (entry.protocol, entry.family)
      if proto == "unix" {
        return unixRow(line, tokens: tokens, context: &context)
      }
      return internetRow(line, tokens: tokens, protocol: proto, family: family, context: &context)
    }
    if let banner = LinuxNetstatVocabulary.banners.first(where: { line.hasPrefix($0.bytes, at: first.start) }) {
      flush(context: &context)
      return self.banner(banner.kind, context: &context)
    }
    if line.equals(first, Self.proto) && tokens.count >= 3 {
      if table == .skipped { return .skipped }
      // BSD/macOS headers ("(state)", kernel event and control tables) are not net-tools'.
      if tokens.dropFirst(3).contains(where: { OtherTables.foreignHeaderWords.contains(line.string($0)) }) { return nil }
      let second = line.string(tokens[1])
      if LinuxNetstatVocabulary.recvQWords.contains(second) {
        context.snapshots.header(.linuxInternet)
        table = .internet
        internet = InternetTable(columns: .internet(from: line, tokens: tokens))
        lastHeader = Array(line.bytes[0..<line.trimmed.end]) + (line.trimmed.end < line.count ? [0x20] : [])
        return .header
      }
      if LinuxNetstatVocabulary.refcntWords.contains(second) {
        context.snapshots.header(.linuxUnix)
        table = .unix
        unixColumns = .unix(from: line, tokens: tokens)
        lastHeader = Array(line.bytes[0..<line.trimmed.end]) + (line.trimmed.end < line.count ? [0x20] : [])
        return .header
      }
    }
    if let notice = LinuxNetstatVocabulary.notices.first(where: { line.hasPrefix($0.prefix, at: first.start) }) {
      noticeLinesLeft = notice.lineCount - 1
      return .notice
    }
    return table == .skipped ? .skipped : nil
  }

  private static let proto = Array("Proto".utf8)

  /// Whether a line after a header can be its wrapped end: words only — no number, address or
  /// protocol (`ID/Program name     Path`, `State       PID/Program name`, `Timer`).
  private static func isHeaderRest(_ line: LineText, _ tokens: Tokens) -> Bool {
    guard tokens.count <= 6 else { return false }
    for token in tokens {
      for index in token.start..<token.end {
        let byte = line[index]
        if LineText.isDigit(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "*") { return false }
      }
    }
    let first = tokens[0]
    return !LinuxNetstatVocabulary.protocolTokens.contains { line.equals(first, $0.token) }
  }

  /// Reads the columns again from a header and the line that continues it: joined directly
  /// when the wrap cut a word (`P` + `ID/Program name`), with a space when it fell between words.
  private mutating func readHeader(rejoining header: [UInt8], _ line: LineText) -> LineClass {
    var joined = header
    if LineText.isSpace(line[0]) && joined.last != 0x20 { joined.append(0x20) }
    joined.append(contentsOf: UnsafeBufferPointer(rebasing: line.bytes[line.trimmed.start..<line.trimmed.end]))
    joined.withUnsafeBufferPointer { bytes in
      let text = LineText(bytes: bytes)
      var storage: [Span] = []
      let tokens = text.tokens(of: text.trimmed, reusing: &storage)
      if table == .internet {
        internet = InternetTable(columns: .internet(from: text, tokens: tokens))
      } else if table == .unix {
        unixColumns = .unix(from: text, tokens: tokens)
      }
    }
    return .header
  }

  private mutating func banner(_ kind: LinuxNetstatVocabulary.TableKind, context: inout ParseContext)
    -> LineClass
  {
    switch kind {
    case .internet:
      context.snapshots.banner(.linuxInternet)
      table = .internet
      internet = InternetTable()
    case .unix:
      context.snapshots.banner(.linuxUnix)
      table = .unix
      unixColumns = LinuxNetstatColumns()
    case .skipped(let what):
      table = .skipped
      context.report(.note, .skippedTable, "skipped a table that lists no sockets: \(what)")
    }
    return .banner
  }

  // MARK: - Internet rows

  private mutating func internetRow(
    _ line: LineText, tokens: Tokens, protocol proto: String, family: AddressFamily?,
    context: inout ParseContext
  ) -> LineClass? {
    // Both addresses hold a colon before the port; BSD rows use a dot (`*.22`, `127.0.0.1.25`,
    // `fe80::aede:48ff:.61677`).
    if tokens.count == 4, table == .internet, line.isDigits(tokens[1]), line.isDigits(tokens[2]),
      Self.hasColonPort(line, tokens[3])
    {
      // Ends after the local address: wait for the rest on the next line.
      flush(context: &context)
      context.snapshots.row(.linuxInternet)
      partialRow = PartialRow(line, number: context.lineNumber)
      return .record
    }
    var tokens = tokens
    if tokens.count >= 4, Self.hasColonPort(line, tokens[1]), Self.hasColonPort(line, tokens[2]),
      table == .internet || tokens.dropFirst(3).contains(where: { Self.isProgramField($0, in: line) })
    {
      // `tcp 0.0.0.0:22 0.0.0.0:* LISTEN 812/sshd`: the queue columns were deleted by hand (a
      // blog's table): read as a row whose queues are not shown. It must be net-tools' by its
      // table or its PID/Program field: a BSD row edited the same way (`tcp a:1 b:2 ESTABLISHED`
      // under a `(state)` header) is not.
      let none = Span(start: tokens[1].start, end: tokens[1].start)
      var widened = Array(tokens)
      widened.insert(contentsOf: [none, none], at: 1)
      tokens = widened[...]
      context.report(.note, .missingColumn, "the Recv-Q and Send-Q columns are missing: the row is read without them")
    }
    guard tokens.count >= 5, tokens[1].isEmpty || (line.isDigits(tokens[1]) && line.isDigits(tokens[2])),
      Self.hasColonPort(line, tokens[3]), Self.hasColonPort(line, tokens[4])
    else { return nil }
    if table == .skipped { table = nil }
    context.snapshots.row(.linuxInternet)
    flush(context: &context)
    // Filled where it is held: a record is too large to build aside and move in.
    pending = RawSocket(
      dialect: .linuxNetstat, snapshot: context.snapshots.current, line: context.lineNumber,
      protocol: proto, family: family)
    internet.readRow(line, tokens: tokens, into: &pending!, context: &context)
    return .record
  }
}

/// The rows of one net-tools Internet table: its columns, and what its address widths showed.
private struct InternetTable {
  var columns = LinuxNetstatColumns()
  /// Whether an address was longer than the column, which shows that `-W` was used.
  private var wide = false
  private var truncationNoted = false

  /// The Local/Foreign Address column width; a longer token shows that `-W` was used.
  private static let addressColumnWidth = 23

  init(columns: LinuxNetstatColumns = LinuxNetstatColumns()) {
    self.columns = columns
  }

  /// Reads an Internet row whose shape was checked into `socket`.
  mutating func readRow(_ line: LineText, tokens: Tokens, into socket: inout RawSocket, context: inout ParseContext) {
    socket.recvQ = context.number(line, tokens[1], "Recv-Q")
    socket.sendQ = context.number(line, tokens[2], "Send-Q")
    let names: ServiceTable.Names = socket.protocol == "raw" ? .ipProtocols : .services
    if let read = endpoint(tokens[3], in: line, isRemote: false, names: names, context: &context) {
      socket.set(.local, to: read.parsed, of: line)
      socket.local.truncated = read.truncated
    }
    if let read = endpoint(tokens[4], in: line, isRemote: true, names: names, context: &context) {
      socket.set(.remote, to: read.parsed, of: line)
      socket.remote.truncated = read.truncated
    }
    let rest = Span(start: tokens[4].end, end: tokens[tokens.count - 1].end)
    readColumnsAfterAddresses(line, tokens: tokens.dropFirst(5), span: rest, into: &socket, context: &context)
  }

  /// Reads what follows the addresses — `[state…] [user inode] [pid/program] [timer]` — from
  /// `span` (whose tokens are `tokens`) into `socket`.
  func readColumnsAfterAddresses(
    _ line: LineText, tokens: ArraySlice<Span>, span: Span, into socket: inout RawSocket, context: inout ParseContext
  ) {
    var rest = span
    if columns.timer != false, rest.count >= 2, line[rest.end - 1] == UInt8(ascii: "\\"),
      line[rest.end - 2] == UInt8(ascii: ")")
    {
      // `off (0.00/0/0)\`: a markdown line break after the timer, not part of it.
      rest.end -= 1
      context.report(.note, .trailingText, "left out the '\\' after the timer (a line break of the page it was pasted from)")
    }
    if columns.timer != false, let timerStart = LinuxNetstatParser.timerStart(line, in: rest) {
      socket.timer = socket.store(line, Span(start: timerStart, end: rest.end))
      rest.end = timerStart
      rest = line.trim(rest)
    }
    var restEnd = tokens.startIndex
    while restEnd < tokens.endIndex && tokens[restEnd].end <= rest.end { restEnd += 1 }
    let restTokens = tokens[tokens.startIndex..<restEnd]
    var beforeProgram = restTokens
    if columns.program != false,
      let index = restTokens.firstIndex(where: { LinuxNetstatParser.isProgramField($0, in: line) })
    {
      beforeProgram = restTokens[..<index]
      var field = Span(start: restTokens[index].start, end: rest.end)
      if columns.securityContext == true { field.end = LinuxNetstatParser.programFieldEnd(line, field) }
      let (pid, name) = LinuxNetstatParser.program(line, field)
      socket.pid = pid.flatMap { context.number(line, $0, "pid") }
      socket.process = name.map { socket.store(line, $0) } ?? .none
    }
    var stateTokens = beforeProgram
    let userInode: Bool
    switch columns.userInode {
    case .some(let announced): userInode = announced
    case .none: userInode = stateTokens.count >= 2 && line.isDigits(stateTokens[stateTokens.endIndex - 1])
    }
    if userInode && stateTokens.count >= 2 {
      socket.inode = context.number(line, stateTokens[stateTokens.endIndex - 1], "inode", limit: Int.max)
      socket.user = socket.store(line, stateTokens[stateTokens.endIndex - 2])
      stateTokens = stateTokens.dropLast(2)
    }
    if let firstState = stateTokens.first, let lastState = stateTokens.last {
      let span = Span(start: firstState.start, end: lastState.end)
      socket.stateRaw = socket.store(line, span)
      socket.state = LinuxNetstatParser.state(line, span, protocol: socket.protocol, context: &context)
    }
  }

  /// Reads an address token; `nil` for a remote wildcard (no peer). `truncated` tells whether
  /// the token may have been cut to fit its column.
  private mutating func endpoint(
    _ span: Span, in line: LineText, isRemote: Bool, names: ServiceTable.Names, context: inout ParseContext
  ) -> (parsed: EndpointParser.Parsed, truncated: Bool)? {
    let parsed = EndpointParser.parse(span, in: line, names: names)
    context.reportPortProblems(parsed, in: line)
    if isRemote && parsed.isWildcard { return nil }
    var truncated = false
    if span.count > Self.addressColumnWidth {
      wide = true
    } else if span.count == Self.addressColumnWidth && !wide {
      truncated = true
      if !truncationNoted {
        truncationNoted = true
        context.report(
          .note, .truncatedAddress,
          "'\(line.string(span))' fills the 23-character address column and may be cut (marked truncated); netstat -W prints whole addresses"
        )
      }
    }
    return (parsed, truncated)
  }
}

extension LinuxNetstatParser {
  /// Whether a line is the end of the held row that a mail client wrapped: the row stops after
  /// its addresses, and this line starts with a state word or a `PID/Program` field.
  private func isWrappedTail(_ line: LineText, _ tokens: Tokens) -> Bool {
    // Asked of the held row in place: binding it would copy the whole record every line.
    guard pending?.endsAfterAddresses == true else { return false }
    let first = line.string(tokens[0])
    if LinuxNetstatVocabulary.states[first] != nil { return true }
    if Self.isProgramField(tokens[0], in: line) && pending?.protocol != "raw" { return true }
    return false
  }

  /// Whether `token` ends in `:port` with a port free of dots (a number, `*` or a service name).
  fileprivate static func hasColonPort(_ line: LineText, _ token: Span) -> Bool {
    guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: token) else { return false }
    return line.firstIndex(of: UInt8(ascii: "."), in: Span(start: colon + 1, end: token.end)) == nil
  }

  /// The canonical state for the text at `span`; raw sockets print the kernel's state number.
  fileprivate static func state(_ line: LineText, _ span: Span, protocol proto: String, context: inout ParseContext) -> SocketState? {
    if proto == "raw", let number = line.signedInteger(span) {
      if let known = LinuxNetstatVocabulary.kernelStates[number] { return known }
    } else if let known = LinuxNetstatVocabulary.stateBytes.value(line, span) {
      return known
    }
    context.report(.warning, .unknownState, "unknown state '\(line.string(span))': kept in state_raw, state is UNKNOWN")
    return .unknown
  }

  /// Where a trailing `-o` timer starts in `span`: a word, then `(seconds/retransmits/probes)`.
  ///
  /// The word is translated (`off`, `aus`, `vyp`, `オフ`, Estonian even prints `eikäi ((…)`), so
  /// the timer is recognized by the shape of its parenthesised numbers, not by the word; the
  /// seconds may carry a decimal comma (`keepalive (3,20/0/0)` from a locale that writes one).
  fileprivate static func timerStart(_ line: LineText, in span: Span) -> Int? {
    guard span.count >= 4, line[span.end - 1] == UInt8(ascii: ")"),
      let open = line.lastIndex(of: UInt8(ascii: "("), in: span)
    else { return nil }
    var slashes = 0
    for index in (open + 1)..<(span.end - 1) {
      let byte = line[index]
      if byte == UInt8(ascii: "/") { slashes += 1; continue }
      guard LineText.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "-")
      else { return nil }
    }
    guard slashes == 2 else { return nil }
    var kindEnd = open
    while kindEnd > span.start && (LineText.isSpace(line[kindEnd - 1]) || line[kindEnd - 1] == UInt8(ascii: "(")) {
      kindEnd -= 1
    }
    var kindStart = kindEnd
    while kindStart > span.start && !LineText.isSpace(line[kindStart - 1]) { kindStart -= 1 }
    return kindStart < kindEnd ? kindStart : nil
  }

  // MARK: - Program column

  /// Whether `span` starts the `PID/Program name` field: `-`, or digits followed by `/`.
  fileprivate static func isProgramField(_ span: Span, in line: LineText) -> Bool {
    if span.count == 1 && line[span.start] == UInt8(ascii: "-") { return true }
    var index = span.start
    while index < span.end && LineText.isDigit(line[index]) { index += 1 }
    return index > span.start && index < span.end && line[index] == UInt8(ascii: "/")
  }

  /// The end of a `PID/Program name` field that another column follows: at the first run of two
  /// spaces, and never beyond the 19 bytes net-tools prints.
  fileprivate static func programFieldEnd(_ line: LineText, _ field: Span) -> Int {
    let limit = min(field.end, field.start + Self.programFieldWidth)
    var index = field.start
    while index < limit {
      if LineText.isSpace(line[index]) && index + 1 < field.end && LineText.isSpace(line[index + 1]) {
        return index
      }
      index += 1
    }
    // Never inside a UTF-8 character: net-tools counts bytes, and a name it did not print
    // (a fuzzer's, a hand-edited paste's) may hold one across the limit.
    var end = limit
    while end > field.start && end < field.end && line[end] & 0xC0 == 0x80 { end -= 1 }
    return end
  }

  /// The pid text and program of a `PID/Program name` field (`5237/my weird:prog`, `-`).
  fileprivate static func program(_ line: LineText, _ field: Span) -> (Span?, Span?) {
    let field = line.trim(field)
    guard let slash = line.firstIndex(of: UInt8(ascii: "/"), in: field) else { return (nil, nil) }
    let name = line.trim(Span(start: slash + 1, end: field.end))
    return (Span(start: field.start, end: slash), name.isEmpty ? nil : name)
  }

  // MARK: - UNIX rows

  /// Reads `unix 2 [ ACC ] STREAM LISTENING 9737 5237/my weird:prog /tmp/demo.sock`.
  private mutating func unixRow(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    guard tokens.count >= 5, line.isDigits(tokens[1]), line[tokens[2].start] == UInt8(ascii: "["),
      let close = tokens.indices.dropFirst(2).first(where: { line[tokens[$0].end - 1] == UInt8(ascii: "]") }),
      close + 2 < tokens.count
    else { return nil }
    if table == .skipped { table = nil }
    flush(context: &context)
    context.snapshots.row(.linuxUnix)
    var socket = RawSocket(
      dialect: .linuxNetstat, snapshot: context.snapshots.current, line: context.lineNumber,
      protocol: "unix", family: .unix)
    socket.socketType = socket.store(line.string(tokens[close + 1]).lowercased())
    var inodeIndex = close + 2
    if !line.isDigits(tokens[inodeIndex]) {
      socket.stateRaw = socket.store(line, tokens[inodeIndex])
      socket.state = Self.state(line, tokens[inodeIndex], protocol: "unix", context: &context)
      inodeIndex += 1
    }
    guard inodeIndex < tokens.count, let inode = line.integer(tokens[inodeIndex], limit: Int.max) else {
      context.report(.warning, .malformedRow, "a UNIX socket row without an I-Node number")
      return .unrecognized
    }
    socket.inode = inode
    var rest = Span(start: tokens[inodeIndex].end, end: tokens[tokens.count - 1].end)
    rest = line.trim(rest)
    if !rest.isEmpty, unixColumns.program != false {
      let firstToken = Span(start: rest.start, end: tokens.first(where: { $0.start == rest.start })?.end ?? rest.end)
      if Self.isProgramField(firstToken, in: line) {
        let end = Self.programFieldEnd(line, rest)
        let (pid, name) = Self.program(line, Span(start: rest.start, end: end))
        socket.pid = pid.flatMap { context.number(line, $0, "pid") }
        socket.process = name.map { socket.store(line, $0) } ?? .none
        rest = line.trim(Span(start: end, end: rest.end))
      }
    }
    if !rest.isEmpty { socket.local.address = socket.store(line, rest) }
    context.emit(socket)
    return .record
  }
}

extension RawSocket {
  /// Whether nothing after the addresses of a net-tools Internet row was read (no state, user,
  /// program or timer): the row may continue on the next line.
  fileprivate var endsAfterAddresses: Bool {
    stateRaw.isNone && pid == nil && process.isNone && user.isNone && timer.isNone
  }
}

extension LinuxNetstatParser {
  /// Emits the held Internet row.
  mutating func flush(context: inout ParseContext) {
    if let partial = partialRow {
      partialRow = nil
      emitCut(partial, context: &context)
    }
    context.emit(taking: &pending)
  }

  /// Reads a row that ended after its local address joined with the line that continues it
  /// (`192.168.1.20:51234      ESTABLISHED …`); `nil` when the two do not make a row.
  private mutating func rejoin(_ partial: PartialRow, _ line: LineText, context: inout ParseContext) -> LineClass? {
    partial.joined(with: line) { text, tokens -> LineClass? in
      guard let entry = LinuxNetstatVocabulary.protocolTokens.first(where: { text.equals(tokens[0], $0.token) }),
        tokens.count >= 5,
        internetRow(text, tokens: tokens, protocol: entry.protocol, family: entry.family, context: &context) != nil
      else { return nil }
      pending?.line = partial.line
      return .continuation
    }
  }

  /// Emits a row that ended after its local address as a record without the rest, with a
  /// warning: the row shows a socket, but not its peer, state or owner.
  private func emitCut(_ partial: PartialRow, context: inout ParseContext) {
    partial.read { text, tokens in
      guard let entry = LinuxNetstatVocabulary.protocolTokens.first(where: { text.equals(tokens[0], $0.token) }) else {
        return
      }
      var socket = RawSocket(
        dialect: .linuxNetstat, snapshot: context.snapshots.current, line: partial.line, protocol: entry.protocol,
        family: entry.family)
      socket.recvQ = text.integer(tokens[1])
      socket.sendQ = text.integer(tokens[2])
      socket.set(.local, to: EndpointParser.parse(tokens[3], in: text), of: text)
      context.report(
        .warning, .malformedRow, "a row that ends after its local address: its peer, state and owner are missing",
        line: partial.line)
      context.emit(socket)
    }
  }
}
