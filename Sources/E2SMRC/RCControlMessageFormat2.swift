import APER
import E2SMCommon

/// E2SM-RC-ControlMessage-Format2 ::= SEQUENCE {
///     ric-ControlStyle-List  SEQUENCE (SIZE(1..maxnoofRICStyles)) OF E2SM-RC-ControlMessage-Format2-Style-Item,
///     ... }
///
/// Several control actions, of several styles, in one RIC Control Request.
public struct RCControlMessageFormat2: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ControlStyle-List` (1...63 items)
    public var ricControlStyleList: [RCControlMessageFormat2StyleItem]

    public init(ricControlStyleList: [RCControlMessageFormat2StyleItem]) {
        self.ricControlStyleList = ricControlStyleList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlStyleList = try decoder.component("ric-ControlStyle-List") { try $0.decodeSequenceOf(size: RCSize.styles, minimumElementBits: 8) { try RCControlMessageFormat2StyleItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-ControlStyle-List") { try $0.encodeSequenceOf(ricControlStyleList, size: RCSize.styles) { try $1.encode(aper: &$0) } }
    }
}

/// E2SM-RC-ControlMessage-Format2-Style-Item ::= SEQUENCE {
///     indicated-Control-Style-Type  RIC-Style-Type,
///     ric-ControlAction-List        SEQUENCE (SIZE(1..maxnoofMulCtrlActions)) OF E2SM-RC-ControlMessage-Format2-ControlAction-Item,
///     ... }
public struct RCControlMessageFormat2StyleItem: Hashable, Sendable, Codable, APERCodable {
    /// `indicated-Control-Style-Type`
    public var indicatedControlStyleType: RICStyleType
    /// `ric-ControlAction-List` (1...63 items)
    public var ricControlActionList: [RCControlMessageFormat2ControlActionItem]

    public init(indicatedControlStyleType: RICStyleType, ricControlActionList: [RCControlMessageFormat2ControlActionItem]) {
        self.indicatedControlStyleType = indicatedControlStyleType
        self.ricControlActionList = ricControlActionList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        indicatedControlStyleType = try decoder.component("indicated-Control-Style-Type") { try RICStyleType(aper: &$0) }
        ricControlActionList = try decoder.component("ric-ControlAction-List") { try $0.decodeSequenceOf(size: RCSize.multipleControlActions, minimumElementBits: 8) { try RCControlMessageFormat2ControlActionItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("indicated-Control-Style-Type") { try indicatedControlStyleType.encode(aper: &$0) }
        try encoder.component("ric-ControlAction-List") { try $0.encodeSequenceOf(ricControlActionList, size: RCSize.multipleControlActions) { try $1.encode(aper: &$0) } }
    }
}

/// E2SM-RC-ControlMessage-Format2-ControlAction-Item ::= SEQUENCE {
///     ric-ControlAction-ID  RIC-ControlAction-ID,
///     ranP-List             E2SM-RC-ControlMessage-Format1,
///     ... }
public struct RCControlMessageFormat2ControlActionItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ControlAction-ID`
    public var ricControlActionID: RICControlActionID
    /// `ranP-List`
    public var ranPList: RCControlMessageFormat1

    public init(ricControlActionID: RICControlActionID, ranPList: RCControlMessageFormat1) {
        self.ricControlActionID = ricControlActionID
        self.ranPList = ranPList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlActionID = try decoder.component("ric-ControlAction-ID") { try RICControlActionID(aper: &$0) }
        ranPList = try decoder.component("ranP-List") { try RCControlMessageFormat1(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-ControlAction-ID") { try ricControlActionID.encode(aper: &$0) }
        try encoder.component("ranP-List") { try ranPList.encode(aper: &$0) }
    }
}
