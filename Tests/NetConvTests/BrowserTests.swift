import Foundation
import NetConv
import Testing

/// The HTML report in a real browser: headless Chromium (Debian's `chromium` and
/// `chromium-driver`, driven by Python's selenium — `Scripts/setup.sh` installs them) opens
/// the page from `file://` and `Tests/Browser/report_page_test.py` checks that the helper's
/// first finding is on the first screen, that the page loads nothing from the network, and
/// that the screenshot shows it. Screenshots are kept in `.build/browser-screenshots/`.
@Suite(.serialized) struct BrowserTests {
  static let script = TestSupport.packageRoot.appendingPathComponent("Tests/Browser/report_page_test.py")
  static let screenshots = TestSupport.packageRoot.appendingPathComponent(".build/browser-screenshots")

  /// The remote-access scenario's finding is within the first 800 pixels on a desktop screen
  /// and within the first screen of a phone; a `-ano` paste's relay finding likewise.
  @Test(arguments: [
    ("scam-anydesk", "remote_access_connected", 1280, 800), ("scam-anydesk", "remote_access_connected", 390, 844),
    ("ano-teamviewer-by-port", "remote_access_relay", 1280, 800),
  ])
  func theFirstFindingIsOnTheFirstScreen(_ scenario: String, _ code: String, _ width: Int, _ height: Int) throws {
    let page = try TestSupport.run(["report", "--html", ReportTests.folder.appendingPathComponent("\(scenario).txt").path])
    #expect(page.status == 0)
    try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
    let html = Self.screenshots.appendingPathComponent("\(scenario).html")
    try Data(page.stdout.utf8).write(to: html)
    let png = Self.screenshots.appendingPathComponent("\(scenario)-\(width)x\(height).png")
    let (status, message) = try Self.python([Self.script.path, html.path, png.path, code, String(width), String(height)])
    #expect(status == 0, "\(message) (run Scripts/setup.sh for chromium, chromium-driver and selenium)")
  }

  /// Runs a Python script of `Tests/Browser`; returns its exit status and what it said on stderr.
  static func python(_ arguments: [String]) throws -> (Int32, String) {
    let result = try TestSupport.execute(URL(fileURLWithPath: "python3"), arguments)
    return (result.status, result.stderr)
  }


  /// The offline page a newcomer opens from a clone (`netconv.html`, the WebAssembly module
  /// inlined; ``WasmTests/thePublishedPageIsBuiltFromTheseSources()`` keeps it fresh): the
  /// keyboard reaches every control; pasting the remote-access scenario shows the AnyDesk
  /// finding on the first screen and a table of as many sockets as the CLI reads; the file
  /// picker gives the same; nothing is fetched.
  @Test(arguments: [(1280, 800), (390, 844)])
  func theOfflinePageReadsAPasteAsTheCLIDoes(_ width: Int, _ height: Int) throws {
    let page = TestSupport.packageRoot.appendingPathComponent("netconv.html")
    let paste = ReportTests.folder.appendingPathComponent("scam-anydesk.txt")
    let records = try TestSupport.run(["-f", "jsonl", paste.path]).stdout.split(separator: "\n").count
    try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
    let (status, message) = try Self.python([
      TestSupport.packageRoot.appendingPathComponent("Tests/Browser/page_test.py").path, page.path, paste.path,
      String(records), Self.screenshots.appendingPathComponent("page-scam-anydesk-\(width)x\(height).png").path,
      String(width), String(height),
    ])
    #expect(status == 0, "\(message)")
  }

  /// Every fixture and corpus file through the page's own `run()` in Chromium (a picked file's
  /// path: bytes in, East Asian pages decoded by `TextDecoder`) gives the records and the
  /// diagnostics the native build gives, byte for byte.
  @Test func theOfflinePageGivesTheCLIRecordsForEveryInput() throws {
    _ = try WasmTests.module.get()
    let page = TestSupport.packageRoot.appendingPathComponent(".build/wasm/netconv.html")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netconv-page-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var manifest: [[String: Any]] = []
    for (index, url) in WasmTests.inputs.enumerated() {
      let input = try [UInt8](Data(contentsOf: url))
      var modes: [String: Any] = [:]
      for product in [MemoryRun.Product.jsonLines, .diagnostics] {
        let native = MemoryRun(input: input).make(product)
        let file = folder.appendingPathComponent("\(index)-\(product.rawValue)")
        try Data(native.bytes).write(to: file)
        modes[String(product.rawValue)] = ["status": Int(native.status), "output": file.path]
      }
      manifest.append(["input": url.path, "modes": modes])
    }
    let manifestURL = folder.appendingPathComponent("manifest.json")
    try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
    let script = TestSupport.packageRoot.appendingPathComponent("Tests/Browser/page_records_test.py")
    let (status, message) = try Self.python([script.path, page.path, manifestURL.path])
    #expect(status == 0, "\(message)")
    #expect(manifest.count > 200)
  }
}
