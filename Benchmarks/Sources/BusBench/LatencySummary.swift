/// Percentiles of a set of round-trip times (nearest-rank).
struct LatencySummary {
    /// Median, ns.
    let p50: UInt64
    /// 99th percentile, ns.
    let p99: UInt64

    init(_ samples: [UInt64]) {
        precondition(!samples.isEmpty, "no samples")
        let sorted = samples.sorted()
        func rank(_ p: Double) -> UInt64 {
            let index = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(max(index, 0), sorted.count - 1)]
        }
        p50 = rank(0.50)
        p99 = rank(0.99)
    }
}
