/// The constant text of JSON records — keys, punctuation, and the values of fields that hold
/// `null`, `true` or `false` — laid out once per *shape* (which fields hold a value of their
/// own), so writing a record copies one piece of constant text per value instead of working
/// through every field.
///
/// Records of one table share a handful of shapes, so the cache stays small; it is emptied if
/// an input ever produces more than ``limit`` of them.
struct JSONRecordShapes {
  /// The constant text before one field's value.
  struct Step {
    var start: Int
    var end: Int
    var field: Socket.FieldKey
  }

  /// A shape: a step per field with a value, then the constant text up to the record's end.
  struct Shape {
    var steps: [Step] = []
    var tailStart = 0
    var tailEnd = 0
  }

  /// Every shape's constant text, followed by eight bytes of padding for
  /// ``ByteCursor/putPadded(_:)``.
  private(set) var bytes: [UInt8] = []
  /// The most constant text one record can take (every key with its longest constant value).
  let longestConstant: Int
  private let prefixes: [[UInt8]]
  private var shapes: [UInt32: Shape] = [:]
  /// The shapes used last, tried before the dictionary (whose hashing costs more than the
  /// rest of the lookup): a table's records take turns among a few shapes.
  private var recentMasks: [UInt32] = []
  private var recentShapes: [Shape] = []
  private var oldestRecent = 0
  private let limit: Int

  /// Keys written as `first`/`next` + `"key"` + `separator` (`{"source":`, `,"format":`);
  /// more than `limit` shapes empty the cache.
  init(first: String, next: String, separator: String, limit: Int = 4096) {
    self.limit = limit
    precondition(Socket.FieldKey.ordered.count <= 32, "a shape is a 32-bit mask of fields")
    prefixes = Socket.FieldKey.ordered.enumerated().map { index, field in
      Array(((index == 0 ? first : next) + "\"\(field.rawValue)\"" + separator).utf8)
    }
    longestConstant = prefixes.reduce(0) { $0 + $1.count + 5 }
    bytes = [UInt8](repeating: 0, count: 8)
  }

  /// ``RawSocket/presenceMask`` through ``RawSocket/scalar(_:)``, for tests.
  static func maskThroughScalars(of socket: RawSocket) -> UInt32 {
    var mask: UInt32 = 0
    for (index, field) in Socket.FieldKey.ordered.enumerated() {
      let present: Bool
      switch field.shape {
      case .owners: present = !socket.owners.isEmpty
      case .details: present = !socket.details.isEmpty
      case .fieldList: present = !socket.fieldSet(field).isEmpty
      case .scalar, .flag:
        switch socket.scalar(field) {
        case .null: present = false
        case .bool(let flag): present = flag
        default: present = true
        }
      }
      if present { mask |= 1 << UInt32(index) }
    }
    return mask
  }

  /// The shape for `mask`, laid out on first use.
  mutating func shape(for mask: UInt32) -> Shape {
    if let index = recentMasks.firstIndex(of: mask) { return recentShapes[index] }
    let shape = shapes[mask] ?? layOut(mask)
    if recentMasks.count < 8 {
      recentMasks.append(mask)
      recentShapes.append(shape)
    } else {
      recentMasks[oldestRecent] = mask
      recentShapes[oldestRecent] = shape
      oldestRecent = (oldestRecent + 1) % 8
    }
    return shape
  }

  /// Lays out the shape for `mask` and keeps it.
  private mutating func layOut(_ mask: UInt32) -> Shape {
    if shapes.count >= limit {
      shapes.removeAll()
      recentMasks.removeAll()
      recentShapes.removeAll()
      oldestRecent = 0
      bytes = [UInt8](repeating: 0, count: 8)
    }
    bytes.removeLast(8)
    var shape = Shape()
    var start = bytes.count
    for (index, field) in Socket.FieldKey.ordered.enumerated() {
      let present = mask & (1 << UInt32(index)) != 0
      bytes += prefixes[index]
      switch (field.shape, present) {
      case (.flag, _):
        bytes += Array((present ? "true" : "false").utf8)
      case (.fieldList, false):
        bytes += Array("[]".utf8)
      case (_, false):
        bytes += Array("null".utf8)
      case (_, true):
        shape.steps.append(Step(start: start, end: bytes.count, field: field))
        start = bytes.count
      }
    }
    shape.tailStart = start
    shape.tailEnd = bytes.count
    bytes += [UInt8](repeating: 0, count: 8)
    shapes[mask] = shape
    return shape
  }
}
