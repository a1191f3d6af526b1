import APER
import E2SMCommon

/// E2SM-RC-ControlHeader-Format2 ::= SEQUENCE {
///     ueID                 UEID                              OPTIONAL,
///     ric-ControlDecision  ENUMERATED {accept, reject, ...}  OPTIONAL,
///     ... }
public struct RCControlHeaderFormat2: Hashable, Sendable, Codable, APERCodable {
    /// `ueID` OPTIONAL
    public var ueID: UEID?
    /// `ric-ControlDecision` OPTIONAL
    public var ricControlDecision: RICControlDecision?

    public init(ueID: UEID? = nil, ricControlDecision: RICControlDecision? = nil) {
        self.ueID = ueID
        self.ricControlDecision = ricControlDecision
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 2)
        ueID = present[0] ? try decoder.component("ueID") { try UEID(aper: &$0) } : nil
        ricControlDecision = present[1] ? try decoder.component("ric-ControlDecision") { try RICControlDecision(aper: &$0) } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ueID != nil { present |= 1 << 1 }
        if ricControlDecision != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 2, present: present)
        if let v = ueID { try encoder.component("ueID") { try v.encode(aper: &$0) } }
        if let v = ricControlDecision { try encoder.component("ric-ControlDecision") { try v.encode(aper: &$0) } }
    }
}
