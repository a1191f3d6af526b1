/// Link impairments applied to the messages a channel receives (one direction of a link).
///
/// All random decisions come from a generator seeded with `seed`, and every
/// message draws the same number of random values, so the same seed and the
/// same message sequence give the same drops, duplicates and delays.
public struct Impairment: Sendable, Hashable {
    /// Fixed one-way delay added to every message.
    public var delay: Duration
    /// Uniform jitter: each message's delay is `delay ± jitter` (never below zero).
    public var jitter: Duration
    /// Probability (0...1) that a message is dropped.
    public var loss: Double
    /// Probability (0...1) that a message is delivered twice.
    public var duplicate: Double
    /// Probability (0...1) that a message is held back by `reorderGap` so later ones overtake it.
    public var reorder: Double
    /// How long a reordered message is held back in addition to its delay.
    public var reorderGap: Duration
    /// Serialisation rate limit in bits per second (nil = unlimited).
    public var rateBitsPerSecond: UInt64?
    /// Messages waiting in the impairment queue beyond this many are dropped (tail drop), like netem's limit.
    public var queueLimit: Int
    /// Seed for every random decision.
    public var seed: UInt64

    public init(delay: Duration = .zero, jitter: Duration = .zero, loss: Double = 0, duplicate: Double = 0,
                reorder: Double = 0, reorderGap: Duration = .milliseconds(1), rateBitsPerSecond: UInt64? = nil,
                queueLimit: Int = 100_000, seed: UInt64 = 1) {
        self.delay = delay
        self.jitter = jitter
        self.loss = loss
        self.duplicate = duplicate
        self.reorder = reorder
        self.reorderGap = reorderGap
        self.rateBitsPerSecond = rateBitsPerSecond
        self.queueLimit = queueLimit
        self.seed = seed
    }

    /// True when no impairment is configured (the channel then takes its direct path).
    public var isNone: Bool {
        delay == .zero && jitter == .zero && loss == 0 && duplicate == 0 && reorder == 0 && rateBitsPerSecond == nil
    }
}
