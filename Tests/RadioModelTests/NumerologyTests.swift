import Testing

import RadioModel

@Suite("Numerology — TS 38.211 §4")
struct NumerologyTests {
    @Test func values() throws {
        let expected: [(scs: Int, slotNs: Int, perSubframe: Int, perFrame: Int)] = [
            (15, 1_000_000, 1, 10), (30, 500_000, 2, 20), (60, 250_000, 4, 40), (120, 125_000, 8, 80),
            (240, 62_500, 16, 160),
        ]
        for (mu, e) in expected.enumerated() {
            let n = try Numerology(mu)
            #expect(n.subcarrierSpacingKHz == e.scs)
            #expect(n.slotDurationNanoseconds == e.slotNs)
            #expect(n.slotsPerSubframe == e.perSubframe)
            #expect(n.slotsPerFrame == e.perFrame)
            #expect(n.symbolsPerSlot == 14)
            #expect(n.slotsPerFrame * n.slotDurationNanoseconds == 10_000_000)
            #expect(try Numerology(subcarrierSpacingKHz: e.scs) == n)
        }
        #expect(Numerology.all.map(\.mu) == [0, 1, 2, 3, 4])
    }

    @Test func invalid() {
        #expect(throws: RadioModelError.outOfRange(parameter: "numerology μ", value: 5, allowed: 0...4)) {
            try Numerology(5)
        }
        #expect(throws: RadioModelError.notAllowed(parameter: "subcarrier spacing kHz", value: 45, allowed: [15, 30, 60, 120, 240])) {
            try Numerology(subcarrierSpacingKHz: 45)
        }
    }
}
