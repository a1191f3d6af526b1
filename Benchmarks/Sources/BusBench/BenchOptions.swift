/// Command-line options of BusBench and the message counts they imply.
struct BenchOptions {
    /// Shrink every count 10× (CI smoke runs).
    var quick = false
    /// Measurements per side; the median is reported.
    var repetitions = 5
    /// Only transports whose name contains this ("zmq", "zmq.tcp", "sctp").
    var only: String?
    /// Message sizes, bytes.
    var sizes = [64, 1024, 65536]
    /// ZeroMQ SNDHWM/RCVHWM on both ends, raw and ranlab.
    var highWaterMark: Int32 = 10000

    static let usage = """
        usage: BusBench [--quick] [--reps N] [--only TRANSPORT]
          --quick        counts 10x smaller (smoke run)
          --reps N       measurements per side and case, median reported (default 5)
          --only NAME    transports whose name contains NAME: zmq, zmq.inproc, zmq.ipc, zmq.tcp, sctp
        """

    /// Parses `arguments` (without the program name); a failure carries the message for bad
    /// input, and nil options mean help was asked for.
    static func parse(_ arguments: [String]) -> Result<BenchOptions?, BenchFailure> {
        var options = BenchOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help":
                return .success(nil)
            case "--quick":
                options.quick = true
            case "--reps":
                guard let n = rest.popFirst().flatMap(Int.init), n >= 1 else { return .failure(BenchFailure("--reps needs a count ≥ 1")) }
                options.repetitions = n
            case "--only":
                guard let name = rest.popFirst() else { return .failure(BenchFailure("--only needs a transport name")) }
                options.only = name
            default:
                return .failure(BenchFailure("unknown argument '\(argument)'"))
            }
        }
        return .success(options)
    }

    /// Counts for one transport and size.
    struct Workload {
        /// Timed messages per throughput measurement.
        var messages: Int
        /// Untimed and timed round trips per latency measurement.
        var warmup: Int
        var roundTrips: Int
    }

    /// Counts sized for steady numbers within the run's time budget on a 2-core machine.
    func workload(_ family: TransportFamily, size: Int) -> Workload {
        let full: (messages: Int, roundTrips: Int)
        switch (family, size) {
        case (.zmq, ...64): full = (1_000_000, 5_000)
        case (.zmq, ...1024): full = (500_000, 5_000)
        case (.zmq, _): full = (30_000, 2_000)
        case (.sctp, ...64): full = (50_000, 3_000)
        case (.sctp, ...1024): full = (30_000, 3_000)
        case (.sctp, _): full = (1_500, 500)
        }
        let scale = quick ? 10 : 1
        let roundTrips = max(full.roundTrips / scale, 50)
        return Workload(messages: max(full.messages / scale, 100), warmup: max(roundTrips / 10, 10), roundTrips: roundTrips)
    }
}

extension BenchOptions {
    /// True when `--only` admits the transport called `name`.
    func selects(_ name: String) -> Bool {
        guard let only else { return true }
        return name.contains(only)
    }
}
