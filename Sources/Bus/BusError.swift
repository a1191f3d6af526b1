/// Every failure the bus reports. Each case says what went wrong and what to do next.
public enum BusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The endpoint string could not be parsed.
    case invalidEndpoint(input: String, reason: String)
    /// Binding/listening failed because another socket owns the address.
    case addressInUse(endpoint: String)
    /// Connecting failed: nobody is listening or the address cannot be reached.
    case unreachable(endpoint: String, detail: String)
    /// A message exceeds the channel's limit (or a receive buffer is too small).
    case messageTooLarge(size: Int, limit: Int, endpoint: String)
    /// The peer went away (ZMQ heartbeat timeout, SCTP ABORT/COMM_LOST/heartbeat failure).
    case peerLost(endpoint: String, detail: String)
    /// The channel was closed locally.
    case closed(endpoint: String)
    /// A blocking operation did not complete in the given time.
    case timedOut(endpoint: String, operation: String)
    /// The operation is not valid for this channel (e.g. send on a SUB socket).
    case unsupported(endpoint: String, operation: String)
    /// CURVE keys or allow-lists are malformed.
    case security(detail: String)
    /// Any other operating-system or library error.
    case system(endpoint: String, operation: String, errno: Int32, message: String)

    public var description: String {
        switch self {
        case let .invalidEndpoint(input, reason):
            return "invalid endpoint '\(input)': \(reason). Expected one of zmq+tcp://HOST:PORT, zmq+ipc:///PATH, zmq+inproc://NAME, sctp://HOST:PORT[?streams=N&udp=PORT]."
        case let .addressInUse(endpoint):
            return "address in use: \(endpoint). Another process (or an earlier socket) owns it; pick another port/path or stop the owner."
        case let .unreachable(endpoint, detail):
            return "peer unreachable at \(endpoint): \(detail). Check that the peer is running and listening there."
        case let .messageTooLarge(size, limit, endpoint):
            return "message of \(size) bytes exceeds the limit of \(limit) bytes on \(endpoint). Raise max-message (endpoint option ?max-message=BYTES) or split the message."
        case let .peerLost(endpoint, detail):
            return "peer lost on \(endpoint): \(detail). The peer stopped or the link failed; reconnect or restart the peer."
        case let .closed(endpoint):
            return "channel \(endpoint) is closed. Open a new channel."
        case let .timedOut(endpoint, operation):
            return "\(operation) on \(endpoint) timed out. The peer may be slow or absent; retry or raise the timeout."
        case let .unsupported(endpoint, operation):
            return "\(operation) is not supported on \(endpoint)."
        case let .security(detail):
            return "security configuration error: \(detail)"
        case let .system(endpoint, operation, errno, message):
            return "\(operation) on \(endpoint) failed: \(message) (errno \(errno))."
        }
    }
}
