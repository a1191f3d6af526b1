import APER
import E2SMCommon

/// RANFunctionDefinition-Policy ::= SEQUENCE {
///     ric-PolicyStyle-List  SEQUENCE (SIZE(1..maxnoofRICStyles)) OF RANFunctionDefinition-Policy-Item,
///     ... }
public struct RANFunctionDefinitionPolicy: Hashable, Sendable, Codable, APERCodable {
    /// `ric-PolicyStyle-List` (1...63 items)
    public var ricPolicyStyleList: [RANFunctionDefinitionPolicyItem]

    public init(ricPolicyStyleList: [RANFunctionDefinitionPolicyItem]) {
        self.ricPolicyStyleList = ricPolicyStyleList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricPolicyStyleList = try decoder.component("ric-PolicyStyle-List") { try $0.decodeSequenceOf(size: RCSize.styles, minimumElementBits: 8) { try RANFunctionDefinitionPolicyItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-PolicyStyle-List") { try $0.encodeSequenceOf(ricPolicyStyleList, size: RCSize.styles) { try $1.encode(aper: &$0) } }
    }
}

/// RANFunctionDefinition-Policy-Item ::= SEQUENCE {
///     ric-PolicyStyle-Type                 RIC-Style-Type,
///     ric-PolicyStyle-Name                 RIC-Style-Name,
///     ric-SupportedEventTriggerStyle-Type  RIC-Style-Type,
///     ric-PolicyAction-List                SEQUENCE (SIZE(1..maxnoofPolicyAction)) OF RANFunctionDefinition-Policy-Action-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionPolicyItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-PolicyStyle-Type`
    public var ricPolicyStyleType: RICStyleType
    /// `ric-PolicyStyle-Name`
    public var ricPolicyStyleName: RICStyleName
    /// `ric-SupportedEventTriggerStyle-Type`
    public var ricSupportedEventTriggerStyleType: RICStyleType
    /// `ric-PolicyAction-List` (1...65535 items) OPTIONAL
    public var ricPolicyActionList: [RANFunctionDefinitionPolicyActionItem]?

    public init(ricPolicyStyleType: RICStyleType, ricPolicyStyleName: RICStyleName, ricSupportedEventTriggerStyleType: RICStyleType, ricPolicyActionList: [RANFunctionDefinitionPolicyActionItem]? = nil) {
        self.ricPolicyStyleType = ricPolicyStyleType
        self.ricPolicyStyleName = ricPolicyStyleName
        self.ricSupportedEventTriggerStyleType = ricSupportedEventTriggerStyleType
        self.ricPolicyActionList = ricPolicyActionList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        ricPolicyStyleType = try decoder.component("ric-PolicyStyle-Type") { try RICStyleType(aper: &$0) }
        ricPolicyStyleName = try decoder.component("ric-PolicyStyle-Name") { try RICStyleName(aper: &$0) }
        ricSupportedEventTriggerStyleType = try decoder.component("ric-SupportedEventTriggerStyle-Type") { try RICStyleType(aper: &$0) }
        ricPolicyActionList = present[0] ? try decoder.component("ric-PolicyAction-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANFunctionDefinitionPolicyActionItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ricPolicyActionList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: present)
        try encoder.component("ric-PolicyStyle-Type") { try ricPolicyStyleType.encode(aper: &$0) }
        try encoder.component("ric-PolicyStyle-Name") { try ricPolicyStyleName.encode(aper: &$0) }
        try encoder.component("ric-SupportedEventTriggerStyle-Type") { try ricSupportedEventTriggerStyleType.encode(aper: &$0) }
        if let v = ricPolicyActionList { try encoder.component("ric-PolicyAction-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
    }
}

/// RANFunctionDefinition-Policy-Action-Item ::= SEQUENCE {
///     ric-PolicyAction-ID                 RIC-ControlAction-ID,
///     ric-PolicyAction-Name               RIC-ControlAction-Name,
///     ric-ActionDefinitionFormat-Type     RIC-Format-Type,
///     ran-PolicyActionParameters-List     SEQUENCE (SIZE (1..maxnoofAssociatedRANParameters)) OF PolicyAction-RANParameter-Item OPTIONAL,
///     ran-PolicyConditionParameters-List  SEQUENCE (SIZE (1..maxnoofAssociatedRANParameters)) OF PolicyCondition-RANParameter-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionPolicyActionItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-PolicyAction-ID`
    public var ricPolicyActionID: RICControlActionID
    /// `ric-PolicyAction-Name`
    public var ricPolicyActionName: RICControlActionName
    /// `ric-ActionDefinitionFormat-Type`
    public var ricActionDefinitionFormatType: RICFormatType
    /// `ran-PolicyActionParameters-List` (1...65535 items) OPTIONAL
    public var ranPolicyActionParametersList: [PolicyActionRANParameterItem]?
    /// `ran-PolicyConditionParameters-List` (1...65535 items) OPTIONAL
    public var ranPolicyConditionParametersList: [PolicyConditionRANParameterItem]?

    public init(ricPolicyActionID: RICControlActionID, ricPolicyActionName: RICControlActionName, ricActionDefinitionFormatType: RICFormatType, ranPolicyActionParametersList: [PolicyActionRANParameterItem]? = nil, ranPolicyConditionParametersList: [PolicyConditionRANParameterItem]? = nil) {
        self.ricPolicyActionID = ricPolicyActionID
        self.ricPolicyActionName = ricPolicyActionName
        self.ricActionDefinitionFormatType = ricActionDefinitionFormatType
        self.ranPolicyActionParametersList = ranPolicyActionParametersList
        self.ranPolicyConditionParametersList = ranPolicyConditionParametersList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 2)
        ricPolicyActionID = try decoder.component("ric-PolicyAction-ID") { try RICControlActionID(aper: &$0) }
        ricPolicyActionName = try decoder.component("ric-PolicyAction-Name") { try RICControlActionName(aper: &$0) }
        ricActionDefinitionFormatType = try decoder.component("ric-ActionDefinitionFormat-Type") { try RICFormatType(aper: &$0) }
        ranPolicyActionParametersList = present[0] ? try decoder.component("ran-PolicyActionParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try PolicyActionRANParameterItem(aper: &$0) } } : nil
        ranPolicyConditionParametersList = present[1] ? try decoder.component("ran-PolicyConditionParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try PolicyConditionRANParameterItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ranPolicyActionParametersList != nil { present |= 1 << 1 }
        if ranPolicyConditionParametersList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 2, present: present)
        try encoder.component("ric-PolicyAction-ID") { try ricPolicyActionID.encode(aper: &$0) }
        try encoder.component("ric-PolicyAction-Name") { try ricPolicyActionName.encode(aper: &$0) }
        try encoder.component("ric-ActionDefinitionFormat-Type") { try ricActionDefinitionFormatType.encode(aper: &$0) }
        if let v = ranPolicyActionParametersList { try encoder.component("ran-PolicyActionParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
        if let v = ranPolicyConditionParametersList { try encoder.component("ran-PolicyConditionParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
    }
}
