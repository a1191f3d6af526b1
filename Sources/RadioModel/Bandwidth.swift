/// A channel bandwidth in MHz, with the maximum transmission bandwidth configuration N_RB of
/// TS 38.101-1 Table 5.3.2-1 (FR1) and TS 38.101-2 Table 5.3.2-1 (FR2).
public struct Bandwidth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Channel bandwidth in MHz.
    public let megahertz: Int

    /// Creates a bandwidth; throws unless it is one of the channel bandwidths of either table.
    public init(megahertz: Int) throws(RadioModelError) {
        guard Bandwidth.fr1Columns.contains(megahertz) || Bandwidth.fr2Columns.contains(megahertz) else {
            throw .notAllowed(
                parameter: "channel bandwidth MHz", value: megahertz,
                allowed: (Bandwidth.fr1Columns + Bandwidth.fr2Columns.filter { $0 > 100 }))
        }
        self.megahertz = megahertz
    }

    private init(unchecked megahertz: Int) { self.megahertz = megahertz }

    public static let mhz5 = Bandwidth(unchecked: 5)
    public static let mhz10 = Bandwidth(unchecked: 10)
    public static let mhz15 = Bandwidth(unchecked: 15)
    public static let mhz20 = Bandwidth(unchecked: 20)
    public static let mhz25 = Bandwidth(unchecked: 25)
    public static let mhz30 = Bandwidth(unchecked: 30)
    public static let mhz35 = Bandwidth(unchecked: 35)
    public static let mhz40 = Bandwidth(unchecked: 40)
    public static let mhz45 = Bandwidth(unchecked: 45)
    public static let mhz50 = Bandwidth(unchecked: 50)
    public static let mhz60 = Bandwidth(unchecked: 60)
    public static let mhz70 = Bandwidth(unchecked: 70)
    public static let mhz80 = Bandwidth(unchecked: 80)
    public static let mhz90 = Bandwidth(unchecked: 90)
    public static let mhz100 = Bandwidth(unchecked: 100)
    public static let mhz200 = Bandwidth(unchecked: 200)
    public static let mhz400 = Bandwidth(unchecked: 400)

    /// FR1 channel bandwidths (columns of TS 38.101-1 Table 5.3.2-1; 35 and 45 MHz since Rel-16).
    public static let fr1Columns = [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100]
    /// FR2 channel bandwidths (columns of TS 38.101-2 Table 5.3.2-1).
    public static let fr2Columns = [50, 100, 200, 400]

    /// TS 38.101-1 Table 5.3.2-1, rows SCS 15/30/60 kHz, columns `fr1Columns`; 0 = N/A.
    private static let fr1Table: [[Int]] = [
        // 5   10   15   20   25   30   35   40   45   50   60   70   80   90  100 MHz
        [25, 52, 79, 106, 133, 160, 188, 216, 242, 270, 0, 0, 0, 0, 0],  // 15 kHz
        [11, 24, 38, 51, 65, 78, 92, 106, 119, 133, 162, 189, 217, 245, 273],  // 30 kHz
        [0, 11, 18, 24, 31, 38, 44, 51, 58, 65, 79, 93, 107, 121, 135],  // 60 kHz
    ]

    /// TS 38.101-2 Table 5.3.2-1, rows SCS 60/120 kHz, columns `fr2Columns`; 0 = N/A.
    private static let fr2Table: [[Int]] = [
        // 50  100  200  400 MHz
        [66, 132, 264, 0],  // 60 kHz
        [32, 66, 132, 264],  // 120 kHz
    ]

    /// N_RB for this bandwidth at `numerology` in `frequencyRange`, or nil where the table says N/A
    /// (or the pair is not in the table at all, e.g. 15 kHz in FR2).
    public func prbCount(numerology: Numerology, frequencyRange: FrequencyRange) -> Int? {
        let value: Int
        switch frequencyRange {
        case .fr1:
            guard numerology.mu <= 2, let column = Bandwidth.fr1Columns.firstIndex(of: megahertz) else { return nil }
            value = Bandwidth.fr1Table[numerology.mu][column]
        case .fr2:
            guard numerology.mu == 2 || numerology.mu == 3,
                let column = Bandwidth.fr2Columns.firstIndex(of: megahertz)
            else { return nil }
            value = Bandwidth.fr2Table[numerology.mu - 2][column]
        }
        return value == 0 ? nil : value
    }

    public static func < (lhs: Bandwidth, rhs: Bandwidth) -> Bool { lhs.megahertz < rhs.megahertz }

    public var description: String { "\(megahertz) MHz" }
}
