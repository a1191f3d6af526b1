import Testing

import RadioModel

@Suite("TDD pattern — TS 38.331 TDD-UL-DL-Pattern")
struct TDDPatternTests {
    @Test func sevenDownTwoUp() throws {
        // Period 10 slots, 7 DL slots + 8 DL symbols + 2 UL slots: DDDDDDDSUU.
        let p = try TDDPattern(periodSlots: 10, downlinkSlots: 7, downlinkSymbols: 8, uplinkSlots: 2)
        #expect(p == .dddddddsuu)
        let directions = (0..<10).map { p.direction(ofSlot: $0) }
        #expect(Array(directions[0..<7]) == Array(repeating: .downlink, count: 7))
        #expect(directions[7] == .special(downlinkSymbols: 8, uplinkSymbols: 0))
        #expect(directions[8] == .uplink && directions[9] == .uplink)
        #expect(p.direction(ofSlot: 17) == .special(downlinkSymbols: 8, uplinkSymbols: 0))
        #expect(p.direction(ofSlot: 1_000_009) == .uplink)
        #expect(p.direction(ofSlot: -1) == .uplink)
        #expect(p.downlinkSymbolsPerPeriod == 7 * 14 + 8)
        #expect(p.uplinkSymbolsPerPeriod == 28)
        #expect(p.flexibleSymbolsPerPeriod == 6)
        #expect(p.downlinkSymbols(inSlot: 7) == 8 && p.uplinkSymbols(inSlot: 9) == 14)
        // 10 slots are 10, 5, 2.5, 1.25 and 0.625 ms at μ = 0…4: all 38.331 periodicities.
        for numerology in Numerology.all { try p.validatePeriodicity(numerology: numerology) }
        let seven = try TDDPattern(periodSlots: 7, downlinkSlots: 4, uplinkSlots: 2)
        #expect(
            throws: RadioModelError.tddPeriodicityNotAllowed(
                periodSlots: 7, numerology: 1,
                allowedMicroseconds: [500, 625, 1000, 1250, 2000, 2500, 3000, 4000, 5000, 10000])
        ) { try seven.validatePeriodicity(numerology: .mu1) }
    }

    @Test func srsRANDefault() {
        let p = TDDPattern.srsRANDefault
        #expect(p.periodSlots == 10 && p.downlinkSlots == 6 && p.downlinkSymbols == 8 && p.uplinkSlots == 3)
        #expect(p.direction(ofSlot: 6) == .special(downlinkSymbols: 8, uplinkSymbols: 0))
        #expect(p.direction(ofSlot: 7) == .uplink)
    }

    @Test func separateMixedSlots() throws {
        // 5 slots, 2 DL + 4 DL symbols, 1 UL + 3 UL symbols: D D S(4,0) S(0,3) U.
        let p = try TDDPattern(periodSlots: 5, downlinkSlots: 2, downlinkSymbols: 4, uplinkSlots: 1, uplinkSymbols: 3)
        #expect(p.direction(ofSlot: 2) == .special(downlinkSymbols: 4, uplinkSymbols: 0))
        #expect(p.direction(ofSlot: 3) == .special(downlinkSymbols: 0, uplinkSymbols: 3))
        // One mixed slot carrying both.
        let q = try TDDPattern(periodSlots: 4, downlinkSlots: 2, downlinkSymbols: 10, uplinkSlots: 1, uplinkSymbols: 2)
        #expect(q.direction(ofSlot: 2) == .special(downlinkSymbols: 10, uplinkSymbols: 2))
        // Flexible slots between.
        let r = try TDDPattern(periodSlots: 10, downlinkSlots: 3, uplinkSlots: 3)
        #expect(r.direction(ofSlot: 5) == .special(downlinkSymbols: 0, uplinkSymbols: 0))
    }

    @Test func validation() {
        #expect(throws: RadioModelError.self) { try TDDPattern(periodSlots: 10, downlinkSlots: 8, uplinkSlots: 3) }
        #expect(throws: RadioModelError.self) {
            try TDDPattern(periodSlots: 10, downlinkSlots: 8, downlinkSymbols: 2, uplinkSlots: 2)
        }
        #expect(throws: RadioModelError.self) {
            try TDDPattern(periodSlots: 4, downlinkSlots: 2, downlinkSymbols: 10, uplinkSlots: 1, uplinkSymbols: 5)
        }
        #expect(throws: RadioModelError.outOfRange(parameter: "TDD downlink symbols", value: 14, allowed: 0...13)) {
            try TDDPattern(periodSlots: 10, downlinkSlots: 7, downlinkSymbols: 14, uplinkSlots: 2)
        }
        #expect(throws: RadioModelError.outOfRange(parameter: "TDD period (slots)", value: 0, allowed: 1...320)) {
            try TDDPattern(periodSlots: 0, downlinkSlots: 0, uplinkSlots: 0)
        }
        let misfit = RadioModelError.tddPatternDoesNotFit(
            periodSlots: 10, downlinkSlots: 8, downlinkSymbols: 0, uplinkSlots: 3, uplinkSymbols: 0,
            reason: "DL slots + UL slots exceed the period")
        #expect(throws: misfit) { try TDDPattern(periodSlots: 10, downlinkSlots: 8, uplinkSlots: 3) }
    }
}
