internal import CZeroMQ
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A ZeroMQ socket as a bus channel: PUSH/PULL, PUB/SUB, DEALER/ROUTER, PAIR, REQ/REP;
/// multipart frames, high-water marks, zero-copy send, heartbeats, CURVE, connection events,
/// impairments and capture.
///
/// Thread confinement follows libzmq: one thread uses a channel at a time; ``interrupt()``
/// may be called from anywhere.
public final class ZMQChannel: BusChannel, @unchecked Sendable {
    public let endpoint: Endpoint
    public let options: ChannelOptions
    public let type: ZMQSocketType
    /// True when this side bound (listens), false when it connected.
    public let isBound: Bool

    private let context = ZMQContext.shared
    private var socket: UnsafeMutableRawPointer?
    private var monitor: UnsafeMutableRawPointer?
    private var wakeReceiver: UnsafeMutableRawPointer?
    private let wakeSender: Mutex<SocketPointer?>
    private let message: UnsafeMutablePointer<zmq_msg_t>
    private let pollItems: UnsafeMutablePointer<zmq_pollitem_t>
    private var events: [ChannelEvent] = []
    private var eventIndex = 0
    private var impairer: Impairer?
    private let capture: LinkCapture?
    private var curveDomain: String?
    private var isClosed = false

    public var isSendThreadSafe: Bool { false }

    /// Non-blocking receive attempts before polling (each costs ~0.1 µs); inproc only.
    private let spinLimit: Int

    // MARK: opening

    /// Binds a socket of `type` at `endpoint` (options from the URL query, overridden by `configure`).
    public static func bind(_ endpoint: String, _ type: ZMQSocketType,
                            configure: (inout ChannelOptions) -> Void = { _ in }) throws(BusError) -> ZMQChannel {
        let ep = try Endpoint(endpoint)
        var options = try ChannelOptions(endpoint: ep)
        configure(&options)
        return try ZMQChannel(endpoint: ep, type: type, options: options, bind: true)
    }

    /// Connects a socket of `type` to `endpoint`. ZeroMQ connects in the background; use
    /// ``waitForPeer(timeout:)`` to require the peer to be there.
    public static func connect(_ endpoint: String, _ type: ZMQSocketType,
                               configure: (inout ChannelOptions) -> Void = { _ in }) throws(BusError) -> ZMQChannel {
        let ep = try Endpoint(endpoint)
        var options = try ChannelOptions(endpoint: ep)
        configure(&options)
        return try ZMQChannel(endpoint: ep, type: type, options: options, bind: false)
    }

    public init(endpoint: Endpoint, type: ZMQSocketType, options: ChannelOptions, bind: Bool) throws(BusError) {
        guard endpoint.transport.isZeroMQ else {
            throw .invalidEndpoint(input: endpoint.description, reason: "a ZeroMQ channel needs a zmq+tcp, zmq+ipc or zmq+inproc endpoint")
        }
        if bind && endpoint.transport == .zmqTCP && endpoint.port == 0 {
            throw .invalidEndpoint(input: endpoint.description, reason: "bind needs an explicit port")
        }
        self.endpoint = endpoint
        self.options = options
        self.type = type
        self.isBound = bind
        spinLimit = endpoint.transport == .zmqInproc ? 32 : 0
        message = .allocate(capacity: 1)
        zmq_msg_init(message)
        pollItems = .allocate(capacity: 3)
        wakeSender = Mutex(nil)
        if let path = options.capturePath {
            capture = try Self.makeCapture(path: path, endpoint: endpoint, options: options, bound: bind)
        } else {
            capture = nil
        }
        if !options.impairment.isNone { impairer = Impairer(options.impairment) }

        guard let s = zmq_socket(context.raw, type.raw) else { throw systemError("zmq_socket") }
        socket = s
        do throws(BusError) {
            try configureSocket(s, bind: bind)
            try openMonitor(s)
            try openWakePair()
            let rc = bind ? zmq_bind(s, endpoint.zmqAddress) : zmq_connect(s, endpoint.zmqAddress)
            if rc != 0 {
                let e = zmq_errno()
                if e == EADDRINUSE { throw BusError.addressInUse(endpoint: endpoint.description) }
                if !bind && (e == ECONNREFUSED || e == EHOSTUNREACH || e == ENOENT) {
                    throw BusError.unreachable(endpoint: endpoint.description, detail: String(cString: zmq_strerror(e)))
                }
                throw systemError(bind ? "bind" : "connect", e)
            }
        } catch {
            close()
            throw error
        }
    }

