/// One extra fact ss printed about a socket (`-e`, `-i`, `-m`, `-o` and their continuation
/// lines): `sk` → `1`, `cgroup` → `/system.slice/ssh.service`, `rtt` → `0.036/0.02`,
/// `skmem` → `r0,rb212992,…`. Words that stand alone (`ts`, `sack`, `bbr`) have the value `true`.
public struct SocketDetail: Hashable, Sendable {
  /// The detail's name (`rtt`, `cgroup`, `sk`).
  public var key: String
  /// Its value as shown, or `true` for a word shown alone.
  public var value: String

  /// Creates a detail.
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

#if !hasFeature(Embedded)
extension SocketDetail: Codable {}
#endif
