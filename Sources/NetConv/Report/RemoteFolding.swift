/// A program's remote ends as the first screen shows them: connections to this machine itself
/// and finished ones (TIME_WAIT) folded into one count each, the rest listed once per remote
/// end with how many connections go there.
struct RemoteFolding {
  /// The remote ends worth listing, each once, in input order, with their connection count.
  var shown: [(remote: ConnectionReport.Remote, count: Int)] = []
  /// Connections to this machine itself (loopback, or both ends of one connection).
  var thisMachine = 0
  /// Finished connections, waiting to close.
  var finished = 0

  init(_ remotes: [ConnectionReport.Remote]) {
    var index: [String: Int] = [:]
    for remote in remotes {
      if remote.state == "TIME_WAIT" {
        finished += 1
      } else if remote.toThisMachine || remote.addressClass == .loopback {
        thisMachine += 1
      } else {
        let key = "\(remote.address)|\(remote.port.map(String.init) ?? "")|\(remote.state ?? "")"
        if let at = index[key] {
          shown[at].count += 1
        } else {
          index[key] = shown.count
          shown.append((remote, 1))
        }
      }
    }
  }
}
