/// The canonical connection state, the same words for every dialect and language.
///
/// The text the input showed (`ABHÖREN`, `ESTAB`, `OUÇA`, `7`) is kept next to it in
/// ``Socket/stateRaw``; a word netconv does not know becomes ``unknown`` with a diagnostic.
public enum SocketState: String, Sendable, CaseIterable {
  /// Waiting for connections (`LISTEN`, `LISTENING`, `ABHÖREN`, ss `LISTEN`).
  case listen = "LISTEN"
  /// Connecting: the first packet is sent, no answer yet.
  case synSent = "SYN_SENT"
  /// An incoming connection half set up (`SYN_RECV`).
  case synReceived = "SYN_RECEIVED"
  /// Connected (`ESTAB`, `HERGESTELLT`).
  case established = "ESTABLISHED"
  /// Closing: this end has sent its close.
  case finWait1 = "FIN_WAIT_1"
  /// Closing: the close was acknowledged, waiting for the peer's.
  case finWait2 = "FIN_WAIT_2"
  /// The peer closed; this program has not closed its end yet.
  case closeWait = "CLOSE_WAIT"
  /// Both ends closed at once.
  case closing = "CLOSING"
  /// Closing: waiting for the acknowledgement of this end's close.
  case lastAck = "LAST_ACK"
  /// Closed; kept a while to catch stray packets.
  case timeWait = "TIME_WAIT"
  /// Closed (`CLOSE` in net-tools, `UNCONN` is no state).
  case closed = "CLOSED"
  /// Bound to an address but neither listening nor connected (Windows `BOUND`).
  case bound = "BOUND"
  /// A state word netconv does not know; `state_raw` keeps it and a diagnostic says so.
  case unknown = "UNKNOWN"
}

#if !hasFeature(Embedded)
extension SocketState: Codable {}
#endif
