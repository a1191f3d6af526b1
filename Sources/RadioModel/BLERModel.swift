import RealModule
/// A block error rate model for scheduling studies — a model, not a link-level simulation.
///
/// Each MCS (or CQI) with exact spectral efficiency η = Q_m·R bits per RE and layer is given a
/// threshold SINR at which its BLER is exactly 10 %, the BLER at which TS 38.214 §5.2.2.1
/// defines CQI. The threshold comes from the Shannon-gap mapping η = log2(1 + γ/Γ):
///
///     γ10(η) [dB] = Γ [dB] + 10·log10(2^η − 1)
///
/// Around it the BLER is a logistic curve in dB:
///
///     BLER(γ) = 1 / (1 + 9·exp(s·(γ_eff − γ10))),   γ_eff = γ + 10·log10(k)
///
/// so BLER(γ10) = 0.1 exactly, BLER → 1 below and → 0 above, and it falls from 10 % to 1 % over
/// `waterfallWidthDB` (s = ln 11 / width). k is the number of transmissions of the same transport
/// block soft-combined so far (k = 1 for the first), an idealised Chase-combining gain.
/// The channel's CQI c stands for the SINR γ10 of CQI c in its table (the least SINR at which the
/// UE would report c); CQI 0 stands for −∞ (BLER 1). So an MCS with the CQI's own efficiency has
/// BLER 10 %, a lower MCS less, a higher one more. The defaults (Γ = 1.5 dB, width 1 dB) are
/// plausible for LDPC at practical block sizes, not calibrated.
public struct BLERModel: Sendable, Hashable {
    /// Shannon gap Γ in dB.
    public let shannonGapDB: Double
    /// dB between BLER 10 % and BLER 1 %.
    public let waterfallWidthDB: Double
    /// Logistic slope s per dB, ln 11 / `waterfallWidthDB`.
    public let slopePerDB: Double

    /// BLER at the threshold SINR (the CQI definition's 10 %).
    public static let targetBLER = 0.1

    /// Γ = 1.5 dB, 10 %→1 % over 1 dB.
    public static let standard = BLERModel(unchecked: 1.5, 1.0)

    /// Creates a model; Γ must be in −10…20 dB and the width in 0.05…20 dB.
    public init(shannonGapDB: Double = 1.5, waterfallWidthDB: Double = 1.0) throws(RadioModelError) {
        guard shannonGapDB.isFinite, (-10.0...20.0).contains(shannonGapDB) else {
            throw .realOutOfRange(parameter: "Shannon gap dB", value: shannonGapDB, allowed: -10.0...20.0)
        }
        guard waterfallWidthDB.isFinite, (0.05...20.0).contains(waterfallWidthDB) else {
            throw .realOutOfRange(parameter: "waterfall width dB", value: waterfallWidthDB, allowed: 0.05...20.0)
        }
        self.init(unchecked: shannonGapDB, waterfallWidthDB)
    }

    private init(unchecked gap: Double, _ width: Double) {
        shannonGapDB = gap
        waterfallWidthDB = width
        slopePerDB = Double.log(11) / width
    }

    /// γ10 in dB for efficiency η > 0 (bits per RE per layer): Γ + 10·log10(2^η − 1).
    public func thresholdSINRDB(efficiency: Double) -> Double {
        shannonGapDB + decibels(Double.exp2(efficiency) - 1)
    }

    /// γ10 in dB of an MCS; throws for a reserved index.
    public func thresholdSINRDB(mcs: MCSTable.Entry) throws(RadioModelError) -> Double {
        guard let efficiency = mcs.efficiency else { throw .reservedMCS(index: mcs.index, table: mcs.table) }
        return thresholdSINRDB(efficiency: efficiency)
    }

    /// The SINR a CQI report stands for: γ10 of CQI `cqi` in `table`, −∞ for CQI 0.
    public func sinrDB(cqi: Int, table: CQITable) throws(RadioModelError) -> Double {
        let row = try table.entry(cqi)
        return row.isOutOfRange ? -.infinity : thresholdSINRDB(efficiency: row.exactEfficiency)
    }

    /// The CQI a UE would report at `sinrDB`: the highest CQI whose γ10 ≤ SINR, 0 if none.
    public func cqi(sinrDB: Double, table: CQITable) -> Int {
        var best = 0
        for cqi in 1...15 where thresholdSINRDB(efficiency: table.entry(unchecked: cqi).exactEfficiency) <= sinrDB {
            best = cqi
        }
        return best
    }

    /// BLER of a transport block with efficiency η at `sinrDB`, on its `transmissions`-th
    /// soft-combined transmission (≥ 1; smaller values count as 1).
    public func bler(efficiency: Double, sinrDB: Double, transmissions: Int = 1) -> Double {
        let gain = transmissions > 1 ? decibels(Double(transmissions)) : 0
        let margin = sinrDB + gain - thresholdSINRDB(efficiency: efficiency)
        return 1 / (1 + 9 * Double.exp(slopePerDB * margin))
    }

    /// BLER of MCS `mcs` at `sinrDB`; throws for a reserved index (pass the initial transmission's MCS).
    public func bler(mcs: MCSTable.Entry, sinrDB: Double, transmissions: Int = 1) throws(RadioModelError) -> Double {
        guard let efficiency = mcs.efficiency else { throw .reservedMCS(index: mcs.index, table: mcs.table) }
        return bler(efficiency: efficiency, sinrDB: sinrDB, transmissions: transmissions)
    }

    /// BLER of MCS `mcs` when the channel reports CQI `cqi` (in the CQI table matching the MCS table).
    public func bler(mcs: MCSTable.Entry, cqi: Int, transmissions: Int = 1) throws(RadioModelError) -> Double {
        let sinr = try sinrDB(cqi: cqi, table: mcs.table.matchingCQITable)
        return try bler(mcs: mcs, sinrDB: sinr, transmissions: transmissions)
    }

    /// Draws one decoding outcome: true (decoded) with probability 1 − `bler`.
    public static func decodes(bler: Double, using generator: inout SplitMix64) -> Bool {
        generator.nextUnitDouble() >= bler
    }
}

/// 10·log10(x).
@inline(__always)
func decibels(_ x: Double) -> Double { 10 * Double.log10(x) }
