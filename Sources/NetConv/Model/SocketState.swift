/// The canonical connection state, the same words for every dialect and language.
///
/// The text the input showed (`ABHÖREN`, `ESTAB`, `OUÇA`, `7`) is kept next to it in
/// ``Socket/stateRaw``; a word netconv does not know becomes ``unknown`` with a diagnostic.
public enum SocketState: String, Codable, Sendable, CaseIterable {
  case listen = "LISTEN"
  case synSent = "SYN_SENT"
  case synReceived = "SYN_RECEIVED"
  case established = "ESTABLISHED"
  case finWait1 = "FIN_WAIT_1"
  case finWait2 = "FIN_WAIT_2"
  case closeWait = "CLOSE_WAIT"
  case closing = "CLOSING"
  case lastAck = "LAST_ACK"
  case timeWait = "TIME_WAIT"
  case closed = "CLOSED"
  case bound = "BOUND"
  case unknown = "UNKNOWN"
}
