import Bus
import CRawBaseline
#if canImport(Glibc)
import Glibc
#endif

/// ZeroMQ over inproc, ipc or tcp: PUSH/PULL throughput and PAIR ping-pong, through
/// ``ZMQChannel`` and through libzmq directly, both with the same high-water marks.
struct ZMQBench: TransportBench {
    enum Kind: String, CaseIterable {
        case inproc, ipc, tcp
    }

    let kind: Kind
    let endpoints: EndpointPool
    /// SNDHWM and RCVHWM on every socket, raw and ranlab.
    let highWaterMark: Int32

    var name: String { "zmq.\(kind.rawValue)" }
    var family: TransportFamily { .zmq }

    func throughput(_ side: Side, size: Int, count: Int) throws(BenchFailure) -> Double {
        let address = endpoints.zmq(kind)
        defer { address.ipcPath.map { _ = unlink($0) } }
        let nanoseconds: UInt64
        switch side {
        case .raw:
            let ns = raw_zmq_throughput(address.raw, size, UInt64(count), highWaterMark)
            guard ns > 0 else { throw BenchFailure("raw \(name) throughput: \(String(cString: raw_last_error()))") }
            nanoseconds = UInt64(ns)
        case .ranlab:
            do throws(BusError) {
                let pull = try ZMQChannel.bind(address.ranlab, .pull, configure: configure)
                defer { pull.close() }
                let push = try ZMQChannel.connect(address.ranlab, .push, configure: configure)
                defer { push.close() }
                nanoseconds = try RanlabDriver.stream(from: push, to: pull, size: size, count: count, info: .none,
                                                    stallTimeout: nil)
            } catch {
                throw BenchFailure(error, while: "\(name) throughput")
            }
        }
        return Double(count) * 1e9 / Double(max(nanoseconds, 1))
    }

    func roundTrips(_ side: Side, size: Int, warmup: Int, iterations: Int) throws(BenchFailure) -> [UInt64] {
        let address = endpoints.zmq(kind)
        defer { address.ipcPath.map { _ = unlink($0) } }
        switch side {
        case .raw:
            var rtts = [UInt64](repeating: 0, count: iterations)
            let rc = raw_zmq_rtt(address.raw, size, UInt32(warmup), UInt32(iterations), highWaterMark, &rtts)
            guard rc == 0 else { throw BenchFailure("raw \(name) round trip: \(String(cString: raw_last_error()))") }
            return rtts
        case .ranlab:
            do throws(BusError) {
                let echo = try ZMQChannel.bind(address.ranlab, .pair, configure: configure)
                defer { echo.close() }
                let client = try ZMQChannel.connect(address.ranlab, .pair, configure: configure)
                defer { client.close() }
                return try RanlabDriver.pingPong(client: client, echo: echo, size: size, warmup: warmup,
                                                 iterations: iterations, info: .none, stallTimeout: nil)
            } catch {
                throw BenchFailure(error, while: "\(name) round trip")
            }
        }
    }

    private func configure(_ options: inout ChannelOptions) {
        options.sendHighWaterMark = highWaterMark
        options.receiveHighWaterMark = highWaterMark
    }
}
