/// NR numerology μ (TS 38.211 §4.2/§4.3, normal cyclic prefix): SCS = 15·2^μ kHz, 14 symbols per
/// slot, 2^μ slots per 1 ms subframe, 10·2^μ slots per 10 ms frame. μ = 0…3 carry data; μ = 4
/// (240 kHz) is accepted for completeness (FR2 SSB only).
public struct Numerology: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// μ, 0…4.
    public let mu: Int

    /// μ = 0, 15 kHz.
    public static let mu0 = Numerology(unchecked: 0)
    /// μ = 1, 30 kHz.
    public static let mu1 = Numerology(unchecked: 1)
    /// μ = 2, 60 kHz.
    public static let mu2 = Numerology(unchecked: 2)
    /// μ = 3, 120 kHz.
    public static let mu3 = Numerology(unchecked: 3)
    /// μ = 4, 240 kHz (FR2 SSB only).
    public static let mu4 = Numerology(unchecked: 4)
    /// All numerologies, μ = 0…4.
    public static let all: [Numerology] = [.mu0, .mu1, .mu2, .mu3, .mu4]

    /// Symbols per slot with normal cyclic prefix.
    public static let symbolsPerSlot = 14
    /// Subframes in a 10 ms frame.
    public static let subframesPerFrame = 10

    /// Creates numerology μ; throws unless 0 ≤ μ ≤ 4.
    public init(_ mu: Int) throws(RadioModelError) {
        guard (0...4).contains(mu) else {
            throw .outOfRange(parameter: "numerology μ", value: mu, allowed: 0...4)
        }
        self.mu = mu
    }

    /// Creates the numerology of a subcarrier spacing (15, 30, 60, 120 or 240 kHz).
    public init(subcarrierSpacingKHz scs: Int) throws(RadioModelError) {
        guard let mu = [15, 30, 60, 120, 240].firstIndex(of: scs) else {
            throw .notAllowed(parameter: "subcarrier spacing kHz", value: scs, allowed: [15, 30, 60, 120, 240])
        }
        self.mu = mu
    }

    private init(unchecked mu: Int) { self.mu = mu }

    /// Subcarrier spacing Δf = 15·2^μ kHz.
    public var subcarrierSpacingKHz: Int { 15 << mu }
    /// Slot duration 1 ms / 2^μ, in nanoseconds (exact: 1 000 000 … 62 500).
    public var slotDurationNanoseconds: Int { 1_000_000 >> mu }
    /// Slots per 1 ms subframe, 2^μ.
    public var slotsPerSubframe: Int { 1 << mu }
    /// Slots per 10 ms frame, 10·2^μ.
    public var slotsPerFrame: Int { Numerology.subframesPerFrame << mu }
    /// Symbols per slot (14, normal cyclic prefix).
    public var symbolsPerSlot: Int { Numerology.symbolsPerSlot }

    public static func < (lhs: Numerology, rhs: Numerology) -> Bool { lhs.mu < rhs.mu }

    public var description: String { "μ=\(mu) (\(subcarrierSpacingKHz) kHz)" }
}
