/// LDPC base graph of TS 38.212 §7.2.2 (DL-SCH) / §6.2.2 (UL-SCH).
public enum LDPCBaseGraph: Int, Sendable, Hashable, CaseIterable {
    /// Base graph 1 (K_cb = 8448, K_b = 22).
    case bg1 = 1
    /// Base graph 2 (K_cb = 3840, K_b ≤ 10).
    case bg2 = 2

    /// Selection: BG2 if A ≤ 292, or A ≤ 3824 and R ≤ 0.67, or R ≤ 0.25; otherwise BG1. A is the TBS
    /// in bits and R the MCS target code rate; the comparisons with 0.67 and 0.25 are exact.
    public static func select(transportBlockBits a: Int, codeRate: CodeRate) -> LDPCBaseGraph {
        if a <= 292 || (a <= 3824 && codeRate.isAtMost(67, over: 100)) || codeRate.isAtMost(1, over: 4) {
            return .bg2
        }
        return .bg1
    }

    /// Maximum code block size K_cb (8448 for BG1, 3840 for BG2).
    public var maxCodeBlockSize: Int { self == .bg1 ? 8448 : 3840 }
}
