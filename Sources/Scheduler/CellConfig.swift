import RadioModel

/// How the PRBs of one slot are shared between the new-data grants of that slot.
public enum PRBSharing: Sendable, Hashable {
    /// Each UE, in metric order, takes what its buffer needs (whole RBGs), up to what is left.
    case greedy
    /// Each new-data grant is capped at ⌈free PRBs / grants still expected⌉ (rounded up to whole
    /// RBGs), where "grants still expected" = min(candidates not yet tried, grants left). PRBs a
    /// small buffer leaves unused flow to the UEs after it.
    case equalShare
}

/// Static configuration of one cell, fixed when a `MACScheduler` is created.
public struct CellConfig: Sendable, Hashable {
    /// Bandwidth, numerology, N_RB and TDD pattern (nil = FDD: every slot has 14 DL and 14 UL symbols).
    public var carrier: CarrierConfig
    /// `rbg-Size`: RBG size P = nominalSize(bwpSize: N_RB) (TS 38.214 Table 5.1.2.2.1-1). The BWP is the whole carrier, starting at CRB 0.
    public var rbgConfiguration: RBGConfiguration = .config1
    /// CCEs in the CORESET (1…512). One CORESET, shared by every DCI (DL and UL) of a slot.
    public var coresetCCEs: Int = 64
    /// OFDM symbols of the CORESET at the start of every slot with DL symbols; PDSCH uses the DL symbols after them.
    public var coresetSymbols: Int = 2
    /// Most PDSCH grants per slot.
    public var maxDownlinkGrantsPerSlot: Int = 16
    /// Most PUSCH grants per slot.
    public var maxUplinkGrantsPerSlot: Int = 16
    /// MCS table (the CQI table is its match: `mcsTable.matchingCQITable`).
    public var mcsTable: MCSTable = .qam256
    /// DMRS REs per PRB (incl. CDM groups without data) for the TBS computation.
    public var dmrsREsPerPRB: Int = 12
    /// `xOverhead` REs per PRB (0, 6, 12, 18).
    public var overheadREsPerPRB: Int = 0
    /// MIMO layers of a PDSCH grant (1…4).
    public var downlinkLayers: Int = 1
    /// MIMO layers of a PUSCH grant (1…4).
    public var uplinkLayers: Int = 1
    /// HARQ processes per UE and direction (1…32).
    public var harqProcesses: Int = 16
    /// Retransmissions allowed after the initial transmission (0…32).
    public var maxHARQRetransmissions: Int = 4
    /// Number of slices (1…64); every UE belongs to one slice, 0 by default.
    public var sliceCount: Int = 4
    /// PRB sharing between new-data grants of one slot.
    public var prbSharing: PRBSharing = .equalShare
    /// EWMA weight β of the average throughput: avg ← (1−β)·avg + β·(bits served this slot), per slot of that direction.
    public var throughputAveragingWeight: Double = 0.01

    /// A cell with the defaults above.
    public init(carrier: CarrierConfig) { self.carrier = carrier }

    /// N_RB.
    public var prbCount: Int { carrier.prbCount }

    /// The cell of srsRAN's `scheduler_multi_ue_benchmark`: band n41 TDD, 100 MHz, 30 kHz SCS,
    /// 273 PRBs, period 10 slots with 7 DL slots + 8 DL symbols + 2 UL slots ("DDDDDDDSUU").
    public static func srsRANBenchmarkCell() -> CellConfig {
        // All three values are table entries; the initializer cannot throw for them.
        let carrier = try! CarrierConfig(bandwidth: .mhz100, numerology: .mu1, tddPattern: .dddddddsuu)
        var cell = CellConfig(carrier: carrier)
        cell.coresetCCEs = 64
        return cell
    }
}

/// Errors of the Scheduler module.
public enum SchedulerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its allowed range.
    case outOfRange(parameter: String, value: Int, allowed: ClosedRange<Int>)
    /// A real-valued parameter is outside its allowed range.
    case realOutOfRange(parameter: String, value: Double, allowed: ClosedRange<Double>)
    /// Every UE slot is taken.
    case tooManyUEs(max: Int)
    /// The RNTI is already used by another UE.
    case duplicateRNTI(UInt16)
    /// The handle does not name a current UE.
    case unknownUE(Int)
    /// The minimum shares of all slices would exceed the cell.
    case sliceMinimumsExceedCell(total: Double)
    /// An error of the radio model (TBS, HARQ).
    case radioModel(RadioModelError)

    public var description: String {
        switch self {
        case let .outOfRange(p, v, a): return "\(p) = \(v) is outside \(a.lowerBound)...\(a.upperBound)"
        case let .realOutOfRange(p, v, a): return "\(p) = \(v) is outside \(a.lowerBound)...\(a.upperBound)"
        case let .tooManyUEs(max): return "all \(max) UE slots are in use"
        case let .duplicateRNTI(r): return "RNTI \(r) is already in use"
        case let .unknownUE(i): return "no UE with handle \(i)"
        case let .sliceMinimumsExceedCell(t): return "slice minimum shares total \(t) > 1"
        case let .radioModel(e): return "radio model: \(e)"
        }
    }
}
