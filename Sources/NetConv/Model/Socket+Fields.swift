extension Socket {
  /// One output field: its key, the same in JSON, YAML and CSV, and how to read it.
  public struct Field: Sendable {
    /// The output key (`local_port`).
    public let key: String
    /// Reads the field's value from a record.
    public let value: @Sendable (Socket) -> FieldValue
  }

  /// Every output field in output order. Writers iterate this one list, so every record has
  /// the same keys in every format; `Schema/socket.schema.json` documents each one.
  public static let fields: [Field] = [
    Field(key: "source") { FieldValue($0.source) },
    Field(key: "format") { .string($0.format.rawValue) },
    Field(key: "snapshot") { .int($0.snapshot) },
    Field(key: "line") { .int($0.line) },
    Field(key: "protocol") { .string($0.protocol) },
    Field(key: "family") { FieldValue($0.family?.rawValue) },
    Field(key: "local_address") { FieldValue($0.local.address) },
    Field(key: "local_port") { FieldValue($0.local.port) },
    Field(key: "local_port_name") { FieldValue($0.local.portName) },
    Field(key: "local_interface") { FieldValue($0.local.interface) },
    Field(key: "local_truncated") { .bool($0.local.truncated) },
    Field(key: "remote_address") { FieldValue($0.remote.address) },
    Field(key: "remote_port") { FieldValue($0.remote.port) },
    Field(key: "remote_port_name") { FieldValue($0.remote.portName) },
    Field(key: "remote_interface") { FieldValue($0.remote.interface) },
    Field(key: "remote_truncated") { .bool($0.remote.truncated) },
    Field(key: "state") { FieldValue($0.state?.rawValue) },
    Field(key: "state_raw") { FieldValue($0.stateRaw) },
    Field(key: "recv_q") { FieldValue($0.recvQ) },
    Field(key: "send_q") { FieldValue($0.sendQ) },
    Field(key: "pid") { FieldValue($0.pid) },
    Field(key: "process") { FieldValue($0.process) },
    Field(key: "component") { FieldValue($0.component) },
    Field(key: "owner_unavailable") { .bool($0.ownerUnavailable) },
    Field(key: "user") { FieldValue($0.user) },
    Field(key: "inode") { FieldValue($0.inode) },
    Field(key: "timer") { FieldValue($0.timer) },
    Field(key: "socket_type") { FieldValue($0.socketType) },
    Field(key: "owners") { $0.owners.isEmpty ? .null : .list($0.owners.map(\.fieldValue)) },
    Field(key: "details") {
      $0.details.isEmpty ? .null : .object($0.details.map { FieldValue.Entry($0.key, .string($0.value)) })
    },
  ]
}
