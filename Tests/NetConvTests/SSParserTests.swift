import Foundation
import NetConv
import Testing

/// Row-level behaviour of the ss parser, one shape per test.
@Suite struct SSParserTests {
  private func records(_ text: String) -> [Socket] {
    TestSupport.parse(text).records
  }

  @Test func unconnIsNullForUDPAndClosedForTCP() {
    let text = "udp UNCONN 0 0 127.0.0.1:6353 0.0.0.0:*\ntcp UNCONN 0 0 127.0.0.1:7 0.0.0.0:*\n"
    #expect(records(text).map(\.state) == [nil, .closed])
    #expect(records(text).map(\.stateRaw) == ["UNCONN", "UNCONN"])
  }

  @Test func interfaceBeforeThePortGoesToItsOwnField() throws {
    let socket = try #require(records("udp UNCONN 0 0 127.0.0.53%lo:53 0.0.0.0:*\n").first)
    #expect(socket.local == Endpoint(address: "127.0.0.53", port: 53, interface: "lo"))
    let scoped = try #require(records("udp UNCONN 0 0 [fe80::1]%eth0:123 [::]:*\n").first)
    #expect(scoped.local == Endpoint(address: "fe80::1", port: 123, interface: "eth0"))
    #expect(scoped.family == .ipv6)
  }

  @Test func ownerNamesWithQuotesCommasAndParentheses() throws {
    let row = #"tcp LISTEN 0 128 127.0.0.1:9443 0.0.0.0:* users:(("ch"ld, (worker",pid=25926,fd=3),("multi owner",pid=25884,fd=3))"#
    let socket = try #require(records(row + "\n").first)
    #expect(socket.owners.map(\.process) == [#"ch"ld, (worker"#, "multi owner"])
    #expect(socket.owners.map(\.pid) == [25926, 25884])
    #expect(socket.pid == 25926)
  }

  @Test func detailsAreSortedByKeyAndALaterValueWins() throws {
    let text = "tcp ESTAB 0 0 127.0.0.1:1 127.0.0.1:2 sk:1 cgroup:/ ino:7\n\t bbr rtt:0.1/0.05 sk:2 cwnd:10 wscale:7,7 sndbuf_limited_long_key:1\n"
    let socket = try #require(records(text).first)
    #expect(socket.details.map(\.key) == ["cgroup", "congestion_control", "cwnd", "rtt", "sk", "sndbuf_limited_long_key", "wscale"])
    #expect(socket.details.first { $0.key == "sk" }?.value == "2")
    #expect(socket.details.first { $0.key == "congestion_control" }?.value == "bbr")
    #expect(socket.inode == 7)
  }

  /// `-i` shows the algorithm's name alone and, for bbr, its values as `bbr:(…)`: both are kept.
  @Test func theCongestionControlNameSurvivesItsValues() throws {
    let text = "tcp ESTAB 0 0 127.0.0.1:1 127.0.0.1:2\n\t bbr wscale:7,7 bbr:(bw:0bps,mrtt:0.023) cwnd:10\n"
    let socket = try #require(records(text).first)
    #expect(socket.details.first { $0.key == "congestion_control" }?.value == "bbr")
    #expect(socket.details.first { $0.key == "bbr" }?.value == "bw:0bps,mrtt:0.023")
    let cubic = try #require(records("tcp ESTAB 0 0 127.0.0.1:1 127.0.0.1:2\n\t cubic ts sack cwnd:10\n").first)
    #expect(cubic.details.first { $0.key == "congestion_control" }?.value == "cubic")
    #expect(cubic.details.first { $0.key == "ts" }?.value == "true")
  }

  @Test func detailsAreSortedInEveryRecordWhenKeyOrdersChange() {
    // The order found for one record is reused for the next with the same keys in the same
    // order; these rows change the order, the keys and their first eight bytes between rows.
    let keyLists = [
      ["rtt", "cwnd", "bbr"], ["rtt", "cwnd", "bbr"], ["cwnd", "rtt", "bbr"], ["rtt", "cwnd", "bbr", "ato"],
      ["data_segs_out", "data_segs_in", "ato"], ["data_segs_out", "data_segs_in", "ato"],
      ["data_segs_in", "zz"], ["data_segs_out", "zz"], ["zz", "data_segs_out"], ["rtt", "rtt", "ato"],
    ]
    var text = ""
    for (index, keys) in keyLists.enumerated() {
      text += "tcp ESTAB 0 0 127.0.0.1:\(index + 1) 127.0.0.1:2\n\t" + keys.enumerated().map { "\($1):\($0)" }.joined(separator: " ") + "\n"
    }
    let sockets = records(text)
    #expect(sockets.count == keyLists.count)
    for (socket, keys) in zip(sockets, keyLists) {
      #expect(socket.details.map(\.key) == Array(Set(keys)).sorted(), "\(keys)")
      for key in Set(keys) {
        #expect(socket.details.first { $0.key == key }?.value == String(keys.lastIndex(of: key)!), "\(keys) \(key)")
      }
    }
  }

