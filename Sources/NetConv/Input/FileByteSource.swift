#if !hasFeature(Embedded)
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A byte source over a file it opens by path and closes when the last copy goes away.
public struct FileByteSource: ByteSource {
  /// Owns the descriptor: closes it when the source (and every copy) is gone.
  private final class OpenFile {
    let descriptor: Int32
    init(descriptor: Int32) { self.descriptor = descriptor }
    deinit { close(descriptor) }
  }

  private let file: OpenFile
  private var reader: FileDescriptorByteSource

  /// Opens the file at `path` for reading, `chunkSize` bytes at a time.
  ///
  /// - Throws: ``NetConvError/unreadable(path:reason:)`` with the system's reason (`No such
  ///   file or directory`, `Permission denied`).
  public init(path: String, chunkSize: Int = 1 << 16) throws(NetConvError) {
    var descriptor: Int32
    repeat {
      descriptor = open(path, O_RDONLY | O_CLOEXEC)
    } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    file = OpenFile(descriptor: descriptor)
    reader = FileDescriptorByteSource(descriptor: descriptor, name: path, chunkSize: chunkSize)
  }

  public mutating func nextChunk() throws(NetConvError) -> [UInt8]? {
    try withExtendedLifetime(file) { () throws(NetConvError) in try reader.nextChunk() }
  }
}
#endif
