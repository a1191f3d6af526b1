internal import CUsrSCTP
import SCTPSockets
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// usrsctp: SCTP in user space, carried over UDP (RFC 6951). Initialised once per process
/// on one UDP port; every association of the process shares it.
public final class UsrSCTPStack: SCTPStack {
    public let name = "usrsctp"
    public let udpEncapsulationPort: UInt16?

    private static let instance = Mutex<UsrSCTPStack?>(nil)

    private init(port: UInt16) {
        udpEncapsulationPort = port
    }

    /// The process's stack. The first call initialises usrsctp on `preferredUDPPort`
    /// (or a free port when nil); later calls return the same stack whatever they ask for.
    public static func shared(preferredUDPPort: UInt16?) throws(SCTPSocketError) -> UsrSCTPStack {
        try instance.withLock { (current: inout UsrSCTPStack?) throws(SCTPSocketError) -> UsrSCTPStack in
            if let current { return current }
            let port = try reserveUDPPort(preferredUDPPort ?? 0)
            // usrsctp_init fails silently when its UDP port is taken; the probe above made sure it is free.
            usrsctp_init(port, nil, nil)
            usrsctp_sysctl_set_sctp_ecn_enable(0)
            enlargeEncapsulationBuffers(port: port)
            let stack = UsrSCTPStack(port: port)
            current = stack
            return stack
        }
    }

    /// Checks that `port` (0 = pick one) is free for UDP on every address and returns it.
    private static func reserveUDPPort(_ port: UInt16) throws(SCTPSocketError) -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw SCTPSocketError(operation: "probe UDP port", errno: errno, message: String(cString: strerror(errno))) }
        defer { Glibc.close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = INADDR_ANY
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            let e = errno
            throw SCTPSocketError(operation: "usrsctp UDP encapsulation port \(port)", errno: e,
                                  message: e == EADDRINUSE ? "UDP port \(port) is taken; set RANLAB_SCTP_UDP_PORT to a free port" : String(cString: strerror(e)))
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return UInt16(bigEndian: addr.sin_port)
    }

    /// usrsctp leaves its UDP sockets at the kernel's default buffer (~200 KiB), so bursts at
    /// loopback speed are dropped and the association crawls on retransmissions. usrsctp keeps
    /// those descriptors private: find the datagram sockets bound to our port and enlarge them
    /// (SO_RCVBUFFORCE when privileged, else SO_RCVBUF up to the system's rmem_max).
    static let encapsulationBufferBytes: Int32 = 8 << 20

    private static func enlargeEncapsulationBuffers(port: UInt16) {
        for fd in Int32(3)..<Int32(4096) {
            var type: Int32 = 0
            var len = socklen_t(4)
            guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0, type == Int32(SOCK_DGRAM.rawValue) else { continue }
            var storage = sockaddr_storage()
            var slen = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let ok = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &slen) == 0 }
            }
            guard ok else { continue }
            // sin_port and sin6_port sit at the same offset.
            let boundPort = withUnsafeBytes(of: &storage) { UInt16(bigEndian: $0.loadUnaligned(fromByteOffset: 2, as: UInt16.self)) }
            guard boundPort == port else { continue }
            var size = encapsulationBufferBytes
            for (forced, plain) in [(SO_RCVBUFFORCE, SO_RCVBUF), (SO_SNDBUFFORCE, SO_SNDBUF)] {
                if setsockopt(fd, SOL_SOCKET, forced, &size, 4) != 0 { _ = setsockopt(fd, SOL_SOCKET, plain, &size, 4) }
            }
        }
    }

    public func makeSocket(tuning: SCTPTuning) throws(SCTPSocketError) -> any SCTPSocket {
        guard let so = usrsctp_socket(AF_INET, Int32(SOCK_STREAM.rawValue), Int32(IPPROTO_SCTP), nil, nil, 0, nil) else {
            throw SCTPSocketError(operation: "usrsctp_socket", errno: errno, message: String(cString: strerror(errno)))
        }
        return try UsrSCTPSocket(so: so, tuning: tuning, configure: true)
    }
}