    private func configureSocket(_ s: UnsafeMutableRawPointer, bind: Bool) throws(BusError) {
        try setInt(s, ZMQ_SNDHWM, options.sendHighWaterMark)
        try setInt(s, ZMQ_RCVHWM, options.receiveHighWaterMark)
        try setInt(s, ZMQ_LINGER, Int32(clamping: options.linger.nanoseconds / 1_000_000))
        var maxSize = Int64(options.maxMessageSize)
        guard zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &maxSize, 8) == 0 else { throw systemError("ZMQ_MAXMSGSIZE") }
        if let hb = options.heartbeat {
            let ms = Int32(clamping: max(1, hb.nanoseconds / 1_000_000))
            let timeout = options.heartbeatTimeout.map { Int32(clamping: max(1, $0.nanoseconds / 1_000_000)) } ?? ms &* 3
            try setInt(s, ZMQ_HEARTBEAT_IVL, ms)
            try setInt(s, ZMQ_HEARTBEAT_TIMEOUT, timeout)
            try setInt(s, ZMQ_HEARTBEAT_TTL, timeout)
        }
        if let t = options.sendTimeout { try setInt(s, ZMQ_SNDTIMEO, Int32(clamping: t.nanoseconds / 1_000_000)) }
        if type == .router { try setInt(s, ZMQ_ROUTER_MANDATORY, 1) }
        if type == .router && options.routerHandover { try setInt(s, ZMQ_ROUTER_HANDOVER, 1) }
        if let id = options.routingID {
            guard (1...255).contains(id.count), id.first != 0 else {
                throw .invalidEndpoint(input: endpoint.description, reason: "routing id must be 1 to 255 bytes, not starting with a zero byte")
            }
            let rc = id.withUnsafeBytes { zmq_setsockopt(s, ZMQ_ROUTING_ID, $0.baseAddress, $0.count) }
            guard rc == 0 else { throw systemError("ZMQ_ROUTING_ID") }
        }
        if type == .sub {
            for prefix in options.subscriptions {
                let rc = prefix.withUnsafeBytes { zmq_setsockopt(s, ZMQ_SUBSCRIBE, $0.baseAddress, $0.count) }
                guard rc == 0 else { throw systemError("ZMQ_SUBSCRIBE") }
            }
        }
        switch options.curve {
        case nil:
            break
        case let .server(keys, allowed)?:
            let domain = context.uniqueName("curve")
            curveDomain = domain
            for key in allowed ?? [] where !CurveKeyPair.isZ85Key(key) {
                throw .security(detail: "allow-list entry '\(key)' is not a 40-character Z85 public key")
            }
            guard context.registerDomain(domain, allowed: allowed) else {
                throw .security(detail: "the ZAP handler could not start (inproc://zeromq.zap.01 is taken?), so the allow-list cannot be enforced")
            }
            try setString(s, ZMQ_ZAP_DOMAIN, domain)
            try setInt(s, ZMQ_CURVE_SERVER, 1)
            try setString(s, ZMQ_CURVE_SECRETKEY, keys.secretKey)
        case let .client(keys, serverKey)?:
            guard CurveKeyPair.isZ85Key(serverKey) else { throw .security(detail: "server public key must be 40 Z85 characters") }
            try setString(s, ZMQ_CURVE_SERVERKEY, serverKey)
            try setString(s, ZMQ_CURVE_PUBLICKEY, keys.publicKey)
            try setString(s, ZMQ_CURVE_SECRETKEY, keys.secretKey)
        }
    }

    private func openMonitor(_ s: UnsafeMutableRawPointer) throws(BusError) {
        let name = "inproc://" + context.uniqueName("mon")
        let mask = ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
            | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
        guard zmq_socket_monitor(s, name, mask) == 0 else { throw systemError("zmq_socket_monitor") }
        guard let m = zmq_socket(context.raw, ZMQ_PAIR) else { throw systemError("zmq_socket") }
        monitor = m
        guard zmq_connect(m, name) == 0 else { throw systemError("monitor connect") }
    }

    private func openWakePair() throws(BusError) {
        let name = "inproc://" + context.uniqueName("wake")
        guard let r = zmq_socket(context.raw, ZMQ_PULL), let w = zmq_socket(context.raw, ZMQ_PUSH) else {
            throw systemError("zmq_socket")
        }
        wakeReceiver = r
        wakeSender.withLock { $0 = SocketPointer(raw: w) }
        guard zmq_bind(r, name) == 0, zmq_connect(w, name) == 0 else { throw systemError("wake pair") }
    }

    deinit {
        close()
        zmq_msg_close(message)
        message.deallocate()
        pollItems.deallocate()
    }

    // MARK: sending

    public func send(_ bytes: UnsafeRawBufferPointer, info: MessageInfo) throws(BusError) {
        let s = try openSocket(for: "send")
        guard bytes.count <= options.maxMessageSize else {
            throw .messageTooLarge(size: bytes.count, limit: options.maxMessageSize, endpoint: endpoint.description)
        }
        while zmq_send(s, bytes.baseAddress, bytes.count, Self.flags(info)) < 0 {
            let e = zmq_errno()
            if e == EINTR { continue }
            throw sendError(e)
        }
        capture?.record(bytes, info: info, direction: .outbound)
    }

    /// Sends `buffer` without copying it; libzmq keeps it alive until the bytes are gone.
    public func send(_ buffer: MessageBuffer, info: MessageInfo = .none) throws(BusError) {
        let s = try openSocket(for: "send")
        guard buffer.count <= options.maxMessageSize else {
            throw .messageTooLarge(size: buffer.count, limit: options.maxMessageSize, endpoint: endpoint.description)
        }
        capture?.record(UnsafeRawBufferPointer(rebasing: buffer.bytes[0..<buffer.count]), info: info, direction: .outbound)
        var msg = zmq_msg_t()
        let hint = Unmanaged.passRetained(buffer).toOpaque()
        let rc = zmq_msg_init_data(&msg, buffer.bytes.baseAddress, buffer.count, { _, hint in
            Unmanaged<MessageBuffer>.fromOpaque(hint!).release()
        }, hint)
        guard rc == 0 else {
            Unmanaged<MessageBuffer>.fromOpaque(hint).release()
            throw systemError("zmq_msg_init_data")
        }
        while zmq_msg_send(&msg, s, Self.flags(info)) < 0 {
            let e = zmq_errno()
            if e == EINTR { continue }
            zmq_msg_close(&msg)
            throw sendError(e)
        }
    }

    /// Binds this socket to one more libzmq address (e.g. `ipc:///path`): one ROUTER serving
    /// several places. Bound and connected channels alike.
    public func addBinding(_ address: String) throws(BusError) {
        let s = try openSocket(for: "bind")
        guard zmq_bind(s, address) == 0 else {
            let e = zmq_errno()
            if e == EADDRINUSE { throw .addressInUse(endpoint: address) }
            throw systemError("bind \(address)", e)
        }
    }

    private static func flags(_ info: MessageInfo) -> Int32 {
        (info.more ? ZMQ_SNDMORE : 0) | (info.dontWait ? ZMQ_DONTWAIT : 0)
    }

    /// Sends every frame of a multipart message atomically.
    public func sendMultipart(_ frames: [[UInt8]]) throws(BusError) {
        for (i, frame) in frames.enumerated() {
            try send(frame, info: MessageInfo(more: i < frames.count - 1))
        }
    }

    private func sendError(_ e: Int32) -> BusError {
        switch e {
        case EAGAIN: return .timedOut(endpoint: endpoint.description, operation: "send")
        case EHOSTUNREACH: return .unreachable(endpoint: endpoint.description, detail: "no connected peer with that routing id")
        case ENOTSUP, EFSM: return .unsupported(endpoint: endpoint.description, operation: "send on a \(type.rawValue.uppercased()) socket in this state")
        case ETERM, ENOTSOCK: return .closed(endpoint: endpoint.description)
        default: return systemError("send", e)
        }
    }

    // MARK: receiving

    public func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Duration?) throws(BusError) -> Received? {
        if impairer != nil {
            guard let m = try receive(timeout: timeout) else { return nil }
            guard m.bytes.count <= buffer.count else {
                throw .messageTooLarge(size: m.bytes.count, limit: buffer.count, endpoint: endpoint.description)
            }
            m.bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            return Received(count: m.bytes.count, info: m.info)
        }
        return try withNextMessage(timeout: timeout) { (bytes, info) throws(BusError) -> Received in
            guard bytes.count <= buffer.count else {
                throw .messageTooLarge(size: bytes.count, limit: buffer.count, endpoint: endpoint.description)
            }
            if bytes.count > 0 { buffer.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
            return Received(count: bytes.count, info: info)
        }
    }

    public func receive(timeout: Duration?) throws(BusError) -> Message? {
        if impairer != nil {
            let deadline = MonotonicClock.deadline(after: timeout)
            return try impairer!.receive(deadline: deadline) { (d: UInt64?) throws(BusError) -> [Message]? in
                try self.receiveUnit(deadline: d)
            }
        }
        return try withNextMessage(timeout: timeout) { bytes, info in Message(Array(bytes), info: info) }
    }

    /// All frames of the next multipart message (the first frame is the routing id on ROUTER).
    public func receiveMultipart(timeout: Duration?) throws(BusError) -> [[UInt8]]? {
        guard let first = try receive(timeout: timeout) else { return nil }
        var frames = [first.bytes]
        var more = first.info.more
        while more {
            guard let next = try receive(timeout: nil) else { break }
            frames.append(next.bytes)
            more = next.info.more
        }
        return frames
    }

    /// Reads the next message in place, without copying it (zero-copy receive). The bytes are valid
    /// only inside `body`. With impairments configured the message comes from the impairment queue
    /// (already copied).
    public func withNextMessage<R>(timeout: Duration?, _ body: (UnsafeRawBufferPointer, MessageInfo) throws(BusError) -> R) throws(BusError) -> R? {
        if impairer != nil {
            guard let m = try receive(timeout: timeout) else { return nil }
            return try withBytes(m.bytes) { (b: UnsafeRawBufferPointer) throws(BusError) -> R in try body(b, m.info) }
        }
        guard try receiveRaw(deadline: MonotonicClock.deadline(after: timeout)) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: zmq_msg_data(message), count: zmq_msg_size(message))
        let info = MessageInfo(more: zmq_msg_more(message) != 0)
        capture?.record(bytes, info: info, direction: .inbound)
        // Give the message back at once: a zero-copy sender's buffer is released without waiting for the next receive.
        defer {
            zmq_msg_close(message)
            zmq_msg_init(message)
        }
        return try body(bytes, info)
    }

    /// One whole multipart unit from the socket, for the impairment queue.
    private func receiveUnit(deadline: UInt64?) throws(BusError) -> [Message]? {
        var frames: [Message] = []
        guard try receiveRaw(deadline: deadline) else { return nil }
        while true {
            let bytes = UnsafeRawBufferPointer(start: zmq_msg_data(message), count: zmq_msg_size(message))
            let info = MessageInfo(more: zmq_msg_more(message) != 0)
            capture?.record(bytes, info: info, direction: .inbound)
            frames.append(Message(Array(bytes), info: info))
            if !info.more { return frames }
            // Remaining frames of a multipart message arrive together with the first.
            _ = try receiveRaw(deadline: nil)
        }
    }

    /// Receives into `message`. False on timeout or interrupt.
    private func receiveRaw(deadline: UInt64?) throws(BusError) -> Bool {
        let s = try openSocket(for: "receive")
        guard type.canReceive else { throw .unsupported(endpoint: endpoint.description, operation: "receive on a \(type.rawValue.uppercased()) socket") }
        var spins = 0
        while true {
            if zmq_msg_recv(message, s, ZMQ_DONTWAIT) >= 0 { return true }
            let e = zmq_errno()
            if e == EINTR { continue }
            guard e == EAGAIN else {
                if e == ETERM || e == ENOTSOCK { throw .closed(endpoint: endpoint.description) }
                throw systemError("receive", e)
            }
            // inproc: a message is often microseconds away, so retry briefly before paying for
            // zmq_poll over three sockets (data, monitor, wake) and a sleep. Not for tcp/ipc:
            // there the spin would steal the core libzmq's I/O thread needs.
            if spins < spinLimit {
                spins += 1
                continue
            }
            spins = 0
            let ready = try poll(deadline: deadline, includeSocket: true)
            if !ready { return false }
        }
    }

    /// Waits until the data socket is readable (true) or the deadline passes / an interrupt
    /// arrives (false); connection events seen meanwhile are queued.
    private func poll(deadline: UInt64?, includeSocket: Bool) throws(BusError) -> Bool {
        while true {
            var timeoutMs: Int = -1
            if let d = deadline {
                let now = MonotonicClock.now()
                if now >= d { return false }
                timeoutMs = Int((d - now + 999_999) / 1_000_000)
            }
            pollItems[0] = zmq_pollitem_t(socket: monitor, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
            pollItems[1] = zmq_pollitem_t(socket: wakeReceiver, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
            pollItems[2] = zmq_pollitem_t(socket: socket, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
            let rc = zmq_poll(pollItems, includeSocket ? 3 : 2, timeoutMs)
            if rc < 0 {
                let e = zmq_errno()
                if e == EINTR { continue }
                if e == ETERM { throw .closed(endpoint: endpoint.description) }
                throw systemError("zmq_poll", e)
            }
            if pollItems[0].revents != 0 { drainMonitor() }
            if pollItems[1].revents != 0 {
                drainWake()
                return false
            }
            if includeSocket && pollItems[2].revents != 0 { return true }
            if !includeSocket && eventIndex < events.count { return true }
        }
    }

    /// Waits until this socket has input, one of `descriptors` (file descriptors, e.g. SCTP
    /// ``SCTPChannel/readinessDescriptor``s) is readable, ``interrupt()`` is called or `timeout`
    /// passes, for a thread that serves this socket and those descriptors together. Returns the
    /// readable descriptors; read this socket with a zero timeout afterwards whatever it returns.
    public func waitForInput(watching descriptors: [Int32], timeout: Duration?) throws(BusError) -> [Int32] {
        let s = try openSocket(for: "receive")
        var deadline = MonotonicClock.deadline(after: timeout)
        if impairer != nil {
            // Delayed messages are not announced by the socket: look again within a millisecond.
            let soon = MonotonicClock.now() + 1_000_000
            deadline = min(deadline ?? soon, soon)
        }
        var items = [zmq_pollitem_t](repeating: zmq_pollitem_t(), count: 3 + descriptors.count)
        while true {
            var timeoutMs: Int = -1
            if let d = deadline {
                let now = MonotonicClock.now()
                timeoutMs = now >= d ? 0 : Int((d - now + 999_999) / 1_000_000)
            }
            items[0] = zmq_pollitem_t(socket: monitor, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
            items[1] = zmq_pollitem_t(socket: wakeReceiver, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
            items[2] = zmq_pollitem_t(socket: s, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
            for (i, fd) in descriptors.enumerated() {
                items[3 + i] = zmq_pollitem_t(socket: nil, fd: fd, events: Int16(ZMQ_POLLIN), revents: 0)
            }
            let rc = items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32($0.count), timeoutMs) }
            if rc < 0 {
                let e = zmq_errno()
                if e == EINTR { continue }
                if e == ETERM { throw .closed(endpoint: endpoint.description) }
                throw systemError("zmq_poll", e)
            }
            if items[0].revents != 0 { drainMonitor() }
            if items[1].revents != 0 { drainWake() }
            var ready: [Int32] = []
            for (i, fd) in descriptors.enumerated() where items[3 + i].revents != 0 { ready.append(fd) }
            if rc == 0 || items[1].revents != 0 || items[2].revents != 0 || !ready.isEmpty { return ready }
        }
    }

    // MARK: events

    public func nextEvent(timeout: Duration) -> ChannelEvent? {
        if eventIndex >= events.count, !isClosed {
            drainMonitor()
            if eventIndex >= events.count, timeout > .zero {
                _ = try? poll(deadline: MonotonicClock.deadline(after: timeout), includeSocket: false)
            }
        }
        guard eventIndex < events.count else { return nil }
        defer {
            eventIndex += 1
            if eventIndex == events.count { events.removeAll(keepingCapacity: true); eventIndex = 0 }
        }
        return events[eventIndex]
    }

    /// Waits until a peer has connected and completed the handshake (including CURVE).
    /// Throws ``BusError/unreachable(endpoint:detail:)`` after `timeout`.
    public func waitForPeer(timeout: Duration) throws(BusError) {
        var authFailed = false
        let up = waitForEvent(timeout: timeout) { event in
            if case .authenticationFailed = event { authFailed = true }
            if case .up = event { return true }
            return false
        }
        if up == nil {
            throw .unreachable(endpoint: endpoint.description, detail: authFailed
                ? "the security handshake was refused (wrong CURVE keys or not on the allow-list)"
                : "no peer completed a handshake within \(timeout)")
        }
    }

    private func drainMonitor() {
        guard let m = monitor else { return }
        var frame = zmq_msg_t()
        zmq_msg_init(&frame)
        defer { zmq_msg_close(&frame) }
        while zmq_msg_recv(&frame, m, ZMQ_DONTWAIT) >= 0 {
            var event: UInt16 = 0
            if zmq_msg_size(&frame) >= 6 { memcpy(&event, zmq_msg_data(&frame), 2) }
            guard zmq_msg_more(&frame) != 0, zmq_msg_recv(&frame, m, 0) >= 0 else { continue }
            let peer = String(decoding: UnsafeRawBufferPointer(start: zmq_msg_data(&frame), count: zmq_msg_size(&frame)), as: UTF8.self)
            switch Int32(event) {
            case ZMQ_EVENT_HANDSHAKE_SUCCEEDED: events.append(.up(peer: peer))
            case ZMQ_EVENT_DISCONNECTED: events.append(.lost(peer: peer, reason: "disconnected (peer closed, crashed, or missed heartbeats)"))
            case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH: events.append(.authenticationFailed(peer: peer))
            case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL, ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL:
                events.append(options.curve == nil ? .lost(peer: peer, reason: "handshake failed") : .authenticationFailed(peer: peer))
            default: break
            }
        }
    }

    private func drainWake() {
        guard let r = wakeReceiver else { return }
        var b: UInt8 = 0
        while zmq_recv(r, &b, 1, ZMQ_DONTWAIT) >= 0 {}
    }

    public func interrupt() {
        wakeSender.withLock { w in
            guard let w else { return }
            var b: UInt8 = 1
            _ = zmq_send(w.raw, &b, 1, ZMQ_DONTWAIT)
        }
    }

    // MARK: closing

    public func close() {
        if isClosed { return }
        isClosed = true
        if let s = socket {
            zmq_socket_monitor(s, nil, 0)
            zmq_close(s)
            socket = nil
        }
        if let m = monitor { zmq_close(m); monitor = nil }
        if let r = wakeReceiver { zmq_close(r); wakeReceiver = nil }
        wakeSender.withLock { w in
            if let s = w { zmq_close(s.raw) }
            w = nil
        }
        if let d = curveDomain { context.unregisterDomain(d) }
        capture?.writer.flush()
    }

    // MARK: helpers

    private func openSocket(for operation: String) throws(BusError) -> UnsafeMutableRawPointer {
        guard let s = socket else { throw .closed(endpoint: endpoint.description) }
        return s
    }

    private func setInt(_ s: UnsafeMutableRawPointer, _ option: Int32, _ value: Int32) throws(BusError) {
        var v = value
        guard zmq_setsockopt(s, option, &v, 4) == 0 else { throw systemError("zmq_setsockopt(\(option))") }
    }

    private func setString(_ s: UnsafeMutableRawPointer, _ option: Int32, _ value: String) throws(BusError) {
        let rc = value.withCString { zmq_setsockopt(s, option, $0, strlen($0)) }
        guard rc == 0 else {
            let e = zmq_errno()
            if option == ZMQ_CURVE_SERVER || option == ZMQ_CURVE_SECRETKEY || option == ZMQ_CURVE_SERVERKEY {
                throw .security(detail: "libzmq rejected the CURVE setting (\(String(cString: zmq_strerror(e))))")
            }
            throw systemError("zmq_setsockopt(\(option))", e)
        }
    }

    private func systemError(_ operation: String, _ e: Int32 = zmq_errno()) -> BusError {
        .system(endpoint: endpoint.description, operation: operation, errno: e, message: String(cString: zmq_strerror(e)))
    }

    private static func makeCapture(path: String, endpoint: Endpoint, options: ChannelOptions, bound: Bool) throws(BusError) -> LinkCapture {
        let writer = try PcapWriter.forChannel(path, endpoint)
        let ip = CaptureAddress.parseIPv4(endpoint.host) ?? 0x7F00_0001
        // ipc/inproc have no port: show them on 5555 (the ZeroMQ convention) so Wireshark shows one flow.
        let port = endpoint.transport == .zmqTCP ? endpoint.port : options.capturePort ?? 5555
        let server = CaptureAddress(ipv4: ip, port: port)
        let client = CaptureAddress(ipv4: 0x7F00_0001, port: options.capturePort ?? 49152)
        return LinkCapture(writer: writer, encapsulation: options.captureEncapsulation ?? .udp,
                           local: bound ? server : client, remote: bound ? client : server)
    }
}

/// A libzmq socket pointer that may cross threads under a lock.
struct SocketPointer: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}
