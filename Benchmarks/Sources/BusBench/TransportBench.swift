/// Which implementation a measurement runs through.
enum Side: String, CaseIterable {
    /// The C library called directly (target CRawBaseline).
    case raw
    /// ranlab's Bus.
    case ranlab
}

/// One transport, measured through ranlab's Bus and through its C library with the same sizes,
/// counts and socket options. Every call opens fresh sockets on a fresh endpoint.
protocol TransportBench {
    /// Metric-name stem, e.g. "zmq.inproc" or "sctp.usrsctp".
    var name: String { get }
    /// Which workload table applies.
    var family: TransportFamily { get }

    /// Messages per second: one sender thread, one receiver thread, `count` timed messages of
    /// `size` bytes after one untimed message (the receiver's clock starts at the first).
    func throughput(_ side: Side, size: Int, count: Int) throws(BenchFailure) -> Double

    /// Round-trip times (ns) of `iterations` ping-pongs of `size` bytes against an echo thread,
    /// after `warmup` untimed ones.
    func roundTrips(_ side: Side, size: Int, warmup: Int, iterations: Int) throws(BenchFailure) -> [UInt64]
}

/// Transports that share message counts.
enum TransportFamily {
    case zmq
    case sctp
}
