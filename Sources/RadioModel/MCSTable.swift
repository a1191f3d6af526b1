/// PDSCH MCS index tables of TS 38.214 §5.1.3.1: Table 5.1.3.1-1 (`qam64`, MCS 0…28, 29…31
/// reserved) and Table 5.1.3.1-2 (`qam256`, MCS 0…27, 28…31 reserved). Reserved indices are for
/// retransmissions and carry only a modulation order.
public enum MCSTable: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Table 5.1.3.1-1, "MCS index table 1", up to 64QAM.
    case qam64
    /// Table 5.1.3.1-2, "MCS index table 2", up to 256QAM.
    case qam256

    /// One row of an MCS table.
    public struct Entry: Sendable, Hashable {
        /// The table this row belongs to.
        public let table: MCSTable
        /// MCS index I_MCS, 0…31.
        public let index: Int
        /// Modulation (Q_m = `modulation.order`).
        public let modulation: Modulation
        /// Target code rate R, exact; nil for a reserved index.
        public let codeRate: CodeRate?
        /// Spectral efficiency as printed in the table (4 decimals) × 10000; nil when reserved.
        public let spectralEfficiencyX10000: Int?

        /// Modulation order Q_m.
        public var modulationOrder: Int { modulation.order }
        /// True for the reserved, retransmission-only indices.
        public var isReserved: Bool { codeRate == nil }
        /// Target code rate R × 1024 as printed (e.g. 682.5); nil when reserved.
        public var targetCodeRateX1024: Double? { codeRate?.x1024 }
        /// Spectral efficiency as printed in the table; nil when reserved.
        public var spectralEfficiency: Double? { spectralEfficiencyX10000.map { Double($0) / 10000 } }
        /// Exact efficiency Q_m·R × 2048 (0 when reserved), for comparisons.
        var efficiencyX2048: Int { (codeRate?.numerator ?? 0) * modulation.order }
        /// Exact efficiency Q_m·R in bits per resource element per layer (nil when reserved).
        public var efficiency: Double? { codeRate.map { Double($0.numerator * modulation.order) / Double($0.denominator) } }
    }

    /// (Q_m, R × 2048, efficiency × 10000) rows of Table 5.1.3.1-1; R = 0 marks "reserved".
    private static let table1: [(qm: Int, rX2048: Int, seX10000: Int)] = [
        (2, 240, 2344), (2, 314, 3066), (2, 386, 3770), (2, 502, 4902), (2, 616, 6016),  // 0-4: R×1024 120 157 193 251 308
        (2, 758, 7402), (2, 898, 8770), (2, 1052, 10273), (2, 1204, 11758), (2, 1358, 13262),  // 5-9: 379 449 526 602 679
        (4, 680, 13281), (4, 756, 14766), (4, 868, 16953), (4, 980, 19141), (4, 1106, 21602),  // 10-14: 340 378 434 490 553
        (4, 1232, 24063), (4, 1316, 25703),  // 15-16: 616 658
        (6, 876, 25664), (6, 932, 27305), (6, 1034, 30293), (6, 1134, 33223), (6, 1232, 36094),  // 17-21: 438 466 517 567 616
        (6, 1332, 39023), (6, 1438, 42129), (6, 1544, 45234), (6, 1644, 48164), (6, 1746, 51152),  // 22-26: 666 719 772 822 873
        (6, 1820, 53320), (6, 1896, 55547),  // 27-28: 910 948
        (2, 0, 0), (4, 0, 0), (6, 0, 0),  // 29-31 reserved
    ]

    /// (Q_m, R × 2048, efficiency × 10000) rows of Table 5.1.3.1-2; R = 0 marks "reserved".
    private static let table2: [(qm: Int, rX2048: Int, seX10000: Int)] = [
        (2, 240, 2344), (2, 386, 3770), (2, 616, 6016), (2, 898, 8770), (2, 1204, 11758),  // 0-4: R×1024 120 193 308 449 602
        (4, 756, 14766), (4, 868, 16953), (4, 980, 19141), (4, 1106, 21602), (4, 1232, 24063),  // 5-9: 378 434 490 553 616
        (4, 1316, 25703),  // 10: 658
        (6, 932, 27305), (6, 1034, 30293), (6, 1134, 33223), (6, 1232, 36094), (6, 1332, 39023),  // 11-15: 466 517 567 616 666
        (6, 1438, 42129), (6, 1544, 45234), (6, 1644, 48164), (6, 1746, 51152),  // 16-19: 719 772 822 873
        (8, 1365, 53320), (8, 1422, 55547), (8, 1508, 58906), (8, 1594, 62266), (8, 1682, 65703),  // 20-24: 682.5 711 754 797 841
        (8, 1770, 69141), (8, 1833, 71602), (8, 1896, 74063),  // 25-27: 885 916.5 948
        (2, 0, 0), (4, 0, 0), (6, 0, 0), (8, 0, 0),  // 28-31 reserved
    ]

    /// Highest non-reserved MCS index (28 for `qam64`, 27 for `qam256`).
    public var maxDataIndex: Int { self == .qam64 ? 28 : 27 }

    /// The CQI table this MCS table is paired with (CQI table 1 ↔ MCS table 1, 2 ↔ 2).
    public var matchingCQITable: CQITable { self == .qam64 ? .table1 : .table2 }

    /// The row for MCS `index`; throws unless 0 ≤ index ≤ 31.
    public func entry(_ index: Int) throws(RadioModelError) -> Entry {
        guard (0...31).contains(index) else {
            throw .outOfRange(parameter: "MCS index", value: index, allowed: 0...31)
        }
        return entry(unchecked: index)
    }

    func entry(unchecked index: Int) -> Entry {
        let row = self == .qam64 ? MCSTable.table1[index] : MCSTable.table2[index]
        // Every Q_m in the tables is a Modulation raw value.
        let modulation = Modulation(rawValue: row.qm) ?? .qpsk
        return Entry(
            table: self, index: index, modulation: modulation,
            codeRate: row.rX2048 == 0 ? nil : CodeRate(x2048: row.rX2048),
            spectralEfficiencyX10000: row.rX2048 == 0 ? nil : row.seX10000)
    }

    /// The data rows (reserved indices excluded).
    public var dataEntries: [Entry] { (0...maxDataIndex).map { entry(unchecked: $0) } }

    /// Highest non-reserved MCS whose exact efficiency Q_m·R is ≤ `efficiencyX2048`/2048, or nil
    /// when even MCS 0 is above it. Loops over the static table; no allocation.
    func highestIndex(efficiencyAtMostX2048 limit: Int) -> Int? {
        var best: Int?
        for index in 0...maxDataIndex where entry(unchecked: index).efficiencyX2048 <= limit {
            best = index
        }
        return best
    }

    public var description: String {
        self == .qam64 ? "MCS table 1 (38.214 Table 5.1.3.1-1, 64QAM)" : "MCS table 2 (38.214 Table 5.1.3.1-2, 256QAM)"
    }
}
