/// A code rate R held as an exact fraction, so that TBS arithmetic never drifts: the 38.214 tables
/// give R×1024 as integers except 682.5 and 916.5 (MCS table 2), so every table rate is an integer
/// over 2048. Arbitrary fractions (e.g. 1/10) are allowed for test vectors.
public struct CodeRate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Numerator of R.
    public let numerator: Int
    /// Denominator of R (≤ 2^20).
    public let denominator: Int

    /// Creates R = numerator/denominator; throws unless 0 < numerator ≤ denominator ≤ 2^20.
    public init(numerator: Int, denominator: Int) throws(RadioModelError) {
        guard numerator > 0, denominator >= numerator, denominator <= 1 << 20 else {
            throw .invalidCodeRate(numerator: numerator, denominator: denominator)
        }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// R = x2048 / 2048, used for the table entries; `x2048` must be in 1…2048.
    init(x2048: Int) {
        precondition((1...2048).contains(x2048))
        numerator = x2048
        denominator = 2048
    }

    /// R = x1024 / 1024; throws unless 1 ≤ x1024 ≤ 1024.
    public static func x1024(_ x1024: Int) throws(RadioModelError) -> CodeRate {
        try CodeRate(numerator: x1024, denominator: 1024)
    }

    /// R as a double (display only; arithmetic uses the fraction).
    public var value: Double { Double(numerator) / Double(denominator) }
    /// R × 1024 as a double, as printed in the 38.214 tables.
    public var x1024: Double { Double(numerator) * 1024 / Double(denominator) }

    /// True when R ≤ num/den, compared exactly.
    func isAtMost(_ num: Int, over den: Int) -> Bool { numerator * den <= num * denominator }

    public static func < (lhs: CodeRate, rhs: CodeRate) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    public static func == (lhs: CodeRate, rhs: CodeRate) -> Bool {
        lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
    }

    public func hash(into hasher: inout Hasher) {
        var a = numerator
        var b = denominator
        while b != 0 { (a, b) = (b, a % b) }
        hasher.combine(numerator / a)
        hasher.combine(denominator / a)
    }

    public var description: String { "\(numerator)/\(denominator)" }
}
