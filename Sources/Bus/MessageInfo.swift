/// Per-message metadata carried next to the bytes.
///
/// SCTP uses `stream`, `ppid` and `unordered` on the wire; ZeroMQ uses `more`
/// (another frame of the same multipart message follows). Fields a transport
/// does not carry are left at their defaults on receive.
public struct MessageInfo: Sendable, Hashable {
    /// SCTP stream identifier (0 on ZeroMQ).
    public var stream: UInt16
    /// SCTP payload protocol identifier, host byte order (e.g. 62 = F1AP, 70 = E2AP).
    public var ppid: UInt32
    /// SCTP unordered delivery (U bit).
    public var unordered: Bool
    /// ZeroMQ: more frames of the same multipart message follow.
    public var more: Bool
    /// ZeroMQ: fail with `timedOut` at once instead of waiting when the message cannot be queued
    /// (no peer, or the peer's queue is full), whatever the channel's send timeout.
    public var dontWait: Bool

    public init(stream: UInt16 = 0, ppid: UInt32 = 0, unordered: Bool = false, more: Bool = false, dontWait: Bool = false) {
        self.stream = stream
        self.ppid = ppid
        self.unordered = unordered
        self.more = more
        self.dontWait = dontWait
    }

    public static let none = MessageInfo()
}

/// A received or to-be-sent message that owns its bytes (the convenient, allocating path).
public struct Message: Sendable, Hashable {
    public var bytes: [UInt8]
    public var info: MessageInfo

    public init(_ bytes: [UInt8], info: MessageInfo = .none) {
        self.bytes = bytes
        self.info = info
    }
}
