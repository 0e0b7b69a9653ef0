extension RawSocket {
  /// A scalar field's value as the writers read it. A plain value (no reference counting),
  /// so reading a field copies nothing but a few words.
  enum Scalar {
    case null
    case bool(Bool)
    case int(Int)
    /// A text stored in the record.
    case text(Text)
    /// A fixed word of the model (`linux-netstat`, `LISTEN`, `ipv4`).
    case word(StaticString)
    /// The record's ``RawSocket/source``.
    case source
    /// The record's ``RawSocket/protocol``.
    case protocolName
  }

  /// The value of a scalar field; `owners` and `details` are the writers' to walk (`.null` here).
  /// Same keys and meaning as ``Socket/value(of:)``.
  func scalar(_ key: Socket.FieldKey) -> Scalar {
    switch key {
    case .source: return source == nil ? .null : .source
    case .format: return .word(format.word)
    case .snapshot: return .int(snapshot)
    case .line: return .int(line)
    case .protocol: return .protocolName
    case .family: return family.map { .word($0.word) } ?? .null
    case .localAddress: return Scalar(local.address)
    case .localPort: return Scalar(local.port)
    case .localPortName: return Scalar(local.portName)
    case .localInterface: return Scalar(local.interface)
    case .localTruncated: return .bool(local.truncated)
    case .remoteAddress: return Scalar(remote.address)
    case .remotePort: return Scalar(remote.port)
    case .remotePortName: return Scalar(remote.portName)
    case .remoteInterface: return Scalar(remote.interface)
    case .remoteTruncated: return .bool(remote.truncated)
    case .state: return state.map { .word($0.word) } ?? .null
    case .stateRaw: return Scalar(stateRaw)
    case .recvQ: return Scalar(recvQ)
    case .sendQ: return Scalar(sendQ)
    case .pid: return Scalar(pid)
    case .process: return Scalar(process)
    case .component: return Scalar(component)
    case .ownerUnavailable: return .bool(ownerUnavailable)
    case .user: return Scalar(user)
    case .inode: return Scalar(inode)
    case .timer: return Scalar(timer)
    case .socketType: return Scalar(socketType)
    case .owners, .details: return .null
    }
  }
}

extension RawSocket {
  /// The bytes of every text a writer writes, counted where it is written: `process` and the
  /// first ss owner share their bytes, and details share one stored `true`. Writers size their
  /// output by it; the JSON writer asserts the bound in debug builds.
  var writtenTextCount: Int {
    var count = local.address.count + local.portName.count + local.interface.count
    count += remote.address.count + remote.portName.count + remote.interface.count
    count += stateRaw.count + process.count + component.count + user.count + timer.count + socketType.count
    for owner in owners { count += owner.process.count }
    for detail in details { count += detail.key.count + detail.value.count }
    return count
  }

