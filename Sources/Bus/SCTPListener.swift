import SCTPSockets

/// A listening SCTP endpoint; ``accept(timeout:)`` yields one ``SCTPChannel`` per association.
public final class SCTPListener: @unchecked Sendable {
    public let endpoint: Endpoint
    public let options: ChannelOptions
    /// usrsctp: the UDP port this process's SCTP packets arrive on (clients put it in `?udp=`).
    /// Nil with kernel SCTP.
    public let udpEncapsulationPort: UInt16?
    public var backend: String { socket.stackName }
    private let socket: any SCTPSocket
    /// One capture file for all associations accepted here.
    private let capture: PcapWriter?

    /// Listens at `endpoint`. With usrsctp the process's UDP encapsulation port is `?udp=`, or else
    /// the SCTP port number itself, so clients find it without extra configuration.
    public static func listen(_ endpoint: String, backlog: Int32 = 16,
                              configure: (inout ChannelOptions) -> Void = { _ in }) throws(BusError) -> SCTPListener {
        let ep = try Endpoint(endpoint)
        guard ep.transport == .sctp else { throw .invalidEndpoint(input: endpoint, reason: "an SCTP listener needs an sctp:// endpoint") }
        var options = try ChannelOptions(endpoint: ep)
        configure(&options)
        let ip = try ipv4(of: ep)
        let stack = try SCTPBackend.stack(preferredUDPPort: options.sctpUDPPort ?? ep.port)
        if let actual = stack.udpEncapsulationPort, actual != (options.sctpUDPPort ?? ep.port) {
            SCTPBackend.logger.notice("usrsctp in this process runs on UDP port \(actual); clients of \(ep) must add ?udp=\(actual)")
        }
        let socket: any SCTPSocket
        do { socket = try stack.makeSocket(tuning: tuning(options)) } catch {
            throw .system(endpoint: endpoint, operation: error.operation, errno: error.errno, message: error.message)
        }
        do {
            try socket.bind(ipv4: ip, port: ep.port)
            try socket.listen(backlog: backlog)
        } catch {
            socket.close()
            if error.errno == 98 { throw .addressInUse(endpoint: ep.description) }
            throw .system(endpoint: endpoint, operation: error.operation, errno: error.errno, message: error.message)
        }
        let capture = try options.capturePath.map { (path: String) throws(BusError) in try PcapWriter.forChannel(path, ep) }
        return SCTPListener(endpoint: ep, options: options, socket: socket, udp: stack.udpEncapsulationPort, capture: capture)
    }

    private init(endpoint: Endpoint, options: ChannelOptions, socket: any SCTPSocket, udp: UInt16?, capture: PcapWriter?) {
        self.capture = capture
        self.endpoint = endpoint
        self.options = options
        self.socket = socket
        self.udpEncapsulationPort = udp
    }

    deinit { socket.close() }

    /// The next association, or nil after `timeout` (nil = wait forever) or ``interrupt()``.
    public func accept(timeout: Duration?) throws(BusError) -> SCTPChannel? {
        let child: (any SCTPSocket)?
        do { child = try socket.accept(deadline: MonotonicClock.deadline(after: timeout)) } catch {
            if error.errno == 9 { throw .closed(endpoint: endpoint.description) }
            throw .system(endpoint: endpoint.description, operation: error.operation, errno: error.errno, message: error.message)
        }
        guard let child else { return nil }
        return try SCTPChannel(socket: child, endpoint: endpoint, options: options, bound: true, writer: capture)
    }

    /// Makes a blocked ``accept(timeout:)`` return nil. Safe from any thread.
    public func interrupt() { socket.wake() }

    public func close() { socket.close() }

    // MARK: helpers shared with SCTPChannel

    static func tuning(_ options: ChannelOptions) -> SCTPTuning {
        var t = SCTPTuning()
        t.streams = options.sctpStreams
        if let hb = options.heartbeat { t.heartbeatIntervalMs = UInt32(clamping: max(1, hb.nanoseconds / 1_000_000)) }
        let room = Int32(clamping: options.maxMessageSize * 2)
        t.sendBufferBytes = max(t.sendBufferBytes, room)
        t.receiveBufferBytes = max(t.receiveBufferBytes, room)
        return t
    }

    static func ipv4(of endpoint: Endpoint) throws(BusError) -> UInt32 {
        if endpoint.host == "localhost" { return 0x7F00_0001 }
        guard let ip = CaptureAddress.parseIPv4(endpoint.host) else {
            throw .invalidEndpoint(input: endpoint.description, reason: "SCTP host must be an IPv4 address or localhost")
        }
        return ip
    }

    static func dotted(_ ip: UInt32) -> String {
        "\(ip >> 24).\((ip >> 16) & 255).\((ip >> 8) & 255).\(ip & 255)"
    }
}
