/// One process holding a socket; ss lists every one (`users:(("nginx",pid=301,fd=6),…)`).
public struct SocketOwner: Hashable, Sendable {
  /// The process name as shown (`comm`, at most 15 characters; may hold spaces and quotes).
  public var process: String?
  /// The process id.
  public var pid: Int?
  /// The file descriptor number in that process.
  public var fd: Int?
  /// The thread id, with `ss -T`.
  public var tid: Int?

  /// Creates an owner; what ss did not show stays `nil`.
  public init(process: String? = nil, pid: Int? = nil, fd: Int? = nil, tid: Int? = nil) {
    self.process = process
    self.pid = pid
    self.fd = fd
    self.tid = tid
  }

  /// The owner as an output object: every key, `null` where unknown.
  var fieldValue: FieldValue {
    .object([
      .init("process", FieldValue(process)), .init("pid", FieldValue(pid)), .init("fd", FieldValue(fd)),
      .init("tid", FieldValue(tid)),
    ])
  }
}

#if !hasFeature(Embedded)
extension SocketOwner: Codable {}
#endif
