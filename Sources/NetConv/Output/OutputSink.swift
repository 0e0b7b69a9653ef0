#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where writers send their output, in large chunks: a file descriptor, or memory.
///
/// A closed pipe (`netconv … | head`) is reported once as ``OutputError/closed`` so the caller
/// can stop quietly; `SIGPIPE` must be ignored by the process for that (the CLI does so).
public final class OutputSink {
  /// Why output could not be written.
  public enum OutputError: Error, Equatable, CustomStringConvertible {
    /// The reader of a pipe went away.
    case closed
    /// `write(2)` failed for another reason.
    case failed(errno: Int32)
    /// A writer could not encode its output.
    case unencodable(reason: String)

    /// What happened, in the system's words where it has them (`No space left on device`).
    public var description: String {
      switch self {
      case .closed: "the reader of the output went away"
      #if hasFeature(Embedded)
        case .failed(let code): "write failed (error \(code))"
      #else
        case .failed(let code): String(cString: strerror(code))
      #endif
      case .unencodable(let reason): reason
      }
    }
  }

  private let descriptor: Int32?
  /// Everything written so far, when the sink collects in memory instead of a descriptor.
  public private(set) var collected: [UInt8] = []

  #if !hasFeature(Embedded)
    /// Creates a sink that writes to `descriptor` (the caller keeps ownership).
    public init(descriptor: Int32) {
      self.descriptor = descriptor
    }
  #endif

  /// Creates a sink that keeps everything in memory (``collected``), for tests and embedding.
  public init() {
    self.descriptor = nil
  }

  /// Writes `bytes` out completely.
  public func write(_ bytes: [UInt8]) throws(OutputError) {
    try bytes.withUnsafeBufferPointer { (buffer) throws(OutputError) in try write(buffer) }
  }

  /// Writes `bytes` out completely; the writers' buffers go out this way, without a copy.
  public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
    guard let descriptor else {
      collected.append(contentsOf: bytes)
      return
    }
    #if !hasFeature(Embedded)
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw errno == EPIPE ? .closed : .failed(errno: errno)
        }
        offset += written
      }
    #endif
  }
}
