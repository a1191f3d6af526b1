internal import CKernelSCTP
import SCTPSockets
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A kernel SCTP socket (lksctp API); an eventfd lets another thread wake a blocked wait.
final class KernelSCTPSocket: SCTPSocket, @unchecked Sendable {
    let stackName = "kernel"
    private let fd: Int32
    private let wakeFD: Int32
    private let tuning: SCTPTuning
    private let state = Mutex<(closed: Bool, peer: (ipv4: UInt32, port: UInt16)?)>((false, nil))

    // Linux uapi values (linux/sctp.h), spelled out because they are C enums.
    private static let notificationFlag: Int32 = 0x8000
    private static let assocChange: UInt16 = 0x8001
    private static let shutdownEvent: UInt16 = 0x8005
    private static let unorderedFlag: UInt16 = 1

    init(fd: Int32, tuning: SCTPTuning, configure: Bool) throws(SCTPSocketError) {
        self.fd = fd
        self.tuning = tuning
        self.wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        if configure { try applyTuning() }
    }

    deinit {
        close()
        // Released only here, when no call can still be using the descriptor (no fd reuse races).
        Glibc.close(fd)
        Glibc.close(wakeFD)
    }

    private func fail(_ op: String, _ e: Int32 = errno) -> SCTPSocketError {
        SCTPSocketError(operation: op, errno: e, message: String(cString: strerror(e)))
    }

    private func set<T>(_ level: Int32, _ name: Int32, _ value: T, _ op: String) throws(SCTPSocketError) {
        var v = value
        let rc = withUnsafePointer(to: &v) { setsockopt(fd, level, name, $0, socklen_t(MemoryLayout<T>.size)) }
        guard rc == 0 else { throw fail(op) }
    }

    private func applyTuning() throws(SCTPSocketError) {
        var initmsg = sctp_initmsg()
        initmsg.sinit_num_ostreams = tuning.streams
        initmsg.sinit_max_instreams = tuning.streams
        initmsg.sinit_max_attempts = tuning.initMaxAttempts
        initmsg.sinit_max_init_timeo = UInt16(clamping: tuning.rtoMaxMs)
        try set(Int32(IPPROTO_SCTP), SCTP_INITMSG, initmsg, "SCTP_INITMSG")
        var rto = sctp_rtoinfo()
        rto.srto_initial = tuning.rtoInitialMs
        rto.srto_max = tuning.rtoMaxMs
        rto.srto_min = tuning.rtoMinMs
        try set(Int32(IPPROTO_SCTP), SCTP_RTOINFO, rto, "SCTP_RTOINFO")
        try set(Int32(IPPROTO_SCTP), SCTP_NODELAY, Int32(tuning.noDelay ? 1 : 0), "SCTP_NODELAY")
        var events = sctp_event_subscribe()
        events.sctp_data_io_event = 1
        events.sctp_association_event = 1
        events.sctp_shutdown_event = 1
        try set(Int32(IPPROTO_SCTP), SCTP_EVENTS, events, "SCTP_EVENTS")
        try set(SOL_SOCKET, SO_SNDBUF, tuning.sendBufferBytes, "SO_SNDBUF")
        try set(SOL_SOCKET, SO_RCVBUF, tuning.receiveBufferBytes, "SO_RCVBUF")
        var params = sctp_paddrparams()
        params.spp_address.ss_family = sa_family_t(AF_INET)
        params.spp_hbinterval = tuning.heartbeatIntervalMs
        params.spp_pathmaxrxt = tuning.pathMaxRetransmissions
        params.spp_flags = UInt32(SPP_HB_ENABLE.rawValue)
        try set(Int32(IPPROTO_SCTP), SCTP_PEER_ADDR_PARAMS, params, "SCTP_PEER_ADDR_PARAMS")
    }

