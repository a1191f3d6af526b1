import RealModule

/// Round robin: candidates in UE-list order starting at a pointer that moves, after each slot,
/// to just past the last UE that received new data. Channel and buffer are ignored.
public struct RoundRobinPolicy: SchedulingPolicy, Sendable {
    /// Next position to serve in the downlink and in the uplink.
    public private(set) var nextDownlink = 0
    public private(set) var nextUplink = 0

    public init() {}

    public mutating func computeMetrics(_ candidates: CandidateView, into metrics: UnsafeMutableBufferPointer<Double>) {
        let n = max(candidates.activeUECount, 1)
        let start = (candidates.direction == .downlink ? nextDownlink : nextUplink) % n
        for c in 0..<candidates.count {
            var offset = candidates.position(c) - start
            if offset < 0 { offset += n }
            metrics[c] = Double(n - offset)
        }
    }

    public mutating func slotEnded(_ served: ServedView) {
        let n = served.activeUECount
        guard n > 0 else { return }
        let start = (served.direction == .downlink ? nextDownlink : nextUplink) % n
        var furthest = -1
        for i in 0..<served.count where !served.isRetransmission(i) {
            var offset = served.position(i) - start
            if offset < 0 { offset += n }
            if offset > furthest { furthest = offset }
        }
        guard furthest >= 0 else { return }
        if served.direction == .downlink {
            nextDownlink = (start + furthest + 1) % n
        } else {
            nextUplink = (start + furthest + 1) % n
        }
    }
}

/// Proportional fair: metric = R / T^α with R the instantaneous achievable rate and T the EWMA
/// of the UE's served throughput; α = 0 is max C/I, α = 1 classic PF, larger α fairer.
public struct ProportionalFairPolicy: SchedulingPolicy, Sendable {
    /// Fairness exponent α ≥ 0.
    public var fairnessExponent: Double
    /// Floor of T (bits per slot) so that a UE never served gets a finite, large metric.
    public var minimumAverage: Double

    public init(fairnessExponent: Double = 1, minimumAverage: Double = 1) {
        self.fairnessExponent = fairnessExponent
        self.minimumAverage = minimumAverage
    }

    public mutating func computeMetrics(_ candidates: CandidateView, into metrics: UnsafeMutableBufferPointer<Double>) {
        let alpha = fairnessExponent
        let floor = minimumAverage
        if alpha == 1 {
            for c in 0..<candidates.count {
                metrics[c] = candidates.achievableRate(c) / max(candidates.averageThroughput(c), floor)
            }
        } else if alpha == 0 {
            for c in 0..<candidates.count { metrics[c] = candidates.achievableRate(c) }
        } else {
            for c in 0..<candidates.count {
                metrics[c] = candidates.achievableRate(c) / Double.pow(max(candidates.averageThroughput(c), floor), alpha)
            }
        }
    }
}

/// Max C/I: the best channel first (metric = achievable rate); ties go to the earlier UE.
public struct MaxCIPolicy: SchedulingPolicy, Sendable {
    public init() {}

    public mutating func computeMetrics(_ candidates: CandidateView, into metrics: UnsafeMutableBufferPointer<Double>) {
        for c in 0..<candidates.count { metrics[c] = candidates.achievableRate(c) }
    }
}

/// QoS-aware: metric = priority × PF × delay × GBR, where
/// - priority = `priorityScale` / 5QI priority level (lower level = more important),
/// - PF = R / max(T, floor) (α = 1),
/// - delay = 1 + HOL/budget, × `overdueBoost` once HOL ≥ budget (no term without a budget),
/// - GBR = 1 + `gbrWeight` × (GBR − T·slots/s)/GBR while the average is below the GBR (no term for non-GBR).
public struct QoSAwarePolicy: SchedulingPolicy, Sendable {
    public var priorityScale: Double
    public var overdueBoost: Double
    public var gbrWeight: Double
    public var minimumAverage: Double

    public init(priorityScale: Double = 100, overdueBoost: Double = 10, gbrWeight: Double = 10, minimumAverage: Double = 1) {
        self.priorityScale = priorityScale
        self.overdueBoost = overdueBoost
        self.gbrWeight = gbrWeight
        self.minimumAverage = minimumAverage
    }

    public mutating func computeMetrics(_ candidates: CandidateView, into metrics: UnsafeMutableBufferPointer<Double>) {
        let sps = candidates.slotsPerSecond
        for c in 0..<candidates.count {
            let avg = candidates.averageThroughput(c)
            var m = priorityScale / Double(max(candidates.priorityLevel(c), 1))
            m *= candidates.achievableRate(c) / max(avg, minimumAverage)
            let budget = candidates.delayBudget(c)
            if budget > 0 {
                let hol = candidates.headOfLineDelay(c)
                m *= 1 + hol / budget
                if hol >= budget { m *= overdueBoost }
            }
            let gbr = candidates.guaranteedBitRate(c)
            if gbr > 0 {
                let rate = avg * sps
                if rate < gbr { m *= 1 + gbrWeight * (gbr - rate) / gbr }
            }
            metrics[c] = m
        }
    }
}
