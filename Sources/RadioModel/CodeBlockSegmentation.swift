/// Transport block CRC attachment (TS 38.212 §7.2.1) and LDPC code block segmentation
/// (§5.2.2) for a transport block of A bits.
public struct CodeBlockSegmentation: Sendable, Hashable {
    /// Transport block size A.
    public let transportBlockBits: Int
    /// Base graph used.
    public let baseGraph: LDPCBaseGraph
    /// Transport block CRC length L: 24 if A > 3824, else 16.
    public let transportBlockCRCBits: Int
    /// B = A + L, the input to segmentation.
    public let segmentationInputBits: Int
    /// Number of code blocks C.
    public let codeBlocks: Int
    /// Code block CRC length: 0 when C = 1, else 24.
    public let codeBlockCRCBits: Int
    /// B' = B + C·L_CB.
    public let totalBitsWithCRC: Int
    /// K' = B'/C, bits per code block before filler.
    public let bitsPerCodeBlock: Int
    /// K_b: 22 for BG1; 10, 9, 8 or 6 for BG2 by B.
    public let systematicColumns: Int
    /// Lifting size Z_c: the smallest Z of Table 5.3.2-1 with K_b·Z ≥ K'.
    public let liftingSize: Int
    /// Lifting set index i_LS (0…7) of Z_c.
    public let liftingSetIndex: Int
    /// K = 22·Z_c (BG1) or 10·Z_c (BG2), code block length with filler.
    public let codeBlockLength: Int
    /// Filler bits per code block, F = K − K'.
    public var fillerBits: Int { codeBlockLength - bitsPerCodeBlock }

    /// All lifting sizes of TS 38.212 Table 5.3.2-1 (sets a·2^j, a ∈ {2,3,5,7,9,11,13,15}), sorted.
    static let liftingSizes: [Int] = [
        2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40, 44, 48, 52,
        56, 60, 64, 72, 80, 88, 96, 104, 112, 120, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
    ]

    /// Smallest Z in `liftingSizes` with kb·Z ≥ k′ (binary search; k′ ≤ kb·384 by construction).
    static func smallestLiftingSize(atLeast kPrime: Int, systematicColumns kb: Int) -> Int {
        var low = 0
        var high = liftingSizes.count - 1
        while low < high {
            let mid = (low + high) / 2
            if kb * liftingSizes[mid] >= kPrime { high = mid } else { low = mid + 1 }
        }
        return liftingSizes[low]
    }

    /// Segments A bits with the base graph chosen by `LDPCBaseGraph.select` from A and R.
    public init(transportBlockBits a: Int, codeRate: CodeRate) throws(RadioModelError) {
        try self.init(transportBlockBits: a, baseGraph: .select(transportBlockBits: a, codeRate: codeRate))
    }

    /// Segments A bits (1…2^22) with an explicit base graph. Throws when B' is not a multiple of
    /// C (never the case for a TBS from §5.1.3.2).
    public init(transportBlockBits a: Int, baseGraph: LDPCBaseGraph) throws(RadioModelError) {
        guard (1...(1 << 22)).contains(a) else {
            throw .outOfRange(parameter: "transport block bits", value: a, allowed: 1...(1 << 22))
        }
        let l = a > 3824 ? 24 : 16
        let b = a + l
        let kcb = baseGraph.maxCodeBlockSize
        let c: Int
        let lcb: Int
        if b <= kcb {
            c = 1
            lcb = 0
        } else {
            lcb = 24
            c = (b + (kcb - lcb) - 1) / (kcb - lcb)
        }
        let bPrime = b + c * lcb
        guard bPrime % c == 0 else { throw .segmentationNotExact(transportBlockBits: a, codeBlocks: c) }
        let kPrime = bPrime / c
        let kb: Int
        switch baseGraph {
        case .bg1: kb = 22
        case .bg2: kb = b > 640 ? 10 : b > 560 ? 9 : b > 192 ? 8 : 6
        }
        let z = CodeBlockSegmentation.smallestLiftingSize(atLeast: kPrime, systematicColumns: kb)
        var odd = z
        while odd % 2 == 0 { odd /= 2 }
        transportBlockBits = a
        self.baseGraph = baseGraph
        transportBlockCRCBits = l
        segmentationInputBits = b
        codeBlocks = c
        codeBlockCRCBits = lcb
        totalBitsWithCRC = bPrime
        bitsPerCodeBlock = kPrime
        systematicColumns = kb
        liftingSize = z
        liftingSetIndex = odd == 1 ? 0 : (odd - 1) / 2  // a = 2,3,5,7,9,11,13,15 → 0…7
        codeBlockLength = (baseGraph == .bg1 ? 22 : 10) * z
    }
}
