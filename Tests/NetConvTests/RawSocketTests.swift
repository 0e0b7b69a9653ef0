import Foundation
import Testing

@testable import NetConv

/// The parsed form of records, which the writers read directly.
@Suite struct RawSocketTests {
  /// The JSON writer reserves room by ``RawSocket/writtenTextCount``, which lists the text
  /// fields by hand: it must equal the texts the writers actually write, for every record of
  /// every fixture. The same goes for the JSON writer's shape mask, which is written out by hand.
  @Test(arguments: FixtureTests.inputs)
  func writtenTextCountCoversEveryText(_ relative: String) throws {
    let bytes = try [UInt8](Data(contentsOf: TestSupport.fixtures.appendingPathComponent(relative)))
    try? SocketReader(bytes: bytes).forEach(
      record: { socket in
        var written = socket.owners.reduce(0) { $0 + $1.process.count }
        written += socket.details.reduce(0) { $0 + $1.key.count + $1.value.count }
        for field in Socket.FieldKey.ordered {
          if case .text(let text) = socket.scalar(field) { written += text.count }
        }
        #expect(socket.writtenTextCount == written, "line \(socket.line)")
        #expect(JSONRecordShapes.mask(of: socket) == JSONRecordShapes.maskThroughScalars(of: socket), "line \(socket.line)")
      }, diagnostic: { _ in })
  }
}
