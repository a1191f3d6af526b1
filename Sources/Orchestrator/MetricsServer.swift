import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The lab's Prometheus endpoint: `GET /metrics` on a loopback TCP port, answered from a
/// ``KPIStore`` by one thread with blocking sockets (one short response per connection — the
/// scrape pattern; an event loop such as NIO would add a runtime to a single-threaded orchestrator
/// for no gain).
public final class MetricsServer: Sendable {
    public let port: Int
    private let fd: Int32
    private let store: KPIStore
    private let stopped = Atomic<Bool>(false)

    /// Listens on 127.0.0.1:`port` (0 = any free port).
    public init(store: KPIStore, port: Int = 0) throws(OrchestratorError) {
        self.store = store
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard s >= 0 else { throw .io("metrics endpoint: socket() failed: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(s, 16) == 0 else {
            let why = String(cString: strerror(errno))
            close(s)
            throw .plan("metrics endpoint: cannot listen on 127.0.0.1:\(port): \(why)")
        }
        var actual = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        fd = s
        let t = Thread { [self] in self.serve() }
        t.name = "metrics"
        t.start()
    }

    public var url: String { "http://127.0.0.1:\(port)/metrics" }

    public func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private func serve() {
        while !stopped.load(ordering: .relaxed) {
            let c = accept(fd, nil, nil)
            if c < 0 { if errno == EINTR { continue }; return }
            var tv = timeval(tv_sec: 2, tv_usec: 0)
            setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            var request = [UInt8]()
            var buf = [UInt8](repeating: 0, count: 4096)
            while request.count < 16_384 {
                let n = read(c, &buf, buf.count)
                if n <= 0 { break }
                request += buf[0..<n]
                if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] { break }
            }
            let line = String(decoding: request.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
            let response: String
            if line.count >= 2, line[0] == "GET", line[1] == "/metrics" || line[1].hasPrefix("/metrics?") {
                let body = PrometheusExposition.render(store.snapshot())
                response = "HTTP/1.1 200 OK\r\nContent-Type: \(PrometheusExposition.contentType)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
            } else {
                let body = "ranlab serves Prometheus metrics at /metrics\n"
                response = "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
            }
            var bytes = Array(response.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes.withUnsafeMutableBytes { write(c, $0.baseAddress! + sent, $0.count - sent) }
                if n <= 0 { break }
                sent += n
            }
            close(c)
        }
    }
}