    private static func address(_ ipv4: UInt32, _ port: UInt16) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = port.bigEndian
        a.sin_addr.s_addr = ipv4.bigEndian
        return a
    }

    func bind(ipv4: UInt32, port: UInt16) throws(SCTPSocketError) {
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, 4)
        var a = Self.address(ipv4, port)
        let rc = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw fail("bind") }
    }

    func listen(backlog: Int32) throws(SCTPSocketError) {
        guard Glibc.listen(fd, backlog) == 0 else { throw fail("listen") }
    }

    /// Waits until `fd` is readable (true), or the deadline/a wake-up (false).
    private func waitReadable(deadline: UInt64?) throws(SCTPSocketError) -> (ready: Bool, woken: Bool) {
        while true {
            var timeout: Int32 = -1
            if let d = deadline {
                let now = Waiter.now()
                if now >= d { return (false, false) }
                timeout = Int32(clamping: (d - now + 999_999) / 1_000_000)
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            let rc = poll(&fds, 2, timeout)
            if rc < 0 {
                if errno == EINTR { continue }
                throw fail("poll")
            }
            if fds[1].revents != 0 {
                var v: UInt64 = 0
                _ = read(wakeFD, &v, 8)
                return (false, true)
            }
            if fds[0].revents != 0 { return (true, false) }
        }
    }

    func accept(deadline: UInt64?) throws(SCTPSocketError) -> (any SCTPSocket)? {
        guard try waitReadable(deadline: deadline).ready else { return nil }
        var a = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let child = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(fd, $0, &len) }
        }
        guard child >= 0 else { throw fail("accept") }
        let s = try KernelSCTPSocket(fd: child, tuning: tuning, configure: false)
        s.state.withLock { $0.peer = (UInt32(bigEndian: a.sin_addr.s_addr), UInt16(bigEndian: a.sin_port)) }
        return s
    }

    func connect(ipv4: UInt32, port: UInt16, remoteUDPPort: UInt16?) throws(SCTPSocketError) {
        var a = Self.address(ipv4, port)
        let rc = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw fail("connect") }
        state.withLock { $0.peer = (ipv4, port) }
    }

    func send(_ bytes: UnsafeRawBufferPointer, info: SCTPSendInfo) throws(SCTPSocketError) {
        while true {
            let n = sctp_sendmsg(fd, bytes.baseAddress, bytes.count, nil, 0, info.ppid.bigEndian,
                                 info.unordered ? UInt32(Self.unorderedFlag) : 0, info.stream, 0, 0)
            if n >= 0 { return }
            if errno == EINTR { continue }
            throw fail("send")
        }
    }

    func receive(into buffer: UnsafeMutableRawBufferPointer, deadline: UInt64?) throws(SCTPSocketError) -> SCTPReadResult {
        while true {
            let (ready, woken) = try waitReadable(deadline: deadline)
            if woken { return state.withLock({ $0.closed }) ? .ended : .interrupted }
            if !ready { return .timedOut }
            var info = sctp_sndrcvinfo()
            var flags: Int32 = 0
            let n = sctp_recvmsg(fd, buffer.baseAddress, buffer.count, nil, nil, &info, &flags)
            if n < 0 {
                let e = errno
                if e == EINTR || e == EAGAIN { continue }
                if e == ECONNRESET || e == ENOTCONN || e == EBADF { return .ended }
                throw fail("receive", e)
            }
            if flags & Self.notificationFlag != 0 {
                return .notification(Self.parseNotification(UnsafeRawBufferPointer(rebasing: buffer[0..<Int(n)])))
            }
            if n == 0 { return .ended }
            return .data(count: Int(n), stream: info.sinfo_stream, ppid: UInt32(bigEndian: info.sinfo_ppid),
                         unordered: info.sinfo_flags & Self.unorderedFlag != 0, complete: flags & Int32(MSG_EOR) != 0)
        }
    }

    static func parseNotification(_ b: UnsafeRawBufferPointer) -> SCTPNotification {
        guard b.count >= 8 else { return .other(type: 0) }
        let type = b.loadUnaligned(fromByteOffset: 0, as: UInt16.self)
        if type == shutdownEvent { return .shutdown }
        guard type == assocChange, b.count >= 10 else { return .other(type: type) }
        switch b.loadUnaligned(fromByteOffset: 8, as: UInt16.self) {
        case 0: return .up
        case 1: return .lost(reason: "association lost (ABORT received or peer unreachable)")
        case 2: return .restarted
        case 3: return .shutdown
        case 4: return .cannotStart
        default: return .other(type: type)
        }
    }

    func wake() {
        var v: UInt64 = 1
        _ = write(wakeFD, &v, 8)
    }

    /// The socket itself: the kernel keeps it readable while data or a notification waits.
    var readinessDescriptor: Int32 { fd }
    func acknowledgeReadiness() {}

    var localPort: UInt16 {
        var a = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return UInt16(bigEndian: a.sin_port)
    }

    var peer: (ipv4: UInt32, port: UInt16)? { state.withLock { $0.peer } }

    func close() { closeSocket(abortive: false) }
    func abort() { closeSocket(abortive: true) }

    private func closeSocket(abortive: Bool) {
        let first = state.withLock { s -> Bool in
            if s.closed { return false }
            s.closed = true
            return true
        }
        guard first else { return }
        if abortive {
            var l = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, socklen_t(MemoryLayout<linger>.size))
        }
        wake()
        if abortive {
            // SCTP_ABORT (linux/sctp.h: 1 << 2) sends ABORT now.
            _ = sctp_sendmsg(fd, nil, 0, nil, 0, 0, 4, 0, 0, 0)
        } else {
            // Linux aborts when closing with unread data: shut down first and drain.
            shutdown(fd, Int32(SHUT_WR))
            var scratch = [UInt8](repeating: 0, count: 65536)
            while recv(fd, &scratch, scratch.count, Int32(MSG_DONTWAIT)) > 0 {}
        }
        shutdown(fd, Int32(SHUT_RDWR))
    }
}
