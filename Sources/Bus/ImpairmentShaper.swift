/// The pure, deterministic part of link impairment: for each arriving message it
/// decides drop / duplicate and computes release times. No I/O, no clock reads.
struct ImpairmentShaper: Sendable {
    let impairment: Impairment
    private var rng: SplitMix64
    /// When the rate-limited "wire" finishes serialising the last admitted message (ns).
    private var wireFreeAt: UInt64 = 0

    init(_ impairment: Impairment) {
        self.impairment = impairment
        self.rng = SplitMix64(seed: impairment.seed)
    }

    /// Release times for a message of `size` bytes that arrived at `now` (ns).
    /// Returns 0, 1 or 2 times (loss, normal, duplicate). Always draws exactly five
    /// random numbers so decisions for message n depend only on the seed and n.
    mutating func admit(size: Int, now: UInt64) -> (count: Int, first: UInt64, second: UInt64) {
        let uLoss = rng.nextUnit()
        let uDup = rng.nextUnit()
        let uReorder = rng.nextUnit()
        let uJitter1 = rng.nextUnit()
        let uJitter2 = rng.nextUnit()
        if uLoss < impairment.loss { return (0, 0, 0) }

        var departure = now
        if let rate = impairment.rateBitsPerSecond, rate > 0 {
            let start = max(now, wireFreeAt)
            let bits = UInt64(max(size, 1)) &* 8
            wireFreeAt = start &+ bits &* 1_000_000_000 / rate
            departure = wireFreeAt
        }
        let first = departure &+ delay(uJitter1) &+ (uReorder < impairment.reorder ? impairment.reorderGap.nanoseconds : 0)
        guard uDup < impairment.duplicate else { return (1, first, 0) }
        return (2, first, departure &+ delay(uJitter2))
    }

    private func delay(_ u: Double) -> UInt64 {
        let base = Double(impairment.delay.nanoseconds)
        let j = Double(impairment.jitter.nanoseconds)
        let d = base + (u * 2 - 1) * j
        return d <= 0 ? 0 : UInt64(d)
    }
}

/// SplitMix64: small, fast, and well distributed; what the impairments draw from.
struct SplitMix64: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
