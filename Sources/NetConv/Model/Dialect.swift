/// The text format a socket row was read from.
public enum Dialect: String, Codable, Sendable, CaseIterable {
  /// `netstat.exe` on Windows, any flags and display language.
  case windowsNetstat = "windows-netstat"
  /// net-tools `netstat` on Linux.
  case linuxNetstat = "linux-netstat"
  /// iproute2 `ss`.
  case ss = "ss"
}
