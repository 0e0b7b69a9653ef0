/// Counts snapshots: repeated tables from `netstat -c`, `netstat -b 5` or several commands in one paste.
///
/// A new snapshot starts when a banner or header arrives for a kind of table the current
/// snapshot already has (a second "Active Internet connections" after the first one's rows),
/// so the UNIX table that follows the Internet table in `netstat -a` stays in the same snapshot.
struct Snapshots {
  private(set) var current = 1
  private var banners: Set<String> = []
  private var headers: Set<String> = []
  private var rows: Set<String> = []

  /// A banner for tables of `kind` was read.
  mutating func banner(_ kind: String) {
    if banners.contains(kind) || headers.contains(kind) || rows.contains(kind) { advance() }
    banners.insert(kind)
  }

  /// A header for tables of `kind` was read.
  mutating func header(_ kind: String) {
    if headers.contains(kind) || rows.contains(kind) { advance() }
    headers.insert(kind)
  }

  /// A row of a table of `kind` was read.
  mutating func row(_ kind: String) {
    rows.insert(kind)
  }

  private mutating func advance() {
    current += 1
    banners.removeAll(keepingCapacity: true)
    headers.removeAll(keepingCapacity: true)
    rows.removeAll(keepingCapacity: true)
  }
}