  @Test func oldOwnerFormatWithoutLabels() throws {
    let socket = try #require(records(#"LISTEN 0 128 *:22 *:* users:(("sshd",1234,3))"# + "\n").first)
    #expect(socket.owners == [SocketOwner(process: "sshd", pid: 1234, fd: 3)])
    #expect(socket.local.address == "*")
    #expect(!socket.hasPeer)
  }

  @Test func unixRowsKeepPathInodeAndPeerInode() throws {
    let socket = try #require(records("u_str ESTAB 0 0 /run/dbus/system_bus_socket 28391 * 28390\n").first)
    #expect(socket.protocol == "unix")
    #expect(socket.socketType == "stream")
    #expect(socket.local.address == "/run/dbus/system_bus_socket")
    #expect(socket.inode == 28391)
    #expect(socket.details == [SocketDetail(key: "peer_inode", value: "28390")])
  }

  @Test func aUsersPartOnItsOwnLineJoinsTheRowAbove() {
    let text = "tcp LISTEN 0 5 127.0.0.1:8765 0.0.0.0:*\n  users:((\"python3\",pid=4003,fd=3))\ntcp LISTEN 0 5 127.0.0.1:8766 0.0.0.0:*\n"
    let result = TestSupport.parse(text)
    #expect(result.records.count == 2)
    #expect(result.records.first?.process == "python3")
    #expect(result.summary.count(.continuation) == 1)
  }

  @Test func protocolOfATableWithoutNetidComesFromThePrompt() {
    let udp = TestSupport.parse("$ ss -ulnp\nState Recv-Q Send-Q Local Address:Port Peer Address:Port\nUNCONN 0 0 127.0.0.1:53 0.0.0.0:*\n")
    #expect(udp.records.map(\.protocol) == ["udp"])
    let guessed = TestSupport.parse("State Recv-Q Send-Q Local Address:Port Peer Address:Port\nLISTEN 0 5 127.0.0.1:22 0.0.0.0:*\n")
    #expect(guessed.records.map(\.protocol) == ["tcp"])
    #expect(guessed.diagnostics.map(\.kind) == [.inferredProtocol])
  }

  @Test func summaryGivesNoRecords() {
    let result = TestSupport.parse("Total: 32\nTCP:   7 (estab 3, closed 1, orphaned 0, timewait 1)\n\nTransport Total     IP        IPv6\nRAW\t  0         0         0\n")
    #expect(result.records.isEmpty)
    #expect(result.summary.count(.skipped) == 4)
    #expect(result.error == nil)
  }
}

/// Owner variants of newer and older ss versions.
@Suite struct SSOwnerVariantTests {
  @Test func selinuxContextsAndThreadIdsAreRead() throws {
    let row = #"tcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=812,tid=812,proc_ctx=system_u:system_r:sshd_t:s0-s0:c0.c1023,fd=3))"#
    let socket = try #require(TestSupport.parse(row + "\n").records.first)
    #expect(socket.owners == [SocketOwner(process: "sshd", pid: 812, fd: 3, tid: 812)])
  }

  @Test func aKilledSocketListingReadsLikeAnyOther() throws {
    // ss -K prints the sockets it closed in the usual layout.
    let text = "$ sudo ss -K dst 203.0.113.7\nNetid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\ntcp   ESTAB 0      0          10.0.0.5:22    203.0.113.7:51522\n"
    let result = TestSupport.parse(text)
    #expect(result.records.map(\.remote.address) == ["203.0.113.7"])
    #expect(result.summary.count(.unrecognized) == 0)
  }

  /// An ss command named in a long line of prose is read with the next line when a wrap may
  /// have cut it (`… do ss -` + `nu; sleep 1; done` selects udp), but a sentence after a whole
  /// command (`… ss -tn` + `and it printed:`) does not take away the protocol it selects.
  @Test(arguments: [
    ("I ran this in a loop to watch the DNS traffic: while true; do ss -", "nu; sleep 1; done", "udp"),
    ("I ran this in a loop to watch the DNS traffic: while true; do s", "s -nu; sleep 1; done", "udp"),
    ("To see what my web server talks to I typed the command ss -tn", "and it printed this", "tcp"),
  ])
  func aCommandInProseIsReadAcrossAWrap(_ first: String, _ second: String, _ expected: String) {
    let table = "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\nUNCONN 0      0      10.0.0.4:41000     10.0.0.9:53\n"
    let result = TestSupport.parse(first + "\n" + second + "\n" + table)
    #expect(result.records.map(\.protocol) == [expected])
    #expect(result.records.first?.inferred.isEmpty == true)
  }
}
