/// Something that happened to a channel's connection(s), surfaced next to the data.
public enum ChannelEvent: Sendable, Hashable, CustomStringConvertible {
    /// A peer connected and completed its handshake (ZMQ) / the association came up (SCTP COMM_UP).
    case up(peer: String)
    /// A peer went away: ZMQ disconnect or heartbeat timeout; SCTP COMM_LOST (ABORT or heartbeat failure).
    case lost(peer: String, reason: String)
    /// The peer shut the association down gracefully (SCTP SHUTDOWN).
    case shutdown(peer: String)
    /// A peer's security handshake failed (wrong CURVE key or not on the allow-list).
    case authenticationFailed(peer: String)
    /// The SCTP peer restarted (COMM_RESTART).
    case restarted(peer: String)

    public var description: String {
        switch self {
        case .up(let p): return "up \(p)"
        case .lost(let p, let r): return "lost \(p): \(r)"
        case .shutdown(let p): return "shutdown \(p)"
        case .authenticationFailed(let p): return "authentication failed \(p)"
        case .restarted(let p): return "restarted \(p)"
        }
    }
}

/// What a synchronous receive delivered into the caller's buffer.
public struct Received: Sendable, Hashable {
    public var count: Int
    public var info: MessageInfo
    public init(count: Int, info: MessageInfo) {
        self.count = count
        self.info = info
    }
}
