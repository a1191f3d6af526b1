/// Transport block size determination of TS 38.214 §5.1.3.2 (PDSCH; PUSCH §6.1.4.2 is the same),
/// with the intermediate quantities kept for inspection.
///
/// Arithmetic: N_info = S·N_RE·R·Q_m·v is held as an exact fraction num/den with
/// num = N_RE·Q_m·v·R_num and den = R_den·(1/S) (Int64; at most ~2^45), never as a Double. The
/// comparisons (N_info ≤ 3824, R ≤ 1/4), ⌊log2 N_info⌋, ⌊N_info/2^n⌋ and round((N_info−24)/2^n)
/// (ties toward the larger integer, as the spec says) are integer operations on num and den.
/// A Double would be exact for the table rates too (R×2048 is an integer and every product is far
/// below 2^53), but floor(log2(x)) and round() of a Double near a power of two or a .5 tie are
/// exactly where library differences bite, so the integer route avoids the question. Tables are
/// static arrays; computing a TBS allocates nothing.
public struct TransportBlockSize: Sendable, Hashable {
    /// The transport block size A in bits (a multiple of 8).
    public let bits: Int
    /// N'_RE = 12·N_symb^sh − N_DMRS^PRB − N_oh^PRB, data REs per PRB before the 156 cap.
    public let resourceElementsPerPRB: Int
    /// N_RE = min(156, N'_RE)·n_PRB.
    public let resourceElements: Int
    /// N_info = S·N_RE·R·Q_m·v (exact value rounded to a Double for display).
    public let informationBits: Double
    /// n of step 3 or step 4.
    public let quantizationExponent: Int
    /// N'_info, the quantized intermediate number of information bits.
    public let quantizedInformationBits: Int
    /// True when N_info ≤ 3824 and the TBS came from Table 5.1.3.2-1 (step 3).
    public let fromTable: Bool
    /// C of step 4 (1 in step 3): TBS + 24 is a multiple of 8·C.
    public let codeBlocks: Int

    /// Transport block size in bytes (`bits / 8`).
    public var bytes: Int { bits / 8 }

    /// TBS scaling factor S (TS 38.214 Table 5.1.3.2-2, DCI `TB scaling` field for P-/RA-RNTI).
    public enum Scaling: Int, Sendable, Hashable, CaseIterable {
        /// Field 00: S = 1.
        case one = 0
        /// Field 01: S = 0.5.
        case half = 1
        /// Field 10: S = 0.25.
        case quarter = 2

        /// 1/S.
        var divisor: Int { 1 << rawValue }
    }

    /// Table 5.1.3.2-1: TBS for N_info ≤ 3824 (93 entries).
    static let smallSizes: [Int] = [
        24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136, 144, 152, 160, 168, 176, 184, 192,
        208, 224, 240, 256, 272, 288, 304, 320, 336, 352, 368, 384, 408, 432, 456, 480, 504, 528, 552, 576,
        608, 640, 672, 704, 736, 768, 808, 848, 888, 928, 984, 1032, 1064, 1128, 1160, 1192, 1224, 1256, 1288,
        1320, 1352, 1416, 1480, 1544, 1608, 1672, 1736, 1800, 1864, 1928, 2024, 2088, 2152, 2216, 2280, 2408,
        2472, 2536, 2600, 2664, 2728, 2792, 2856, 2976, 3104, 3240, 3368, 3496, 3624, 3752, 3824,
    ]

    /// TBS for MCS `mcs` of `table`; throws for a reserved index (a retransmission reuses the TBS of
    /// the initial transmission) and for any parameter out of range (see the other initializer).
    public init(
        table: MCSTable, mcs: Int, prbs: Int, symbols: Int, dmrsREsPerPRB: Int, overheadREsPerPRB: Int = 0,
        layers: Int = 1, scaling: Scaling = .one
    ) throws(RadioModelError) {
        let entry = try table.entry(mcs)
        guard let rate = entry.codeRate else { throw .reservedMCS(index: mcs, table: table) }
        try self.init(
            modulationOrder: entry.modulationOrder, codeRate: rate, prbs: prbs, symbols: symbols,
            dmrsREsPerPRB: dmrsREsPerPRB, overheadREsPerPRB: overheadREsPerPRB, layers: layers, scaling: scaling)
    }

