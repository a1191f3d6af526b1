internal import CUsrSCTP
import SCTPSockets
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One usrsctp socket in non-blocking mode; an upcall turns readiness into a ``Waiter`` signal
/// so blocking calls can have deadlines and be woken.
final class UsrSCTPSocket: SCTPSocket, @unchecked Sendable {
    let stackName = "usrsctp"
    private let so: OpaquePointer
    private let tuning: SCTPTuning
    private let waiter = Waiter()
    private let readiness = Atomic<Int32>(-1)
    private let state = Mutex<(closed: Bool, peer: (ipv4: UInt32, port: UInt16)?)>((false, nil))

    init(so: OpaquePointer, tuning: SCTPTuning, configure: Bool) throws(SCTPSocketError) {
        self.so = so
        self.tuning = tuning
        // The upcall runs on usrsctp's threads: it holds its own reference to the waiter,
        // given back only after usrsctp_close (in deinit) guarantees no further upcalls.
        usrsctp_set_upcall(so, { _, arg, _ in
            guard let arg else { return }
            Unmanaged<Waiter>.fromOpaque(arg).takeUnretainedValue().signal()
        }, Unmanaged.passRetained(waiter).toOpaque())
        usrsctp_set_non_blocking(so, 1)
        if configure { try applyTuning() }
    }

    deinit {
        close()
        // Only here, when no call can still be inside usrsctp with this socket, is it freed.
        usrsctp_set_upcall(so, nil, nil)
        usrsctp_close(so)
        Unmanaged.passUnretained(waiter).release()
        let fd = readiness.load(ordering: .acquiring)
        if fd >= 0 { Glibc.close(fd) }
    }

    private func fail(_ op: String, _ e: Int32 = errno) -> SCTPSocketError {
        SCTPSocketError(operation: op, errno: e, message: String(cString: strerror(e)))
    }

    private func set<T>(_ level: Int32, _ name: Int32, _ value: T, _ op: String) throws(SCTPSocketError) {
        var v = value
        let rc = withUnsafePointer(to: &v) { usrsctp_setsockopt(so, level, name, $0, socklen_t(MemoryLayout<T>.size)) }
        guard rc == 0 else { throw fail(op) }
    }

    private func applyTuning() throws(SCTPSocketError) {
        try set(Int32(IPPROTO_SCTP), SCTP_INITMSG,
                sctp_initmsg(sinit_num_ostreams: tuning.streams, sinit_max_instreams: tuning.streams,
                             sinit_max_attempts: tuning.initMaxAttempts, sinit_max_init_timeo: UInt16(clamping: tuning.rtoMaxMs)),
                "SCTP_INITMSG")
        try set(Int32(IPPROTO_SCTP), SCTP_RTOINFO,
                sctp_rtoinfo(srto_assoc_id: 0, srto_initial: tuning.rtoInitialMs, srto_max: tuning.rtoMaxMs, srto_min: tuning.rtoMinMs),
                "SCTP_RTOINFO")
        try set(Int32(IPPROTO_SCTP), SCTP_NODELAY, Int32(tuning.noDelay ? 1 : 0), "SCTP_NODELAY")
        try set(Int32(IPPROTO_SCTP), SCTP_RECVRCVINFO, Int32(1), "SCTP_RECVRCVINFO")
        for type in [SCTP_ASSOC_CHANGE, SCTP_SHUTDOWN_EVENT] {
            try set(Int32(IPPROTO_SCTP), SCTP_EVENT, sctp_event(se_assoc_id: 0, se_type: UInt16(type), se_on: 1), "SCTP_EVENT")
        }
        try set(SOL_SOCKET, SO_SNDBUF, tuning.sendBufferBytes, "SO_SNDBUF")
        try set(SOL_SOCKET, SO_RCVBUF, tuning.receiveBufferBytes, "SO_RCVBUF")
        var params = sctp_paddrparams()
        params.spp_address.ss_family = sa_family_t(AF_INET)
        params.spp_hbinterval = tuning.heartbeatIntervalMs
        params.spp_pathmaxrxt = tuning.pathMaxRetransmissions
        params.spp_flags = UInt32(SPP_HB_ENABLE)
        if tuning.pathMTU > 0 {
            params.spp_flags |= UInt32(SPP_PMTUD_DISABLE)
            params.spp_pathmtu = tuning.pathMTU
        }
        try set(Int32(IPPROTO_SCTP), SCTP_PEER_ADDR_PARAMS, params, "SCTP_PEER_ADDR_PARAMS")
        var assoc = sctp_assocparams()
        assoc.sasoc_asocmaxrxt = tuning.pathMaxRetransmissions
        try set(Int32(IPPROTO_SCTP), SCTP_ASSOCINFO, assoc, "SCTP_ASSOCINFO")
    }

