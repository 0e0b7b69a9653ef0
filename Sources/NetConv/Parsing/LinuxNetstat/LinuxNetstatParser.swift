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
  /// Where the `-o` timer starts after the start of the `PID/Program name` field: net-tools
  /// prints the field padded to 20 bytes (`" %-20s"`), then a blank.
  fileprivate static let timerOffset = 21

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
  /// How the held row's last line ended: where a wrap may have cut the row.
  private var heldLine = HeldLine()
  /// Whether the held row's state is unknown and not yet reported: a wrap may have cut the word
  /// (`ESTABLISHE` + `D`), which the next line shows.
  private var stateOwed = false
  /// Whether the held row's line ends in its state word with no space after it: a wrap there
  /// may have cut the word, even into a known one (`CLOSE` + `_WAIT`).
  private var stateMayBeCut = false

  mutating func endBlock() {
    if table == .skipped { table = nil }
    noticeLinesLeft = 0
  }

  /// Whether the held row is a UNIX row whose line a wrap may have cut inside its program or
  /// path: the next line may be their rest even when it reads as a command (`…/pipes/n` +
  /// `ss`, `6591/` + `sudo`).
  var awaitsUnixRest: Bool {
    heldLine.mayBeWrapped && !heldLine.endsInSpace && pending?.protocol == "unix"
  }

  /// Absorbs a whitespace-only line right after a header: a wrap cut the header's padding
  /// onto a line of its own (`…  State` + `       ` + `PID/Program name`), so the words before
  /// and after it are two words. An empty line still ends the block.
  mutating func claimBlank(_ line: LineText) -> Bool {
    guard line.count > 0, lastHeader != nil else { return false }
    if lastHeader?.last != 0x20 { lastHeader?.append(0x20) }
    return true
  }

  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    if noticeLinesLeft > 0 {
      noticeLinesLeft -= 1
      return .notice
    }
    let header = lastHeader
    lastHeader = nil
    let first = tokens[0]
    // A row's protocol word: such a line starts a row and continues none.
    let rowStart = first.count <= 5 ? LinuxNetstatVocabulary.protocolTokens.first(where: { line.equals(first, $0.token) }) : nil
    if stateMayBeCut {
      stateMayBeCut = false
      if rowStart == nil, let joined = joinCutState(line, tokens, context: &context) {
        stateOwed = false
        return joined
      }
    }
    if stateOwed {
      stateOwed = false
      reportOwedState(context: &context)
    }
    if let header, rowStart == nil, Self.isHeaderRest(line, tokens) {
      return readHeader(rejoining: header, line)
    }
    if let partial = partialRow {
      partialRow = nil
      if Self.hasColonPort(line, tokens[0]), let joined = rejoin(partial, line, context: &context) {
        return joined
      }
      emitCut(partial, context: &context)
    }
    if rowStart == nil, pending != nil {
      if let joined = joinCutTimer(line, context: &context) { return joined }
      if let joined = joinProgramName(line, tokens, context: &context) { return joined }
      if let joined = joinUnixTail(line, tokens, context: &context) { return joined }
      if isWrappedTail(line, tokens) {
        let span = Span(start: tokens[0].start, end: tokens[tokens.count - 1].end)
        internet.readColumnsAfterAddresses(line, tokens: tokens[...], span: span, into: &pending!, context: &context)
        heldLine = HeldLine(line, wrapped: true)
        return .continuation
      }
    }
    if let entry = rowStart {
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
    if LinuxNetstatVocabulary.banners.contains(where: { line.hasPrefix($0.bytes, at: first.start) }) { return false }
    return !LinuxNetstatVocabulary.protocolTokens.contains { line.equals(first, $0.token) }
  }

  /// Reads the columns again from a header and the line that continues it: joined directly
  /// when the wrap cut a word (`P` + `ID/Program name`), with a space when it fell between words.
  private mutating func readHeader(rejoining header: [UInt8], _ line: LineText) -> LineClass {
    var joined = header
    // The header's own indent (a mail quote's gutter, blanked): a line indented further starts
    // a new word.
    let indent = header.firstIndex(where: { !LineText.isSpace($0) }) ?? 0
    if line.trimmed.start > indent && joined.last != 0x20 { joined.append(0x20) }
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
    // A narrow wrap may cut the header more than once (`…  Stat` + `e` + `PID/Program name`).
    lastHeader = joined + (line.trimmed.end < line.count ? [0x20] : [])
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
    if tokens.count == 4, table == .internet || (pending != nil && pending?.protocol != "unix"), line.isDigits(tokens[1]),
      line.isDigits(tokens[2]), Self.hasColonPort(line, tokens[3])
    {
      // Ends after the local address: wait for the rest on the next line. Under a header, or
      // right after a row (a paste that starts below the header).
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
    heldLine = HeldLine(line, wrapped: false)
    stateOwed = pending!.state == .unknown
    if !heldLine.endsInSpace && line.count >= 40 {
      let shown = pending?.shownAfterAddresses
      stateMayBeCut = shown == .state || shown == .user
    } else {
      stateMayBeCut = false
    }
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
  /// An unknown state is not reported: the caller reports it once it knows that no wrap cut
  /// the word.
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
    readColumnsAfterAddresses(
      line, tokens: tokens.dropFirst(5), span: rest, into: &socket, reportingUnknownState: false, context: &context)
  }

  /// Reads what follows the addresses — `[state…] [user inode] [pid/program] [timer]` — from
  /// `span` (whose tokens are `tokens`) into `socket`.
  func readColumnsAfterAddresses(
    _ line: LineText, tokens: ArraySlice<Span>, span: Span, into socket: inout RawSocket,
    reportingUnknownState: Bool = true, context: inout ParseContext
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
      if columns.securityContext == true {
        field.end = LinuxNetstatParser.programFieldEnd(line, field)
      } else if columns.timer == true, socket.timer.isNone,
        let start = restTokens[index...].first(where: { $0.start >= field.start + LinuxNetstatParser.timerOffset })?.start
      {
        // net-tools pads the field to 20 bytes and a blank follows: what starts beyond is the
        // timer, here the start of its word that a wrap cut (`4402/my weird:prog   o` + `ff (…)`).
        socket.timer = socket.store(line, Span(start: start, end: rest.end))
        field.end = line.trim(Span(start: field.start, end: start)).end
      }
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
    if userInode, let last = stateTokens.last {
      if !socket.user.isNone && socket.inode == nil {
        // The line after a row a wrap cut after its user: the inode comes first.
        if stateTokens.count == 1 && line.isDigits(last) {
          socket.inode = context.number(line, last, "inode", upTo: Int64.max)
          stateTokens = stateTokens.dropLast()
        }
      } else if stateTokens.count >= 2 && line.isDigits(last) {
        socket.inode = context.number(line, last, "inode", upTo: Int64.max)
        socket.user = socket.store(line, stateTokens[stateTokens.endIndex - 2])
        stateTokens = stateTokens.dropLast(2)
      } else if columns.userInode == true, socket.stateRaw.isNone, !line.isDigits(last),
        stateTokens.count >= 2
          || (socket.protocol != "tcp" && LinuxNetstatVocabulary.stateBytes.value(line, last) == nil)
      {
        // The header announced user and inode but the row ends in a word: a wrap cut it after
        // its user (`LISTEN  root` + `22606  1489/master`; a UDP row shows no state). One word
        // on a TCP row is its state, maybe cut (`LIST` + `EN  0  1149  -`).
        socket.user = socket.store(line, last)
        stateTokens = stateTokens.dropLast()
      }
    }
    if let firstState = stateTokens.first, let lastState = stateTokens.last {
      let span = Span(start: firstState.start, end: lastState.end)
      socket.stateRaw = socket.store(line, span)
      socket.state = LinuxNetstatParser.state(line, span, protocol: socket.protocol)
      if socket.state == .unknown && reportingUnknownState {
        LinuxNetstatParser.reportUnknownState(line.string(span), line: nil, context: &context)
      }
    }
  }

  /// Reads an address token; `nil` for a remote wildcard (no peer). `truncated` tells whether
  /// the token may have been cut to fit its column.
  mutating func endpoint(
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
  /// Whether a line is the end of the held row that a mail client or terminal wrapped: the row
  /// stops after its addresses and this line starts with a state word or a `PID/Program` field,
  /// or the row stops after its state and this line holds the columns the header announced
  /// after it (`0  12345  812/sshd`, `4402/my weird:prog`, `off (0.00/0/0)`).
  private func isWrappedTail(_ line: LineText, _ tokens: Tokens) -> Bool {
    // Asked of the held row in place: binding it would copy the whole record every line.
    guard let held = pending?.shownAfterAddresses, pending?.protocol != "unix" else { return false }
    let first = tokens[0]
    if held == .nothing && pending?.protocol == "raw" {
      // A raw row's state is a number: only a state word or a program can continue it.
      return LinuxNetstatVocabulary.states[line.string(first)] != nil
    }
    switch held {
    case .nothing where LinuxNetstatVocabulary.states[line.string(first)] != nil:
      return true
    case .user:
      // The inode first, then the program or the timer.
      guard internet.columns.userInode == true, line.isDigits(first) else { return false }
      return tokens.count == 1 || Self.isProgramField(tokens[1], in: line)
        || Self.timerStart(line, in: line.trimmed) == tokens[1].start
    case .nothing, .state:
      let columns = internet.columns
      if columns.program != false, Self.isProgramField(first, in: line) {
        // A lone `-` only under a header that announced the column: alone it may be anything.
        return held == .nothing || columns.program == true || line[first.start] != UInt8(ascii: "-")
      }
      if columns.userInode == true, tokens.count >= 2, line.isDigits(tokens[1]),
        tokens.count == 2 || Self.isProgramField(tokens[2], in: line)
      {
        return true
      }
      if columns.timer == true, Self.timerStart(line, in: line.trimmed) == first.start { return true }
      return false
    case .more:
      // The row's line ended right before its timer.
      return internet.columns.timer == true && pending?.timer.isNone == true
        && Self.timerStart(line, in: line.trimmed) == first.start
    }
  }

  /// Joins a line to the held row's program name when a wrap cut the name (`4402/my` +
  /// `weird:prog`, `4402/fire` + `fox`): the header announced the column, the row's line is as
  /// long as a wrapped one, the row ends with its program, and the two fit the 19 bytes
  /// net-tools prints. `nil` when the line is not that rest.
  private mutating func joinProgramName(_ line: LineText, _ tokens: Tokens, context: inout ParseContext) -> LineClass? {
    guard line.trimmed.count < Self.programFieldWidth, pending != nil, internet.columns.program == true,
      internet.columns.timer != true, heldLine.mayBeWrapped,
      pending?.protocol != "unix",
      let pid = pending?.pid, pending?.timer.isNone == true, let name = pending?.string(pending!.process),
      !Self.hasDoubleSpace(line, line.trimmed)
    else { return nil }
    // A blank at the cut, at the end of the row's line (a wrap at a space) or at the start of
    // this one (a hard wrap right before the space), is the space in the name.
    let separator = heldLine.endsInSpace || line.trimmed.start > 0 ? " " : ""
    let rest = line.string(line.trimmed)
    guard String(pid).utf8.count + 1 + name.utf8.count + separator.utf8.count + rest.utf8.count <= Self.programFieldWidth
    else { return nil }
    let joined = name + separator + rest
    pending!.process = pending!.store(joined)
    context.report(.note, .rejoinedWrap, "joined '\(rest)' to the program name of the row above (a wrapped line): '\(joined)'")
    heldLine = HeldLine()
    return .continuation
  }

  /// Joins a line to the held row's timer when a wrap cut the timer (`o` + `ff (0.00/0/0)`,
  /// `off` + `(0.00/0/0)`): the header announced the column, the row's timer lacks its
  /// `(…)`, and the two make a timer's shape. `nil` when the line is not that rest.
  private mutating func joinCutTimer(_ line: LineText, context: inout ParseContext) -> LineClass? {
    guard internet.columns.timer == true, let head = pending?.string(pending!.timer), !head.hasSuffix(")") else {
      return nil
    }
    let rest = line.string(line.trimmed)
    let separator = heldLine.endsInSpace || line.trimmed.start > heldLine.indent || rest.hasPrefix("(") ? " " : ""
    let whole = head + separator + rest
    let isTimer = Array(whole.utf8).withUnsafeBufferPointer { bytes in
      let text = LineText(bytes: bytes)
      return Self.timerStart(text, in: text.trimmed) == 0
    }
    guard isTimer else { return nil }
    pending!.timer = pending!.store(whole)
    context.report(.note, .rejoinedWrap, "joined '\(rest)' to the timer of the row above (a wrapped line): '\(whole)'")
    heldLine = HeldLine(line, wrapped: true)
    return .continuation
  }

  /// Reads the end of the held row's state word from a line when a wrap cut the word
  /// (`FIN_WAIT` + `2   4402/my weird:prog`, `CLOSE` + `_WAIT`): the row's line ended in the
  /// word, and the two halves make a known state. The rest of the line is read as the row's remaining columns.
  private mutating func joinCutState(_ line: LineText, _ tokens: Tokens, context: inout ParseContext) -> LineClass? {
    guard line.trimmed.start <= heldLine.indent, let held = pending else { return nil }
    // A UDP row's one word was read as its user when the header announced that column.
    let headIsUser = held.stateRaw.isNone && held.inode == nil && held.protocol != "tcp"
    guard let head = held.string(headIsUser ? held.user : held.stateRaw) else { return nil }
    let whole = head + line.string(tokens[0])
    guard let state = LinuxNetstatVocabulary.states[whole] else { return nil }
    if headIsUser { pending!.user = .none }
    pending!.stateRaw = pending!.store(whole)
    pending!.state = state
    context.report(.note, .rejoinedWrap, "joined '\(line.string(tokens[0]))' to the state of the row above (a wrapped line): \(whole)")
    if tokens.count > 1 {
      let span = Span(start: tokens[1].start, end: tokens[tokens.count - 1].end)
      internet.readColumnsAfterAddresses(line, tokens: tokens.dropFirst(), span: span, into: &pending!, context: &context)
    }
    heldLine = HeldLine(line, wrapped: true)
    return .continuation
  }

  private mutating func reportOwedState(context: inout ParseContext) {
    guard let row = pending, let raw = row.string(row.stateRaw) else { return }
    Self.reportUnknownState(raw, line: row.line, context: &context)
  }

  /// Reads the end of a UNIX row, `[PID/Program name] [path]`, from `rest` into `socket`.
  private func readProgramAndPath(_ line: LineText, _ rest: Span, into socket: inout RawSocket, context: inout ParseContext) {
    var rest = rest
    if !rest.isEmpty, unixColumns.program != false {
      var firstEnd = rest.start
      while firstEnd < rest.end && !LineText.isSpace(line[firstEnd]) { firstEnd += 1 }
      if Self.isProgramField(Span(start: rest.start, end: firstEnd), in: line) {
        let end = Self.programFieldEnd(line, rest)
        let (pid, name) = Self.program(line, Span(start: rest.start, end: end))
        socket.pid = pid.flatMap { context.number(line, $0, "pid") }
        socket.process = name.map { socket.store(line, $0) } ?? .none
        rest = line.trim(Span(start: end, end: rest.end))
      }
    }
    if !rest.isEmpty { socket.local.address = socket.store(line, rest) }
  }

  /// Joins a line to the held UNIX row when a wrap carried the row's end there: its
  /// `PID/Program name` and path (`… 22040` + `1220/dockerd-curren  /var/run/docker.sock`), its
  /// path alone (`… 1/systemd` + `/run/systemd/notify`), or the rest of a cut PID or path
  /// (`… 4` + `402/my weird:prog  /tmp/demo.sock`, `/tmp/netconv-demo/de` + `mo.sock`). But for
  /// a missing `PID/Program name` field, the row's line must be as long as a wrapped one. `nil`
  /// when the line is not that.
  private mutating func joinUnixTail(_ line: LineText, _ tokens: Tokens, context: inout ParseContext) -> LineClass? {
    guard tokens.count <= 4, pending?.protocol == "unix", let held = pending,
      !LinuxNetstatVocabulary.protocolTokens.contains(where: { line.equals(tokens[0], $0.token) })
    else { return nil }
    let hasProgram = held.pid != nil || !held.process.isNone
    let path = held.string(held.local.address)
    let text = line.string(line.trimmed)
    let replaced: String
    switch path {
    case nil where !hasProgram && unixColumns.program == true && Self.isProgramField(tokens[0], in: line):
      // The header announced the column, which net-tools always fills: the row lacks it.
      replaced = text
    case _ where !heldLine.mayBeWrapped:
      return nil
    case nil where hasProgram && !heldLine.endsInSpace && line.trimmed.start <= heldLine.indent:
      // A wrap cut the program name (`6591/` + `sudo`, `783/s` + `ystemd-logind`): read the
      // field again, joined, with the path after it.
      replaced = (held.pid.map { "\($0)/" } ?? "") + (held.string(held.process) ?? "") + text
    case nil where tokens.count == 1 && (text.hasPrefix("@") || text.contains("/")):
      replaced = text
    case let path? where !heldLine.endsInSpace && line.trimmed.start <= heldLine.indent:
      guard !hasProgram && path.utf8.allSatisfy(LineText.isDigit) || tokens.count == 1 else { return nil }
      replaced = path + text
    default:
      return nil
    }
    heldLine = HeldLine()
    pending!.local.address = .none
    let bytes = Array(replaced.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      let joined = LineText(bytes: buffer)
      readProgramAndPath(joined, joined.trimmed, into: &pending!, context: &context)
    }
    context.report(.note, .rejoinedWrap, "joined '\(text)' to the UNIX row above (a wrapped line)")
    return .continuation
  }

  /// Whether `span` holds two spaces in a row: a column gap.
  private static func hasDoubleSpace(_ line: LineText, _ span: Span) -> Bool {
    var index = span.start
    while index + 1 < span.end {
      if LineText.isSpace(line[index]) && LineText.isSpace(line[index + 1]) { return true }
      index += 1
    }
    return false
  }

  /// Whether `token` ends in `:port` with a port free of dots (a number, `*` or a service name).
  fileprivate static func hasColonPort(_ line: LineText, _ token: Span) -> Bool {
    guard let colon = line.lastIndex(of: UInt8(ascii: ":"), in: token) else { return false }
    return line.firstIndex(of: UInt8(ascii: "."), in: Span(start: colon + 1, end: token.end)) == nil
  }

  /// The canonical state for the text at `span`; raw sockets print the kernel's state number.
  fileprivate static func state(_ line: LineText, _ span: Span, protocol proto: String) -> SocketState? {
    if proto == "raw", let number = line.signedInteger(span) {
      if let known = LinuxNetstatVocabulary.kernelStates[number] { return known }
    } else if let known = LinuxNetstatVocabulary.stateBytes.value(line, span) {
      return known
    }
    return .unknown
  }

  fileprivate static func reportUnknownState(_ raw: String, line: Int?, context: inout ParseContext) {
    context.report(.warning, .unknownState, "unknown state '\(raw)': kept in state_raw, state is UNKNOWN", line: line)
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
      socket.state = Self.state(line, tokens[inodeIndex], protocol: "unix")
      if socket.state == .unknown { Self.reportUnknownState(line.string(tokens[inodeIndex]), line: nil, context: &context) }
      inodeIndex += 1
    }
    guard inodeIndex < tokens.count, let inode = line.integer(tokens[inodeIndex], upTo: Int64.max) else {
      context.report(.warning, .malformedRow, "a UNIX socket row without an I-Node number")
      return .unrecognized
    }
    socket.inode = inode
    let rest = Span(start: tokens[inodeIndex].end, end: tokens[tokens.count - 1].end)
    readProgramAndPath(line, line.trim(rest), into: &socket, context: &context)
    // Held, like an Internet row: a wrap may carry its path onto the next line.
    pending = socket
    heldLine = HeldLine(line, wrapped: false)
    return .record
  }
}

