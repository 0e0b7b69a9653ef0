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

#if !hasFeature(Embedded)
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
  ///   - chunkSize: How many bytes one `read(2)` asks for.
  public init(descriptor: Int32, name: String, chunkSize: Int = 1 << 16) {
    self.descriptor = descriptor
    self.name = name
    self.chunkSize = max(1, chunkSize)
  }

  public mutating func nextChunk() throws(NetConvError) -> [UInt8]? {
    while true {
      var failure: Int32 = 0
      // Read straight into uninitialized storage: zeroing 64 KB first would cost a pass over it.
      let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initialized in
        let count = read(descriptor, buffer.baseAddress, chunkSize)
        initialized = max(count, 0)
        if count < 0 { failure = errno }
      }
      if !chunk.isEmpty { return chunk }
      if failure == 0 { return nil }
      if failure == EINTR { continue }
      throw NetConvError.unreadable(path: name, reason: String(cString: strerror(failure)))
    }
  }
}
#endif
