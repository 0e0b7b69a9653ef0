/// A value in netconv's output, as every writer sees it: a record field or a piece of the
/// envelope's `meta`.
public enum FieldValue: Hashable, Sendable {
  case null
  case int(Int)
  case string(String)
  case bool(Bool)
  case list([FieldValue])
  /// An object whose keys keep their order.
  case object([Entry])

  /// One key of an ``object``.
  public struct Entry: Hashable, Sendable {
    public var key: String
    public var value: FieldValue

    public init(_ key: String, _ value: FieldValue) {
      self.key = key
      self.value = value
    }
  }

  init(_ value: String?) { self = value.map(FieldValue.string) ?? .null }
  init(_ value: Int?) { self = value.map(FieldValue.int) ?? .null }
}