    /// TBS per §5.1.3.2 for Q_m ∈ {1,2,4,6,8,10}, n_PRB 1…275, N_symb^sh 1…14, N_DMRS^PRB 0…168
    /// (REs per PRB incl. CDM groups without data), N_oh^PRB ∈ {0,6,12,18} (`xOverhead`), and
    /// v 1…4 layers (one codeword). Throws if N'_RE ≤ 0.
    public init(
        modulationOrder qm: Int, codeRate: CodeRate, prbs: Int, symbols: Int, dmrsREsPerPRB: Int,
        overheadREsPerPRB: Int = 0, layers: Int = 1, scaling: Scaling = .one
    ) throws(RadioModelError) {
        guard Modulation(rawValue: qm) != nil else {
            throw .notAllowed(parameter: "modulation order Qm", value: qm, allowed: [1, 2, 4, 6, 8, 10])
        }
        guard (1...275).contains(prbs) else { throw .outOfRange(parameter: "PRBs", value: prbs, allowed: 1...275) }
        guard (1...14).contains(symbols) else {
            throw .outOfRange(parameter: "PDSCH/PUSCH symbols", value: symbols, allowed: 1...14)
        }
        guard (0...168).contains(dmrsREsPerPRB) else {
            throw .outOfRange(parameter: "DMRS REs per PRB", value: dmrsREsPerPRB, allowed: 0...168)
        }
        guard overheadREsPerPRB % 6 == 0, (0...18).contains(overheadREsPerPRB) else {
            throw .notAllowed(parameter: "overhead REs per PRB", value: overheadREsPerPRB, allowed: [0, 6, 12, 18])
        }
        guard (1...4).contains(layers) else { throw .outOfRange(parameter: "layers", value: layers, allowed: 1...4) }

        // Step 1: N'_RE and N_RE.
        let rePerPRB = 12 * symbols - dmrsREsPerPRB - overheadREsPerPRB
        guard rePerPRB > 0 else {
            throw .noDataResourceElements(
                symbols: symbols, dmrsREsPerPRB: dmrsREsPerPRB, overheadREsPerPRB: overheadREsPerPRB)
        }
        let nRE = min(156, rePerPRB) * prbs
        resourceElementsPerPRB = rePerPRB
        resourceElements = nRE

        // Step 2: N_info = num/den exactly.
        let num = Int64(nRE * qm * layers) * Int64(codeRate.numerator)
        let den = Int64(codeRate.denominator) * Int64(scaling.divisor)
        informationBits = Double(num) / Double(den)

        if num <= 3824 * den {
            // Step 3: n = max(3, ⌊log2 N_info⌋ − 6); N'_info = max(24, 2^n·⌊N_info/2^n⌋);
            // TBS = smallest Table 5.1.3.2-1 entry ≥ N'_info.
            let n = max(3, TransportBlockSize.floorLog2(num, den) - 6)
            let nPrime = max(24, Int(num / (den << n)) << n)
            quantizationExponent = n
            quantizedInformationBits = nPrime
            fromTable = true
            codeBlocks = 1
            bits = TransportBlockSize.smallestTableEntry(atLeast: nPrime)
        } else {
            // Step 4: n = ⌊log2(N_info − 24)⌋ − 5;
            // N'_info = max(3840, 2^n·round((N_info − 24)/2^n)), ties toward the larger integer.
            let excess = num - 24 * den  // (N_info − 24)·den > 0
            let n = TransportBlockSize.floorLog2(excess, den) - 5
            let step = den << n  // 2^n·den
            let rounded = (2 * excess + step) / (2 * step)  // ⌊x + 1/2⌋ for x = excess/step ≥ 0
            let nPrime = max(3840, Int(rounded) << n)
            quantizationExponent = n
            quantizedInformationBits = nPrime
            fromTable = false
            let c: Int
            if codeRate.isAtMost(1, over: 4) {
                c = (nPrime + 24 + 3815) / 3816  // ⌈(N'_info + 24)/3816⌉
            } else if nPrime > 8424 {
                c = (nPrime + 24 + 8423) / 8424  // ⌈(N'_info + 24)/8424⌉
            } else {
                c = 1
            }
            codeBlocks = c
            bits = 8 * c * ((nPrime + 24 + 8 * c - 1) / (8 * c)) - 24
        }
    }

    /// ⌊log2(a/b)⌋ for positive a, b, exactly.
    static func floorLog2(_ a: Int64, _ b: Int64) -> Int {
        let k = (64 - a.leadingZeroBitCount) - (64 - b.leadingZeroBitCount)
        // a/b lies in (2^(k−1), 2^(k+1)), so the answer is k or k − 1.
        if k >= 0 {
            return a >= (b << k) ? k : k - 1
        } else {
            return (a << -k) >= b ? k : k - 1
        }
    }

    /// Smallest entry of Table 5.1.3.2-1 that is ≥ `value` (binary search; `value` ≤ 3824).
    static func smallestTableEntry(atLeast value: Int) -> Int {
        var low = 0
        var high = smallSizes.count - 1
        while low < high {
            let mid = (low + high) / 2
            if smallSizes[mid] >= value { high = mid } else { low = mid + 1 }
        }
        return smallSizes[low]
    }
}
