import KernelSCTP
import Logging
import SCTPSockets
import Synchronization
import UsrSCTP

/// Which SCTP stack carries SCTP channels. Chosen at run time: the kernel's when it offers
/// SCTP sockets, usrsctp over UDP otherwise. `RANLAB_SCTP_BACKEND=kernel|usrsctp` overrides;
/// `RANLAB_SCTP_UDP_PORT` fixes usrsctp's UDP port. The choice is logged once per process.
public enum SCTPBackend: String, Sendable, CaseIterable {
    case kernel
    case usrsctp

    private static let logged = Mutex(false)
    static let logger = Logger(label: "ranlab.bus")

    /// The backend the environment asks for, or the automatic choice.
    public static func resolve(_ environment: [String: String]? = nil) throws(BusError) -> SCTPBackend {
        let environment = environment ?? Environment.current
        if let forced = environment["RANLAB_SCTP_BACKEND"], !forced.isEmpty, forced != "auto" {
            guard let b = SCTPBackend(rawValue: forced) else {
                throw .invalidEndpoint(input: "RANLAB_SCTP_BACKEND=\(forced)", reason: "expected kernel, usrsctp or auto")
            }
            return b
        }
        return KernelSCTPStack.isAvailable ? .kernel : .usrsctp
    }

    /// The stack for this process. `preferredUDPPort` only matters the first time usrsctp starts.
    static func stack(preferredUDPPort: UInt16?) throws(BusError) -> any SCTPStack {
        let env = Environment.current
        let backend = try resolve(env)
        let stack: any SCTPStack
        switch backend {
        case .kernel:
            guard KernelSCTPStack.isAvailable else {
                throw .unsupported(endpoint: "sctp", operation: "kernel SCTP (RANLAB_SCTP_BACKEND=kernel, but socket(IPPROTO_SCTP) fails: load the sctp module or use usrsctp)")
            }
            stack = KernelSCTPStack.shared
        case .usrsctp:
            var port = preferredUDPPort
            if let text = env["RANLAB_SCTP_UDP_PORT"] {
                guard let p = UInt16(text) else {
                    throw .invalidEndpoint(input: "RANLAB_SCTP_UDP_PORT=\(text)", reason: "expected a UDP port number")
                }
                port = p
            }
            do { stack = try UsrSCTPStack.shared(preferredUDPPort: port) } catch {
                if error.errno == 98 { throw .addressInUse(endpoint: "udp://0.0.0.0:\(port ?? 0) (usrsctp encapsulation port)") }
                throw .system(endpoint: "sctp", operation: error.operation, errno: error.errno, message: error.message)
            }
        }
        let first = logged.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        if first {
            if let udp = stack.udpEncapsulationPort {
                let why = env["RANLAB_SCTP_BACKEND"].map { "RANLAB_SCTP_BACKEND=\($0)" } ?? "kernel SCTP unavailable"
                logger.notice("SCTP backend: usrsctp over UDP port \(udp) (\(why))")
            } else {
                logger.notice("SCTP backend: kernel SCTP")
            }
        }
        return stack
    }
}
