/// 4-bit CQI tables of TS 38.214 §5.2.2.1: Table 5.2.2.1-2 (`table1`, up to 64QAM) and
/// Table 5.2.2.1-3 (`table2`, up to 256QAM). CQI 0 is "out of range".
public enum CQITable: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Table 5.2.2.1-2, "CQI table 1", up to 64QAM.
    case table1
    /// Table 5.2.2.1-3, "CQI table 2", up to 256QAM.
    case table2

    /// One row of a CQI table.
    public struct Entry: Sendable, Hashable {
        /// CQI index, 0…15.
        public let cqi: Int
        /// Modulation; nil for CQI 0 ("out of range").
        public let modulation: Modulation?
        /// Code rate R (exact, R×1024 integral); nil for CQI 0.
        public let codeRate: CodeRate?
        /// Efficiency as printed in the table (4 decimals) × 10000; 0 for CQI 0.
        public let efficiencyX10000: Int

        /// True for CQI 0.
        public var isOutOfRange: Bool { modulation == nil }
        /// Modulation order Q_m (0 for CQI 0).
        public var modulationOrder: Int { modulation?.order ?? 0 }
        /// Code rate × 1024 as printed (0 for CQI 0).
        public var codeRateX1024: Int { codeRate.map { $0.numerator / 2 } ?? 0 }
        /// Efficiency as printed in the table.
        public var efficiency: Double { Double(efficiencyX10000) / 10000 }
        /// Exact efficiency Q_m·R × 2048.
        var efficiencyX2048: Int { (codeRate?.numerator ?? 0) * modulationOrder }
        /// Exact efficiency Q_m·R (0 for CQI 0), unrounded.
        public var exactEfficiency: Double { Double(efficiencyX2048) / 2048 }
    }

    /// (Q_m, R × 1024, efficiency × 10000) of Table 5.2.2.1-2; CQI 0 is (0, 0, 0).
    private static let table1Rows: [(qm: Int, rX1024: Int, effX10000: Int)] = [
        (0, 0, 0),
        (2, 78, 1523), (2, 120, 2344), (2, 193, 3770), (2, 308, 6016), (2, 449, 8770), (2, 602, 11758),
        (4, 378, 14766), (4, 490, 19141), (4, 616, 24063),
        (6, 466, 27305), (6, 567, 33223), (6, 666, 39023), (6, 772, 45234), (6, 873, 51152), (6, 948, 55547),
    ]

    /// (Q_m, R × 1024, efficiency × 10000) of Table 5.2.2.1-3; CQI 0 is (0, 0, 0).
    private static let table2Rows: [(qm: Int, rX1024: Int, effX10000: Int)] = [
        (0, 0, 0),
        (2, 78, 1523), (2, 193, 3770), (2, 449, 8770),
        (4, 378, 14766), (4, 490, 19141), (4, 616, 24063),
        (6, 466, 27305), (6, 567, 33223), (6, 666, 39023), (6, 772, 45234), (6, 873, 51152),
        (8, 711, 55547), (8, 797, 62266), (8, 885, 69141), (8, 948, 74063),
    ]

    /// The row for `cqi`; throws unless 0 ≤ cqi ≤ 15.
    public func entry(_ cqi: Int) throws(RadioModelError) -> Entry {
        guard (0...15).contains(cqi) else {
            throw .outOfRange(parameter: "CQI", value: cqi, allowed: 0...15)
        }
        return entry(unchecked: cqi)
    }

    func entry(unchecked cqi: Int) -> Entry {
        let row = self == .table1 ? CQITable.table1Rows[cqi] : CQITable.table2Rows[cqi]
        return Entry(
            cqi: cqi, modulation: Modulation(rawValue: row.qm),
            codeRate: row.rX1024 == 0 ? nil : CodeRate(x2048: 2 * row.rX1024),
            efficiencyX10000: row.effX10000)
    }

    /// The MCS table this CQI table is paired with.
    public var matchingMCSTable: MCSTable { self == .table1 ? .qam64 : .qam256 }

    /// CQI → MCS for the matching table pair: the highest non-reserved MCS whose exact efficiency
    /// Q_m·R is ≤ that of the CQI. CQI 0 gives nil (nothing can be sent); CQI 1 (efficiency 0.1523)
    /// lies below MCS 0 (0.2344) of both tables and is clamped to MCS 0. No allocation.
    public func mcsIndex(forCQI cqi: Int) throws(RadioModelError) -> Int? {
        let row = try entry(cqi)
        if row.isOutOfRange { return nil }
        return matchingMCSTable.highestIndex(efficiencyAtMostX2048: row.efficiencyX2048) ?? 0
    }

    public var description: String {
        self == .table1 ? "CQI table 1 (38.214 Table 5.2.2.1-2, 64QAM)" : "CQI table 2 (38.214 Table 5.2.2.1-3, 256QAM)"
    }
}
