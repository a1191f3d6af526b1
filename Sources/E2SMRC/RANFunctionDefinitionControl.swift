import APER
import E2SMCommon

/// RANFunctionDefinition-Control ::= SEQUENCE {
///     ric-ControlStyle-List  SEQUENCE (SIZE(1..maxnoofRICStyles)) OF RANFunctionDefinition-Control-Item,
///     ... }
public struct RANFunctionDefinitionControl: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ControlStyle-List` (1...63 items)
    public var ricControlStyleList: [RANFunctionDefinitionControlItem]

    public init(ricControlStyleList: [RANFunctionDefinitionControlItem]) {
        self.ricControlStyleList = ricControlStyleList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlStyleList = try decoder.component("ric-ControlStyle-List") { try $0.decodeSequenceOf(size: RCSize.styles, minimumElementBits: 8) { try RANFunctionDefinitionControlItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-ControlStyle-List") { try $0.encodeSequenceOf(ricControlStyleList, size: RCSize.styles) { try $1.encode(aper: &$0) } }
    }
}

/// RANFunctionDefinition-Control-Item ::= SEQUENCE {
///     ric-ControlStyle-Type              RIC-Style-Type,
///     ric-ControlStyle-Name              RIC-Style-Name,
///     ric-ControlAction-List             SEQUENCE (SIZE(1..maxnoofControlAction)) OF RANFunctionDefinition-Control-Action-Item OPTIONAL,
///     ric-ControlHeaderFormat-Type       RIC-Format-Type,
///     ric-ControlMessageFormat-Type      RIC-Format-Type,
///     ric-CallProcessIDFormat-Type       RIC-Format-Type OPTIONAL,
///     ric-ControlOutcomeFormat-Type      RIC-Format-Type,
///     ran-ControlOutcomeParameters-List  SEQUENCE (SIZE(1..maxnoofRANOutcomeParameters)) OF ControlOutcome-RANParameter-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionControlItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ControlStyle-Type`
    public var ricControlStyleType: RICStyleType
    /// `ric-ControlStyle-Name`
    public var ricControlStyleName: RICStyleName
    /// `ric-ControlAction-List` (1...65535 items) OPTIONAL
    public var ricControlActionList: [RANFunctionDefinitionControlActionItem]?
    /// `ric-ControlHeaderFormat-Type`
    public var ricControlHeaderFormatType: RICFormatType
    /// `ric-ControlMessageFormat-Type`
    public var ricControlMessageFormatType: RICFormatType
    /// `ric-CallProcessIDFormat-Type` OPTIONAL
    public var ricCallProcessIDFormatType: RICFormatType?
    /// `ric-ControlOutcomeFormat-Type`
    public var ricControlOutcomeFormatType: RICFormatType
    /// `ran-ControlOutcomeParameters-List` (1...255 items) OPTIONAL
    public var ranControlOutcomeParametersList: [ControlOutcomeRANParameterItem]?

    public init(ricControlStyleType: RICStyleType, ricControlStyleName: RICStyleName, ricControlActionList: [RANFunctionDefinitionControlActionItem]? = nil, ricControlHeaderFormatType: RICFormatType, ricControlMessageFormatType: RICFormatType, ricCallProcessIDFormatType: RICFormatType? = nil, ricControlOutcomeFormatType: RICFormatType, ranControlOutcomeParametersList: [ControlOutcomeRANParameterItem]? = nil) {
        self.ricControlStyleType = ricControlStyleType
        self.ricControlStyleName = ricControlStyleName
        self.ricControlActionList = ricControlActionList
        self.ricControlHeaderFormatType = ricControlHeaderFormatType
        self.ricControlMessageFormatType = ricControlMessageFormatType
        self.ricCallProcessIDFormatType = ricCallProcessIDFormatType
        self.ricControlOutcomeFormatType = ricControlOutcomeFormatType
        self.ranControlOutcomeParametersList = ranControlOutcomeParametersList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 3)
        ricControlStyleType = try decoder.component("ric-ControlStyle-Type") { try RICStyleType(aper: &$0) }
        ricControlStyleName = try decoder.component("ric-ControlStyle-Name") { try RICStyleName(aper: &$0) }
        ricControlActionList = present[0] ? try decoder.component("ric-ControlAction-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANFunctionDefinitionControlActionItem(aper: &$0) } } : nil
        ricControlHeaderFormatType = try decoder.component("ric-ControlHeaderFormat-Type") { try RICFormatType(aper: &$0) }
        ricControlMessageFormatType = try decoder.component("ric-ControlMessageFormat-Type") { try RICFormatType(aper: &$0) }
        ricCallProcessIDFormatType = present[1] ? try decoder.component("ric-CallProcessIDFormat-Type") { try RICFormatType(aper: &$0) } : nil
        ricControlOutcomeFormatType = try decoder.component("ric-ControlOutcomeFormat-Type") { try RICFormatType(aper: &$0) }
        ranControlOutcomeParametersList = present[2] ? try decoder.component("ran-ControlOutcomeParameters-List") { try $0.decodeSequenceOf(size: RCSize.outcomeParameters, minimumElementBits: 8) { try ControlOutcomeRANParameterItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ricControlActionList != nil { present |= 1 << 2 }
        if ricCallProcessIDFormatType != nil { present |= 1 << 1 }
        if ranControlOutcomeParametersList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 3, present: present)
        try encoder.component("ric-ControlStyle-Type") { try ricControlStyleType.encode(aper: &$0) }
        try encoder.component("ric-ControlStyle-Name") { try ricControlStyleName.encode(aper: &$0) }
        if let v = ricControlActionList { try encoder.component("ric-ControlAction-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
        try encoder.component("ric-ControlHeaderFormat-Type") { try ricControlHeaderFormatType.encode(aper: &$0) }
        try encoder.component("ric-ControlMessageFormat-Type") { try ricControlMessageFormatType.encode(aper: &$0) }
        if let v = ricCallProcessIDFormatType { try encoder.component("ric-CallProcessIDFormat-Type") { try v.encode(aper: &$0) } }
        try encoder.component("ric-ControlOutcomeFormat-Type") { try ricControlOutcomeFormatType.encode(aper: &$0) }
        if let v = ranControlOutcomeParametersList { try encoder.component("ran-ControlOutcomeParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.outcomeParameters) { try $1.encode(aper: &$0) } } }
    }
}

/// RANFunctionDefinition-Control-Action-Item ::= SEQUENCE {
///     ric-ControlAction-ID              RIC-ControlAction-ID,
///     ric-ControlAction-Name            RIC-ControlAction-Name,
///     ran-ControlActionParameters-List  SEQUENCE (SIZE (1..maxnoofAssociatedRANParameters)) OF ControlAction-RANParameter-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionControlActionItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ControlAction-ID`
    public var ricControlActionID: RICControlActionID
    /// `ric-ControlAction-Name`
    public var ricControlActionName: RICControlActionName
    /// `ran-ControlActionParameters-List` (1...65535 items) OPTIONAL
    public var ranControlActionParametersList: [ControlActionRANParameterItem]?

    public init(ricControlActionID: RICControlActionID, ricControlActionName: RICControlActionName, ranControlActionParametersList: [ControlActionRANParameterItem]? = nil) {
        self.ricControlActionID = ricControlActionID
        self.ricControlActionName = ricControlActionName
        self.ranControlActionParametersList = ranControlActionParametersList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        ricControlActionID = try decoder.component("ric-ControlAction-ID") { try RICControlActionID(aper: &$0) }
        ricControlActionName = try decoder.component("ric-ControlAction-Name") { try RICControlActionName(aper: &$0) }
        ranControlActionParametersList = present[0] ? try decoder.component("ran-ControlActionParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try ControlActionRANParameterItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ranControlActionParametersList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: present)
        try encoder.component("ric-ControlAction-ID") { try ricControlActionID.encode(aper: &$0) }
        try encoder.component("ric-ControlAction-Name") { try ricControlActionName.encode(aper: &$0) }
        if let v = ranControlActionParametersList { try encoder.component("ran-ControlActionParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
    }
}
