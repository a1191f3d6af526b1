import Testing

@testable import RadioModel

@Suite("LDPC base graph and code block segmentation — TS 38.212")
struct CodeBlockSegmentationTests {
    @Test func baseGraphSelection() throws {
        let r948 = try CodeRate.x1024(948)  // 0.926
        let r679 = try CodeRate.x1024(679)  // 0.663 ≤ 0.67
        let r719 = try CodeRate.x1024(719)  // 0.702 > 0.67
        let r256 = try CodeRate.x1024(256)  // exactly 0.25
        let r257 = try CodeRate.x1024(257)
        #expect(LDPCBaseGraph.select(transportBlockBits: 292, codeRate: r948) == .bg2)  // A ≤ 292
        #expect(LDPCBaseGraph.select(transportBlockBits: 296, codeRate: r948) == .bg1)
        #expect(LDPCBaseGraph.select(transportBlockBits: 3824, codeRate: r679) == .bg2)  // A ≤ 3824, R ≤ 0.67
        #expect(LDPCBaseGraph.select(transportBlockBits: 3824, codeRate: r719) == .bg1)
        #expect(LDPCBaseGraph.select(transportBlockBits: 3848, codeRate: r679) == .bg1)
        #expect(LDPCBaseGraph.select(transportBlockBits: 1_000_000, codeRate: r256) == .bg2)  // R ≤ 0.25
        #expect(LDPCBaseGraph.select(transportBlockBits: 1_000_000, codeRate: r257) == .bg1)
        // R = 0.67 exactly is BG2; just above is BG1.
        #expect(LDPCBaseGraph.select(transportBlockBits: 1000, codeRate: try CodeRate(numerator: 67, denominator: 100)) == .bg2)
        #expect(LDPCBaseGraph.select(transportBlockBits: 1000, codeRate: try CodeRate(numerator: 671, denominator: 1000)) == .bg1)
    }

    // TBS 1800 at R 679/1024 (hand case 2): BG2 (A ≤ 3824, R ≤ 0.67); L = 16; B = 1816 ≤ 3840 → C = 1,
    // K' = 1816; K_b = 10 (B > 640); Z_c = min Z with 10·Z ≥ 1816 → 192; K = 10·192 = 1920; F = 104.
    @Test func singleBlockBG2() throws {
        let s = try CodeBlockSegmentation(transportBlockBits: 1800, codeRate: try .x1024(679))
        #expect(s.baseGraph == .bg2)
        #expect(s.transportBlockCRCBits == 16)
        #expect(s.segmentationInputBits == 1816)
        #expect(s.codeBlocks == 1 && s.codeBlockCRCBits == 0)
        #expect(s.bitsPerCodeBlock == 1816)
        #expect(s.systematicColumns == 10)
        #expect(s.liftingSize == 192 && s.liftingSetIndex == 1)
        #expect(s.codeBlockLength == 1920 && s.fillerBits == 104)
    }

    // TBS 8712 at R 567/1024 (hand case 5): BG1; L = 24; B = 8736 > 8448 → C = ⌈8736/8424⌉ = 2;
    // B' = 8736 + 48 = 8784; K' = 4392; K_b = 22; Z_c = min Z with 22·Z ≥ 4392 (Z ≥ 199.6) → 208
    // (13·16, set 6); K = 4576; F = 184.
    @Test func twoBlocksBG1() throws {
        let s = try CodeBlockSegmentation(transportBlockBits: 8712, codeRate: try .x1024(567))
        #expect(s.baseGraph == .bg1)
        #expect(s.transportBlockCRCBits == 24)
        #expect(s.codeBlocks == 2 && s.codeBlockCRCBits == 24)
        #expect(s.totalBitsWithCRC == 8784 && s.bitsPerCodeBlock == 4392)
        #expect(s.liftingSize == 208 && s.liftingSetIndex == 6)
        #expect(s.codeBlockLength == 4576 && s.fillerBits == 184)
    }

    // TBS 33816 at R 120/1024 (hand case 6): BG2 (R ≤ 0.25); B = 33840; C = ⌈33840/3816⌉ = 9;
    // B' = 33840 + 216 = 34056; K' = 3784; K_b = 10; Z_c = 384 (10·384 = 3840 ≥ 3784); K = 3840.
    @Test func lowRateBG2ManyBlocks() throws {
        let s = try CodeBlockSegmentation(transportBlockBits: 33816, codeRate: try .x1024(120))
        #expect(s.baseGraph == .bg2)
        #expect(s.codeBlocks == 9 && s.bitsPerCodeBlock == 3784)
        #expect(s.liftingSize == 384 && s.codeBlockLength == 3840)
    }

    // Peak TBS 1277992: BG1; B = 1278016; C = ⌈1278016/8424⌉ = 152; B' = 1278016 + 3648 = 1281664;
    // K' = 8432; Z_c = 384; K = 8448; F = 16.
    @Test func peak() throws {
        let s = try CodeBlockSegmentation(transportBlockBits: 1_277_992, codeRate: try .x1024(948))
        #expect(s.codeBlocks == 152 && s.bitsPerCodeBlock == 8432 && s.codeBlockLength == 8448 && s.fillerBits == 16)
    }

    // Small BG2 K_b steps: A = 24 → B = 40 ≤ 192 → K_b = 6, Z_c = 7 (6·7 = 42 ≥ 40), K = 70.
    // A = 552 → B = 568 (560 < B ≤ 640) → K_b = 9, Z_c = 64 (9·64 = 576), K = 640.
    // A = 200 → B = 216 (192 < B ≤ 560) → K_b = 8, Z_c = 28 (8·28 = 224), K = 280.
    @Test func bg2SystematicColumns() throws {
        let a = try CodeBlockSegmentation(transportBlockBits: 24, baseGraph: .bg2)
        #expect(a.systematicColumns == 6 && a.liftingSize == 7 && a.codeBlockLength == 70)
        let b = try CodeBlockSegmentation(transportBlockBits: 552, baseGraph: .bg2)
        #expect(b.systematicColumns == 9 && b.liftingSize == 64 && b.codeBlockLength == 640)
        let c = try CodeBlockSegmentation(transportBlockBits: 200, baseGraph: .bg2)
        #expect(c.systematicColumns == 8 && c.liftingSize == 28 && c.codeBlockLength == 280)
    }

    @Test func liftingSizesAreTable5_3_2_1() {
        var expected = Set<Int>()
        for a in [2, 3, 5, 7, 9, 11, 13, 15] {
            var z = a
            while z <= 384 {
                expected.insert(z)
                z *= 2
            }
        }
        #expect(CodeBlockSegmentation.liftingSizes == expected.sorted())
    }

    @Test func inexactSegmentationThrows() {
        // A = 9000 (not a §5.1.3.2 size): B = 9024, C = 2, B' = 9072 — divisible; A = 9001 is not.
        #expect(throws: RadioModelError.segmentationNotExact(transportBlockBits: 9001, codeBlocks: 2)) {
            try CodeBlockSegmentation(transportBlockBits: 9001, baseGraph: .bg1)
        }
    }
}
