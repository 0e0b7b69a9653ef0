/// Counts snapshots: repeated tables from `netstat -c`, `netstat -b 5` or several commands in one paste.
///
/// A new snapshot starts when a banner or header arrives for a kind of table the current
/// snapshot already has (a second "Active Internet connections" after the first one's rows),
/// so the UNIX table that follows the Internet table in `netstat -a` stays in the same snapshot.
struct Snapshots {
  /// The kinds of table a snapshot can hold, one bit each.
  enum Kind: UInt8 {
    case linuxInternet = 1
    case linuxUnix = 2
    case windows = 4
    case ss = 8
    case bsd = 16
    case lsof = 32
    case powershell = 64
  }

  private(set) var current = 1
  private var banners: UInt8 = 0
  private var headers: UInt8 = 0
  private var rows: UInt8 = 0

  /// A banner for tables of `kind` was read.
  mutating func banner(_ kind: Kind) {
    if (banners | headers | rows) & kind.rawValue != 0 { advance() }
    banners |= kind.rawValue
  }

  /// A header for tables of `kind` was read.
  mutating func header(_ kind: Kind) {
    if (headers | rows) & kind.rawValue != 0 { advance() }
    headers |= kind.rawValue
  }

  /// A row of a table of `kind` was read.
  mutating func row(_ kind: Kind) {
    rows |= kind.rawValue
  }

  private mutating func advance() {
    current += 1
    banners = 0
    headers = 0
    rows = 0
  }
}