  /// Calls `body` with the UTF-8 bytes of a text-like scalar (text, word, source, protocol);
  /// `text` is the record's ``bytes``.
  func withBytes<Result>(
    of scalar: Scalar, in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    switch scalar {
    case .text(let ref): return body(text.slice(ref))
    case .word(let word): return body(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    case .source:
      var source = source ?? ""
      return source.withUTF8(body)
    case .protocolName:
      var name = self.protocol
      return name.withUTF8(body)
    case .null, .bool, .int: return body(UnsafeBufferPointer(start: nil, count: 0))
    }
  }
}

// The words of the model as static text, for writers; `ModelWordTests` checks each against
// its raw value.
extension Dialect {
  var word: StaticString {
    switch self {
    case .windowsNetstat: return "windows-netstat"
    case .linuxNetstat: return "linux-netstat"
    case .ss: return "ss"
    }
  }
}

extension AddressFamily {
  var word: StaticString {
    switch self {
    case .ipv4: return "ipv4"
    case .ipv6: return "ipv6"
    case .unix: return "unix"
    }
  }
}

extension SocketState {
  var word: StaticString {
    switch self {
    case .listen: return "LISTEN"
    case .synSent: return "SYN_SENT"
    case .synReceived: return "SYN_RECEIVED"
    case .established: return "ESTABLISHED"
    case .finWait1: return "FIN_WAIT_1"
    case .finWait2: return "FIN_WAIT_2"
    case .closeWait: return "CLOSE_WAIT"
    case .closing: return "CLOSING"
    case .lastAck: return "LAST_ACK"
    case .timeWait: return "TIME_WAIT"
    case .closed: return "CLOSED"
    case .bound: return "BOUND"
    case .unknown: return "UNKNOWN"
    }
  }
}

extension RawSocket.Scalar {
  init(_ text: RawSocket.Text) { self = text.isNone ? .null : .text(text) }
  init(_ number: Int?) { self = number.map(Self.int) ?? .null }
}

extension RawSocket.Owner {
  /// The owner's keys in output order, as in ``SocketOwner``.
  static let keys: [StaticString] = ["process", "pid", "fd", "tid"]
}

// MARK: - Converting to and from Socket

extension Socket {
  /// The public record for a parsed one: the only place where its texts become `String`s.
  init(_ raw: RawSocket) {
    self.init(format: raw.format, snapshot: raw.snapshot, line: raw.line, protocol: raw.protocol, family: raw.family)
    source = raw.source
    local = Endpoint(raw.local, in: raw)
    remote = Endpoint(raw.remote, in: raw)
    state = raw.state
    stateRaw = raw.string(raw.stateRaw)
    recvQ = raw.recvQ
    sendQ = raw.sendQ
    pid = raw.pid
    process = raw.string(raw.process)
    component = raw.string(raw.component)
    ownerUnavailable = raw.ownerUnavailable
    user = raw.string(raw.user)
    inode = raw.inode
    timer = raw.string(raw.timer)
    socketType = raw.string(raw.socketType)
    owners = raw.owners.map { SocketOwner(process: raw.string($0.process), pid: $0.pid, fd: $0.fd, tid: $0.tid) }
    details = raw.details.map { SocketDetail(key: raw.string($0.key) ?? "", value: raw.string($0.value) ?? "") }
  }
}

extension Endpoint {
  init(_ raw: RawSocket.Endpoint, in socket: RawSocket) {
    self.init(
      address: socket.string(raw.address), port: raw.port, portName: socket.string(raw.portName),
      interface: socket.string(raw.interface), truncated: raw.truncated)
  }
}

extension RawSocket {
  /// A record a library caller built, for the writers (texts copied, details kept in order).
  init(_ socket: Socket) {
    self.init(format: socket.format, snapshot: socket.snapshot, line: socket.line, protocol: socket.protocol, family: socket.family)
    source = socket.source
    local = endpoint(socket.local)
    remote = endpoint(socket.remote)
    state = socket.state
    stateRaw = keep(socket.stateRaw)
    recvQ = socket.recvQ
    sendQ = socket.sendQ
    pid = socket.pid
    process = keep(socket.process)
    component = keep(socket.component)
    ownerUnavailable = socket.ownerUnavailable
    user = keep(socket.user)
    inode = socket.inode
    timer = keep(socket.timer)
    socketType = keep(socket.socketType)
    for owner in socket.owners {
      owners.append(Owner(process: keep(owner.process), pid: owner.pid, fd: owner.fd, tid: owner.tid))
    }
    for detail in socket.details { details.append(Detail(key: keep(detail.key), value: keep(detail.value))) }
  }

  /// Copies a caller's text as it is: an empty text stays an empty text (writers write what
  /// they are given), unlike parsed texts, where empty means absent.
  private mutating func keep(_ text: String?) -> Text {
    guard let text else { return .none }
    if text.isEmpty { return Text(start: Int32(bytes.count), end: Int32(bytes.count)) }
    return store(text)
  }

  private mutating func endpoint(_ endpoint: NetConv.Endpoint) -> Endpoint {
    Endpoint(
      address: keep(endpoint.address), port: endpoint.port, portName: keep(endpoint.portName),
      interface: keep(endpoint.interface), truncated: endpoint.truncated)
  }
}
