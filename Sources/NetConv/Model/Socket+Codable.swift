extension Socket: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Encodes every field of ``fields``, writing `null` for missing values.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    for field in FieldKey.allCases {
      let key = Key(stringValue: field.rawValue)
      switch field {
      case .owners: try container.encode(owners.isEmpty ? nil : owners, forKey: key)
      case .details:
        try container.encode(details.isEmpty ? nil : Dictionary(details.map { ($0.key, $0.value) }) { $1 }, forKey: key)
      default:
        switch value(of: field) {
        case .int(let value): try container.encode(value, forKey: key)
        case .string(let value): try container.encode(value, forKey: key)
        case .bool(let value): try container.encode(value, forKey: key)
        case .null, .list, .object: try container.encodeNil(forKey: key)
        }
      }
    }
  }

  /// Decodes a record written by netconv's JSON writer (or by ``encode(to:)``).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    func string(_ key: String) throws -> String? { try c.decodeIfPresent(String.self, forKey: Key(stringValue: key)) }
    func int(_ key: String) throws -> Int? { try c.decodeIfPresent(Int.self, forKey: Key(stringValue: key)) }
    func bool(_ key: String) throws -> Bool { try c.decodeIfPresent(Bool.self, forKey: Key(stringValue: key)) ?? false }
    self.init(
      format: try c.decode(Dialect.self, forKey: Key(stringValue: "format")),
      snapshot: try c.decode(Int.self, forKey: Key(stringValue: "snapshot")),
      line: try c.decode(Int.self, forKey: Key(stringValue: "line")),
      protocol: try c.decode(String.self, forKey: Key(stringValue: "protocol")),
      family: try string("family").flatMap(AddressFamily.init(rawValue:)),
      local: Endpoint(
        address: try string("local_address"), port: try int("local_port"),
        portName: try string("local_port_name"), interface: try string("local_interface"),
        truncated: try bool("local_truncated")),
      remote: Endpoint(
        address: try string("remote_address"), port: try int("remote_port"),
        portName: try string("remote_port_name"), interface: try string("remote_interface"),
        truncated: try bool("remote_truncated")))
    source = try string("source")
    state = try string("state").flatMap(SocketState.init(rawValue:))
    stateRaw = try string("state_raw")
    recvQ = try int("recv_q")
    sendQ = try int("send_q")
    pid = try int("pid")
    process = try string("process")
    component = try string("component")
    ownerUnavailable = try bool("owner_unavailable")
    user = try string("user")
    inode = try int("inode")
    timer = try string("timer")
    socketType = try string("socket_type")
    owners = try c.decodeIfPresent([SocketOwner].self, forKey: Key(stringValue: "owners")) ?? []
    let detailTable = try c.decodeIfPresent([String: String].self, forKey: Key(stringValue: "details")) ?? [:]
    details = detailTable.sorted { $0.key < $1.key }.map { SocketDetail(key: $0.key, value: $0.value) }
  }
}
