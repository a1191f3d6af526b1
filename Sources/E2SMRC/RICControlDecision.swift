import APER

/// The anonymous `ENUMERATED {accept, reject, ...}` of `ric-ControlDecision` in
/// E2SM-RC-ControlHeader-Format1 and -Format2: the RIC's decision on an INSERT it answers.
public enum RICControlDecision: String, APEREnumerated, Codable, Hashable, Sendable {
    case accept, reject

    public static var isExtensible: Bool { true }
    public static var rootCount: Int { 2 }
}
