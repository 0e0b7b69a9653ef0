/// What a dialect parser made of one line: its class, and the record it produced, if any.
struct LineOutcome {
  var lineClass: LineClass
  var record: Socket?

  static let noise = LineOutcome(lineClass: .noise, record: nil)
  static let banner = LineOutcome(lineClass: .banner, record: nil)
  static let header = LineOutcome(lineClass: .header, record: nil)
  static let notice = LineOutcome(lineClass: .notice, record: nil)
  static let skipped = LineOutcome(lineClass: .skipped, record: nil)
  static let unrecognized = LineOutcome(lineClass: .unrecognized, record: nil)

  static func record(_ socket: Socket) -> LineOutcome {
    LineOutcome(lineClass: .record, record: socket)
  }
}
