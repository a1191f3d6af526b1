import Testing

@testable import RadioModel

/// One TBS case: MCS table, MCS, PRBs, symbols, DMRS REs/PRB, overhead, layers, scaling → expected.
struct TBSCase: Sendable, CustomTestStringConvertible {
    let table: MCSTable
    let mcs: Int
    let prbs: Int
    let symbols: Int
    let dmrs: Int
    var overhead = 0
    var layers = 1
    var scaling = TransportBlockSize.Scaling.one
    let nRE: Int
    let nPrimeInfo: Int
    let codeBlocks: Int
    let tbs: Int

    var testDescription: String {
        "\(table.rawValue) MCS \(mcs), \(prbs) PRB, \(symbols) sym, \(dmrs) DMRS, oh \(overhead), v=\(layers) → \(tbs)"
    }
}

/// Cases worked out by hand from TS 38.214 §5.1.3.2 (R is the table's R×1024 / 1024).
let handWorkedCases: [TBSCase] = [
    // 1. Table 1 MCS 0 (Qm 2, R 120/1024), 1 PRB, 12 symbols, 12 DMRS REs, 1 layer.
    //    N'_RE = 144 − 12 = 132; N_RE = 132; N_info = 132·120/1024·2 = 30.9375 ≤ 3824.
    //    n = max(3, ⌊log2 30.94⌋ − 6 = −2) = 3; N'_info = max(24, 8·⌊3.87⌋ = 24) = 24; table → 24.
    TBSCase(table: .qam64, mcs: 0, prbs: 1, symbols: 12, dmrs: 12, nRE: 132, nPrimeInfo: 24, codeBlocks: 1, tbs: 24),
    // 2. Table 1 MCS 9 (Qm 2, R 679/1024), 10 PRB, 12 symbols, 12 DMRS, 1 layer.
    //    N_RE = 132·10 = 1320; N_info = 1320·679·2/1024 = 1750.546875; ⌊log2⌋ = 10 → n = 4;
    //    N'_info = 16·⌊109.41⌋ = 1744; smallest table entry ≥ 1744 is 1800 (… 1736, 1800).
    TBSCase(table: .qam64, mcs: 9, prbs: 10, symbols: 12, dmrs: 12, nRE: 1320, nPrimeInfo: 1744, codeBlocks: 1, tbs: 1800),
    // 3. Table 1 MCS 5 (Qm 2, R 379/1024), 24 PRB, 12 symbols, 18 DMRS, 1 layer, S = 0.5.
    //    N'_RE = 126; N_RE = 3024; N_info = 0.5·3024·379·2/1024 = 1119.234375; ⌊log2⌋ = 10 → n = 4;
    //    N'_info = 16·⌊69.95⌋ = 1104; table → 1128 (… 1064, 1128).
    TBSCase(
        table: .qam64, mcs: 5, prbs: 24, symbols: 12, dmrs: 18, scaling: .half, nRE: 3024, nPrimeInfo: 1104,
        codeBlocks: 1, tbs: 1128),
    // 4. Table 2 MCS 10 (Qm 4, R 658/1024), 20 PRB, 12 symbols, 12 DMRS, 1 layer.
    //    N_RE = 2640; N_info = 2640·658·4/1024 = 6785.625 > 3824; n = ⌊log2 6761.625⌋ − 5 = 12 − 5 = 7;
    //    N'_info = max(3840, 128·round(52.83) = 128·53) = 6784; R > 1/4 and N'_info ≤ 8424:
    //    TBS = 8·⌈6808/8⌉ − 24 = 6808 − 24 = 6784 (C = 1).
    TBSCase(table: .qam256, mcs: 10, prbs: 20, symbols: 12, dmrs: 12, nRE: 2640, nPrimeInfo: 6784, codeBlocks: 1, tbs: 6784),
    // 5. Table 1 MCS 20 (Qm 6, R 567/1024), 20 PRB, 12 symbols, 12 DMRS, 1 layer.
    //    N_RE = 2640; N_info = 2640·567·6/1024 = 8770.78125; n = ⌊log2 8746.78⌋ − 5 = 13 − 5 = 8;
    //    N'_info = 256·round(34.167) = 256·34 = 8704 > 8424 → C = ⌈8728/8424⌉ = 2;
    //    TBS = 16·⌈8728/16 = 545.5⌉ − 24 = 16·546 − 24 = 8712.
    TBSCase(table: .qam64, mcs: 20, prbs: 20, symbols: 12, dmrs: 12, nRE: 2640, nPrimeInfo: 8704, codeBlocks: 2, tbs: 8712),
    // 6. R ≤ 1/4 branch: table 1 MCS 0 (R 120/1024), 273 PRB, 12 symbols, 12 DMRS, 4 layers.
    //    N_RE = 132·273 = 36036; N_info = 36036·120·2·4/1024 = 33783.75; n = ⌊log2 33759.75⌋ − 5 = 15 − 5 = 10;
    //    N'_info = 1024·round(32.97) = 1024·33 = 33792; C = ⌈33816/3816⌉ = 9;
    //    TBS = 72·⌈33816/72 = 469.67⌉ − 24 = 72·470 − 24 = 33816.
    TBSCase(
        table: .qam64, mcs: 0, prbs: 273, symbols: 12, dmrs: 12, layers: 4, nRE: 36036, nPrimeInfo: 33792,
        codeBlocks: 9, tbs: 33816),
    // 7. R ≤ 1/4 just above the table: table 1 MCS 3 (R 251/1024), 60 PRB, 12 symbols, 12 DMRS, 1 layer.
    //    N_RE = 7920; N_info = 7920·251·2/1024 = 3882.65625 > 3824; n = ⌊log2 3858.66⌋ − 5 = 11 − 5 = 6;
    //    N'_info = max(3840, 64·round(60.29) = 3840) = 3840; C = ⌈3864/3816⌉ = 2;
    //    TBS = 16·⌈3864/16 = 241.5⌉ − 24 = 16·242 − 24 = 3848.
    TBSCase(table: .qam64, mcs: 3, prbs: 60, symbols: 12, dmrs: 12, nRE: 7920, nPrimeInfo: 3840, codeBlocks: 2, tbs: 3848),
    // 8. Rounding tie (ties go to the larger integer): table 1 MCS 0, 128 PRB, 12 symbols, 12 DMRS, 1 layer.
    //    N_RE = 16896; N_info = 16896·120·2/1024 = 3960; n = ⌊log2 3936⌋ − 5 = 11 − 5 = 6;
    //    (N_info − 24)/2^6 = 61.5 → 62; N'_info = 3968; R ≤ 1/4: C = ⌈3992/3816⌉ = 2;
    //    TBS = 16·⌈3992/16 = 249.5⌉ − 24 = 4000 − 24 = 3976. (Rounding the tie down would give 3912.)
    TBSCase(table: .qam64, mcs: 0, prbs: 128, symbols: 12, dmrs: 12, nRE: 16896, nPrimeInfo: 3968, codeBlocks: 2, tbs: 3976),
    // 9. Rounding tie in the BG1 branch: table 2 MCS 27 (Qm 8, R 948/1024), 32 PRB, 12 symbols, 24 DMRS.
    //    N'_RE = 120; N_RE = 3840; N_info = 3840·948·8/1024 = 28440; n = ⌊log2 28416⌋ − 5 = 14 − 5 = 9;
    //    28416/512 = 55.5 → 56; N'_info = 28672 > 8424: C = ⌈28696/8424⌉ = 4;
    //    TBS = 32·⌈28696/32 = 896.75⌉ − 24 = 28704 − 24 = 28680.
    TBSCase(table: .qam256, mcs: 27, prbs: 32, symbols: 12, dmrs: 24, nRE: 3840, nPrimeInfo: 28672, codeBlocks: 4, tbs: 28680),
    // 10. 156-RE cap: table 1 MCS 28 (Qm 6, R 948/1024), 106 PRB, 14 symbols, 0 DMRS, 1 layer.
    //    N'_RE = 168 → min(156, 168) = 156; N_RE = 16536; N_info = 16536·948·6/1024 = 91852.3125;
    //    n = ⌊log2 91828.31⌋ − 5 = 16 − 5 = 11; N'_info = 2048·round(44.84) = 2048·45 = 92160;
    //    C = ⌈92184/8424⌉ = 11; TBS = 88·⌈92184/88 = 1047.55⌉ − 24 = 88·1048 − 24 = 92200.
    TBSCase(table: .qam64, mcs: 28, prbs: 106, symbols: 14, dmrs: 0, nRE: 16536, nPrimeInfo: 92160, codeBlocks: 11, tbs: 92200),
    // 11. R×1024 = 682.5 with xOverhead 6: table 2 MCS 20 (Qm 8), 52 PRB, 13 symbols, 12 DMRS, 2 layers.
    //    N'_RE = 156 − 12 − 6 = 138; N_RE = 7176; N_info = 7176·682.5·8·2/1024 = 76525.3125;
    //    n = ⌊log2 76501.31⌋ − 5 = 16 − 5 = 11; N'_info = 2048·round(37.35) = 2048·37 = 75776;
    //    C = ⌈75800/8424⌉ = 9; TBS = 72·⌈75800/72 = 1052.78⌉ − 24 = 72·1053 − 24 = 75792.
    TBSCase(
        table: .qam256, mcs: 20, prbs: 52, symbols: 13, dmrs: 12, overhead: 6, layers: 2, nRE: 7176,
        nPrimeInfo: 75776, codeBlocks: 9, tbs: 75792),
    // 12. Peak, 156 REs/PRB: table 2 MCS 27 (Qm 8, R 948/1024), 273 PRB, 14 symbols, 12 DMRS, 4 layers.
    //    N'_RE = 168 − 12 = 156; N_RE = 42588; N_info = 42588·948·8·4/1024 = 1261669.5;
    //    n = ⌊log2 1261645.5⌋ − 5 = 20 − 5 = 15; N'_info = 32768·round(38.502) = 32768·39 = 1277952;
    //    C = ⌈1277976/8424⌉ = 152; TBS = 1216·⌈1277976/1216 = 1050.97⌉ − 24 = 1216·1051 − 24 = 1277992
    //    (the commonly quoted single-carrier 4-layer 256QAM peak TBS).
    TBSCase(
        table: .qam256, mcs: 27, prbs: 273, symbols: 14, dmrs: 12, layers: 4, nRE: 42588, nPrimeInfo: 1_277_952,
        codeBlocks: 152, tbs: 1_277_992),
    // 13. Same with 12 symbols: N'_RE = 144 − 12 = 132; N_RE = 36036; N_info = 36036·948·32/1024 = 1067566.5;
    //    n = ⌊log2 1067542.5⌋ − 5 = 20 − 5 = 15; N'_info = 32768·round(32.579) = 32768·33 = 1081344;
    //    C = ⌈1081368/8424⌉ = 129; TBS = 1032·⌈1081368/1032 = 1047.84⌉ − 24 = 1032·1048 − 24 = 1081512.
    TBSCase(
        table: .qam256, mcs: 27, prbs: 273, symbols: 12, dmrs: 12, layers: 4, nRE: 36036, nPrimeInfo: 1_081_344,
        codeBlocks: 129, tbs: 1_081_512),
]

