#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where input bytes come from, read one chunk at a time so memory stays flat.
public protocol ByteSource {
  /// Returns the next chunk of bytes, or `nil` at the end of the input.
  mutating func nextChunk() throws(NetConvError) -> [UInt8]?
}

/// A byte source over bytes already in memory.
public struct MemoryByteSource: ByteSource {
  private let bytes: [UInt8]
  private var offset = 0
  private let chunkSize: Int

  /// Creates a source that hands out `bytes` in chunks of `chunkSize`.
  public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
    self.bytes = bytes
    self.chunkSize = max(1, chunkSize)
  }

  public mutating func nextChunk() throws(NetConvError) -> [UInt8]? {
    guard offset < bytes.count else { return nil }
    let end = min(bytes.count, offset + chunkSize)
    defer { offset = end }
    return Array(bytes[offset..<end])
  }
}

/// A byte source reading a file descriptor with `read(2)`: a file, a pipe or standard input.
public struct FileDescriptorByteSource: ByteSource {
  private let descriptor: Int32
  private let name: String
  private let chunkSize: Int

  /// Creates a source over an open descriptor; the caller keeps ownership and closes it.
  ///
  /// - Parameters:
  ///   - descriptor: An open, readable descriptor (`0` for standard input).
  ///   - name: How error messages name the input (`-` or a path).
  public init(descriptor: Int32, name: String, chunkSize: Int = 1 << 16) {
    self.descriptor = descriptor
    self.name = name
    self.chunkSize = max(1, chunkSize)
  }

  public mutating func nextChunk() throws(NetConvError) -> [UInt8]? {
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
      if count > 0 {
        chunk.removeSubrange(count...)
        return chunk
      }
      if count == 0 { return nil }
      if errno == EINTR { continue }
      throw NetConvError.unreadable(path: name, reason: String(cString: strerror(errno)))
    }
  }
}
