/// The optional columns a net-tools header announces (`-e`, `-p`, `-o`, `-Z`).
///
/// `nil` means "not known": rows read without a header infer the columns from their shape.
struct LinuxNetstatColumns: Equatable {
  var userInode: Bool?
  var program: Bool?
  var timer: Bool?
  var securityContext: Bool?

  /// Reads the columns from an Internet-table header line such as
  /// `Proto Recv-Q Send-Q Local Address Foreign Address State User Inode PID/Program name Timer`.
  static func internet(from line: LineText, tokens: Tokens) -> LinuxNetstatColumns {
    var columns = LinuxNetstatColumns(userInode: false, program: false, timer: false, securityContext: false)
    for token in tokens.dropFirst(3) {
      let word = line.string(token)
      if LinuxNetstatVocabulary.userWords.contains(word) { columns.userInode = true }
      if LinuxNetstatVocabulary.timerWords.contains(word) { columns.timer = true }
      if word.hasPrefix("PID/") { columns.program = true }
      if word == "Security" { columns.securityContext = true }
    }
    return columns
  }

  /// Reads the columns of a UNIX-table header (`… I-Node PID/Program name Path`).
  static func unix(from line: LineText, tokens: Tokens) -> LinuxNetstatColumns {
    var columns = LinuxNetstatColumns(userInode: false, program: false, timer: false, securityContext: false)
    for token in tokens.dropFirst(3) where line.string(token).hasPrefix("PID/") { columns.program = true }
    for token in tokens.dropFirst(3) where line.string(token) == "Security" { columns.securityContext = true }
    return columns
  }
}