@Suite("TBS — TS 38.214 §5.1.3.2")
struct TransportBlockSizeTests {
    @Test("hand-worked cases", arguments: handWorkedCases)
    func handWorked(_ c: TBSCase) throws {
        let t = try TransportBlockSize(
            table: c.table, mcs: c.mcs, prbs: c.prbs, symbols: c.symbols, dmrsREsPerPRB: c.dmrs,
            overheadREsPerPRB: c.overhead, layers: c.layers, scaling: c.scaling)
        #expect(t.resourceElements == c.nRE)
        #expect(t.quantizedInformationBits == c.nPrimeInfo)
        #expect(t.codeBlocks == c.codeBlocks)
        #expect(t.bits == c.tbs)
        #expect(t.bytes * 8 == t.bits)
        #expect(t.fromTable == (t.informationBits <= 3824))
    }

    @Test func intermediateValuesOfCase2() throws {
        let t = try TransportBlockSize(table: .qam64, mcs: 9, prbs: 10, symbols: 12, dmrsREsPerPRB: 12)
        #expect(t.resourceElementsPerPRB == 132)
        #expect(t.informationBits == 1750.546875)
        #expect(t.quantizationExponent == 4)
        #expect(t.fromTable)
    }

    /// Cross-check: srsRAN Project's `tbs_calculator_test_data.h` (generated with MATLAB's nrTBS).
    /// Grid: 12 symbols; Q_m ∈ {2,4,6,8}; v ∈ {1,4}; n_PRB ∈ {6,11}; DMRS ∈ {6,36}; R ∈ {0.1, 0.9};
    /// N_oh ∈ {0,12}; TB scaling field ∈ {0 (S=1), 2 (S=0.25)} — nested in that order, last fastest.
    @Test func matlabVectorsFromSRSRAN() throws {
        let expected: [Int] = [
            160, 40, 144, 32, 1544, 368, 1416, 336, 128, 32, 112, 24, 1160, 288, 1032, 256,
            304, 72, 272, 64, 2728, 704, 2472, 640, 240, 56, 208, 48, 2152, 528, 1928, 480,
            672, 160, 608, 144, 5888, 1544, 5376, 1416, 528, 128, 456, 112, 4608, 1160, 4096, 1032,
            1224, 304, 1128, 272, 11016, 2728, 9992, 2472, 984, 240, 848, 208, 8456, 2152, 7552, 1928,
            336, 80, 304, 72, 2976, 768, 2728, 704, 256, 64, 224, 56, 2408, 576, 2088, 528,
            608, 144, 552, 136, 5504, 1416, 4992, 1256, 480, 112, 432, 104, 4224, 1064, 3824, 984,
            1320, 336, 1224, 304, 11784, 2976, 10760, 2728, 1032, 256, 928, 224, 9224, 2408, 8192, 2088,
            2408, 608, 2216, 552, 22032, 5504, 19968, 4992, 1928, 480, 1736, 432, 16896, 4224, 15112, 3824,
            504, 120, 456, 112, 4480, 1128, 4032, 1032, 384, 96, 352, 80, 3496, 888, 3104, 808,
            928, 224, 848, 208, 8192, 2088, 7424, 1864, 736, 176, 640, 152, 6400, 1608, 5632, 1480,
            2024, 504, 1864, 456, 17928, 4480, 16392, 4032, 1608, 384, 1416, 352, 14088, 3496, 12552, 3104,
            3624, 928, 3368, 848, 32776, 8192, 29704, 7424, 2856, 736, 2536, 640, 25608, 6400, 23040, 5632,
            672, 160, 608, 144, 5888, 1544, 5376, 1416, 528, 128, 456, 112, 4608, 1160, 4096, 1032,
            1224, 304, 1128, 272, 11016, 2728, 9992, 2472, 984, 240, 848, 208, 8456, 2152, 7552, 1928,
            2664, 672, 2408, 608, 24072, 5888, 21504, 5376, 2088, 528, 1864, 456, 18432, 4608, 16392, 4096,
            4872, 1224, 4360, 1128, 44040, 11016, 39936, 9992, 3824, 984, 3368, 848, 33816, 8456, 30216, 7552,
        ]
        var i = 0
        for qm in [2, 4, 6, 8] {
            for layers in [1, 4] {
                for prbs in [6, 11] {
                    for dmrs in [6, 36] {
                        for tenths in [1, 9] {
                            for overhead in [0, 12] {
                                for scaling in [TransportBlockSize.Scaling.one, .quarter] {
                                    let t = try TransportBlockSize(
                                        modulationOrder: qm, codeRate: CodeRate(numerator: tenths, denominator: 10),
                                        prbs: prbs, symbols: 12, dmrsREsPerPRB: dmrs, overheadREsPerPRB: overhead,
                                        layers: layers, scaling: scaling)
                                    #expect(t.bits == expected[i], "vector \(i)")
                                    i += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(i == expected.count)
    }

    @Test func tableIsTable5_1_3_2_1() {
        let sizes = TransportBlockSize.smallSizes
        #expect(sizes.count == 93)
        #expect(sizes.first == 24 && sizes.last == 3824)
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 < $1 && $1 % 8 == 0 })
        #expect(TransportBlockSize.smallestTableEntry(atLeast: 24) == 24)
        #expect(TransportBlockSize.smallestTableEntry(atLeast: 25) == 32)
        #expect(TransportBlockSize.smallestTableEntry(atLeast: 2281) == 2408)
        #expect(TransportBlockSize.smallestTableEntry(atLeast: 3824) == 3824)
    }

    @Test func floorLog2IsExact() {
        #expect(TransportBlockSize.floorLog2(1, 1) == 0)
        #expect(TransportBlockSize.floorLog2(1023, 1) == 9)
        #expect(TransportBlockSize.floorLog2(1024, 1) == 10)
        #expect(TransportBlockSize.floorLog2(2048, 2048) == 0)
        #expect(TransportBlockSize.floorLog2(2047, 2048) == -1)
        #expect(TransportBlockSize.floorLog2(1, 2048) == -11)
        #expect(TransportBlockSize.floorLog2(3 * 1024, 3) == 10)
        #expect(TransportBlockSize.floorLog2(3 * 1024 - 1, 3) == 9)
    }

    /// TBS never decreases with more PRBs, for every data MCS of both tables.
    @Test(arguments: MCSTable.allCases)
    func monotoneInPRBs(_ table: MCSTable) throws {
        for mcs in 0...table.maxDataIndex {
            for (symbols, dmrs, layers) in [(12, 12, 1), (14, 12, 2), (7, 6, 4), (2, 6, 1)] {
                var previous = 0
                for prbs in 1...275 {
                    let t = try TransportBlockSize(
                        table: table, mcs: mcs, prbs: prbs, symbols: symbols, dmrsREsPerPRB: dmrs, layers: layers)
                    #expect(t.bits >= previous, "MCS \(mcs) PRB \(prbs)")
                    previous = t.bits
                }
            }
        }
    }

    /// TBS is non-decreasing in MCS within a table except at table 1's 16 → 17 step, where the
    /// spec's own efficiency drops (16QAM 658/1024 = 2.5703 → 64QAM 438/1024 = 2.5664); ordered by
    /// exact efficiency Q_m·R it is monotone in both tables.
    @Test(arguments: MCSTable.allCases)
    func monotoneInMCS(_ table: MCSTable) throws {
        let byEfficiency = table.dataEntries.sorted { $0.efficiencyX2048 < $1.efficiencyX2048 }
        var sawDrop = false
        for prbs in [1, 2, 3, 7, 24, 51, 106, 162, 273] {
            for (symbols, dmrs, layers) in [(12, 12, 1), (14, 18, 4), (4, 6, 2)] {
                func tbs(_ mcs: Int) throws -> Int {
                    try TransportBlockSize(
                        table: table, mcs: mcs, prbs: prbs, symbols: symbols, dmrsREsPerPRB: dmrs, layers: layers
                    ).bits
                }
                var previous = 0
                for entry in byEfficiency {
                    let bits = try tbs(entry.index)
                    #expect(bits >= previous, "\(table) MCS \(entry.index) PRB \(prbs)")
                    previous = bits
                }
                for mcs in 1...table.maxDataIndex {
                    let (a, b) = (try tbs(mcs - 1), try tbs(mcs))
                    if b < a {
                        sawDrop = true
                        #expect(table == .qam64 && mcs == 17, "unexpected drop at \(table) MCS \(mcs)")
                    }
                }
            }
        }
        #expect(sawDrop == (table == .qam64))
    }

    /// Multiple of 8; for C > 1, TBS + 24 divisible by C (and by 8·C); C matches 38.212 segmentation.
    @Test func divisibilityAndSegmentationAgree() throws {
        for table in MCSTable.allCases {
            for mcs in 0...table.maxDataIndex {
                let rate = try #require(try table.entry(mcs).codeRate)
                for prbs in stride(from: 1, through: 275, by: 7) {
                    for layers in 1...4 {
                        let t = try TransportBlockSize(
                            table: table, mcs: mcs, prbs: prbs, symbols: 13, dmrsREsPerPRB: 18, layers: layers)
                        #expect(t.bits % 8 == 0)
                        if t.codeBlocks > 1 { #expect((t.bits + 24) % (8 * t.codeBlocks) == 0) }
                        let seg = try CodeBlockSegmentation(transportBlockBits: t.bits, codeRate: rate)
                        #expect(seg.codeBlocks == t.codeBlocks, "\(table) MCS \(mcs) PRB \(prbs) v \(layers)")
                    }
                }
            }
        }
    }

    @Test func errorsNameTheValue() {
        #expect(throws: RadioModelError.reservedMCS(index: 29, table: .qam64)) {
            try TransportBlockSize(table: .qam64, mcs: 29, prbs: 10, symbols: 12, dmrsREsPerPRB: 12)
        }
        #expect(throws: RadioModelError.reservedMCS(index: 28, table: .qam256)) {
            try TransportBlockSize(table: .qam256, mcs: 28, prbs: 10, symbols: 12, dmrsREsPerPRB: 12)
        }
        #expect(throws: RadioModelError.outOfRange(parameter: "PRBs", value: 276, allowed: 1...275)) {
            try TransportBlockSize(table: .qam64, mcs: 1, prbs: 276, symbols: 12, dmrsREsPerPRB: 12)
        }
        #expect(throws: RadioModelError.outOfRange(parameter: "layers", value: 5, allowed: 1...4)) {
            try TransportBlockSize(table: .qam64, mcs: 1, prbs: 1, symbols: 12, dmrsREsPerPRB: 12, layers: 5)
        }
        #expect(throws: RadioModelError.noDataResourceElements(symbols: 1, dmrsREsPerPRB: 12, overheadREsPerPRB: 0)) {
            try TransportBlockSize(table: .qam64, mcs: 1, prbs: 1, symbols: 1, dmrsREsPerPRB: 12)
        }
        #expect(throws: RadioModelError.notAllowed(parameter: "overhead REs per PRB", value: 5, allowed: [0, 6, 12, 18])) {
            try TransportBlockSize(table: .qam64, mcs: 1, prbs: 1, symbols: 12, dmrsREsPerPRB: 12, overheadREsPerPRB: 5)
        }
        #expect(throws: RadioModelError.invalidCodeRate(numerator: 3, denominator: 2)) {
            try CodeRate(numerator: 3, denominator: 2)
        }
    }
}
