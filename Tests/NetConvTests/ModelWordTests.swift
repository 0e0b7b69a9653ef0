import Testing

@testable import NetConv

/// The writers take the model's words as static text; each must equal the raw value that
/// `Codable`, the schema and the library use.
@Suite struct ModelWordTests {
  @Test func staticWordsEqualRawValues() {
    for dialect in Dialect.allCases { #expect("\(dialect.word)" == dialect.rawValue) }
    for state in SocketState.allCases { #expect("\(state.word)" == state.rawValue) }
    for family in AddressFamily.allCases { #expect("\(family.word)" == family.rawValue) }
  }

  @Test func ordinalsArePositionsInTheFieldList() {
    for (index, field) in Socket.FieldKey.allCases.enumerated() { #expect(field.ordinal == index, "\(field)") }
  }
}
