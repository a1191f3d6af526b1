/// One carrier: bandwidth, numerology and frequency range, with its PRB count N_RB from
/// TS 38.101-1/-2 Table 5.3.2-1 and an optional TDD pattern (nil = FDD).
public struct CarrierConfig: Sendable, Hashable {
    /// Channel bandwidth.
    public let bandwidth: Bandwidth
    /// Numerology of the carrier (and of its TDD pattern).
    public let numerology: Numerology
    /// FR1 or FR2.
    public let frequencyRange: FrequencyRange
    /// Maximum transmission bandwidth configuration N_RB.
    public let prbCount: Int
    /// TDD UL/DL pattern, or nil for FDD.
    public let tddPattern: TDDPattern?

    /// Creates a carrier. `frequencyRange` nil means FR1 for μ ≤ 2 and FR2 for μ ≥ 3 (60 kHz exists
    /// in both, with different N_RB, so pass it explicitly for FR2 at 60 kHz). Throws if the
    /// bandwidth/SCS cell is N/A, or if the TDD period is not a 38.331 periodicity at this μ.
    public init(
        bandwidth: Bandwidth, numerology: Numerology, frequencyRange: FrequencyRange? = nil,
        tddPattern: TDDPattern? = nil
    ) throws(RadioModelError) {
        let fr = frequencyRange ?? (numerology.mu <= 2 ? .fr1 : .fr2)
        guard let prbs = bandwidth.prbCount(numerology: numerology, frequencyRange: fr) else {
            throw .bandwidthNotDefined(
                bandwidthMHz: bandwidth.megahertz, subcarrierSpacingKHz: numerology.subcarrierSpacingKHz,
                frequencyRange: fr)
        }
        if let tddPattern {
            try tddPattern.validatePeriodicity(numerology: numerology)
        }
        self.bandwidth = bandwidth
        self.numerology = numerology
        self.frequencyRange = fr
        self.prbCount = prbs
        self.tddPattern = tddPattern
    }

    /// True when a TDD pattern is configured.
    public var isTDD: Bool { tddPattern != nil }
}
