/// Measures one transport at one message size through both sides, interleaved (raw, ranlab,
/// ranlab, raw, …) so that drifts of a busy machine hit both alike, and reports the median of
/// each side's repetitions. A failed measurement (an SCTP association that stalled) is tried
/// again, up to ``attempts`` times; a side left without any measurement reports `nan`.
struct Comparison {
    let options: BenchOptions
    /// Tries per measurement.
    let attempts = 3

    /// Runs the case and prints its lines; false when some measurement could not be made.
    func run(_ bench: any TransportBench, size: Int) -> Bool {
        let workload = options.workload(bench.family, size: size)
        let stem = "\(bench.name).\(Report.sizeLabel(size))"
        let dropsBefore = bench.family == .sctp ? UDPDrops.count() : nil
        var complete = true

        var rates: [Side: [Double]] = [.raw: [], .ranlab: []]
        for repetition in 0..<options.repetitions {
            for side in order(repetition) {
                let what = "\(stem) \(side.rawValue) throughput #\(repetition + 1)"
                guard let r = measure(what, { () throws(BenchFailure) in
                    try bench.throughput(side, size: size, count: workload.messages)
                }) else { continue }
                Report.progress("\(what): \(Report.format(r, decimals: 0)) msg/s")
                rates[side]!.append(r)
            }
        }
        let rate = rates.mapValues(Self.median)
        Report.value("\(stem).ranlab.throughput", rate[.ranlab]!, "msg/s", decimals: 0)
        Report.value("\(stem).raw.throughput", rate[.raw]!, "msg/s", decimals: 0)
        Report.value("\(stem).ratio.throughput", rate[.ranlab]! / rate[.raw]!, "x", decimals: 3)
        complete = complete && rate.values.allSatisfy(\.isFinite)

        var p50s: [Side: [Double]] = [.raw: [], .ranlab: []]
        var p99s: [Side: [Double]] = [.raw: [], .ranlab: []]
        for repetition in 0..<options.repetitions {
            for side in order(repetition) {
                let what = "\(stem) \(side.rawValue) rtt #\(repetition + 1)"
                guard let rtts = measure(what, { () throws(BenchFailure) in
                    try bench.roundTrips(side, size: size, warmup: workload.warmup, iterations: workload.roundTrips)
                }) else { continue }
                let summary = LatencySummary(rtts)
                Report.progress("\(what): p50 \(micro(summary.p50)) us, p99 \(micro(summary.p99)) us")
                p50s[side]!.append(Double(summary.p50) / 1000)
                p99s[side]!.append(Double(summary.p99) / 1000)
            }
        }
        let p50 = p50s.mapValues(Self.median)
        let p99 = p99s.mapValues(Self.median)
        for side in [Side.ranlab, .raw] {
            Report.value("\(stem).\(side.rawValue).rtt.p50", p50[side]!, "us", decimals: 2)
            Report.value("\(stem).\(side.rawValue).rtt.p99", p99[side]!, "us", decimals: 2)
        }
        Report.value("\(stem).ratio.rtt.p50", p50[.raw]! / p50[.ranlab]!, "x", decimals: 3)
        Report.value("\(stem).ratio.rtt.p99", p99[.raw]! / p99[.ranlab]!, "x", decimals: 3)
        complete = complete && p50.values.allSatisfy(\.isFinite)

        if let before = dropsBefore, let after = UDPDrops.count(), after > before {
            Report.comment("\(stem): the kernel dropped \(after - before) UDP datagrams (RcvbufErrors) meanwhile")
        }
        return complete
    }

    /// One measurement under the watchdog, tried again after a failure; nil when every try failed.
    private func measure<T>(_ what: String, _ body: () throws(BenchFailure) -> T) -> T? {
        for attempt in 1...attempts {
            do throws(BenchFailure) {
                return try Watchdog.guarding(body)
            } catch {
                Report.progress("\(what) failed (attempt \(attempt) of \(attempts)): \(error)")
                Report.comment("\(what): attempt \(attempt) failed: \(error)")
            }
        }
        return nil
    }

    /// Alternates which side goes first.
    private func order(_ repetition: Int) -> [Side] {
        repetition % 2 == 0 ? [.raw, .ranlab] : [.ranlab, .raw]
    }

    /// The middle value (mean of the two middle ones for an even count); nan when empty.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func micro(_ ns: UInt64) -> String { Report.format(Double(ns) / 1000, decimals: 2) }
}
