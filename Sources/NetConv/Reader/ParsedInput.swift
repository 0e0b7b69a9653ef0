/// Everything one input gave, read in one call: for inputs small enough to hold in memory.
/// For large or endless inputs, stream with ``SocketReader/next()`` instead.
public struct ParsedInput: Sendable {
  /// Every record, in input order.
  public var records: [Socket]
  /// Every diagnostic, in input order.
  public var diagnostics: [Diagnostic]
  /// Counts about the input.
  public var summary: ParseSummary
}

extension SocketReader {
  /// Reads the rest of the input into memory.
  ///
  /// - Throws: ``NetConvError`` when the input cannot be read, is empty or binary, holds no
  ///   netstat/ss table at all, or breaks ``ParseOptions/strict``.
  public func readAll() throws(NetConvError) -> ParsedInput {
    var records: [Socket] = []
    var diagnostics: [Diagnostic] = []
    while let event = try next() {
      switch event {
      case .record(let socket): records.append(socket)
      case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
      }
    }
    return ParsedInput(records: records, diagnostics: diagnostics, summary: summary)
  }

  #if !hasFeature(Embedded)
    /// Parses the file at `path` in one call.
    ///
    ///     let parsed = try SocketReader.parse(contentsOf: "netstat.txt")
    ///     for socket in parsed.records where socket.state == .listen { print(socket.local.port ?? 0) }
    public static func parse(contentsOf path: String, options: ParseOptions = ParseOptions()) throws(NetConvError)
      -> ParsedInput
    {
      try SocketReader(contentsOf: path, options: options).readAll()
    }
  #endif

  /// Parses text in one call.
  public static func parse(string: String, options: ParseOptions = ParseOptions()) throws(NetConvError) -> ParsedInput {
    try SocketReader(string: string, options: options).readAll()
  }

  /// Parses bytes in any encoding netconv understands in one call.
  public static func parse(bytes: [UInt8], options: ParseOptions = ParseOptions()) throws(NetConvError) -> ParsedInput {
    try SocketReader(bytes: bytes, options: options).readAll()
  }
}
