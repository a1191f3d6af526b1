// ordo-one/benchmark suite for the Bus: `swift package --package-path Benchmarks benchmark`.
// Small by design; the ranlab-vs-raw comparison lives in BusBench (scripts/bench.sh bus).
import Benchmark
import Bus

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 10,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    Benchmark("Endpoint parse + options") { benchmark in
        for _ in benchmark.scaledIterations {
            let endpoint = try Endpoint("sctp://127.0.0.1:38472?streams=4&udp=9899&hwm=10000")
            blackHole(try ChannelOptions(endpoint: endpoint))
        }
    }

    for size in [64, 65536] {
        let label = size >= 1024 ? "\(size / 1024)KiB" : "\(size)B"
        Benchmark(
            "ZMQ inproc send+receive \(label)",
            configuration: .init(scalingFactor: size >= 1024 ? .one : .kilo)
        ) { benchmark in
            let loop = try InprocLoop(size: size)
            defer { loop.close() }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { try loop.roundTrip() }
            benchmark.stopMeasurement()
        }
    }
}
