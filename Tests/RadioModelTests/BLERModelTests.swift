import Testing

@testable import RadioModel

@Suite("BLER model")
struct BLERModelTests {
    let model = BLERModel.standard

    @Test func tenPercentAtThreshold() throws {
        for table in MCSTable.allCases {
            for entry in table.dataEntries {
                let threshold = try model.thresholdSINRDB(mcs: entry)
                let bler = try model.bler(mcs: entry, sinrDB: threshold)
                #expect(abs(bler - 0.1) < 1e-12)
                // 10 % → 1 % over the waterfall width; 55 % the same distance below.
                #expect(abs(try model.bler(mcs: entry, sinrDB: threshold + 1) - 0.01) < 1e-12)
                #expect(abs(try model.bler(mcs: entry, sinrDB: threshold - 1) - 0.55) < 1e-12)  // 1/(1 + 9/11)
            }
        }
    }

    @Test func formula() throws {
        // η = 2 (e.g. 16QAM R = 1/2): γ10 = 1.5 + 10·log10(3) = 6.2712125472 dB.
        #expect(abs(model.thresholdSINRDB(efficiency: 2) - (1.5 + 4.771212547196624)) < 1e-12)
        // Chase combining: 2 transmissions add 10·log10 2 dB.
        let at = model.thresholdSINRDB(efficiency: 2) - 3.010299956639812
        #expect(abs(model.bler(efficiency: 2, sinrDB: at, transmissions: 2) - 0.1) < 1e-12)
        #expect(model.bler(efficiency: 2, sinrDB: -.infinity) == 1)
        #expect(model.bler(efficiency: 2, sinrDB: .infinity) == 0)
    }

    @Test func cqiRoundTrip() throws {
        for table in CQITable.allCases {
            #expect(model.cqi(sinrDB: -30, table: table) == 0)
            #expect(model.cqi(sinrDB: 60, table: table) == 15)
            for cqi in 1...15 {
                let sinr = try model.sinrDB(cqi: cqi, table: table)
                #expect(model.cqi(sinrDB: sinr, table: table) == cqi)
                #expect(model.cqi(sinrDB: sinr - 1e-9, table: table) == cqi - 1)
            }
        }
    }

    @Test func blerAgainstChannelCQI() throws {
        for table in CQITable.allCases {
            let mcsTable = table.matchingMCSTable
            #expect(try model.bler(mcs: mcsTable.entry(5), cqi: 0) == 1)
            for cqi in 2...15 {
                let mcs = try #require(try table.mcsIndex(forCQI: cqi))
                let matched = try model.bler(mcs: mcsTable.entry(mcs), cqi: cqi)
                #expect(matched <= 0.1 + 1e-12)
                if mcs < mcsTable.maxDataIndex {
                    #expect(try model.bler(mcs: mcsTable.entry(mcs + 1), cqi: cqi) > 0.1)
                }
            }
        }
        #expect(throws: RadioModelError.reservedMCS(index: 30, table: .qam64)) {
            try model.bler(mcs: MCSTable.qam64.entry(30), sinrDB: 10)
        }
    }

    @Test func decodesIsSeeded() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        var successes = 0
        for _ in 0..<10_000 {
            let x = BLERModel.decodes(bler: 0.3, using: &a)
            #expect(x == BLERModel.decodes(bler: 0.3, using: &b))
            if x { successes += 1 }
        }
        #expect((6700...7300).contains(successes))
    }

    @Test func validation() {
        #expect(throws: RadioModelError.self) { try BLERModel(waterfallWidthDB: 0) }
        #expect(throws: RadioModelError.self) { try BLERModel(shannonGapDB: .nan) }
    }
}

@Suite("SplitMix64")
struct MathTests {
    @Test func splitMix64ReferenceStream() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
        var u = SplitMix64(seed: 99)
        for _ in 0..<1000 {
            let x = u.nextUnitDouble()
            #expect(x >= 0 && x < 1)
        }
    }
}
