/// The fronthaul frame types with their names, and sample frames. Every sample encodes (with
/// `FronthaulOptions.default`: eAxC 4/4/4/4, udCompHdr present in U-plane) to a full frame —
/// eCPRI header plus O-RAN payload — and decodes back to the same value.
public enum FronthaulCatalog {
    public static let types: [(name: String, type: any FronthaulFrame.Type)] = [
        ("CPlaneMessage", CPlaneMessage.self),
        ("UPlaneMessage", UPlaneMessage.self),
        ("FronthaulMessage", FronthaulMessage.self),
    ]

    /// Deterministic test I/Q: a sum of two tones with PRB-dependent amplitude (so BFP exponents vary),
    /// `prbCount` × 24 values.
    public static func testIQ(prbCount: Int, seed: Int = 1) -> [Int16] {
        var out: [Int16] = []
        out.reserveCapacity(prbCount * 24)
        var state = UInt32(truncatingIfNeeded: seed &* 2_654_435_761 | 1)
        for p in 0 ..< prbCount {
            let amplitude = Int32(1) << Int32(6 + (p * 5 + seed) % 10)  // 64 … 32768
            for _ in 0 ..< 24 {
                state = state &* 1_664_525 &+ 1_013_904_223  // LCG
                let r = Int32(bitPattern: state) >> 16  // −32768 … 32767
                let v = (Int64(r) * Int64(amplitude)) >> 15
                out.append(Int16(clamping: v))
            }
        }
        return out
    }

    public static func samples() -> [(name: String, value: any FronthaulFrame)] {
        let eAxC = EAxCID(duPort: 1, bandSector: 2, ccId: 3, ruPort: 5)
        let ul = EAxCID(duPort: 0, bandSector: 1, ccId: 0, ruPort: 2)
        let dl1 = CPlaneMessage(
            eAxC: eAxC, sequence: SequenceID(sequenceId: 0x2A), dataDirection: .downlink, filterIndex: 0,
            frameId: 117, subframeId: 7, slotId: 1, startSymbolId: 2, sectionType: .type1(udCompHdr: .bfp(9)),
            sections: [
                CPlaneSection(sectionId: 1, startPrbc: 0, numPrbc: 48, numSymbol: 12, beamId: 1),
                CPlaneSection(sectionId: 2, symInc: false, startPrbc: 48, numPrbc: 100, reMask: 0xAAA, numSymbol: 12, beamId: 0x1234),
                CPlaneSection(sectionId: 0xFFF, startPrbc: 148, numPrbc: 125, numSymbol: 1, beamId: 0x7FFF),
            ])
        let ul1 = CPlaneMessage(
            eAxC: ul, sequence: SequenceID(sequenceId: 200, eBit: true, subsequenceId: 0), dataDirection: .uplink, filterIndex: 0,
            frameId: 3, subframeId: 9, slotId: 0, startSymbolId: 0, sectionType: .type1(udCompHdr: .bfp(14)),
            sections: [CPlaneSection(sectionId: 10, startPrbc: 0, numPrbc: 0, numSymbol: 14, beamId: 3)])
        let prach = CPlaneMessage(
            eAxC: EAxCID(duPort: 0, bandSector: 0, ccId: 1, ruPort: 4), sequence: SequenceID(sequenceId: 255),
            dataDirection: .uplink, filterIndex: 1, frameId: 255, subframeId: 4, slotId: 1, startSymbolId: 0,
            sectionType: .type3(timeOffset: 2026, frameStructure: FrameStructure(fftSize: 12, subcarrierSpacing: 1), cpLength: 0,
                                udCompHdr: .bfp(9)),
            sections: [CPlaneSection(sectionId: 7, startPrbc: 0, numPrbc: 12, numSymbol: 12, beamId: 5, freqOffset: -792)])

        func uPlane(_ name: String, _ dir: DataDirection, _ id: EAxCID, seq: SequenceID, symbol: UInt8,
                    _ parts: [(section: UInt16, start: UInt16, prbs: Int, compression: UdCompHdr)]) -> (String, any FronthaulFrame) {
            let sections = parts.enumerated().map { i, p in
                // samples always compress: the generated values fit the chosen widths
                try! UPlaneSection(sectionId: p.section, startPrbu: p.start, iq: testIQ(prbCount: p.prbs, seed: Int(p.section) + i),
                                   compression: p.compression)
            }
            let m = UPlaneMessage(eAxC: id, sequence: seq,
                                  header: UPlaneHeader(dataDirection: dir, frameId: 117, subframeId: 7, slotId: 1, symbolId: symbol),
                                  sections: sections)
            return (name, m)
        }

        return [
            ("CPlane-Type1-DL", dl1),
            ("CPlane-Type1-UL", ul1),
            ("CPlane-Type3-PRACH", prach),
            uPlane("UPlane-Uncompressed", .downlink, eAxC, seq: SequenceID(sequenceId: 0x2A), symbol: 2,
                   [(1, 0, 4, .uncompressed)]),
            uPlane("UPlane-BFP9", .downlink, eAxC, seq: SequenceID(sequenceId: 0x2B), symbol: 3,
                   [(1, 0, 6, .bfp(9)), (2, 48, 3, .bfp(9))]),
            uPlane("UPlane-BFP8", .uplink, ul, seq: SequenceID(sequenceId: 7, eBit: true, subsequenceId: 0), symbol: 13,
                   [(10, 10, 5, .bfp(8))]),
            uPlane("UPlane-BFP12", .downlink, EAxCID(duPort: 15, bandSector: 15, ccId: 15, ruPort: 15), seq: SequenceID(sequenceId: 0), symbol: 0,
                   [(3, 0, 2, .bfp(12)), (4, 2, 2, .bfp(12)), (5, 100, 1, .bfp(12))]),
            uPlane("UPlane-BFP14", .uplink, ul, seq: SequenceID(sequenceId: 201), symbol: 7,
                   [(10, 0, 8, .bfp(14))]),
        ]
    }
}
