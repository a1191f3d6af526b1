import Bus
import CRawBaseline

/// SCTP over usrsctp (UDP-encapsulated, loopback): throughput and ping-pong on one association,
/// through ``SCTPChannel`` and through usrsctp directly. ranlab's stack initialises usrsctp
/// (once per process); the C baseline then only opens sockets on it, reached through the same
/// UDP encapsulation port.
final class SCTPBench: TransportBench {
    let name = "sctp.usrsctp"
    var family: TransportFamily { .sctp }

    private let endpoints: EndpointPool
    /// The process's usrsctp UDP encapsulation port.
    let udpPort: UInt16
    /// The listener that started usrsctp; kept open for the whole run.
    private let anchor: SCTPListener
    /// A receive waiting longer than this means the association stalled (usrsctp can wedge after
    /// losses); the C side uses the same limit (STALL_NS in raw_sctp.c).
    static let stallTimeout: Duration = .seconds(3)
    /// Every message's metadata (the C side sends stream 0, PPID 62 too).
    private let info = MessageInfo(stream: 0, ppid: UInt32(RAW_SCTP_PPID))

    /// Starts usrsctp through ranlab on a free UDP port near `endpoints.udpPortBase`.
    init(endpoints: EndpointPool) throws(BenchFailure) {
        self.endpoints = endpoints
        var started: SCTPListener?
        var lastError: BusError?
        for udp in endpoints.udpPortBase..<endpoints.udpPortBase + 10 {
            do throws(BusError) {
                started = try SCTPListener.listen("sctp://127.0.0.1:\(endpoints.sctpPort())?udp=\(udp)")
                break
            } catch {
                lastError = error
                guard case .addressInUse = error else { break }
            }
        }
        guard let listener = started else { throw BenchFailure(lastError!, while: "start usrsctp") }
        guard listener.backend == "usrsctp", let port = listener.udpEncapsulationPort else {
            throw BenchFailure("SCTP runs on the \(listener.backend) stack, not usrsctp (set RANLAB_SCTP_BACKEND=usrsctp)")
        }
        anchor = listener
        udpPort = port
    }

    deinit { anchor.close() }

    func throughput(_ side: Side, size: Int, count: Int) throws(BenchFailure) -> Double {
        let port = endpoints.sctpPort()
        let nanoseconds: UInt64
        switch side {
        case .raw:
            let ns = raw_sctp_throughput(udpPort, port, size, UInt64(count))
            guard ns > 0 else { throw BenchFailure("raw \(name) throughput: \(String(cString: raw_last_error()))") }
            nanoseconds = UInt64(ns)
        case .ranlab:
            do throws(BusError) {
                let (client, server) = try association(port: port)
                defer {
                    client.close()
                    server.close()
                }
                nanoseconds = try RanlabDriver.stream(from: client, to: server, size: size, count: count, info: info,
                                                    stallTimeout: Self.stallTimeout)
            } catch {
                throw BenchFailure(error, while: "\(name) throughput")
            }
        }
        return Double(count) * 1e9 / Double(max(nanoseconds, 1))
    }

    func roundTrips(_ side: Side, size: Int, warmup: Int, iterations: Int) throws(BenchFailure) -> [UInt64] {
        let port = endpoints.sctpPort()
        switch side {
        case .raw:
            var rtts = [UInt64](repeating: 0, count: iterations)
            let rc = raw_sctp_rtt(udpPort, port, size, UInt32(warmup), UInt32(iterations), &rtts)
            guard rc == 0 else { throw BenchFailure("raw \(name) round trip: \(String(cString: raw_last_error()))") }
            return rtts
        case .ranlab:
            do throws(BusError) {
                let (client, server) = try association(port: port)
                defer {
                    client.close()
                    server.close()
                }
                return try RanlabDriver.pingPong(client: client, echo: server, size: size, warmup: warmup,
                                                 iterations: iterations, info: info, stallTimeout: Self.stallTimeout)
            } catch {
                throw BenchFailure(error, while: "\(name) round trip")
            }
        }
    }

    /// A connected client and the server side accepted for it, as the C baseline builds them.
    private func association(port: UInt16) throws(BusError) -> (client: SCTPChannel, server: SCTPChannel) {
        let url = "sctp://127.0.0.1:\(port)?udp=\(udpPort)"
        let listener = try SCTPListener.listen(url)
        defer { listener.close() }
        let client = try SCTPChannel.connect(url)
        guard let server = try listener.accept(timeout: .seconds(5)) else {
            client.close()
            throw .timedOut(endpoint: url, operation: "accept")
        }
        return (client, server)
    }
}
