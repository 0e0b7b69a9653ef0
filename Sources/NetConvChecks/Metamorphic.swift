import NetConv

/// The oracle for "the same socket": a paste and its transformed copy (``PasteTransform``)
/// must give the same records, apart from their line numbers — or the copy's output must say
/// what it could not read. A transformation may lose information (a hard wrap inside a
/// column), but never silently.
public enum Metamorphic {
  /// What a transformation changed without saying so.
  public struct Violation: Error, CustomStringConvertible {
    public let description: String
  }

  /// The records of a parse with what a transformation may change (line numbers, the source
  /// name) taken out.
  static func comparable(_ records: [Socket]) -> [Socket] {
    records.map { record in
      var record = record
      record.line = 0
      record.source = nil
      return record
    }
  }

  /// Checks `transform` on `bytes`; `nil` when the transformation does not apply to them.
  ///
  /// - Returns: The violation found, or `nil` when the records are the same or every
  ///   difference is explained by a warning.
  public static func check(_ bytes: [UInt8], _ transform: PasteTransform, original: Invariants.Parse? = nil)
    -> Violation?
  {
    guard let transformed = transform.apply(to: bytes) else { return nil }
    let before = original ?? Invariants.parse(bytes)
    let after = Invariants.parse(transformed)
    return compare(before, after, transform: transform)
  }

  /// Compares the parse of a paste with the parse of its transformed copy.
  public static func compare(_ before: Invariants.Parse, _ after: Invariants.Parse, transform: PasteTransform)
    -> Violation?
  {
    if comparable(before.records) == comparable(after.records) { return nil }
    // Matched without their snapshot numbers, which count the tables before them: a table the
    // copy lost (with a warning) renumbers the ones after it. The grouping is checked below.
    let old = comparable(before.records).map(withoutSnapshot)
    let new = comparable(after.records).map(withoutSnapshot)
    let newWarnings = after.diagnostics.filter { $0.severity != .note }
    let warnedLines = Set(newWarnings.compactMap(\.line))
    // Records the copy gives that the paste does not: each must have a warning on one of its
    // lines — from its row to the line before the next record (its continuation lines, and
    // where the rest of a wrapped row went).
    var remaining = Array(zip(old, before.records.map(\.snapshot)))
    var snapshots: [Int: Int] = [:]
    var renumbered = false
    for (index, record) in new.enumerated() {
      let newSnapshot = after.records[index].snapshot
      // The same record in the same snapshot first: two tables may list the same sockets.
      if let found = remaining.firstIndex(where: { $0.0 == record && $0.1 == newSnapshot })
        ?? remaining.firstIndex(where: { $0.0 == record })
      {
        let oldSnapshot = remaining[found].1
        if snapshots[oldSnapshot, default: newSnapshot] != newSnapshot || snapshots.contains(where: { $0.key != oldSnapshot && $0.value == newSnapshot }) {
          return Violation(description: "\(transform): line \(after.records[index].line) moves a record into another snapshot: \(describe(record))")
        }
        snapshots[oldSnapshot] = newSnapshot
        renumbered = renumbered || oldSnapshot != newSnapshot
        remaining.remove(at: found)
        continue
      }
      let line = after.records[index].line
      let next = after.records[(index + 1)...].map(\.line).first { $0 > line } ?? Int.max
      if !warnedLines.contains(where: { $0 >= line && $0 < max(next, line + 2) }) {
        return Violation(
          description: "\(transform): line \(line) gives a record the paste does not have, without a warning: \(describe(record))"
        )
      }
    }
    // Records of the paste the copy lost, or records in another order: said by a warning, or
    // by an error for the whole input.
    var unexplained = before.diagnostics.filter { $0.severity != .note }.map { "\($0.kind) \($0.message)" }
    let added = newWarnings.contains { warning in
      if let found = unexplained.firstIndex(of: "\(warning.kind) \(warning.message)") {
        unexplained.remove(at: found)
        return false
      }
      return true
    }
    if !added && (after.error == nil || before.error != nil) {
      let lost = remaining.first.map { describe($0.0) } ?? "records in another order"
      return Violation(description: "\(transform): the records changed without a warning (\(lost))")
    }
    if renumbered && remaining.isEmpty {
      return Violation(description: "\(transform): the snapshots were numbered differently, though no record was lost")
    }
    return nil
  }

  private static func withoutSnapshot(_ record: Socket) -> Socket {
    var record = record
    record.snapshot = 0
    return record
  }

  private static func describe(_ record: Socket) -> String {
    "\(record.protocol) \(record.local.address ?? "-"):\(record.local.port.map(String.init) ?? "-") → "
      + "\(record.remote.address ?? "-"):\(record.remote.port.map(String.init) ?? "-") \(record.stateRaw ?? "") pid \(record.pid.map(String.init) ?? "-")"
  }
}