    private static func address(_ ipv4: UInt32, _ port: UInt16) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = port.bigEndian
        a.sin_addr.s_addr = ipv4.bigEndian
        return a
    }

    func bind(ipv4: UInt32, port: UInt16) throws(SCTPSocketError) {
        var a = Self.address(ipv4, port)
        let rc = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { usrsctp_bind(so, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw fail("bind") }
    }

    func listen(backlog: Int32) throws(SCTPSocketError) {
        guard usrsctp_listen(so, backlog) == 0 else { throw fail("listen") }
    }

    func accept(deadline: UInt64?) throws(SCTPSocketError) -> (any SCTPSocket)? {
        let wakes = waiter.wakeCount
        while true {
            if state.withLock({ $0.closed }) { throw fail("accept", EBADF) }
            let generation = waiter.current
            var a = sockaddr_in()
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let child = withUnsafeMutablePointer(to: &a) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { usrsctp_accept(so, $0, &len) }
            }
            if let child {
                let s = try UsrSCTPSocket(so: child, tuning: tuning, configure: false)
                s.state.withLock { $0.peer = (UInt32(bigEndian: a.sin_addr.s_addr), UInt16(bigEndian: a.sin_port)) }
                return s
            }
            let e = errno
            guard e == EWOULDBLOCK || e == EAGAIN || e == EINTR else { throw fail("accept", e) }
            if let d = deadline, Waiter.now() >= d { return nil }
            _ = waiter.wait(since: generation, deadline: Self.slice(deadline))
            if waiter.wakeCount != wakes { return nil }
        }
    }

    func connect(ipv4: UInt32, port: UInt16, remoteUDPPort: UInt16?) throws(SCTPSocketError) {
        if let udp = remoteUDPPort {
            var encaps = sctp_udpencaps()
            encaps.sue_address.ss_family = sa_family_t(AF_INET)
            encaps.sue_port = udp.bigEndian
            try set(Int32(IPPROTO_SCTP), SCTP_REMOTE_UDP_ENCAPS_PORT, encaps, "SCTP_REMOTE_UDP_ENCAPS_PORT")
        }
        // Connect in blocking mode: it returns once the association is up or has failed.
        usrsctp_set_non_blocking(so, 0)
        defer { usrsctp_set_non_blocking(so, 1) }
        var a = Self.address(ipv4, port)
        let rc = withUnsafeMutablePointer(to: &a) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { usrsctp_connect(so, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw fail("connect") }
        state.withLock { $0.peer = (ipv4, port) }
    }

    func send(_ bytes: UnsafeRawBufferPointer, info: SCTPSendInfo) throws(SCTPSocketError) {
        var sndinfo = sctp_sndinfo()
        sndinfo.snd_sid = info.stream
        sndinfo.snd_ppid = info.ppid.bigEndian
        sndinfo.snd_flags = info.unordered ? UInt16(SCTP_UNORDERED) : 0
        while true {
            if state.withLock({ $0.closed }) { throw fail("send", EBADF) }
            let generation = waiter.current
            let n = usrsctp_sendv(so, bytes.baseAddress, bytes.count, nil, 0, &sndinfo,
                                  socklen_t(MemoryLayout<sctp_sndinfo>.size), UInt32(SCTP_SENDV_SNDINFO), 0)
            if n >= 0 { return }
            let e = errno
            guard e == EWOULDBLOCK || e == EAGAIN || e == EINTR else { throw fail("send", e) }
            _ = waiter.wait(since: generation, deadline: Self.slice(nil))
        }
    }

    func receive(into buffer: UnsafeMutableRawBufferPointer, deadline: UInt64?) throws(SCTPSocketError) -> SCTPReadResult {
        let wakes = waiter.wakeCount
        while true {
            let generation = waiter.current
            var from = sockaddr_in()
            var fromLen = socklen_t(MemoryLayout<sockaddr_in>.size)
            var rcv = sctp_rcvinfo()
            var infoLen = socklen_t(MemoryLayout<sctp_rcvinfo>.size)
            var infoType: UInt32 = 0
            var flags: Int32 = 0
            let n = withUnsafeMutablePointer(to: &from) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    usrsctp_recvv(so, buffer.baseAddress, buffer.count, $0, &fromLen, &rcv, &infoLen, &infoType, &flags)
                }
            }
            if n > 0 || (n == 0 && flags & Int32(MSG_NOTIFICATION) != 0) {
                if flags & Int32(MSG_NOTIFICATION) != 0 {
                    return .notification(Self.parseNotification(UnsafeRawBufferPointer(rebasing: buffer[0..<n])))
                }
                let complete = flags & Int32(MSG_EOR) != 0
                if infoType == UInt32(SCTP_RECVV_RCVINFO) {
                    return .data(count: n, stream: rcv.rcv_sid, ppid: UInt32(bigEndian: rcv.rcv_ppid),
                                 unordered: rcv.rcv_flags & UInt16(SCTP_UNORDERED) != 0, complete: complete)
                }
                return .data(count: n, stream: 0, ppid: 0, unordered: false, complete: complete)
            }
            if n == 0 { return .ended }
            let e = errno
            if e == ECONNRESET || e == ENOTCONN || e == EBADF { return .ended }
            guard e == EWOULDBLOCK || e == EAGAIN || e == EINTR else { throw fail("receive", e) }
            if state.withLock({ $0.closed }) { return .ended }
            // Only give up after a last read attempt past the deadline.
            if let d = deadline, Waiter.now() >= d { return .timedOut }
            _ = waiter.wait(since: generation, deadline: Self.slice(deadline))
            if waiter.wakeCount != wakes { return .interrupted }
        }
    }

    /// Waits are cut into slices: the upcall is the fast path, and a missed upcall
    /// (seen under heavy load) costs at most one slice instead of a stall.
    private static func slice(_ deadline: UInt64?) -> UInt64 {
        let next = Waiter.now() &+ 20_000_000
        guard let deadline else { return next }
        return min(deadline, next)
    }

    static func parseNotification(_ b: UnsafeRawBufferPointer) -> SCTPNotification {
        guard b.count >= 8 else { return .other(type: 0) }
        let type = b.loadUnaligned(fromByteOffset: 0, as: UInt16.self)
        switch Int32(type) {
        case SCTP_ASSOC_CHANGE:
            guard b.count >= 10 else { return .other(type: type) }
            let state = b.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
            switch Int32(state) {
            case SCTP_COMM_UP: return .up
            case SCTP_COMM_LOST: return .lost(reason: "association lost (ABORT received or peer unreachable)")
            case SCTP_RESTART: return .restarted
            case SCTP_SHUTDOWN_COMP: return .shutdown
            case SCTP_CANT_STR_ASSOC: return .cannotStart
            default: return .other(type: type)
            }
        case SCTP_SHUTDOWN_EVENT:
            return .shutdown
        default:
            return .other(type: type)
        }
    }

    func wake() { waiter.wake() }

    /// An eventfd the upcall writes, created on first use (most sockets are never polled). It
    /// starts readable, so nothing that arrived before is missed.
    var readinessDescriptor: Int32 {
        let existing = readiness.load(ordering: .acquiring)
        if existing >= 0 { return existing }
        let fd = eventfd(1, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard fd >= 0 else { return -1 }
        let (won, current) = readiness.compareExchange(expected: -1, desired: fd, ordering: .acquiringAndReleasing)
        guard won else { Glibc.close(fd); return current }
        waiter.mirrorSignals(to: fd)
        return fd
    }

    func acknowledgeReadiness() {
        let fd = readiness.load(ordering: .acquiring)
        guard fd >= 0 else { return }
        var v: UInt64 = 0
        _ = read(fd, &v, 8)
    }

    var localPort: UInt16 {
        var addrs: UnsafeMutablePointer<sockaddr>?
        let n = usrsctp_getladdrs(so, 0, &addrs)
        guard n > 0, let first = addrs else { return 0 }
        defer { usrsctp_freeladdrs(addrs) }
        return first.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
    }

    var peer: (ipv4: UInt32, port: UInt16)? { state.withLock { $0.peer } }

    func close() {
        closeSocket(abortive: false)
    }

    func abort() {
        closeSocket(abortive: true)
    }

    private func closeSocket(abortive: Bool) {
        let first = state.withLock { s -> Bool in
            if s.closed { return false }
            s.closed = true
            return true
        }
        guard first else { return }
        // close()/abort() may race with calls on other threads, so the socket is ended here
        // (SHUTDOWN or ABORT) but released in deinit.
        waiter.wake()
        if abortive {
            var sndinfo = sctp_sndinfo()
            sndinfo.snd_flags = UInt16(SCTP_ABORT)
            _ = usrsctp_sendv(so, nil, 0, nil, 0, &sndinfo, socklen_t(MemoryLayout<sctp_sndinfo>.size), UInt32(SCTP_SENDV_SNDINFO), 0)
            var l = linger(l_onoff: 1, l_linger: 0)
            _ = usrsctp_setsockopt(so, SOL_SOCKET, SO_LINGER, &l, socklen_t(MemoryLayout<linger>.size))
        } else {
            // Closing with unread data (even a queued notification) would send ABORT:
            // start SHUTDOWN first and discard what is left to read.
            _ = usrsctp_shutdown(so, Int32(SHUT_WR))
            let scratch = UnsafeMutableRawPointer.allocate(byteCount: 65536, alignment: 8)
            var flags: Int32 = 0
            var infoLen: socklen_t = 0
            var infoType: UInt32 = 0
            while usrsctp_recvv(so, scratch, 65536, nil, nil, nil, &infoLen, &infoType, &flags) > 0 {}
            scratch.deallocate()
        }
    }
}
