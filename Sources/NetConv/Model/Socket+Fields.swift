extension Socket {
  /// The output fields in output order; the raw value is the key, the same in JSON, YAML and
  /// CSV. `Schema/socket.schema.json` documents each one.
  public enum FieldKey: String, CaseIterable, Sendable {
    case source
    case format
    case snapshot
    case line
    case `protocol`
    case family
    case localAddress = "local_address"
    case localPort = "local_port"
    case localPortName = "local_port_name"
    case localInterface = "local_interface"
    case localTruncated = "local_truncated"
    case remoteAddress = "remote_address"
    case remotePort = "remote_port"
    case remotePortName = "remote_port_name"
    case remoteInterface = "remote_interface"
    case remoteTruncated = "remote_truncated"
    case state
    case stateRaw = "state_raw"
    case recvQ = "recv_q"
    case sendQ = "send_q"
    case pid
    case process
    case component
    case ownerUnavailable = "owner_unavailable"
    case user
    case inode
    case timer
    case socketType = "socket_type"
    case owners
    case details
  }

  /// The value of one output field. Missing values are `.null`; writers call this for every
  /// key of ``FieldKey/allCases``, so every record has the same keys in every format.
  public func value(of key: FieldKey) -> FieldValue {
    switch key {
    case .source: return FieldValue(source)
    case .format: return .string(format.rawValue)
    case .snapshot: return .int(snapshot)
    case .line: return .int(line)
    case .protocol: return .string(self.protocol)
    case .family: return FieldValue(family?.rawValue)
    case .localAddress: return FieldValue(local.address)
    case .localPort: return FieldValue(local.port)
    case .localPortName: return FieldValue(local.portName)
    case .localInterface: return FieldValue(local.interface)
    case .localTruncated: return .bool(local.truncated)
    case .remoteAddress: return FieldValue(remote.address)
    case .remotePort: return FieldValue(remote.port)
    case .remotePortName: return FieldValue(remote.portName)
    case .remoteInterface: return FieldValue(remote.interface)
    case .remoteTruncated: return .bool(remote.truncated)
    case .state: return FieldValue(state?.rawValue)
    case .stateRaw: return FieldValue(stateRaw)
    case .recvQ: return FieldValue(recvQ)
    case .sendQ: return FieldValue(sendQ)
    case .pid: return FieldValue(pid)
    case .process: return FieldValue(process)
    case .component: return FieldValue(component)
    case .ownerUnavailable: return .bool(ownerUnavailable)
    case .user: return FieldValue(user)
    case .inode: return FieldValue(inode)
    case .timer: return FieldValue(timer)
    case .socketType: return FieldValue(socketType)
    case .owners: return owners.isEmpty ? .null : .list(owners.map(\.fieldValue))
    case .details:
      return details.isEmpty ? .null : .object(details.map { FieldValue.Entry($0.key, .string($0.value)) })
    }
  }
}
