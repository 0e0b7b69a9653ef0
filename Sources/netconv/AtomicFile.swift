#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output file written under a temporary name in its folder and renamed into place when
/// complete, so a failed or interrupted run never leaves a half-written file, and an input
/// that gives nothing leaves no file at all.
///
/// The temporary files of a run are removed when it is interrupted (SIGINT, SIGTERM, SIGHUP).
final class AtomicFile {
  /// The descriptor to write to.
  let descriptor: Int32
  /// The path the file gets once committed.
  let path: String
  private let temporary: String
  private var slot: Int?

  /// Creates the temporary file beside `path`.
  ///
  /// - Throws: The `errno` of the failure, for the message.
  init(path: String) throws(Errno) {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array((folder + "." + name + ".netconv-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw Errno(errno) }
    // mkstemp creates the file 0600; an output file gets the usual 0666 less the umask.
    let mask = umask(0)
    umask(mask)
    fchmod(descriptor, 0o666 & ~mask)
    self.descriptor = descriptor
    self.path = path
    self.temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    self.slot = PendingFiles.register(temporary)
  }

  /// Closes the file and renames it into place.
  ///
  /// - Throws: The `errno` of the failure (the temporary file is then removed).
  func commit() throws(Errno) {
    defer { release() }
    if close(descriptor) != 0 || rename(temporary, path) != 0 {
      let failure = Errno(errno)
      unlink(temporary)
      throw failure
    }
  }

  /// Closes and removes the file: nothing is left behind.
  func abandon() {
    close(descriptor)
    unlink(temporary)
    release()
  }

  private func release() {
    if let slot { PendingFiles.unregister(slot) }
    slot = nil
  }
}

/// An `errno` value with the system's message.
struct Errno: Error, CustomStringConvertible {
  var code: Int32
  init(_ code: Int32) { self.code = code }
  var description: String { String(cString: strerror(code)) }
}

/// The temporary files being written, as C strings a signal handler can unlink.
private enum PendingFiles {
  static let capacity = 1024
  nonisolated(unsafe) static let paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
  nonisolated(unsafe) static var installed = false
  nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
    let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(lock, nil)
    return lock
  }()

  static func register(_ path: String) -> Int? {
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    if !installed {
      paths.initialize(repeating: nil, count: capacity)
      for signal in [SIGINT, SIGTERM, SIGHUP] {
        Glibc.signal(signal) { received in
          for index in 0..<PendingFiles.capacity { if let path = PendingFiles.paths[index] { unlink(path) } }
          Glibc.signal(received, SIG_DFL)
          raise(received)
        }
      }
      installed = true
    }
    guard let index = (0..<capacity).first(where: { paths[$0] == nil }) else { return nil }
    paths[index] = strdup(path)
    return index
  }

  static func unregister(_ index: Int) {
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    let path = paths[index]
    paths[index] = nil
    free(path)
  }
}
