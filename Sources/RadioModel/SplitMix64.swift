/// SplitMix64 pseudo-random generator (Steele, Lea & Flood 2014): a 64-bit value type, fully
/// determined by its seed, identical on every platform. Not cryptographic.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The current internal state; copying the generator copies the stream.
    public private(set) var state: UInt64

    /// Creates a generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 uniformly distributed bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
