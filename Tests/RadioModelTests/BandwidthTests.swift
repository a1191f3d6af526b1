import Testing

import RadioModel

@Suite("N_RB — TS 38.101-1/-2 Table 5.3.2-1, RBG size — TS 38.214 Table 5.1.2.2.1-1")
struct BandwidthTests {
    @Test func examplesFromTheBrief() throws {
        #expect(Bandwidth.mhz100.prbCount(numerology: .mu1, frequencyRange: .fr1) == 273)
        #expect(Bandwidth.mhz20.prbCount(numerology: .mu0, frequencyRange: .fr1) == 106)
        #expect(Bandwidth.mhz100.prbCount(numerology: .mu3, frequencyRange: .fr2) == 66)
    }

    @Test func fullFR1Table() throws {
        let columns = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100]
        let rows: [[Int?]] = [
            [25, 52, 79, 106, 133, 160, 188, 216, 242, 270, nil, nil, nil, nil, nil],
            [11, 24, 38, 51, 65, 78, 92, 106, 119, 133, 162, 189, 217, 245, 273],
            [nil, 11, 18, 24, 31, 38, 44, 51, 58, 65, 79, 93, 107, 121, 135],
        ]
        for (mu, row) in rows.enumerated() {
            for (column, mhz) in columns.enumerated() {
                let bw = try Bandwidth(megahertz: mhz)
                #expect(bw.prbCount(numerology: try Numerology(mu), frequencyRange: .fr1) == row[column], "\(mhz) MHz μ\(mu)")
            }
        }
        #expect(Bandwidth.mhz20.prbCount(numerology: .mu3, frequencyRange: .fr1) == nil)
    }

    @Test func fullFR2Table() throws {
        let expected: [(Bandwidth, Int?, Int?)] = [
            (.mhz50, 66, 32), (.mhz100, 132, 66), (.mhz200, 264, 132), (.mhz400, nil, 264),
        ]
        for (bw, at60, at120) in expected {
            #expect(bw.prbCount(numerology: .mu2, frequencyRange: .fr2) == at60)
            #expect(bw.prbCount(numerology: .mu3, frequencyRange: .fr2) == at120)
            #expect(bw.prbCount(numerology: .mu1, frequencyRange: .fr2) == nil)
        }
        #expect(Bandwidth.mhz20.prbCount(numerology: .mu3, frequencyRange: .fr2) == nil)
    }

    @Test func carrierConfig() throws {
        let c = try CarrierConfig(bandwidth: .mhz100, numerology: .mu1, tddPattern: .srsRANDefault)
        #expect(c.prbCount == 273 && c.frequencyRange == .fr1 && c.isTDD)
        let fr2 = try CarrierConfig(bandwidth: .mhz100, numerology: .mu3)
        #expect(fr2.prbCount == 66 && fr2.frequencyRange == .fr2)
        let fr2at60 = try CarrierConfig(bandwidth: .mhz50, numerology: .mu2, frequencyRange: .fr2)
        #expect(fr2at60.prbCount == 66)
        #expect(try CarrierConfig(bandwidth: .mhz50, numerology: .mu2).prbCount == 65)
        #expect(throws: RadioModelError.bandwidthNotDefined(bandwidthMHz: 100, subcarrierSpacingKHz: 15, frequencyRange: .fr1)) {
            try CarrierConfig(bandwidth: .mhz100, numerology: .mu0)
        }
        #expect(throws: RadioModelError.self) { try Bandwidth(megahertz: 55) }
        // A 10-slot pattern at μ=0 would be 10 ms: allowed; 7 slots at μ=1 (3.5 ms) is not.
        #expect(throws: RadioModelError.self) {
            try CarrierConfig(
                bandwidth: .mhz20, numerology: .mu1,
                tddPattern: try TDDPattern(periodSlots: 7, downlinkSlots: 4, uplinkSlots: 2))
        }
    }

    @Test func rbgSize() throws {
        let cases: [(Int, Int, Int)] = [
            (1, 2, 4), (36, 2, 4), (37, 4, 8), (72, 4, 8), (73, 8, 16), (144, 8, 16), (145, 16, 16), (275, 16, 16),
        ]
        for (size, p1, p2) in cases {
            #expect(try RBGConfiguration.config1.nominalSize(bwpSize: size) == p1)
            #expect(try RBGConfiguration.config2.nominalSize(bwpSize: size) == p2)
        }
        #expect(throws: RadioModelError.outOfRange(parameter: "BWP size (PRBs)", value: 0, allowed: 1...275)) {
            try RBGConfiguration.config1.nominalSize(bwpSize: 0)
        }
        // 273 PRB, config 1: P = 16, N_RBG = ⌈273/16⌉ = 18; start 5: ⌈(273 + 5)/16⌉ = 18; 106 PRB: P = 8 → 14.
        #expect(try RBGConfiguration.config1.groupCount(bwpSize: 273) == 18)
        #expect(try RBGConfiguration.config1.groupCount(bwpSize: 273, bwpStart: 5) == 18)
        #expect(try RBGConfiguration.config1.groupCount(bwpSize: 106) == 14)
        #expect(try RBGConfiguration.config1.groupCount(bwpSize: 104, bwpStart: 1) == 14)
    }
}
