/// NR frequency range: FR1 (410 MHz–7.125 GHz, TS 38.101-1) or FR2 (FR2-1, 24.25–52.6 GHz, TS 38.101-2).
public enum FrequencyRange: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Frequency range 1, TS 38.101-1.
    case fr1
    /// Frequency range 2 (FR2-1), TS 38.101-2.
    case fr2

    public var description: String { self == .fr1 ? "FR1 (TS 38.101-1)" : "FR2 (TS 38.101-2)" }
}
