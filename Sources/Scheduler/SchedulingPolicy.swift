/// A scheduling policy: once per slot and direction it writes one priority metric per candidate
/// (higher = served first) into a buffer the scheduler owns. It must not allocate on that path.
/// The scheduler then serves candidates in descending metric order (ties: lower candidate index,
/// i.e. earlier in the UE list), within the PDCCH, grant, PRB and slice limits.
///
/// Built-in policies (`RoundRobinPolicy`, `ProportionalFairPolicy`, `MaxCIPolicy`,
/// `QoSAwarePolicy`) use only this public API.
public protocol SchedulingPolicy {
    /// Writes `metrics[c]` for every candidate `c` in `0..<candidates.count`.
    mutating func computeMetrics(_ candidates: CandidateView, into metrics: UnsafeMutableBufferPointer<Double>)
    /// Called after each direction of each slot with the grants given (retransmissions included).
    mutating func slotEnded(_ served: ServedView)
}

extension SchedulingPolicy {
    public mutating func slotEnded(_ served: ServedView) {}
}

/// Read-only view of the UEs competing for new data in one direction of one slot. Every
/// candidate has data, a usable CQI, an idle HARQ process and no pending retransmission.
/// Valid only during the `computeMetrics` call.
public struct CandidateView {
    /// Direction being scheduled.
    public let direction: LinkDirection
    /// Absolute slot index.
    public let slot: Int
    /// Number of candidates.
    public let count: Int
    /// UEs in the scheduler (candidates or not); positions are in `0..<activeUECount`.
    public let activeUECount: Int
    /// Slots per second (to convert per-slot averages to bit/s).
    public let slotsPerSecond: Double

    @usableFromInline let candidateUE: UnsafePointer<Int32>
    @usableFromInline let positions: UnsafePointer<Int32>
    @usableFromInline let rntis: UnsafePointer<UInt16>
    @usableFromInline let slices: UnsafePointer<UInt8>
    @usableFromInline let cqis: UnsafePointer<UInt8>
    @usableFromInline let buffers: UnsafePointer<Int>
    @usableFromInline let rates: UnsafePointer<Double>
    @usableFromInline let averages: UnsafePointer<Double>
    @usableFromInline let averageScale: Double
    @usableFromInline let priorities: UnsafePointer<UInt8>
    @usableFromInline let gbrs: UnsafePointer<Double>
    @usableFromInline let delayBudgets: UnsafePointer<Double>
    @usableFromInline let holDelays: UnsafePointer<Double>

    /// Scheduler handle of candidate `c`.
    @inlinable @inline(__always) public func ue(_ c: Int) -> Int { Int(candidateUE[c]) }
    /// Position of the candidate's UE in the scheduler's UE list (0..<activeUECount); stable
    /// while no UE is added or removed. Round robin rotates over it.
    @inlinable @inline(__always) public func position(_ c: Int) -> Int { Int(positions[Int(candidateUE[c])]) }
    /// C-RNTI.
    @inlinable @inline(__always) public func rnti(_ c: Int) -> UInt16 { rntis[Int(candidateUE[c])] }
    /// Slice id.
    @inlinable @inline(__always) public func slice(_ c: Int) -> Int { Int(slices[Int(candidateUE[c])]) }
    /// Reported CQI (1…15) of this direction.
    @inlinable @inline(__always) public func cqi(_ c: Int) -> Int { Int(cqis[Int(candidateUE[c])]) }
    /// Bytes waiting in this direction.
    @inlinable @inline(__always) public func bufferBytes(_ c: Int) -> Int { buffers[Int(candidateUE[c])] }
    /// Instantaneous achievable rate: TBS in bits of the whole carrier at the CQI's MCS in a full
    /// slot of this direction (CQI → MCS → TBS).
    @inlinable @inline(__always) public func achievableRate(_ c: Int) -> Double { rates[Int(candidateUE[c])] }
    /// EWMA of the bits served per slot of this direction (already decayed for this slot).
    @inlinable @inline(__always) public func averageThroughput(_ c: Int) -> Double { averages[Int(candidateUE[c])] * averageScale }
    /// 5QI priority level (1…127, lower is more important).
    @inlinable @inline(__always) public func priorityLevel(_ c: Int) -> Int { Int(priorities[Int(candidateUE[c])]) }
    /// Guaranteed bit rate in bit/s of this direction (0 = non-GBR).
    @inlinable @inline(__always) public func guaranteedBitRate(_ c: Int) -> Double { gbrs[Int(candidateUE[c])] }
    /// Packet delay budget in ms (0 = none).
    @inlinable @inline(__always) public func delayBudget(_ c: Int) -> Double { delayBudgets[Int(candidateUE[c])] }
    /// Head-of-line delay in ms, as last reported with `setHeadOfLineDelay`.
    @inlinable @inline(__always) public func headOfLineDelay(_ c: Int) -> Double { holDelays[Int(candidateUE[c])] }
}

/// Read-only view of the grants of one direction of the slot just scheduled.
public struct ServedView {
    /// Direction.
    public let direction: LinkDirection
    /// Absolute slot index.
    public let slot: Int
    /// Number of grants.
    public let count: Int
    /// UEs in the scheduler.
    public let activeUECount: Int
    @usableFromInline let grants: UnsafePointer<Grant>
    @usableFromInline let positions: UnsafePointer<Int32>

    /// The grant `i`.
    @inlinable @inline(__always) public func grant(_ i: Int) -> Grant { grants[i] }
    /// Scheduler handle of grant `i`'s UE.
    @inlinable @inline(__always) public func ue(_ i: Int) -> Int { Int(grants[i].ue) }
    /// Position of grant `i`'s UE in the UE list.
    @inlinable @inline(__always) public func position(_ i: Int) -> Int { Int(positions[Int(grants[i].ue)]) }
    /// True when grant `i` is a HARQ retransmission.
    @inlinable @inline(__always) public func isRetransmission(_ i: Int) -> Bool { grants[i].isRetransmission }
    /// Bits of grant `i`.
    @inlinable @inline(__always) public func bits(_ i: Int) -> Int { Int(grants[i].tbsBits) }
}
