/// A one-to-one (SOCK_STREAM style) SCTP socket, whichever stack implements it.
///
/// Implementations: kernel SCTP through lksctp (module KernelSCTP) and user-space
/// SCTP over UDP through usrsctp (module UsrSCTP). All calls are thread-safe:
/// one thread may receive while others send; ``wake()`` interrupts a blocked wait.
public protocol SCTPSocket: AnyObject, Sendable {
    /// The stack name ("kernel" or "usrsctp").
    var stackName: String { get }
    /// Binds to an IPv4 address (host order) and port (0 = any free port).
    func bind(ipv4: UInt32, port: UInt16) throws(SCTPSocketError)
    func listen(backlog: Int32) throws(SCTPSocketError)
    /// Accepts one association; nil when the deadline passed or ``wake()`` was called.
    func accept(deadline: UInt64?) throws(SCTPSocketError) -> (any SCTPSocket)?
    /// Connects and waits until the association is up (or fails).
    /// `remoteUDPPort` is the peer's UDP encapsulation port (usrsctp only).
    func connect(ipv4: UInt32, port: UInt16, remoteUDPPort: UInt16?) throws(SCTPSocketError)
    /// Queues one whole message; blocks while the send buffer is full.
    func send(_ bytes: UnsafeRawBufferPointer, info: SCTPSendInfo) throws(SCTPSocketError)
    /// Reads the next piece of data or a notification, waiting until `deadline` (monotonic ns; nil = forever).
    func receive(into buffer: UnsafeMutableRawBufferPointer, deadline: UInt64?) throws(SCTPSocketError) -> SCTPReadResult
    /// Makes a blocked accept/receive return `.interrupted` / nil. Safe from any thread.
    func wake()
    /// A file descriptor that polls readable (POLLIN) once a receive may find data or a
    /// notification, for one thread serving many sockets with poll(2) or zmq_poll. It stays
    /// readable until ``acknowledgeReadiness()``; acknowledge first, then receive until the
    /// socket is empty, so nothing arriving in between is missed.
    var readinessDescriptor: Int32 { get }
    /// Resets ``readinessDescriptor`` (no-op where it is the socket itself).
    func acknowledgeReadiness()
    /// Local port after bind/connect.
    var localPort: UInt16 { get }
    /// Peer address (IPv4 host order, port) once associated.
    var peer: (ipv4: UInt32, port: UInt16)? { get }
    /// Graceful close (SHUTDOWN). Idempotent.
    func close()
    /// Abortive close (ABORT chunk to the peer). Idempotent.
    func abort()
}

/// How a message is sent.
public struct SCTPSendInfo: Sendable, Hashable {
    public var stream: UInt16
    /// Payload protocol identifier in host byte order.
    public var ppid: UInt32
    public var unordered: Bool
    public init(stream: UInt16, ppid: UInt32, unordered: Bool) {
        self.stream = stream
        self.ppid = ppid
        self.unordered = unordered
    }
}

/// What one receive call produced.
public enum SCTPReadResult: Sendable, Hashable {
    /// `count` bytes of a message; `complete` is false when more of the same message follows
    /// (partial delivery).
    case data(count: Int, stream: UInt16, ppid: UInt32, unordered: Bool, complete: Bool)
    case notification(SCTPNotification)
    /// The deadline passed.
    case timedOut
    /// ``SCTPSocket/wake()`` was called.
    case interrupted
    /// The association ended (EOF after SHUTDOWN).
    case ended
}

/// Association events the stacks report.
public enum SCTPNotification: Sendable, Hashable {
    case up
    case lost(reason: String)
    case restarted
    case shutdown
    case cannotStart
    case other(type: UInt16)
}

/// Tuning applied to every socket of a stack; defaults suit loopback labs.
public struct SCTPTuning: Sendable, Hashable {
    public var streams: UInt16 = 4
    public var rtoInitialMs: UInt32 = 200
    public var rtoMinMs: UInt32 = 10
    public var rtoMaxMs: UInt32 = 1000
    public var heartbeatIntervalMs: UInt32 = 1000
    public var pathMaxRetransmissions: UInt16 = 4
    public var initMaxAttempts: UInt16 = 6
    public var sendBufferBytes: Int32 = 16 << 20
    public var receiveBufferBytes: Int32 = 16 << 20
    public var noDelay = true
    /// Fixed path MTU (0 = discover). Loopback labs gain from jumbo packets.
    public var pathMTU: UInt32 = 9000
    public init() {}
}

/// A failed SCTP socket call: the operation and errno.
public struct SCTPSocketError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var errno: Int32
    public var message: String
    public init(operation: String, errno: Int32, message: String) {
        self.operation = operation
        self.errno = errno
        self.message = message
    }
    public var description: String { "\(operation): \(message) (errno \(errno))" }
}
