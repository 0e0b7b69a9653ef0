import Foundation
import Testing

@testable import NetConv

/// The parsed form of records, which the writers read directly.
@Suite struct RawSocketTests {
  /// The JSON writer reserves room by ``RawSocket/writtenTextCount`` and picks its constant text
  /// by ``RawSocket/presenceMask``, both generated as direct sums: each must equal what reading
  /// the record field by field through ``RawSocket/scalar(_:)`` gives, for every fixture record.
  @Test(arguments: FixtureTests.inputs)
  func writtenTextCountCoversEveryText(_ relative: String) throws {
    let bytes = try [UInt8](Data(contentsOf: TestSupport.fixtures.appendingPathComponent(relative)))
    try? SocketReader(bytes: bytes).forEach(
      record: { socket in
        var written = socket.owners.reduce(0) { $0 + $1.process.count }
        written += socket.details.reduce(0) { $0 + $1.key.count + $1.value.count }
        for field in Socket.FieldKey.ordered {
          switch socket.scalar(field) {
          case .text(let text): written += text.count
          case .stored(let key): written += socket.storedString(key).utf8.count
          default: written += socket.fieldSet(field).writtenCount
          }
        }
        #expect(socket.writtenTextCount == written, "line \(socket.line)")
        #expect(socket.presenceMask == JSONRecordShapes.maskThroughScalars(of: socket), "line \(socket.line)")
      }, diagnostic: { _ in })
  }
}
