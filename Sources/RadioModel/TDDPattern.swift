/// A TDD UL/DL pattern as in TS 38.331 `TDD-UL-DL-Pattern` (slot format per TS 38.213 §11.1):
/// in each period the first `downlinkSlots` slots are downlink, the last `uplinkSlots` are uplink,
/// the slot right after the DL slots starts with `downlinkSymbols` DL symbols, the slot right
/// before the UL slots ends with `uplinkSymbols` UL symbols, and everything else is flexible
/// (guard). Slot directions repeat with the period.
public struct TDDPattern: Sendable, Hashable {
    /// Period in slots (1…320).
    public let periodSlots: Int
    /// Full downlink slots at the start of the period.
    public let downlinkSlots: Int
    /// Downlink symbols at the start of the first non-DL slot (0…13).
    public let downlinkSymbols: Int
    /// Full uplink slots at the end of the period.
    public let uplinkSlots: Int
    /// Uplink symbols at the end of the last non-UL slot (0…13).
    public let uplinkSymbols: Int

    /// Direction of one slot.
    public enum SlotDirection: Sendable, Hashable {
        /// All 14 symbols downlink.
        case downlink
        /// All 14 symbols uplink.
        case uplink
        /// A mixed or flexible slot: DL symbols first, UL symbols last, flexible (guard) between.
        case special(downlinkSymbols: Int, uplinkSymbols: Int)
    }

    /// TS 38.331 `dl-UL-TransmissionPeriodicity` values (incl. ms3 and ms4 of Rel-16), in ns.
    public static let allowedPeriodsNanoseconds = [
        500_000, 625_000, 1_000_000, 1_250_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 5_000_000, 10_000_000,
    ]

    /// Creates a pattern, throwing unless: period 1…320 slots; DL/UL symbols 0…13; DL + UL slots
    /// ≤ period; partial symbols need a slot that is neither full DL nor full UL; and when the DL and
    /// UL symbols share one slot, they total at most 14.
    public init(
        periodSlots: Int, downlinkSlots: Int, downlinkSymbols: Int = 0, uplinkSlots: Int, uplinkSymbols: Int = 0
    ) throws(RadioModelError) {
        func misfit(_ reason: String) -> RadioModelError {
            .tddPatternDoesNotFit(
                periodSlots: periodSlots, downlinkSlots: downlinkSlots, downlinkSymbols: downlinkSymbols,
                uplinkSlots: uplinkSlots, uplinkSymbols: uplinkSymbols, reason: reason)
        }
        guard (1...320).contains(periodSlots) else {
            throw .outOfRange(parameter: "TDD period (slots)", value: periodSlots, allowed: 1...320)
        }
        guard (0...periodSlots).contains(downlinkSlots) else {
            throw .outOfRange(parameter: "TDD downlink slots", value: downlinkSlots, allowed: 0...periodSlots)
        }
        guard (0...periodSlots).contains(uplinkSlots) else {
            throw .outOfRange(parameter: "TDD uplink slots", value: uplinkSlots, allowed: 0...periodSlots)
        }
        guard (0...13).contains(downlinkSymbols) else {
            throw .outOfRange(parameter: "TDD downlink symbols", value: downlinkSymbols, allowed: 0...13)
        }
        guard (0...13).contains(uplinkSymbols) else {
            throw .outOfRange(parameter: "TDD uplink symbols", value: uplinkSymbols, allowed: 0...13)
        }
        guard downlinkSlots + uplinkSlots <= periodSlots else {
            throw misfit("DL slots + UL slots exceed the period")
        }
        let mixedSlots = periodSlots - downlinkSlots - uplinkSlots
        if downlinkSymbols + uplinkSymbols > 0 && mixedSlots == 0 {
            throw misfit("DL/UL symbols need a slot that is neither full DL nor full UL")
        }
        if mixedSlots == 1 && downlinkSymbols + uplinkSymbols > Numerology.symbolsPerSlot {
            throw misfit("DL symbols + UL symbols of the one special slot exceed 14")
        }
        self.periodSlots = periodSlots
        self.downlinkSlots = downlinkSlots
        self.downlinkSymbols = downlinkSymbols
        self.uplinkSlots = uplinkSlots
        self.uplinkSymbols = uplinkSymbols
    }

    private init(unchecked p: Int, _ ds: Int, _ dsym: Int, _ us: Int, _ usym: Int) {
        periodSlots = p
        downlinkSlots = ds
        downlinkSymbols = dsym
        uplinkSlots = us
        uplinkSymbols = usym
    }

    /// srsRAN Project's default pattern 1 (gNB `tdd_ul_dl_cfg`): period 10 slots, 6 DL slots,
    /// 8 DL symbols, 3 UL slots, 0 UL symbols ("DDDDDDSUUU").
    public static let srsRANDefault = TDDPattern(unchecked: 10, 6, 8, 3, 0)
    /// "DDDDDDDSUU": period 10 slots, 7 DL slots, 8 DL symbols, 2 UL slots (a common n78 layout).
    public static let dddddddsuu = TDDPattern(unchecked: 10, 7, 8, 2, 0)

    /// Direction of absolute slot index `slot` (the pattern repeats every `periodSlots`; negative
    /// indices wrap the same way).
    public func direction(ofSlot slot: Int) -> SlotDirection {
        let s = ((slot % periodSlots) + periodSlots) % periodSlots
        if s < downlinkSlots { return .downlink }
        if s >= periodSlots - uplinkSlots { return .uplink }
        let dl = s == downlinkSlots ? downlinkSymbols : 0
        let ul = s == periodSlots - uplinkSlots - 1 ? uplinkSymbols : 0
        return .special(downlinkSymbols: dl, uplinkSymbols: ul)
    }

    /// DL symbols in `slot` (14, 0 or the special slot's count).
    public func downlinkSymbols(inSlot slot: Int) -> Int {
        switch direction(ofSlot: slot) {
        case .downlink: return Numerology.symbolsPerSlot
        case .uplink: return 0
        case let .special(dl, _): return dl
        }
    }

    /// UL symbols in `slot` (14, 0 or the special slot's count).
    public func uplinkSymbols(inSlot slot: Int) -> Int {
        switch direction(ofSlot: slot) {
        case .downlink: return 0
        case .uplink: return Numerology.symbolsPerSlot
        case let .special(_, ul): return ul
        }
    }

    /// Downlink symbols per period.
    public var downlinkSymbolsPerPeriod: Int { downlinkSlots * Numerology.symbolsPerSlot + downlinkSymbols }
    /// Uplink symbols per period.
    public var uplinkSymbolsPerPeriod: Int { uplinkSlots * Numerology.symbolsPerSlot + uplinkSymbols }
    /// Flexible (guard) symbols per period.
    public var flexibleSymbolsPerPeriod: Int {
        periodSlots * Numerology.symbolsPerSlot - downlinkSymbolsPerPeriod - uplinkSymbolsPerPeriod
    }

    /// Period duration at `numerology`, in nanoseconds.
    public func periodNanoseconds(numerology: Numerology) -> Int { periodSlots * numerology.slotDurationNanoseconds }

    /// Throws unless the period is one of the 38.331 periodicities at `numerology`.
    public func validatePeriodicity(numerology: Numerology) throws(RadioModelError) {
        guard TDDPattern.allowedPeriodsNanoseconds.contains(periodNanoseconds(numerology: numerology)) else {
            throw .tddPeriodicityNotAllowed(
                periodSlots: periodSlots, numerology: numerology.mu,
                allowedMicroseconds: TDDPattern.allowedPeriodsNanoseconds.map { $0 / 1000 })
        }
    }
}
