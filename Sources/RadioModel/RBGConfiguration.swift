/// `rbg-Size` of PDSCH-Config: the nominal resource block group size P for downlink resource
/// allocation type 0 (TS 38.214 §5.1.2.2.1, Table 5.1.2.2.1-1).
public enum RBGConfiguration: Int, Sendable, Hashable, CaseIterable {
    /// Configuration 1.
    case config1 = 1
    /// Configuration 2.
    case config2 = 2

    /// Nominal RBG size P for a bandwidth part of `bwpSize` PRBs (1…275):
    ///
    /// | BWP size | config 1 | config 2 |
    /// |----------|----------|----------|
    /// | 1–36     | 2        | 4        |
    /// | 37–72    | 4        | 8        |
    /// | 73–144   | 8        | 16       |
    /// | 145–275  | 16       | 16       |
    public func nominalSize(bwpSize: Int) throws(RadioModelError) -> Int {
        guard (1...275).contains(bwpSize) else {
            throw .outOfRange(parameter: "BWP size (PRBs)", value: bwpSize, allowed: 1...275)
        }
        switch bwpSize {
        case ...36: return self == .config1 ? 2 : 4
        case ...72: return self == .config1 ? 4 : 8
        case ...144: return self == .config1 ? 8 : 16
        default: return 16
        }
    }

    /// Number of RBGs N_RBG = ⌈(N_BWP^size + (N_BWP^start mod P)) / P⌉ (§5.1.2.2.1).
    public func groupCount(bwpSize: Int, bwpStart: Int = 0) throws(RadioModelError) -> Int {
        guard (0...274).contains(bwpStart) else {
            throw .outOfRange(parameter: "BWP start (CRB)", value: bwpStart, allowed: 0...274)
        }
        let p = try nominalSize(bwpSize: bwpSize)
        return (bwpSize + bwpStart % p + p - 1) / p
    }
}
