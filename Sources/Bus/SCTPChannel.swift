import SCTPSockets
import Synchronization

/// One SCTP association (one-to-one style) as a bus channel: several streams, a PPID per
/// message, ordered or unordered delivery, message boundaries kept (partial deliveries are
/// reassembled), association events surfaced, impairments and capture.
///
/// Sending is thread-safe; receiving belongs to one thread at a time.
public final class SCTPChannel: BusChannel, @unchecked Sendable {
    public let endpoint: Endpoint
    public let options: ChannelOptions
    /// "kernel" or "usrsctp".
    public var backend: String { socket.stackName }

    private let socket: any SCTPSocket
    private let capture: LinkCapture?
    private var impairer: Impairer?
    private var events: [ChannelEvent] = []
    private var stashed: [Message] = []
    private var lost: String?
    private var ended = false
    private let closed = Atomic<Bool>(false)
    private var scratch: UnsafeMutableRawBufferPointer?
    private let peerName: String

    public var isSendThreadSafe: Bool { true }

    /// Connects to an SCTP server and waits until the association is up.
    public static func connect(_ endpoint: String, configure: (inout ChannelOptions) -> Void = { _ in }) throws(BusError) -> SCTPChannel {
        let ep = try Endpoint(endpoint)
        guard ep.transport == .sctp else { throw .invalidEndpoint(input: endpoint, reason: "an SCTP channel needs an sctp:// endpoint") }
        var options = try ChannelOptions(endpoint: ep)
        configure(&options)
        let ip = try SCTPListener.ipv4(of: ep)
        let stack = try SCTPBackend.stack(preferredUDPPort: nil)
        let socket: any SCTPSocket
        do {
            socket = try stack.makeSocket(tuning: SCTPListener.tuning(options))
            // Bind the loopback address for loopback peers so the association is not multi-homed onto other interfaces.
            try socket.bind(ipv4: ip >> 24 == 127 ? 0x7F00_0001 : 0, port: 0)
        } catch {
            throw .system(endpoint: endpoint, operation: error.operation, errno: error.errno, message: error.message)
        }
        do {
            try socket.connect(ipv4: ip, port: ep.port, remoteUDPPort: options.sctpUDPPort ?? ep.port)
        } catch {
            socket.close()
            throw .unreachable(endpoint: ep.description, detail: "\(error.message)\(stack.udpEncapsulationPort != nil ? " (usrsctp: the peer's UDP encapsulation port is \(options.sctpUDPPort ?? ep.port); set ?udp=PORT if it differs)" : "")")
        }
        return try SCTPChannel(socket: socket, endpoint: ep, options: options, bound: false)
    }

    /// `writer`: a listener shares one capture file among its associations.
    init(socket: any SCTPSocket, endpoint: Endpoint, options: ChannelOptions, bound: Bool, writer shared: PcapWriter? = nil) throws(BusError) {
        self.socket = socket
        self.endpoint = endpoint
        self.options = options
        let peer = socket.peer ?? (0x7F00_0001, endpoint.port)
        peerName = "\(SCTPListener.dotted(peer.ipv4)):\(peer.port)"
        if !options.impairment.isNone { impairer = Impairer(options.impairment) }
        if let path = options.capturePath {
            let writer: PcapWriter
            if let shared { writer = shared } else { writer = try PcapWriter.forChannel(path, endpoint) }
            let localIP: UInt32 = bound ? ((try? SCTPListener.ipv4(of: endpoint)).flatMap { $0 == 0 ? nil : $0 } ?? 0x7F00_0001) : 0x7F00_0001
            capture = LinkCapture(writer: writer, encapsulation: options.captureEncapsulation ?? .sctp,
                                  local: CaptureAddress(ipv4: localIP, port: socket.localPort),
                                  remote: CaptureAddress(ipv4: peer.ipv4, port: peer.port))
        } else {
            capture = nil
        }
        events.append(.up(peer: peerName))
    }

    deinit {
        close()
        scratch?.deallocate()
    }

    // MARK: sending

    public func send(_ bytes: UnsafeRawBufferPointer, info: MessageInfo) throws(BusError) {
        if closed.load(ordering: .relaxed) { throw .closed(endpoint: endpoint.description) }
        guard bytes.count > 0 else {
            throw .unsupported(endpoint: endpoint.description, operation: "sending an empty message (SCTP DATA chunks carry at least one byte, RFC 9260 §3.3.1)")
        }
        guard bytes.count <= options.maxMessageSize else {
            throw .messageTooLarge(size: bytes.count, limit: options.maxMessageSize, endpoint: endpoint.description)
        }
        guard info.stream < options.sctpStreams else {
            throw .unsupported(endpoint: endpoint.description, operation: "send on stream \(info.stream) (the association has \(options.sctpStreams) streams; raise ?streams=)")
        }
        do {
            try socket.send(bytes, info: SCTPSendInfo(stream: info.stream, ppid: info.ppid, unordered: info.unordered))
        } catch {
            if closed.load(ordering: .relaxed) { throw .closed(endpoint: endpoint.description) }
            switch error.errno {
            case 32, 104, 107, 110: // EPIPE, ECONNRESET, ENOTCONN, ETIMEDOUT
                throw .peerLost(endpoint: endpoint.description, detail: "association with \(peerName) is gone (\(error.message))")
            case 90: // EMSGSIZE
                throw .messageTooLarge(size: bytes.count, limit: options.maxMessageSize, endpoint: endpoint.description)
            default:
                throw .system(endpoint: endpoint.description, operation: error.operation, errno: error.errno, message: error.message)
            }
        }
        capture?.record(bytes, info: info, direction: .outbound)
    }

    // MARK: receiving

    public func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Duration?) throws(BusError) -> Received? {
        if buffer.count < 256 && impairer == nil && stashed.isEmpty {
            // Too small to hold a notification: read into the channel's scratch buffer, then copy (no allocation).
            let scratch = scratchBuffer()
            guard let r = try receiveDirect(into: scratch, deadline: MonotonicClock.deadline(after: timeout)) else { return nil }
            guard r.count <= buffer.count else {
                throw .messageTooLarge(size: r.count, limit: buffer.count, endpoint: endpoint.description)
            }
            if r.count > 0 { buffer.baseAddress!.copyMemory(from: scratch.baseAddress!, byteCount: r.count) }
            return r
        }
        if impairer != nil || !stashed.isEmpty {
            guard let m = try receive(timeout: timeout) else { return nil }
            guard m.bytes.count <= buffer.count else {
                throw .messageTooLarge(size: m.bytes.count, limit: buffer.count, endpoint: endpoint.description)
            }
            m.bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            return Received(count: m.bytes.count, info: m.info)
        }
        return try receiveDirect(into: buffer, deadline: MonotonicClock.deadline(after: timeout))
    }

    public func receive(timeout: Duration?) throws(BusError) -> Message? {
        let deadline = MonotonicClock.deadline(after: timeout)
        if impairer != nil {
            // Messages read ahead by nextEvent() are impaired like any other.
            return try impairer!.receive(deadline: deadline) { (d: UInt64?) throws(BusError) -> [Message]? in
                if !self.stashed.isEmpty { return [self.stashed.removeFirst()] }
                return try self.receiveOwned(deadline: d).map { [$0] }
            }
        }
        if !stashed.isEmpty { return stashed.removeFirst() }
        return try receiveOwned(deadline: deadline)
    }

    private func receiveOwned(deadline: UInt64?) throws(BusError) -> Message? {
        let buffer = scratchBuffer()
        guard let r = try receiveDirect(into: buffer, deadline: deadline) else { return nil }
        return Message(Array(UnsafeRawBufferPointer(rebasing: buffer[0..<r.count])), info: r.info)
    }

    private func scratchBuffer() -> UnsafeMutableRawBufferPointer {
        if let s = scratch { return s }
        let s = UnsafeMutableRawBufferPointer.allocate(byteCount: options.maxMessageSize + 1, alignment: 16)
        scratch = s
        return s
    }

    /// Reads one whole message into `buffer`, reassembling partial deliveries; handles notifications.
    private func receiveDirect(into buffer: UnsafeMutableRawBufferPointer, deadline: UInt64?) throws(BusError) -> Received? {
        var offset = 0
        var overflow = false
        var total = 0
        while true {
            if closed.load(ordering: .relaxed) { throw .closed(endpoint: endpoint.description) }
            if let reason = lost {
                if offset == 0 && !overflow { throw .peerLost(endpoint: endpoint.description, detail: reason) }
                // Partial data already read stays valid only if the association is still delivering.
            }
            let target: UnsafeMutableRawBufferPointer
            if overflow || offset >= buffer.count {
                overflow = true
                target = UnsafeMutableRawBufferPointer(rebasing: scratchBuffer()[0..<min(65536, options.maxMessageSize)])
            } else {
                target = UnsafeMutableRawBufferPointer(rebasing: buffer[offset...])
            }
            let result: SCTPReadResult
            do {
                // Mid-message, the rest is already in flight: wait without a deadline.
                result = try socket.receive(into: target, deadline: offset > 0 ? nil : deadline)
            } catch {
                throw .system(endpoint: endpoint.description, operation: error.operation, errno: error.errno, message: error.message)
            }
            switch result {
            case let .data(count, stream, ppid, unordered, complete):
                total += count
                if !overflow { offset += count }
                guard complete else { continue }
                if overflow || total > options.maxMessageSize {
                    throw .messageTooLarge(size: total, limit: min(buffer.count, options.maxMessageSize), endpoint: endpoint.description)
                }
                let info = MessageInfo(stream: stream, ppid: ppid, unordered: unordered)
                capture?.record(UnsafeRawBufferPointer(rebasing: buffer[0..<offset]), info: info, direction: .inbound)
                return Received(count: offset, info: info)
            case .notification(let n):
                handle(n)
            case .timedOut, .interrupted:
                // Mid-message the rest is owed to us: keep reading rather than split the message.
                if offset == 0 && !overflow { return nil }
            case .ended:
                markShutdown()
                if offset > 0 || overflow {
                    throw .peerLost(endpoint: endpoint.description, detail: "association ended in the middle of a message")
                }
            }
        }
    }

    private func handle(_ n: SCTPNotification) {
        switch n {
        case .up: break
        case .lost(let reason):
            lost = reason
            events.append(.lost(peer: peerName, reason: reason))
        case .restarted: events.append(.restarted(peer: peerName))
        case .shutdown:
            markShutdown()
        case .cannotStart:
            lost = "the association could not be established"
            events.append(.lost(peer: peerName, reason: "could not start"))
        case .other: break
        }
    }

    /// Graceful end (SHUTDOWN or EOF). After COMM_LOST the end is already reported as lost.
    private func markShutdown() {
        guard !ended else { return }
        ended = true
        if lost == nil {
            lost = "the peer shut the association down"
            events.append(.shutdown(peer: peerName))
        }
    }

    // MARK: events

    public func nextEvent(timeout: Duration) -> ChannelEvent? {
        if events.isEmpty && lost == nil && !closed.load(ordering: .relaxed) {
            // Notifications share the socket with data: read ahead and keep any data for receive().
            let deadline = MonotonicClock.deadline(after: timeout)
            while events.isEmpty, lost == nil {
                guard let m = try? receiveOwned(deadline: deadline) else { break }
                stashed.append(m)
            }
        }
        return events.isEmpty ? nil : events.removeFirst()
    }

    public func interrupt() { socket.wake() }

    // MARK: serving many channels on one thread

    /// A descriptor for poll(2) / zmq_poll that becomes readable once ``receive(timeout:)``
    /// may return something without waiting (the socket itself on kernel SCTP, an eventfd the
    /// stack's callback writes on usrsctp). It stays readable until
    /// ``acknowledgeReadiness()``: acknowledge, then receive with a zero timeout until nil.
    public var readinessDescriptor: Int32 { socket.readinessDescriptor }
    public func acknowledgeReadiness() { socket.acknowledgeReadiness() }
    /// True when the channel holds messages the descriptor cannot announce (read ahead by
    /// ``nextEvent(timeout:)``, or delayed by an impairment): poll again soon, not forever.
    public var isHoldingInput: Bool { !stashed.isEmpty || (impairer?.isHolding ?? false) }

    /// Closes gracefully (SCTP SHUTDOWN).
    public func close() {
        guard !closed.exchange(true, ordering: .relaxed) else { return }
        socket.close()
        capture?.writer.flush()
    }

    /// Closes abortively (SCTP ABORT): the peer sees the association lost at once.
    public func abort() {
        guard !closed.exchange(true, ordering: .relaxed) else { return }
        socket.abort()
        capture?.writer.flush()
    }
}