/// How much of a net-tools Internet row was read after its addresses: what a wrap may have
/// carried onto the next line.
private enum ShownAfterAddresses {
  /// No state, user, program or timer: the row may continue with any of them.
  case nothing
  /// The state only: the row may continue with the user, program or timer columns.
  case state
  /// The user but not the inode (and maybe the state): the row continues with the inode.
  case user
  /// More than the state.
  case more
}

extension RawSocket {
  fileprivate var shownAfterAddresses: ShownAfterAddresses {
    guard pid == nil && process.isNone && timer.isNone else { return .more }
    if !user.isNone { return inode == nil ? .user : .more }
    return stateRaw.isNone ? .nothing : .state
  }
}

extension LinuxNetstatParser {
  /// Emits the held Internet row.
  mutating func flush(context: inout ParseContext) {
    stateMayBeCut = false
    if stateOwed {
      stateOwed = false
      reportOwedState(context: &context)
    }
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
  private mutating func emitCut(_ partial: PartialRow, context: inout ParseContext) {
    partial.read { text, tokens in
      guard let entry = LinuxNetstatVocabulary.protocolTokens.first(where: { text.equals(tokens[0], $0.token) }) else {
        return
      }
      var socket = RawSocket(
        dialect: .linuxNetstat, snapshot: context.snapshots.current, line: partial.line, protocol: entry.protocol,
        family: entry.family)
      socket.recvQ = text.integer(tokens[1])
      socket.sendQ = text.integer(tokens[2])
      // Read as a whole row's would be: a port checked, an address that fills the column marked.
      let names: ServiceTable.Names = entry.protocol == "raw" ? .ipProtocols : .services
      if let read = internet.endpoint(tokens[3], in: text, isRemote: false, names: names, context: &context) {
        socket.set(.local, to: read.parsed, of: text)
        socket.local.truncated = read.truncated
      }
      context.report(
        .warning, .malformedRow, "a row that ends after its local address: its peer, state and owner are missing",
        line: partial.line)
      context.emit(socket)
    }
  }
}

/// How the last line of a held row ended, which tells whether a wrap may have cut the row and
/// how a cut word continues.
private struct HeldLine {
  /// The line's length in bytes.
  var length = 0
  /// Whether it ended in a space (a wrap between words) rather than inside a word.
  var endsInSpace = false
  /// Where its text starts (after a blanked quote gutter): a line that starts there continues
  /// a word a hard wrap cut; one indented further starts a new column.
  var indent = 0
  /// Whether the line was itself carried onto its own line by a wrap, whatever its length.
  var wrapped = false

  init() {}

  init(_ line: LineText, wrapped: Bool) {
    length = line.count
    endsInSpace = line.trimmed.end < line.count
    indent = line.trimmed.start
    self.wrapped = wrapped
  }

  /// Whether a wrap may have cut the row after this line: it is as long as a wrapped line, or
  /// was itself a wrapped one.
  var mayBeWrapped: Bool { length >= 60 || wrapped }
}
