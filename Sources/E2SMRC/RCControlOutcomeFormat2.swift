import APER
import E2SMCommon

/// E2SM-RC-ControlOutcome-Format2 ::= SEQUENCE {
///     ric-ControlStyle-List  SEQUENCE (SIZE(1..maxnoofRICStyles)) OF E2SM-RC-ControlOutcome-Format2-Style-Item,
///     ... }
public struct RCControlOutcomeFormat2: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ControlStyle-List` (1...63 items)
    public var ricControlStyleList: [RCControlOutcomeFormat2StyleItem]

    public init(ricControlStyleList: [RCControlOutcomeFormat2StyleItem]) {
        self.ricControlStyleList = ricControlStyleList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlStyleList = try decoder.component("ric-ControlStyle-List") { try $0.decodeSequenceOf(size: RCSize.styles, minimumElementBits: 8) { try RCControlOutcomeFormat2StyleItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-ControlStyle-List") { try $0.encodeSequenceOf(ricControlStyleList, size: RCSize.styles) { try $1.encode(aper: &$0) } }
    }
}

/// E2SM-RC-ControlOutcome-Format2-Style-Item ::= SEQUENCE {
///     indicated-Control-Style-Type  RIC-Style-Type,
///     ric-ControlOutcome-List       SEQUENCE (SIZE(1..maxnoofMulCtrlActions)) OF E2SM-RC-ControlOutcome-Format2-ControlOutcome-Item,
///     ... }
public struct RCControlOutcomeFormat2StyleItem: Hashable, Sendable, Codable, APERCodable {
    /// `indicated-Control-Style-Type`
    public var indicatedControlStyleType: RICStyleType
    /// `ric-ControlOutcome-List` (1...63 items)
    public var ricControlOutcomeList: [RCControlOutcomeFormat2ControlOutcomeItem]

    public init(indicatedControlStyleType: RICStyleType, ricControlOutcomeList: [RCControlOutcomeFormat2ControlOutcomeItem]) {
        self.indicatedControlStyleType = indicatedControlStyleType
        self.ricControlOutcomeList = ricControlOutcomeList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        indicatedControlStyleType = try decoder.component("indicated-Control-Style-Type") { try RICStyleType(aper: &$0) }
        ricControlOutcomeList = try decoder.component("ric-ControlOutcome-List") { try $0.decodeSequenceOf(size: RCSize.multipleControlActions, minimumElementBits: 8) { try RCControlOutcomeFormat2ControlOutcomeItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("indicated-Control-Style-Type") { try indicatedControlStyleType.encode(aper: &$0) }
        try encoder.component("ric-ControlOutcome-List") { try $0.encodeSequenceOf(ricControlOutcomeList, size: RCSize.multipleControlActions) { try $1.encode(aper: &$0) } }
    }
}

/// E2SM-RC-ControlOutcome-Format2-ControlOutcome-Item ::= SEQUENCE {
///     ric-ControlAction-ID  RIC-ControlAction-ID,
///     ranP-List             SEQUENCE (SIZE(1..maxnoofAssociatedRANParameters)) OF E2SM-RC-ControlOutcome-Format2-RANP-Item,
///     ... }
public struct RCControlOutcomeFormat2ControlOutcomeItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ControlAction-ID`
    public var ricControlActionID: RICControlActionID
    /// `ranP-List` (1...65535 items)
    public var ranPList: [RCControlOutcomeFormat2RANPItem]

    public init(ricControlActionID: RICControlActionID, ranPList: [RCControlOutcomeFormat2RANPItem]) {
        self.ricControlActionID = ricControlActionID
        self.ranPList = ranPList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlActionID = try decoder.component("ric-ControlAction-ID") { try RICControlActionID(aper: &$0) }
        ranPList = try decoder.component("ranP-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RCControlOutcomeFormat2RANPItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-ControlAction-ID") { try ricControlActionID.encode(aper: &$0) }
        try encoder.component("ranP-List") { try $0.encodeSequenceOf(ranPList, size: RCSize.many) { try $1.encode(aper: &$0) } }
    }
}
