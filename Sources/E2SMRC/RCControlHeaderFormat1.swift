import APER
import E2SMCommon

/// E2SM-RC-ControlHeader-Format1 ::= SEQUENCE {
///     ueID                  UEID,
///     ric-Style-Type        RIC-Style-Type,
///     ric-ControlAction-ID  RIC-ControlAction-ID,
///     ric-ControlDecision   ENUMERATED {accept, reject, ...}  OPTIONAL,
///     ... }
public struct RCControlHeaderFormat1: Hashable, Sendable, Codable, APERCodable {
    /// `ueID`
    public var ueID: UEID
    /// `ric-Style-Type`
    public var ricStyleType: RICStyleType
    /// `ric-ControlAction-ID`
    public var ricControlActionID: RICControlActionID
    /// `ric-ControlDecision` OPTIONAL
    public var ricControlDecision: RICControlDecision?

    public init(ueID: UEID, ricStyleType: RICStyleType, ricControlActionID: RICControlActionID, ricControlDecision: RICControlDecision? = nil) {
        self.ueID = ueID
        self.ricStyleType = ricStyleType
        self.ricControlActionID = ricControlActionID
        self.ricControlDecision = ricControlDecision
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        ueID = try decoder.component("ueID") { try UEID(aper: &$0) }
        ricStyleType = try decoder.component("ric-Style-Type") { try RICStyleType(aper: &$0) }
        ricControlActionID = try decoder.component("ric-ControlAction-ID") { try RICControlActionID(aper: &$0) }
        ricControlDecision = present[0] ? try decoder.component("ric-ControlDecision") { try RICControlDecision(aper: &$0) } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ricControlDecision != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: present)
        try encoder.component("ueID") { try ueID.encode(aper: &$0) }
        try encoder.component("ric-Style-Type") { try ricStyleType.encode(aper: &$0) }
        try encoder.component("ric-ControlAction-ID") { try ricControlActionID.encode(aper: &$0) }
        if let v = ricControlDecision { try encoder.component("ric-ControlDecision") { try v.encode(aper: &$0) } }
    }
}
