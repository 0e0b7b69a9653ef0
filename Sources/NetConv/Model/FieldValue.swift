/// A value in netconv's output, as every writer sees it: a record field or a piece of the
/// envelope's `meta`.
public enum FieldValue: Hashable, Sendable {
  /// A missing value.
  case null
  /// An integer, 64 bits on every platform (an inode exceeds 32 bits).
  case int(Int64)
  /// A text.
  case string(String)
  /// A flag.
  case bool(Bool)
  /// A list, in order.
  case list([FieldValue])
  /// An object whose keys keep their order.
  case object([Entry])

  /// One key of an ``FieldValue/object(_:)``.
  public struct Entry: Hashable, Sendable {
    /// The key.
    public var key: String
    /// Its value.
    public var value: FieldValue

    /// Creates an entry.
    public init(_ key: String, _ value: FieldValue) {
      self.key = key
      self.value = value
    }
  }

  init(_ value: String?) { self = value.map(FieldValue.string) ?? .null }
  init(_ value: Int?) { self = value.map(FieldValue.int) ?? .null }
  init(_ value: Int64?) { self = value.map(FieldValue.int) ?? .null }

  /// An integer from an `Int` (a count, a line number, a port).
  public static func int(_ value: Int) -> FieldValue { .int(Int64(value)) }
}
