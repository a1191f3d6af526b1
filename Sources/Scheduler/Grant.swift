/// Downlink (PDSCH) or uplink (PUSCH).
public enum LinkDirection: Int, Sendable, Hashable, CaseIterable {
    case downlink = 0
    case uplink = 1
}

/// One PDSCH or PUSCH grant with its DCI placement.
public struct Grant: Sendable, Hashable {
    /// Scheduler handle of the UE (index into the scheduler's UE table).
    public var ue: Int32
    /// C-RNTI.
    public var rnti: UInt16
    /// PDSCH or PUSCH.
    public var direction: LinkDirection
    /// Slice of the UE.
    public var slice: UInt8
    /// First PRB (contiguous run, starting on an RBG boundary).
    public var prbStart: Int16
    /// Number of PRBs (whole RBGs; only the last RBG of the carrier may be short).
    public var prbCount: Int16
    /// First OFDM symbol of the PDSCH/PUSCH.
    public var startSymbol: UInt8
    /// Number of OFDM symbols.
    public var symbols: UInt8
    /// MCS index (for a retransmission, the MCS of the initial transmission).
    public var mcs: UInt8
    /// Transport block size in bits (a retransmission carries the initial TBS).
    public var tbsBits: Int32
    /// HARQ process id.
    public var harqID: UInt8
    /// True for a HARQ retransmission.
    public var isRetransmission: Bool
    /// PDCCH aggregation level (1, 2, 4, 8, 16).
    public var aggregationLevel: UInt8
    /// First CCE of the DCI in the CORESET (a multiple of `aggregationLevel`).
    public var cceStart: Int16

    /// PRB range.
    public var prbs: Range<Int> { Int(prbStart)..<(Int(prbStart) + Int(prbCount)) }
    /// CCE range.
    public var cces: Range<Int> { Int(cceStart)..<(Int(cceStart) + Int(aggregationLevel)) }
}

/// The output of one slot: reused from slot to slot, its grant array keeps its capacity so a
/// slot allocates nothing. Create it with `MACScheduler.makeResult()`.
public struct SlotResult: Sendable {
    /// Absolute slot index.
    public internal(set) var slot: Int = 0
    /// DL symbols of the slot (14, special-slot count, or 0).
    public internal(set) var downlinkSymbols: Int = 0
    /// UL symbols of the slot.
    public internal(set) var uplinkSymbols: Int = 0
    /// The grants: downlink ones first (retransmissions first), then uplink ones.
    public internal(set) var grants: [Grant]

    /// An empty result able to hold `capacity` grants without reallocating.
    public init(capacity: Int) {
        grants = []
        grants.reserveCapacity(capacity)
    }

    mutating func reset(slot: Int, downlinkSymbols: Int, uplinkSymbols: Int) {
        self.slot = slot
        self.downlinkSymbols = downlinkSymbols
        self.uplinkSymbols = uplinkSymbols
        grants.removeAll(keepingCapacity: true)
    }
}
