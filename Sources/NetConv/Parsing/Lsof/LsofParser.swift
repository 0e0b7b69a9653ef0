/// Reads `lsof -i` output (Linux and macOS), with or without its header (`lsof -i | grep …`).
///
/// A row is `COMMAND PID [TID] USER FD TYPE DEVICE SIZE/OFF NODE NAME [(STATE …)]`: TYPE
/// (`IPv4`, `IPv6`) and NODE (`TCP`, `UDP`) three columns apart anchor it, so a user name or a
/// command of any shape does not matter. NAME is `local[->remote]` in `host:port` form. lsof
/// lists a socket once per process and descriptor that holds it, so one socket may give
/// several records. See `Grammar/lsof/README.md`.
struct LsofParser: DialectParser {
  static let dialect = Dialect.lsof

  private var truncationNoted = false
  /// The header ended inside a word (`SIZ` + `E/OFF NODE NAME`): its rest may follow.
  private var headerCut = false
  /// A row a wrap cut after its TYPE column, waiting for the rest on the next line.
  private var partialRow: PartialRow?

  mutating func endBlock() {}

  mutating func flush(context: inout ParseContext) {
    guard let partial = partialRow else { return }
    partialRow = nil
    context.report(.warning, .malformedRow, "an lsof row that ends before its NODE and NAME columns: not read", line: partial.line)
  }

  mutating func read(_ line: LineText, tokens: Tokens, context: inout ParseContext) -> LineClass? {
    if headerCut {
      headerCut = false
      if tokens.dropFirst().allSatisfy({ LsofVocabulary.headerWords.contains(line.string($0)) }),
        LsofVocabulary.headerWords.contains(where: { $0.hasSuffix(line.string(tokens[0])) })
      {
        return .header
      }
    }
    if tokens.count >= 5, line.equals(tokens[0], Self.command), line.equals(tokens[1], Self.pid),
      tokens.dropLast().allSatisfy({ LsofVocabulary.headerWords.contains(line.string($0)) })
    {
      let last = line.string(tokens[tokens.count - 1])
      if !LsofVocabulary.headerWords.contains(last) {
        guard LsofVocabulary.headerWords.contains(where: { $0.hasPrefix(last) }) else { return nil }
        headerCut = true
      }
      flush(context: &context)
      context.snapshots.header(.lsof)
      truncationNoted = false
      return .header
    }
    if let partial = partialRow {
      partialRow = nil
      let joined = partial.joined(with: line) { text, joinedTokens in
        row(text, tokens: joinedTokens, line: partial.line, context: &context)
      }
      if joined != nil {
        context.report(.note, .rejoinedWrap, "joined this line to the lsof row above (a wrap cut the row)")
        return .continuation
      }
      context.report(.warning, .malformedRow, "an lsof row that ends before its NODE and NAME columns: not read", line: partial.line)
    }
    guard tokens.count >= 5, line.isDigits(tokens[1]) else { return nil }
    if let read = row(line, tokens: tokens, line: context.lineNumber, context: &context) { return read }
    // Cut after TYPE (and maybe DEVICE): the rest may be on the next line.
    if (4...min(6, tokens.count - 1)).contains(where: { LsofVocabulary.types.value(line, tokens[$0]) != nil }) {
      flush(context: &context)
      partialRow = PartialRow(line, number: context.lineNumber)
      return .record
    }
    return nil
  }

  /// Reads a whole row into a record; `nil` when the line is not one.
  private mutating func row(_ line: LineText, tokens: Tokens, line number: Int, context: inout ParseContext) -> LineClass? {
    guard tokens.count >= 8, line.isDigits(tokens[1]) else { return nil }
    // TYPE after COMMAND PID [TID] [TASKCMD] USER FD; NODE two or three columns on (SIZE/OFF may be blank).
    var typeIndex: Int?
    for index in 4...min(6, tokens.count - 4) where LsofVocabulary.types.value(line, tokens[index]) != nil {
      typeIndex = index
      break
    }
    guard let typeIndex, let family = LsofVocabulary.types.value(line, tokens[typeIndex]) else { return nil }
    var nodeIndex = typeIndex + 3
    var proto = LsofVocabulary.nodes.value(line, tokens[nodeIndex])
    if proto == nil {
      nodeIndex = typeIndex + 2
      proto = LsofVocabulary.nodes.value(line, tokens[nodeIndex])
    }
    guard let proto, nodeIndex + 1 < tokens.count else { return nil }
    context.snapshots.row(.lsof)
    var socket = RawSocket(dialect: .lsof, snapshot: context.snapshots.current, line: number, protocol: proto, family: family)
    readOwner(line, tokens: tokens, typeIndex: typeIndex, into: &socket, context: &context)
    readDevice(line, tokens: tokens, typeIndex: typeIndex, nodeIndex: nodeIndex, into: &socket, context: &context)
    readName(line, tokens[nodeIndex + 1], into: &socket, context: &context)
    readState(line, tokens: tokens[(nodeIndex + 2)...], into: &socket, context: &context)
    context.emit(socket)
    return .record
  }

