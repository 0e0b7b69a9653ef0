extension RawSocket {
  /// A scalar field's value as the writers read it (``scalar(_:)``). A plain value (no
  /// reference counting), so reading a field copies nothing but a few words.
  package enum Scalar {
    case null
    case bool(Bool)
    case int(Int64)
    /// A text stored in the record.
    case text(Text)
    /// A fixed word of the model (`linux-netstat`, `LISTEN`, `ipv4`).
    case word(StaticString)
    /// A field the record keeps as a `String` (``storedString(_:)``): `source`, `protocol`.
    case stored(Socket.FieldKey)
  }
}

extension RawSocket {
  /// Calls `body` with the UTF-8 bytes of a text-like scalar (text, word, stored string);
  /// `text` is the record's ``bytes``.
  package func withBytes<Result>(
    of scalar: Scalar, in text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    switch scalar {
    case .text(let ref): return body(text.slice(ref))
    case .word(let word): return body(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
    case .stored(let key):
      var string = storedString(key)
      return string.withUTF8(body)
    case .null, .bool, .int: return body(UnsafeBufferPointer(start: nil, count: 0))
    }
  }
}

// The words of the model as static text, for writers; `ModelWordTests` checks each against
// its raw value.
extension Dialect {
  package var word: StaticString {
    switch self {
    case .windowsNetstat: return "windows-netstat"
    case .linuxNetstat: return "linux-netstat"
    case .ss: return "ss"
    case .bsdNetstat: return "bsd-netstat"
    case .lsof: return "lsof"
    case .powershell: return "powershell"
    }
  }
}

extension AddressFamily {
  package var word: StaticString {
    switch self {
    case .ipv4: return "ipv4"
    case .ipv6: return "ipv6"
    case .unix: return "unix"
    }
  }
}

extension SocketState {
  package var word: StaticString {
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
  package init(_ text: RawSocket.Text) { self = text.isNone ? .null : .text(text) }
  package init(_ number: Int?) { self = number.map { .int(Int64($0)) } ?? .null }
  package static func int(_ number: Int) -> RawSocket.Scalar { .int(Int64(number)) }
  package init(_ number: Int64?) { self = number.map { .int($0) } ?? .null }
}

extension RawSocket.Owner {
  /// The owner's keys in output order, as in ``SocketOwner``.
  package static let keys: [StaticString] = ["process", "pid", "fd", "tid"]
}

// MARK: - Converting to and from Socket (the field-by-field part is generated)

extension RawSocket {
  /// The owners as public values.
  var publicOwners: [SocketOwner] {
    owners.map { SocketOwner(process: string($0.process), pid: $0.pid, fd: $0.fd, tid: $0.tid) }
  }

  /// The details as public values.
  var publicDetails: [SocketDetail] {
    details.map { SocketDetail(key: string($0.key) ?? "", value: string($0.value) ?? "") }
  }

  /// Copies a caller's text as it is: an empty text stays an empty text (writers write what
  /// they are given), unlike parsed texts, where empty means absent.
  mutating func keep(_ text: String?) -> Text {
    guard let text else { return .none }
    if text.isEmpty { return Text(start: Int32(bytes.count), end: Int32(bytes.count)) }
    return store(text)
  }

  /// A caller's owners, their names copied.
  mutating func owners(keeping owners: [SocketOwner]) -> [Owner] {
    owners.map { Owner(process: keep($0.process), pid: $0.pid, fd: $0.fd, tid: $0.tid) }
  }

  /// A caller's details, copied in their order.
  mutating func details(keeping details: [SocketDetail]) -> [Detail] {
    details.map { Detail(key: keep($0.key), value: keep($0.value)) }
  }
}
