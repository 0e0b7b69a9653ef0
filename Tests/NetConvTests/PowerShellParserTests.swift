import Foundation
import NetConv
import Testing

/// PowerShell tables are read by the shape of their cells in header order, never by position.
@Suite struct PowerShellParserTests {
  static let folder = TestSupport.fixtures.appendingPathComponent("powershell")

  /// A chat window or a forum collapses runs of spaces: the records stay the same, although the
  /// empty AppliedSetting cells of Listen and TimeWait rows leave no trace.
  @Test(arguments: ["default-table.txt", "select-processname.txt", "udp-endpoint.txt"])
  func collapsedSpacesGiveTheSameRecords(_ name: String) throws {
    let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    let collapsed = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }.joined(separator: "\n")
    let original = TestSupport.parse(text).records
    let read = TestSupport.parse(collapsed).records
    #expect(original.count >= 3)
    #expect(read == original)
  }

  /// `Get-Process` and `Get-ChildItem` tables around the socket table are never records.
  @Test func neighbouringTablesAreNotSockets() throws {
    let text = """
      PS C:\\> Get-Process
          NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName
          ------    -----      -----     ------      --  -- -----------
              27    25.09       0.16       0.34    1256   6 AdobeNotificationClient
      PS C:\\> Get-NetTCPConnection -State Listen
          LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningProcess
          ------------                        --------- -------------                       ---------- -----       -------------- -------------
          127.0.0.1                           65001     0.0.0.0                             0          Listen                     636
          Mode                 LastWriteTime         Length Name
          ----                 -------------         ------ ----
          d-r--          12/13/2020  5:02 PM                Contacts
      """
    let result = TestSupport.parse(text)
    #expect(result.records.count == 1)
    #expect(result.records.first?.pid == 636 && result.records.first?.state == .listen)
  }

  /// Without a cmdlet above it, `LocalAddress LocalPort` alone is Get-NetUDPEndpoint's view: udp,
  /// marked inferred; with `Get-NetTCPConnection` named above it, tcp as read.
  @Test func theCmdletOrTheColumnsTellTheProtocol() {
    let bare = TestSupport.parse("LocalAddress LocalPort\n------------ ---------\n0.0.0.0      5353\n").records
    #expect(bare.first?.protocol == "udp" && bare.first?.inferred.contains(.protocol) == true)
    let named = TestSupport.parse("PS C:\\> Get-NetTCPConnection | Select LocalAddress,LocalPort\n\nLocalAddress LocalPort\n------------ ---------\n0.0.0.0      5353\n").records
    #expect(named.first?.protocol == "tcp" && named.first?.inferred.isEmpty == true)
  }
}
