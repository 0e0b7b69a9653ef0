/// What the report knows about programs, ports and providers, generated from `Grammar/report/`.
enum ReportKnowledge {
  /// A remote-access tool: its name, the process names it runs under, its default ports.
  struct RemoteAccessTool: Sendable {
    let name: String
    let processPrefixes: [String]
    let ports: [Int]
    /// Ports its outgoing connections go to that no common service uses.
    let relayPorts: [Int]
    /// Host-name suffixes of its relays (`.net.anydesk.com`).
    let relayHostSuffixes: [String]
  }

  /// A remote port worth a question when this machine connects out to it.
  struct OddPort: Sendable {
    let port: Int
    /// What it is known for.
    let what: String
    /// Its legitimate uses, so the finding asks and never accuses.
    let also: String
  }

  /// A port whose listener lets someone in from outside (RDP, VNC, …).
  struct InboundPort: Sendable {
    let port: Int
    let name: String
  }

  /// A well-known system process: what it is and the ports it usually listens on.
  struct SystemProcess: Sendable {
    let name: String
    let what: String
    let ports: [Int]
  }

  /// A provider recognised by its host names or its published address ranges.
  struct Provider: Sendable {
    let name: String
    /// Domains whose names (and subdomains) are the provider's: `1e100.net`.
    let domains: [String]
    /// Patterns for the first label of a name (see ``HostPattern``): `*-in-f#`.
    let hostPatterns: [String]
    /// CIDR blocks, IPv4 and IPv6.
    let ranges: [String]
  }

  /// Real programs whose names look like typos of others (`iexplore`, `sihost`, `dhclient3`).
  static let realPrograms: Set<String> = Set(realProgramTable)

  /// The remote-access tool a process name belongs to.
  static func remoteAccessTool(forProcess process: String) -> String? {
    let name = normalized(process)
    return remoteAccessTools.first { tool in tool.processPrefixes.contains { name.hasPrefix($0) } }?.name
  }

  /// The remote-access tool that uses `port` by default.
  static func remoteAccessTool(forPort port: Int) -> String? {
    remoteAccessTools.first { $0.ports.contains(port) }?.name
  }

  /// The remote-access tool whose relays listen on `port` (TeamViewer 5938, AnyDesk 6568) or
  /// are named like `host` (`relay-4a1b2c3d.net.anydesk.com`): an outgoing connection there is
  /// most likely that tool. Ports that tools share with everything else (443, 80) are never listed.
  static func remoteAccessToolRelay(port: Int?, host: String?) -> String? {
    let host = host?.lowercased()
    return remoteAccessTools.first { tool in
      port.map { tool.relayPorts.contains($0) } == true
        || host.map { host in tool.relayHostSuffixes.contains { host.hasSuffix($0) } } == true
    }?.name
  }

  /// The login service behind a local port (SSH, RDP, VNC, ARD), if it is one.
  static func remoteLogin(port: Int) -> String? {
    remoteLoginPorts.first { $0.port == port }?.name
  }

  /// What a remote port is known for, if it is worth a question.
  static func oddPort(_ port: Int) -> OddPort? {
    oddPorts.first { $0.port == port }
  }

  /// What a listening port lets in from outside (RDP, VNC, …).
  static func inboundService(port: Int) -> String? {
    inboundPorts.first { $0.port == port }?.name
  }

  /// The well-known system process `process` is, with what it does and its usual ports.
  ///
  /// Linux names carry an argument after the program (`sshd: /usr/sbin`, `nginx: master`,
  /// `avahi-daemon: r`, `redis-server *`): the part before `:` or a space is looked up too.
  static func systemProcess(_ process: String) -> SystemProcess? {
    let name = process.lowercased()
    let stem = String(name.prefix { $0 != ":" && $0 != " " })
    return systemProcesses.first { $0.name.lowercased() == name } ?? systemProcesses.first { $0.name.lowercased() == stem }
  }

  /// The well-known process `process` imitates (`svch0st.exe` → `svchost.exe`), if any: a name
  /// one or two edits away, or equal once look-alike characters (0/o, 1/l/i, rn/m) are folded,
  /// that is not the process itself.
  static func imitatedProcess(_ process: String) -> String? {
    let name = String(process.lowercased().prefix { $0 != ":" && $0 != " " })
    guard systemProcess(process) == nil, name.count >= 6, !realPrograms.contains(normalized(process)) else { return nil }
    for known in systemProcesses.map({ $0.name }) where known.count >= 8 {
      let target = known.lowercased()
      if fold(name) == fold(target) || editDistance(name, target, limit: 2) <= (target.count >= 11 ? 2 : 1) {
        return known
      }
    }
    return nil
  }

  /// The provider an address or host name belongs to: a literal address by the longest
  /// published block that holds it (`2a00:1450:4001::5` → Google), a name by its domain or the
  /// pattern of its first label (`rio09s05-in-f10` → Google, never `server-nas` → Amazon).
  static func provider(for address: String) -> String? {
    if let number = IPAddressNumber(address) { return provider(for: number) }
    return provider(forName: address)
  }

  /// The provider a host name belongs to, by domain or first-label pattern.
  static func provider(forName host: String) -> String? {
    let name = host.lowercased()
    let label = name.prefix { $0 != "." }
    return providers.first { provider in
      provider.domains.contains { name == $0 || name.hasSuffix("." + $0) }
        || provider.hostPatterns.contains { HostPattern.matches($0, label) }
    }?.name
  }

  /// The provider whose published block holds `address`; the longest block wins.
  static func provider(for address: IPAddressNumber) -> String? {
    var best: (length: Int, name: String)?
    for (range, name) in providerRanges where range.prefixLength > (best?.length ?? -1) && range.contains(address) {
      best = (range.prefixLength, name)
    }
    return best?.name
  }

  /// Every provider block, parsed once (a malformed one is caught by a test, never here).
  static let providerRanges: [(IPAddressRange, String)] = providers.flatMap { provider in
    provider.ranges.compactMap { cidr in IPAddressRange(cidr: cidr).map { ($0, provider.name) } }
  }

  private static func normalized(_ process: String) -> String {
    var name = process.lowercased()
    if name.hasSuffix(".exe") { name.removeLast(4) }
    return name
  }

  private static func fold(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "0": out.append("o")
      case "1", "l", "i", "!", "|": out.append("l")
      case "5": out.append("s")
      default: out.append(character)
      }
    }
    return out.replacingText("rn", with: "m")
  }

  /// The Levenshtein distance, with adjacent swaps counting one (`scvhost` ↔ `svchost`),
  /// stopping early past `limit`.
  static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard abs(a.count - b.count) <= limit else { return limit + 1 }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(1, a.count) where !a.isEmpty {
      current[0] = i
      for j in 1...max(1, b.count) where !b.isEmpty {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return a.isEmpty ? b.count : previous[b.count]
  }
}
