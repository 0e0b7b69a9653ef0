#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where writers put their bytes: a buffer that flushes to a file descriptor in large writes.
///
/// A closed pipe (`netconv … | head`) is reported once as ``OutputError/closed`` so the caller
/// can stop quietly; `SIGPIPE` must be ignored by the process for that (the CLI does so).
public final class OutputBuffer {
  /// Why output could not be written.
  public enum OutputError: Error, Equatable {
    /// The reader of a pipe went away.
    case closed
    /// `write(2)` failed for another reason.
    case failed(errno: Int32)
  }

  private var bytes: [UInt8] = []
  private let descriptor: Int32?
  private let capacity: Int
  /// Everything written so far, when the buffer collects in memory instead of a descriptor.
  public private(set) var collected: [UInt8] = []

  /// Creates a buffer that flushes to `descriptor` every `capacity` bytes.
  public init(descriptor: Int32, capacity: Int = 1 << 16) {
    self.descriptor = descriptor
    self.capacity = capacity
    bytes.reserveCapacity(capacity + 4096)
  }

  /// Creates a buffer that keeps everything in memory (``collected``), for tests and embedding.
  public init() {
    self.descriptor = nil
    self.capacity = 1 << 16
  }

  @inline(__always)
  func append(_ byte: UInt8) { bytes.append(byte) }

  func append(_ string: String) {
    var string = string
    string.withUTF8 { bytes.append(contentsOf: $0) }
  }

  func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

  /// Flushes when the buffer is full; writers call this after each record.
  func recordEnded() throws(OutputError) {
    if bytes.count >= capacity { try flush() }
  }

  /// Writes out everything buffered.
  public func flush() throws(OutputError) {
    guard let descriptor else {
      collected.append(contentsOf: bytes)
      bytes.removeAll(keepingCapacity: true)
      return
    }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        bytes.removeAll(keepingCapacity: true)
        throw errno == EPIPE ? .closed : .failed(errno: errno)
      }
      offset += written
    }
    bytes.removeAll(keepingCapacity: true)
  }
}
