internal import CKernelSCTP
import SCTPSockets
#if canImport(Glibc)
import Glibc
#endif

/// The kernel's SCTP (Linux lksctp), used when `socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP)` works.
public final class KernelSCTPStack: SCTPStack {
    public let name = "kernel"
    public let udpEncapsulationPort: UInt16? = nil

    public static let shared = KernelSCTPStack()
    private init() {}

    /// True when this kernel offers SCTP sockets (false e.g. with EPROTONOSUPPORT).
    public static var isAvailable: Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), Int32(IPPROTO_SCTP))
        if fd < 0 { return false }
        Glibc.close(fd)
        return true
    }

    public func makeSocket(tuning: SCTPTuning) throws(SCTPSocketError) -> any SCTPSocket {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), Int32(IPPROTO_SCTP))
        guard fd >= 0 else { throw SCTPSocketError(operation: "socket(IPPROTO_SCTP)", errno: errno, message: String(cString: strerror(errno))) }
        return try KernelSCTPSocket(fd: fd, tuning: tuning, configure: true)
    }
}
