/// A HARQ entity: N processes (TS 38.321 §5.3.2 / §5.4.2), each idle, waiting for feedback, or
/// needing a retransmission, with a cap on retransmissions after which the block is dropped.
/// Per-slot operations mutate a pre-sized array in place and allocate nothing (unless the entity
/// has been copied and the copy shares storage).
public struct HARQEntity: Sendable, Hashable {
    /// What the feedback did to a process.
    public enum Outcome: Sendable, Hashable {
        /// ACK: the block was delivered after this many retransmissions; the process is idle.
        case delivered(retransmissions: Int)
        /// NACK with retransmissions left: the process needs a retransmission.
        case retransmissionNeeded(retransmissions: Int)
        /// NACK after `maxRetransmissions` retransmissions: the block is dropped; the process is idle.
        case dropped(retransmissions: Int)
    }

    /// Retransmissions allowed after the initial transmission.
    public let maxRetransmissions: Int
    /// The processes, indexed by id.
    public private(set) var processes: [HARQProcess]
    /// Blocks acknowledged so far.
    public private(set) var deliveredCount = 0
    /// Blocks dropped after the last allowed retransmission so far.
    public private(set) var droppedCount = 0

    /// Creates `processCount` (1…32) idle processes allowing `maxRetransmissions` (0…32) retransmissions.
    public init(processCount: Int = 16, maxRetransmissions: Int = 4) throws(RadioModelError) {
        guard (1...32).contains(processCount) else {
            throw .outOfRange(parameter: "HARQ processes", value: processCount, allowed: 1...32)
        }
        guard (0...32).contains(maxRetransmissions) else {
            throw .outOfRange(parameter: "max retransmissions", value: maxRetransmissions, allowed: 0...32)
        }
        self.maxRetransmissions = maxRetransmissions
        processes = (0..<processCount).map { HARQProcess(id: $0) }
    }

    /// Number of processes.
    public var processCount: Int { processes.count }

    /// Lowest-numbered idle process, if any.
    public func firstIdleProcess() -> Int? {
        var i = 0
        while i < processes.count {
            if case .idle = processes[i].state { return i }
            i += 1
        }
        return nil
    }

    /// Lowest-numbered process that needs a retransmission, if any.
    public func firstProcessNeedingRetransmission() -> Int? {
        var i = 0
        while i < processes.count {
            if case .needsRetransmission = processes[i].state { return i }
            i += 1
        }
        return nil
    }

    /// Starts a new transmission on idle process `id`: toggles its NDI and returns the new NDI.
    @discardableResult
    public mutating func startNewTransmission(process id: Int, transportBlockBits: Int, mcs: Int)
        throws(RadioModelError) -> Bool
    {
        try check(id)
        guard case .idle = processes[id].state else {
            throw .harqInvalidTransition(process: id, state: processes[id].state, operation: "start a new transmission")
        }
        guard transportBlockBits > 0 else {
            throw .outOfRange(parameter: "transport block bits", value: transportBlockBits, allowed: 1...Int.max)
        }
        guard (0...31).contains(mcs) else { throw .outOfRange(parameter: "MCS index", value: mcs, allowed: 0...31) }
        processes[id].newDataIndicator.toggle()
        processes[id].transportBlockBits = transportBlockBits
        processes[id].mcs = mcs
        processes[id].state = .waitingForFeedback(retransmissions: 0)
        return processes[id].newDataIndicator
    }

    /// Retransmits the block of process `id` (which must need a retransmission), NDI unchanged;
    /// returns the retransmission number (1 for the first retransmission).
    @discardableResult
    public mutating func startRetransmission(process id: Int) throws(RadioModelError) -> Int {
        try check(id)
        guard case let .needsRetransmission(n) = processes[id].state else {
            throw .harqInvalidTransition(process: id, state: processes[id].state, operation: "retransmit")
        }
        processes[id].state = .waitingForFeedback(retransmissions: n + 1)
        return n + 1
    }

    /// Applies ACK (`ack` true) or NACK to process `id`, which must be waiting for feedback.
    public mutating func receiveFeedback(process id: Int, ack: Bool) throws(RadioModelError) -> Outcome {
        try check(id)
        guard case let .waitingForFeedback(n) = processes[id].state else {
            throw .harqInvalidTransition(process: id, state: processes[id].state, operation: "take feedback")
        }
        if ack {
            processes[id].state = .idle
            deliveredCount += 1
            return .delivered(retransmissions: n)
        }
        if n >= maxRetransmissions {
            processes[id].state = .idle
            droppedCount += 1
            return .dropped(retransmissions: n)
        }
        processes[id].state = .needsRetransmission(retransmissions: n)
        return .retransmissionNeeded(retransmissions: n)
    }

    /// Returns every process to idle (NDIs are kept) and clears the counters.
    public mutating func reset() {
        for i in processes.indices { processes[i].state = .idle }
        deliveredCount = 0
        droppedCount = 0
    }

    private func check(_ id: Int) throws(RadioModelError) {
        guard processes.indices.contains(id) else {
            throw .outOfRange(parameter: "HARQ process", value: id, allowed: 0...(processes.count - 1))
        }
    }
}
