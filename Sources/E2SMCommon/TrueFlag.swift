import APER

/// The anonymous `ENUMERATED {true, ...}` that E2SM modules use for flags (KPM `noLabel`, `sUM`,
/// `incompleteFlag`, the `TestCond-Type` alternatives, …). Its only root value is `true`; an
/// unknown extension value decodes as an error.
public enum TrueFlag: String, APEREnumerated, CaseIterable, Codable, Hashable, Sendable {
    case `true`

    public static var isExtensible: Bool { true }
    public static var rootCount: Int { 1 }
}