  /// COMMAND, PID, TID, USER and FD: the record's process, pid, user and its one owner.
  private mutating func readOwner(_ line: LineText, tokens: Tokens, typeIndex: Int, into socket: inout RawSocket, context: inout ParseContext) {
    let command = tokens[0]
    socket.process = socket.store(line, command)
    socket.pid = context.number(line, tokens[1], "PID")
    socket.user = socket.store(line, tokens[typeIndex - 2])
    let tid = typeIndex - 2 > 2 && line.isDigits(tokens[2]) ? context.number(line, tokens[2], "TID") : nil
    let fdToken = tokens[typeIndex - 1]
    var digitsEnd = fdToken.start
    while digitsEnd < fdToken.end, LineText.isDigit(line[digitsEnd]) { digitsEnd += 1 }
    let fd = digitsEnd > fdToken.start ? line.integer(Span(start: fdToken.start, end: digitsEnd)) : nil
    socket.owners = [RawSocket.Owner(process: socket.process, pid: socket.pid, fd: fd, tid: tid)]
    socket.addDetail(key: socket.store("fd"), value: socket.store(line, fdToken))
    // lsof shows the first 9 characters of a command unless `+c` widened the column.
    if command.count == LsofVocabulary.commandWidth, !(context.lastPrompt?.containsText("+c") ?? false) {
      socket.addDetail(key: socket.store("process_truncated"), value: socket.store("true"))
      if !truncationNoted {
        truncationNoted = true
        context.report(
          .note, .truncatedName,
          "'\(line.string(command))' fills lsof's 9-character COMMAND column and may be cut (details.process_truncated); lsof +c 0 shows whole names")
      }
    }
  }

  /// DEVICE (a Linux socket's inode, a macOS kernel address) and SIZE/OFF (`0t0` for sockets).
  private func readDevice(
    _ line: LineText, tokens: Tokens, typeIndex: Int, nodeIndex: Int, into socket: inout RawSocket, context: inout ParseContext
  ) {
    let device = tokens[typeIndex + 1]
    if line.isDigits(device) {
      socket.inode = context.number(line, device, "DEVICE", upTo: Int64.max)
    } else {
      socket.addDetail(key: socket.store("device"), value: socket.store(line, device))
    }
    if nodeIndex == typeIndex + 3, !line.equals(tokens[typeIndex + 2], Self.zeroOffset) {
      socket.addDetail(key: socket.store("size_off"), value: socket.store(line, tokens[typeIndex + 2]))
    }
  }

  /// NAME: `local`, `local->remote`; `*:port` for a wildcard, `[::1]:port` for IPv6.
  private func readName(_ line: LineText, _ name: Span, into socket: inout RawSocket, context: inout ParseContext) {
    var local = name
    var remote: Span?
    var index = name.start
    while index + 1 < name.end {
      if line[index] == UInt8(ascii: "-") && line[index + 1] == UInt8(ascii: ">") {
        local = Span(start: name.start, end: index)
        remote = Span(start: index + 2, end: name.end)
        break
      }
      index += 1
    }
    let parsedLocal = EndpointParser.parse(local, in: line)
    context.reportPortProblems(parsedLocal, in: line)
    socket.set(.local, to: parsedLocal, of: line)
    if let remote, !remote.isEmpty {
      let parsedRemote = EndpointParser.parse(remote, in: line)
      context.reportPortProblems(parsedRemote, in: line)
      if !parsedRemote.isWildcard { socket.set(.remote, to: parsedRemote, of: line) }
    }
  }

  /// `(LISTEN)`, or with `-T`: `(ESTABLISHED QR=0 QS=0)`, `(ST=LISTEN QR=0 QS=0)`.
  private func readState(_ line: LineText, tokens: Tokens.SubSequence, into socket: inout RawSocket, context: inout ParseContext) {
    guard let first = tokens.first else { return }
    guard line[first.start] == UInt8(ascii: "("), let last = tokens.last, line[last.end - 1] == UInt8(ascii: ")") else {
      let span = Span(start: first.start, end: tokens.last!.end)
      context.report(.warning, .trailingText, "could not read '\(line.string(span))' after the NAME column")
      return
    }
    for token in tokens {
      var span = token
      if line[span.start] == UInt8(ascii: "(") { span.start += 1 }
      if span.end > span.start, line[span.end - 1] == UInt8(ascii: ")") { span.end -= 1 }
      guard !span.isEmpty else { continue }
      if let equals = line.firstIndex(of: UInt8(ascii: "="), in: span) {
        let key = Span(start: span.start, end: equals)
        let value = Span(start: equals + 1, end: span.end)
        if line.equals(key, Self.st) {
          setState(line, value, into: &socket, context: &context)
        } else if line.equals(key, Self.qr) {
          socket.recvQ = context.number(line, value, "QR")
        } else if line.equals(key, Self.qs) {
          socket.sendQ = context.number(line, value, "QS")
        } else {
          socket.addDetail(key: socket.store(line.string(key).lowercased()), value: socket.store(line, value))
        }
      } else {
        setState(line, span, into: &socket, context: &context)
      }
    }
  }

  private func setState(_ line: LineText, _ span: Span, into socket: inout RawSocket, context: inout ParseContext) {
    socket.stateRaw = socket.store(line, span)
    if let state = LsofVocabulary.states.value(line, span) {
      socket.state = state
    } else if LsofVocabulary.udpStates.value(line, span) == nil {
      socket.state = .unknown
      context.report(.warning, .unknownState, "unknown state '\(line.string(span))': kept in state_raw, state is UNKNOWN")
    }
  }

  private static let command = Array("COMMAND".utf8)
  private static let pid = Array("PID".utf8)
  private static let zeroOffset = Array("0t0".utf8)
  private static let st = Array("ST".utf8)
  private static let qr = Array("QR".utf8)
  private static let qs = Array("QS".utf8)
}
