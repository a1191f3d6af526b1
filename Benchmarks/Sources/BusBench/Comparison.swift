/// Measures one transport at one message size through both sides, interleaved (raw, ranlab,
/// ranlab, raw, …) so that drifts of a busy machine hit both alike, and reports the best of
/// each side: the highest rate and the lowest percentiles.
struct Comparison {
    let options: BenchOptions

    func run(_ bench: any TransportBench, size: Int) throws(BenchFailure) {
        let workload = options.workload(bench.family, size: size)
        let stem = "\(bench.name).\(Report.sizeLabel(size))"

        var rate: [Side: Double] = [:]
        for repetition in 0..<options.repetitions {
            for side in order(repetition) {
                let r = try Watchdog.guarding { () throws(BenchFailure) in
                    try bench.throughput(side, size: size, count: workload.messages)
                }
                Report.progress("\(stem) \(side.rawValue) throughput #\(repetition + 1): \(Report.format(r, decimals: 0)) msg/s")
                rate[side] = max(rate[side] ?? 0, r)
            }
        }
        Report.value("\(stem).ranlab.throughput", rate[.ranlab]!, "msg/s", decimals: 0)
        Report.value("\(stem).raw.throughput", rate[.raw]!, "msg/s", decimals: 0)
        Report.value("\(stem).ratio.throughput", rate[.ranlab]! / rate[.raw]!, "x", decimals: 3)

        var p50: [Side: UInt64] = [:]
        var p99: [Side: UInt64] = [:]
        for repetition in 0..<options.repetitions {
            for side in order(repetition) {
                let rtts = try Watchdog.guarding { () throws(BenchFailure) in
                    try bench.roundTrips(side, size: size, warmup: workload.warmup, iterations: workload.roundTrips)
                }
                let summary = LatencySummary(rtts)
                Report.progress("\(stem) \(side.rawValue) rtt #\(repetition + 1): p50 \(micro(summary.p50)) us, p99 \(micro(summary.p99)) us")
                p50[side] = min(p50[side] ?? .max, summary.p50)
                p99[side] = min(p99[side] ?? .max, summary.p99)
            }
        }
        for side in [Side.ranlab, .raw] {
            Report.value("\(stem).\(side.rawValue).rtt.p50", Double(p50[side]!) / 1000, "us", decimals: 2)
            Report.value("\(stem).\(side.rawValue).rtt.p99", Double(p99[side]!) / 1000, "us", decimals: 2)
        }
        Report.value("\(stem).ratio.rtt.p50", Double(p50[.raw]!) / Double(p50[.ranlab]!), "x", decimals: 3)
        Report.value("\(stem).ratio.rtt.p99", Double(p99[.raw]!) / Double(p99[.ranlab]!), "x", decimals: 3)
    }

    /// Alternates which side goes first.
    private func order(_ repetition: Int) -> [Side] {
        repetition % 2 == 0 ? [.raw, .ranlab] : [.ranlab, .raw]
    }

    private func micro(_ ns: UInt64) -> String { Report.format(Double(ns) / 1000, decimals: 2) }
}
