import APER
import E2SMCommon

/// RANFunctionDefinition-Insert ::= SEQUENCE {
///     ric-InsertStyle-List  SEQUENCE (SIZE(1..maxnoofRICStyles)) OF RANFunctionDefinition-Insert-Item,
///     ... }
public struct RANFunctionDefinitionInsert: Hashable, Sendable, Codable, APERCodable {
    /// `ric-InsertStyle-List` (1...63 items)
    public var ricInsertStyleList: [RANFunctionDefinitionInsertItem]

    public init(ricInsertStyleList: [RANFunctionDefinitionInsertItem]) {
        self.ricInsertStyleList = ricInsertStyleList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricInsertStyleList = try decoder.component("ric-InsertStyle-List") { try $0.decodeSequenceOf(size: RCSize.styles, minimumElementBits: 8) { try RANFunctionDefinitionInsertItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-InsertStyle-List") { try $0.encodeSequenceOf(ricInsertStyleList, size: RCSize.styles) { try $1.encode(aper: &$0) } }
    }
}

/// RANFunctionDefinition-Insert-Item ::= SEQUENCE {
///     ric-InsertStyle-Type                 RIC-Style-Type,
///     ric-InsertStyle-Name                 RIC-Style-Name,
///     ric-SupportedEventTriggerStyle-Type  RIC-Style-Type,
///     ric-ActionDefinitionFormat-Type      RIC-Format-Type,
///     ric-InsertIndication-List            SEQUENCE (SIZE(1..maxnoofInsertIndication)) OF RANFunctionDefinition-Insert-Indication-Item OPTIONAL,
///     ric-IndicationHeaderFormat-Type      RIC-Format-Type,
///     ric-IndicationMessageFormat-Type     RIC-Format-Type,
///     ric-CallProcessIDFormat-Type         RIC-Format-Type,
///     ... }
public struct RANFunctionDefinitionInsertItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-InsertStyle-Type`
    public var ricInsertStyleType: RICStyleType
    /// `ric-InsertStyle-Name`
    public var ricInsertStyleName: RICStyleName
    /// `ric-SupportedEventTriggerStyle-Type`
    public var ricSupportedEventTriggerStyleType: RICStyleType
    /// `ric-ActionDefinitionFormat-Type`
    public var ricActionDefinitionFormatType: RICFormatType
    /// `ric-InsertIndication-List` (1...65535 items) OPTIONAL
    public var ricInsertIndicationList: [RANFunctionDefinitionInsertIndicationItem]?
    /// `ric-IndicationHeaderFormat-Type`
    public var ricIndicationHeaderFormatType: RICFormatType
    /// `ric-IndicationMessageFormat-Type`
    public var ricIndicationMessageFormatType: RICFormatType
    /// `ric-CallProcessIDFormat-Type`
    public var ricCallProcessIDFormatType: RICFormatType

    public init(ricInsertStyleType: RICStyleType, ricInsertStyleName: RICStyleName, ricSupportedEventTriggerStyleType: RICStyleType, ricActionDefinitionFormatType: RICFormatType, ricInsertIndicationList: [RANFunctionDefinitionInsertIndicationItem]? = nil, ricIndicationHeaderFormatType: RICFormatType, ricIndicationMessageFormatType: RICFormatType, ricCallProcessIDFormatType: RICFormatType) {
        self.ricInsertStyleType = ricInsertStyleType
        self.ricInsertStyleName = ricInsertStyleName
        self.ricSupportedEventTriggerStyleType = ricSupportedEventTriggerStyleType
        self.ricActionDefinitionFormatType = ricActionDefinitionFormatType
        self.ricInsertIndicationList = ricInsertIndicationList
        self.ricIndicationHeaderFormatType = ricIndicationHeaderFormatType
        self.ricIndicationMessageFormatType = ricIndicationMessageFormatType
        self.ricCallProcessIDFormatType = ricCallProcessIDFormatType
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        ricInsertStyleType = try decoder.component("ric-InsertStyle-Type") { try RICStyleType(aper: &$0) }
        ricInsertStyleName = try decoder.component("ric-InsertStyle-Name") { try RICStyleName(aper: &$0) }
        ricSupportedEventTriggerStyleType = try decoder.component("ric-SupportedEventTriggerStyle-Type") { try RICStyleType(aper: &$0) }
        ricActionDefinitionFormatType = try decoder.component("ric-ActionDefinitionFormat-Type") { try RICFormatType(aper: &$0) }
        ricInsertIndicationList = present[0] ? try decoder.component("ric-InsertIndication-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANFunctionDefinitionInsertIndicationItem(aper: &$0) } } : nil
        ricIndicationHeaderFormatType = try decoder.component("ric-IndicationHeaderFormat-Type") { try RICFormatType(aper: &$0) }
        ricIndicationMessageFormatType = try decoder.component("ric-IndicationMessageFormat-Type") { try RICFormatType(aper: &$0) }
        ricCallProcessIDFormatType = try decoder.component("ric-CallProcessIDFormat-Type") { try RICFormatType(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ricInsertIndicationList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: present)
        try encoder.component("ric-InsertStyle-Type") { try ricInsertStyleType.encode(aper: &$0) }
        try encoder.component("ric-InsertStyle-Name") { try ricInsertStyleName.encode(aper: &$0) }
        try encoder.component("ric-SupportedEventTriggerStyle-Type") { try ricSupportedEventTriggerStyleType.encode(aper: &$0) }
        try encoder.component("ric-ActionDefinitionFormat-Type") { try ricActionDefinitionFormatType.encode(aper: &$0) }
        if let v = ricInsertIndicationList { try encoder.component("ric-InsertIndication-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
        try encoder.component("ric-IndicationHeaderFormat-Type") { try ricIndicationHeaderFormatType.encode(aper: &$0) }
        try encoder.component("ric-IndicationMessageFormat-Type") { try ricIndicationMessageFormatType.encode(aper: &$0) }
        try encoder.component("ric-CallProcessIDFormat-Type") { try ricCallProcessIDFormatType.encode(aper: &$0) }
    }
}

/// RANFunctionDefinition-Insert-Indication-Item ::= SEQUENCE {
///     ric-InsertIndication-ID              RIC-InsertIndication-ID,
///     ric-InsertIndication-Name            RIC-InsertIndication-Name,
///     ran-InsertIndicationParameters-List  SEQUENCE (SIZE (1..maxnoofAssociatedRANParameters)) OF InsertIndication-RANParameter-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionInsertIndicationItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-InsertIndication-ID`
    public var ricInsertIndicationID: RICInsertIndicationID
    /// `ric-InsertIndication-Name`
    public var ricInsertIndicationName: RICInsertIndicationName
    /// `ran-InsertIndicationParameters-List` (1...65535 items) OPTIONAL
    public var ranInsertIndicationParametersList: [InsertIndicationRANParameterItem]?

    public init(ricInsertIndicationID: RICInsertIndicationID, ricInsertIndicationName: RICInsertIndicationName, ranInsertIndicationParametersList: [InsertIndicationRANParameterItem]? = nil) {
        self.ricInsertIndicationID = ricInsertIndicationID
        self.ricInsertIndicationName = ricInsertIndicationName
        self.ranInsertIndicationParametersList = ranInsertIndicationParametersList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        ricInsertIndicationID = try decoder.component("ric-InsertIndication-ID") { try RICInsertIndicationID(aper: &$0) }
        ricInsertIndicationName = try decoder.component("ric-InsertIndication-Name") { try RICInsertIndicationName(aper: &$0) }
        ranInsertIndicationParametersList = present[0] ? try decoder.component("ran-InsertIndicationParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try InsertIndicationRANParameterItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ranInsertIndicationParametersList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: present)
        try encoder.component("ric-InsertIndication-ID") { try ricInsertIndicationID.encode(aper: &$0) }
        try encoder.component("ric-InsertIndication-Name") { try ricInsertIndicationName.encode(aper: &$0) }
        if let v = ranInsertIndicationParametersList { try encoder.component("ran-InsertIndicationParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
    }
}
