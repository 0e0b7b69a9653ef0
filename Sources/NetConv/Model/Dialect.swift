/// The text format a socket row was read from.
public enum Dialect: String, Sendable, CaseIterable {
  /// `netstat.exe` on Windows, any flags and display language.
  case windowsNetstat = "windows-netstat"
  /// net-tools `netstat` on Linux.
  case linuxNetstat = "linux-netstat"
  /// iproute2 `ss`.
  case ss = "ss"
  /// `netstat` of macOS, FreeBSD, OpenBSD, NetBSD, and Junos `show system connections`.
  case bsdNetstat = "bsd-netstat"
  /// `lsof -i`, Linux and macOS.
  case lsof = "lsof"
  /// PowerShell `Get-NetTCPConnection` and `Get-NetUDPEndpoint`.
  case powershell = "powershell"
}

extension Dialect {
  /// A bit of its own, for sets of dialects kept in a byte.
  var bit: UInt8 {
    switch self {
    case .windowsNetstat: return 1
    case .linuxNetstat: return 2
    case .ss: return 4
    case .bsdNetstat: return 8
    case .lsof: return 16
    case .powershell: return 32
    }
  }
}

#if !hasFeature(Embedded)
extension Dialect: Codable {}
#endif
