/// The value of one output field, as every writer sees it.
public enum FieldValue: Hashable, Sendable {
  case null
  case int(Int)
  case string(String)
  case bool(Bool)

  init(_ value: String?) { self = value.map(FieldValue.string) ?? .null }
  init(_ value: Int?) { self = value.map(FieldValue.int) ?? .null }
}
