/// Service names to port numbers, generated from `Grammar/services.tsv`.
enum ServiceTable {
  /// The port of the service `name` shows, or `nil` when the table does not know it.
  static func port(named name: String) -> Int? {
    portsByName[name]
  }
}
