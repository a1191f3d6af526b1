internal import CZeroMQ
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The process-wide ZeroMQ context, with the ZAP handler that enforces CURVE allow-lists.
final class ZMQContext: @unchecked Sendable {
    static let shared = ZMQContext()

    let raw: UnsafeMutableRawPointer
    /// CURVE allow-lists by ZAP domain; nil set = any client with the right server key.
    private let allowLists = Mutex<[String: Set<String>?]>([:])
    /// nil: not tried yet; true: the ZAP handler serves; false: it could not start.
    private let zapState = Mutex<Bool?>(nil)
    private let counter = Atomic<UInt64>(0)

    private init() {
        guard let ctx = zmq_ctx_new() else { fatalError("zmq_ctx_new failed: out of memory") }
        raw = ctx
        zmq_ctx_set(ctx, ZMQ_MAX_SOCKETS, 4096)
    }

    /// A process-unique inproc name.
    func uniqueName(_ prefix: String) -> String {
        "ranlab-\(prefix)-\(getpid())-\(counter.add(1, ordering: .relaxed).newValue)"
    }

    /// Registers a ZAP domain's allow-list and makes sure the ZAP handler runs.
    /// False when the handler cannot run: without it libzmq would admit any client with the server key.
    func registerDomain(_ domain: String, allowed: Set<String>?) -> Bool {
        allowLists.withLock { $0[domain] = .some(allowed) }
        // Started under the lock, so a second registrant never proceeds before the handler is bound.
        return zapState.withLock { state -> Bool in
            if state == nil { state = startZAPHandler() }
            return state!
        }
    }

    func unregisterDomain(_ domain: String) {
        allowLists.withLock { _ = $0.removeValue(forKey: domain) }
    }

    private func startZAPHandler() -> Bool {
        guard let rep = zmq_socket(raw, ZMQ_REP) else { return false }
        // ZAP (RFC 27) requires the handler at this fixed inproc address, bound before any secured socket handshakes.
        guard zmq_bind(rep, "inproc://zeromq.zap.01") == 0 else { zmq_close(rep); return false }
        let box = Unmanaged.passRetained(ZAPThreadBox(context: self, socket: rep))
        var tid = pthread_t()
        let rc = pthread_create(&tid, nil, { arg in
            let box = Unmanaged<ZAPThreadBox>.fromOpaque(arg!).takeRetainedValue()
            box.context.serveZAP(box.socket)
            return nil
        }, box.toOpaque())
        guard rc == 0 else {
            box.release()
            zmq_close(rep)
            return false
        }
        pthread_detach(tid)
        return true
    }

    /// Answers ZAP requests: version, request-id, domain, address, identity, mechanism, credentials…
    fileprivate func serveZAP(_ rep: UnsafeMutableRawPointer) {
        var frames: [[UInt8]] = []
        while true {
            frames.removeAll(keepingCapacity: true)
            var more = true
            while more {
                var msg = zmq_msg_t()
                zmq_msg_init(&msg)
                if zmq_msg_recv(&msg, rep, 0) < 0 {
                    zmq_msg_close(&msg)
                    if zmq_errno() == ETERM { zmq_close(rep); return }
                    more = false
                    continue
                }
                let size = zmq_msg_size(&msg)
                let data = zmq_msg_data(&msg)!
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
                more = zmq_msg_more(&msg) != 0
                zmq_msg_close(&msg)
            }
            guard frames.count >= 6 else { continue }
            let requestID = frames[1]
            let domain = String(decoding: frames[2], as: UTF8.self)
            let mechanism = String(decoding: frames[5], as: UTF8.self)
            var allowed = false
            var user = ""
            if mechanism == "CURVE", frames.count >= 7 {
                let key = frames[6].withUnsafeBytes { CurveKeyPair.z85(of: $0) } ?? ""
                user = key
                allowed = allowLists.withLock { lists -> Bool in
                    guard let entry = lists[domain] else { return false }
                    guard let set = entry else { return true }
                    return set.contains(key)
                }
            } else if mechanism == "NULL" {
                // Unsecured sockets in the same context: only allowed when they use no ZAP domain.
                allowed = domain.isEmpty
            }
            let reply: [[UInt8]] = [
                Array("1.0".utf8), requestID, Array((allowed ? "200" : "400").utf8),
                Array((allowed ? "OK" : "client key not on the allow-list").utf8), Array(user.utf8), [],
            ]
            for (i, frame) in reply.enumerated() {
                _ = frame.withUnsafeBytes { zmq_send(rep, $0.baseAddress, $0.count, i < reply.count - 1 ? ZMQ_SNDMORE : 0) }
            }
        }
    }
}

private final class ZAPThreadBox {
    let context: ZMQContext
    let socket: UnsafeMutableRawPointer
    init(context: ZMQContext, socket: UnsafeMutableRawPointer) {
        self.context = context
        self.socket = socket
    }
}
