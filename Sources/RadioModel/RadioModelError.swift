/// Every error thrown by the RadioModel module. Each case names the offending value and what is allowed.
public enum RadioModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An integer parameter is outside its allowed range.
    case outOfRange(parameter: String, value: Int, allowed: ClosedRange<Int>)
    /// A real-valued parameter is outside its allowed range (or is not finite).
    case realOutOfRange(parameter: String, value: Double, allowed: ClosedRange<Double>)
    /// An integer parameter is not one of an explicit set of allowed values.
    case notAllowed(parameter: String, value: Int, allowed: [Int])
    /// The bandwidth/SCS pair is "N/A" in TS 38.101-1 / 38.101-2 Table 5.3.2-1.
    case bandwidthNotDefined(bandwidthMHz: Int, subcarrierSpacingKHz: Int, frequencyRange: FrequencyRange)
    /// The TDD pattern's slot/symbol counts do not fit in its period; `reason` says which rule broke.
    case tddPatternDoesNotFit(
        periodSlots: Int, downlinkSlots: Int, downlinkSymbols: Int, uplinkSlots: Int, uplinkSymbols: Int, reason: String)
    /// The TDD period is not one of TS 38.331 `dl-UL-TransmissionPeriodicity` for this numerology.
    case tddPeriodicityNotAllowed(periodSlots: Int, numerology: Int, allowedMicroseconds: [Int])
    /// The MCS index is reserved (retransmission only): it carries a modulation order but no code rate.
    case reservedMCS(index: Int, table: MCSTable)
    /// CQI 0 ("out of range") has no modulation or code rate.
    case cqiOutOfRangeEntry(table: CQITable)
    /// N'_RE = 12·N_symb − N_DMRS − N_oh is not positive, so no resource element carries data.
    case noDataResourceElements(symbols: Int, dmrsREsPerPRB: Int, overheadREsPerPRB: Int)
    /// A code rate must satisfy 0 < numerator ≤ denominator ≤ 2^20.
    case invalidCodeRate(numerator: Int, denominator: Int)
    /// Code-block segmentation needs B' divisible by C (true for every TBS of TS 38.214 §5.1.3.2).
    case segmentationNotExact(transportBlockBits: Int, codeBlocks: Int)
    /// A trace line could not be used; `line` is 1-based.
    case badTraceLine(line: Int, text: String, problem: TraceProblem)
    /// A trace contained no data lines.
    case emptyTrace
    /// A traffic or channel specification string that does not parse.
    case badSpec(kind: String, text: String, expected: String)
    /// A HARQ process was asked for a transition its current state does not allow.
    case harqInvalidTransition(process: Int, state: HARQProcess.State, operation: String)

    /// What was wrong with one line of a CQI trace.
    public enum TraceProblem: Sendable, Equatable {
        /// Expected exactly two fields, "slot cqi".
        case fieldCount(found: Int)
        /// A field is not a decimal integer.
        case notAnInteger(field: String)
        /// The slot is negative.
        case negativeSlot(Int)
        /// The CQI is outside 0…15.
        case cqiOutOfRange(Int)
        /// Slots must strictly increase from line to line.
        case slotNotIncreasing(slot: Int, previous: Int)
    }

    public var description: String {
        switch self {
        case let .outOfRange(parameter, value, allowed):
            return "\(parameter) = \(value) is outside \(allowed.lowerBound)...\(allowed.upperBound)"
        case let .realOutOfRange(parameter, value, allowed):
            return "\(parameter) = \(value) is outside \(allowed.lowerBound)...\(allowed.upperBound)"
        case let .notAllowed(parameter, value, allowed):
            return "\(parameter) = \(value) is not one of \(allowed)"
        case let .bandwidthNotDefined(bw, scs, fr):
            return "\(bw) MHz at \(scs) kHz is N/A in \(fr) Table 5.3.2-1"
        case let .tddPatternDoesNotFit(p, ds, dsym, us, usym, reason):
            return "TDD pattern (period \(p) slots, \(ds) DL slots + \(dsym) DL symbols, \(us) UL slots + \(usym) UL symbols): \(reason)"
        case let .tddPeriodicityNotAllowed(p, mu, allowed):
            return "TDD period of \(p) slots at μ=\(mu) is not one of \(allowed) µs"
        case let .reservedMCS(index, table):
            return "MCS \(index) of \(table) is reserved (retransmission only, no code rate)"
        case let .cqiOutOfRangeEntry(table):
            return "CQI 0 of \(table) is 'out of range' and has no modulation or code rate"
        case let .noDataResourceElements(symbols, dmrs, oh):
            return "12·\(symbols) − \(dmrs) DMRS − \(oh) overhead leaves no data REs per PRB"
        case let .invalidCodeRate(num, den):
            return "code rate \(num)/\(den) must satisfy 0 < numerator ≤ denominator ≤ 1048576"
        case let .segmentationNotExact(a, c):
            return "TBS \(a) + CRC bits do not split evenly into \(c) code blocks"
        case let .badTraceLine(line, text, problem):
            return "trace line \(line) \"\(text)\": \(problem)"
        case .emptyTrace:
            return "trace has no \"slot cqi\" lines"
        case let .badSpec(kind, text, expected):
            return "\(kind) \"\(text)\" does not parse; expected \(expected)"
        case let .harqInvalidTransition(process, state, operation):
            return "HARQ process \(process) in state \(state) cannot \(operation)"
        }
    }
}
