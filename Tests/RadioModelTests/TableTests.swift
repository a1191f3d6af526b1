import Testing

@testable import RadioModel

@Suite("CQI and MCS tables — TS 38.214 §5.2.2.1, §5.1.3.1")
struct TableTests {
    /// Table 5.1.3.1-1 as printed: (Q_m, R×1024, spectral efficiency).
    static let mcsTable1: [(Int, Double, Double)] = [
        (2, 120, 0.2344), (2, 157, 0.3066), (2, 193, 0.3770), (2, 251, 0.4902), (2, 308, 0.6016),
        (2, 379, 0.7402), (2, 449, 0.8770), (2, 526, 1.0273), (2, 602, 1.1758), (2, 679, 1.3262),
        (4, 340, 1.3281), (4, 378, 1.4766), (4, 434, 1.6953), (4, 490, 1.9141), (4, 553, 2.1602),
        (4, 616, 2.4063), (4, 658, 2.5703), (6, 438, 2.5664), (6, 466, 2.7305), (6, 517, 3.0293),
        (6, 567, 3.3223), (6, 616, 3.6094), (6, 666, 3.9023), (6, 719, 4.2129), (6, 772, 4.5234),
        (6, 822, 4.8164), (6, 873, 5.1152), (6, 910, 5.3320), (6, 948, 5.5547),
    ]
    /// Table 5.1.3.1-2 as printed.
    static let mcsTable2: [(Int, Double, Double)] = [
        (2, 120, 0.2344), (2, 193, 0.3770), (2, 308, 0.6016), (2, 449, 0.8770), (2, 602, 1.1758),
        (4, 378, 1.4766), (4, 434, 1.6953), (4, 490, 1.9141), (4, 553, 2.1602), (4, 616, 2.4063),
        (4, 658, 2.5703), (6, 466, 2.7305), (6, 517, 3.0293), (6, 567, 3.3223), (6, 616, 3.6094),
        (6, 666, 3.9023), (6, 719, 4.2129), (6, 772, 4.5234), (6, 822, 4.8164), (6, 873, 5.1152),
        (8, 682.5, 5.3320), (8, 711, 5.5547), (8, 754, 5.8906), (8, 797, 6.2266), (8, 841, 6.5703),
        (8, 885, 6.9141), (8, 916.5, 7.1602), (8, 948, 7.4063),
    ]

    @Test(arguments: MCSTable.allCases)
    func mcsTableAsPrinted(_ table: MCSTable) throws {
        let printed = table == .qam64 ? Self.mcsTable1 : Self.mcsTable2
        #expect(printed.count == table.maxDataIndex + 1)
        for (index, row) in printed.enumerated() {
            let e = try table.entry(index)
            #expect(e.modulationOrder == row.0)
            #expect(e.targetCodeRateX1024 == row.1)
            #expect(e.spectralEfficiency == row.2)
            // The printed efficiency is Q_m·R rounded to 4 decimals.
            let exact = try #require(e.efficiency)
            #expect(abs(exact - row.2) <= 0.00005 + 1e-12, "MCS \(index)")
        }
        let reservedOrders = table == .qam64 ? [2, 4, 6] : [2, 4, 6, 8]
        for (offset, qm) in reservedOrders.enumerated() {
            let e = try table.entry(table.maxDataIndex + 1 + offset)
            #expect(e.isReserved && e.modulationOrder == qm && e.codeRate == nil && e.spectralEfficiency == nil)
        }
        #expect(throws: RadioModelError.outOfRange(parameter: "MCS index", value: 32, allowed: 0...31)) {
            try table.entry(32)
        }
    }

    @Test func cqiTablesAsPrinted() throws {
        let t1: [(Int, Int, Double)] = [
            (2, 78, 0.1523), (2, 120, 0.2344), (2, 193, 0.3770), (2, 308, 0.6016), (2, 449, 0.8770),
            (2, 602, 1.1758), (4, 378, 1.4766), (4, 490, 1.9141), (4, 616, 2.4063), (6, 466, 2.7305),
            (6, 567, 3.3223), (6, 666, 3.9023), (6, 772, 4.5234), (6, 873, 5.1152), (6, 948, 5.5547),
        ]
        let t2: [(Int, Int, Double)] = [
            (2, 78, 0.1523), (2, 193, 0.3770), (2, 449, 0.8770), (4, 378, 1.4766), (4, 490, 1.9141),
            (4, 616, 2.4063), (6, 466, 2.7305), (6, 567, 3.3223), (6, 666, 3.9023), (6, 772, 4.5234),
            (6, 873, 5.1152), (8, 711, 5.5547), (8, 797, 6.2266), (8, 885, 6.9141), (8, 948, 7.4063),
        ]
        for (table, rows) in [(CQITable.table1, t1), (.table2, t2)] {
            let zero = try table.entry(0)
            #expect(zero.isOutOfRange && zero.modulationOrder == 0 && zero.codeRateX1024 == 0)
            for (i, row) in rows.enumerated() {
                let e = try table.entry(i + 1)
                #expect(e.modulationOrder == row.0 && e.codeRateX1024 == row.1 && e.efficiency == row.2)
                #expect(abs(e.exactEfficiency - row.2) <= 0.00005 + 1e-12)
            }
            #expect(throws: RadioModelError.outOfRange(parameter: "CQI", value: 16, allowed: 0...15)) {
                try table.entry(16)
            }
        }
    }

    @Test func cqiToMCS() throws {
        // Highest MCS with efficiency ≤ the CQI's; CQI 1 is clamped to MCS 0; CQI 0 → nil.
        let expected1 = [nil, 0, 0, 2, 4, 6, 8, 11, 13, 15, 18, 20, 22, 24, 26, 28]
        let expected2 = [nil, 0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27]
        for cqi in 0...15 {
            #expect(try CQITable.table1.mcsIndex(forCQI: cqi) == expected1[cqi], "table 1 CQI \(cqi)")
            #expect(try CQITable.table2.mcsIndex(forCQI: cqi) == expected2[cqi], "table 2 CQI \(cqi)")
        }
        #expect(CQITable.table1.matchingMCSTable == .qam64 && MCSTable.qam256.matchingCQITable == .table2)
    }
}
