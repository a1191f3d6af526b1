/// One HARQ process of a `HARQEntity`: its state, new data indicator and the transport block it holds.
public struct HARQProcess: Sendable, Hashable {
    /// Where the process is in its cycle.
    public enum State: Sendable, Hashable {
        /// Free for a new transport block.
        case idle
        /// Sent (initially or as the `retransmissions`-th retransmission); feedback pending.
        case waitingForFeedback(retransmissions: Int)
        /// NACKed after `retransmissions` retransmissions; the next transmission is a retransmission.
        case needsRetransmission(retransmissions: Int)
    }

    /// HARQ process number, 0…N−1.
    public let id: Int
    /// Current state.
    public internal(set) var state: State = .idle
    /// New data indicator; toggled by each new transmission, unchanged by retransmissions (starts false).
    public internal(set) var newDataIndicator = false
    /// TBS in bits of the transport block held (0 before the first one).
    public internal(set) var transportBlockBits = 0
    /// MCS index of the initial transmission of the block held.
    public internal(set) var mcs = 0

    /// Creates an idle process.
    public init(id: Int) { self.id = id }

    /// Retransmissions so far of the block held (0 when idle).
    public var retransmissions: Int {
        switch state {
        case .idle: return 0
        case let .waitingForFeedback(n), let .needsRetransmission(n): return n
        }
    }
}
