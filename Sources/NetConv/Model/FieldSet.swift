/// How a writer writes a field (``Socket/FieldKey/shape``).
package enum FieldShape {
  /// One value, `null` when missing (``RawSocket/scalar(_:)``).
  case scalar
  /// `true` or `false`, never null.
  case flag
  /// The ss owners: a list of objects, `null` when none.
  case owners
  /// The ss details: an object, `null` when none.
  case details
  /// A list of field keys, `[]` when empty.
  case fieldList
}

/// A set of record fields, one bit per ``Socket/FieldKey/ordinal``: the `RawSocket` form of a
/// list of field keys such as ``Socket/inferred``, kept in output order.
package struct FieldSet: Equatable {
  package private(set) var bits: UInt32 = 0

  package init() {}

  package init(_ keys: [Socket.FieldKey]) {
    for key in keys { insert(key) }
  }

  package mutating func insert(_ key: Socket.FieldKey) { bits |= 1 << UInt32(key.ordinal) }

  package func contains(_ key: Socket.FieldKey) -> Bool { bits & (1 << UInt32(key.ordinal)) != 0 }

  package var isEmpty: Bool { bits == 0 }

  /// The keys in output order.
  package var keys: [Socket.FieldKey] { Socket.FieldKey.ordered.filter(contains) }

  /// The bytes of the key names, with room for the quotes and commas between them.
  package var writtenCount: Int { keys.reduce(0) { $0 + $1.rawValue.utf8.count + 3 } }
}
