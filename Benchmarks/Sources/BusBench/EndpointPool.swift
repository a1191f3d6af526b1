#if canImport(Glibc)
import Glibc
#endif

/// Hands out a fresh endpoint for every measurement: a closed ZeroMQ socket unbinds in the
/// background, so reusing an address right away could fail or reach the old socket.
/// Ports stay below 32768 (the kernel's ephemeral range starts there) and are spread by PID so
/// two runs on one machine rarely meet.
final class EndpointPool {
    private let pid = Int(getpid())
    private var serial = 0
    private var nextTCPPort: UInt16
    private var nextSCTPPort: UInt16
    /// First UDP port to try for usrsctp's encapsulation socket.
    let udpPortBase: UInt16

    init() {
        let base = UInt16(20000 + (Int(getpid()) % 120) * 100)
        nextTCPPort = base
        nextSCTPPort = base
        udpPortBase = base + 90
    }

    /// A ZeroMQ address for the ranlab side (`zmq+…`) and the raw side (libzmq's own form).
    struct ZMQAddress {
        let ranlab: String
        let raw: String
        /// The socket file of an ipc endpoint, to remove afterwards.
        let ipcPath: String?
    }

    func zmq(_ kind: ZMQBench.Kind) -> ZMQAddress {
        serial += 1
        switch kind {
        case .inproc:
            let name = "ranlab-bench-\(serial)"
            return ZMQAddress(ranlab: "zmq+inproc://\(name)", raw: "inproc://\(name)", ipcPath: nil)
        case .ipc:
            let path = "/tmp/ranlab-bench-\(pid)-\(serial).ipc"
            unlink(path)
            return ZMQAddress(ranlab: "zmq+ipc://\(path)", raw: "ipc://\(path)", ipcPath: path)
        case .tcp:
            let port = freeTCPPort()
            return ZMQAddress(ranlab: "zmq+tcp://127.0.0.1:\(port)", raw: "tcp://127.0.0.1:\(port)", ipcPath: nil)
        }
    }

    /// An SCTP port inside usrsctp (not a kernel port, so only this process can clash with it).
    func sctpPort() -> UInt16 {
        defer { nextSCTPPort += 1 }
        return nextSCTPPort
    }

    /// The next TCP port that 127.0.0.1 can bind now.
    private func freeTCPPort() -> UInt16 {
        while true {
            let port = nextTCPPort
            nextTCPPort = nextTCPPort >= 32000 ? 20000 : nextTCPPort + 1
            if Self.canBindTCP(port) { return port }
        }
    }

    private static func canBindTCP(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))  // as libzmq does
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
