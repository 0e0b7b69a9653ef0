/// A small RFC 4180 reader: quoted cells with doubled quotes, CRLF or LF row ends.
public enum CSVReader {
  public struct Malformed: Error, CustomStringConvertible {
    public let description: String
  }

  /// The rows of `bytes`, each a list of cells.
  public static func rows(_ bytes: [UInt8]) throws -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell: [UInt8] = []
    var quoted = false
    var index = 0
    var cellStarted = false
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
            cell.append(byte)
            index += 1
          } else {
            quoted = false
          }
        } else {
          cell.append(byte)
        }
      } else {
        switch byte {
        case UInt8(ascii: "\""):
          guard cell.isEmpty else { throw Malformed(description: "a quote inside an unquoted cell") }
          quoted = true
          cellStarted = true
        case UInt8(ascii: ","):
          row.append(String(decoding: cell, as: UTF8.self))
          cell.removeAll()
          cellStarted = true
        case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
          break
        case 0x0A:
          row.append(String(decoding: cell, as: UTF8.self))
          rows.append(row)
          row = []
          cell.removeAll()
          cellStarted = false
        default:
          cell.append(byte)
          cellStarted = true
        }
      }
      index += 1
    }
    if quoted { throw Malformed(description: "an unterminated quoted cell") }
    if cellStarted || !cell.isEmpty || !row.isEmpty {
      row.append(String(decoding: cell, as: UTF8.self))
      rows.append(row)
    }
    return rows
  }
}
