import APER
import E2SMCommon

/// RANFunctionDefinition-EventTrigger ::= SEQUENCE {
///     ric-EventTriggerStyle-List             SEQUENCE (SIZE(1..maxnoofRICStyles)) OF RANFunctionDefinition-EventTrigger-Style-Item,
///     ran-L2Parameters-List                  SEQUENCE (SIZE(1..maxnoofAssociatedRANParameters)) OF L2Parameters-RANParameter-Item OPTIONAL,
///     ran-CallProcessTypes-List              SEQUENCE (SIZE(1..maxnoofCallProcessTypes)) OF RANFunctionDefinition-EventTrigger-CallProcess-Item OPTIONAL,
///     ran-UEIdentificationParameters-List    SEQUENCE (SIZE(1..maxnoofAssociatedRANParameters)) OF UEIdentification-RANParameter-Item OPTIONAL,
///     ran-CellIdentificationParameters-List  SEQUENCE (SIZE(1..maxnoofAssociatedRANParameters)) OF CellIdentification-RANParameter-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionEventTrigger: Hashable, Sendable, Codable, APERCodable {
    /// `ric-EventTriggerStyle-List` (1...63 items)
    public var ricEventTriggerStyleList: [RANFunctionDefinitionEventTriggerStyleItem]
    /// `ran-L2Parameters-List` (1...65535 items) OPTIONAL
    public var ranL2ParametersList: [L2ParametersRANParameterItem]?
    /// `ran-CallProcessTypes-List` (1...65535 items) OPTIONAL
    public var ranCallProcessTypesList: [RANFunctionDefinitionEventTriggerCallProcessItem]?
    /// `ran-UEIdentificationParameters-List` (1...65535 items) OPTIONAL
    public var ranUEIdentificationParametersList: [UEIdentificationRANParameterItem]?
    /// `ran-CellIdentificationParameters-List` (1...65535 items) OPTIONAL
    public var ranCellIdentificationParametersList: [CellIdentificationRANParameterItem]?

    public init(ricEventTriggerStyleList: [RANFunctionDefinitionEventTriggerStyleItem], ranL2ParametersList: [L2ParametersRANParameterItem]? = nil, ranCallProcessTypesList: [RANFunctionDefinitionEventTriggerCallProcessItem]? = nil, ranUEIdentificationParametersList: [UEIdentificationRANParameterItem]? = nil, ranCellIdentificationParametersList: [CellIdentificationRANParameterItem]? = nil) {
        self.ricEventTriggerStyleList = ricEventTriggerStyleList
        self.ranL2ParametersList = ranL2ParametersList
        self.ranCallProcessTypesList = ranCallProcessTypesList
        self.ranUEIdentificationParametersList = ranUEIdentificationParametersList
        self.ranCellIdentificationParametersList = ranCellIdentificationParametersList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 4)
        ricEventTriggerStyleList = try decoder.component("ric-EventTriggerStyle-List") { try $0.decodeSequenceOf(size: RCSize.styles, minimumElementBits: 8) { try RANFunctionDefinitionEventTriggerStyleItem(aper: &$0) } }
        ranL2ParametersList = present[0] ? try decoder.component("ran-L2Parameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try L2ParametersRANParameterItem(aper: &$0) } } : nil
        ranCallProcessTypesList = present[1] ? try decoder.component("ran-CallProcessTypes-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANFunctionDefinitionEventTriggerCallProcessItem(aper: &$0) } } : nil
        ranUEIdentificationParametersList = present[2] ? try decoder.component("ran-UEIdentificationParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try UEIdentificationRANParameterItem(aper: &$0) } } : nil
        ranCellIdentificationParametersList = present[3] ? try decoder.component("ran-CellIdentificationParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try CellIdentificationRANParameterItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ranL2ParametersList != nil { present |= 1 << 3 }
        if ranCallProcessTypesList != nil { present |= 1 << 2 }
        if ranUEIdentificationParametersList != nil { present |= 1 << 1 }
        if ranCellIdentificationParametersList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 4, present: present)
        try encoder.component("ric-EventTriggerStyle-List") { try $0.encodeSequenceOf(ricEventTriggerStyleList, size: RCSize.styles) { try $1.encode(aper: &$0) } }
        if let v = ranL2ParametersList { try encoder.component("ran-L2Parameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
        if let v = ranCallProcessTypesList { try encoder.component("ran-CallProcessTypes-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
        if let v = ranUEIdentificationParametersList { try encoder.component("ran-UEIdentificationParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
        if let v = ranCellIdentificationParametersList { try encoder.component("ran-CellIdentificationParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
    }
}

/// RANFunctionDefinition-EventTrigger-Style-Item ::= SEQUENCE {
///     ric-EventTriggerStyle-Type   RIC-Style-Type,
///     ric-EventTriggerStyle-Name   RIC-Style-Name,
///     ric-EventTriggerFormat-Type  RIC-Format-Type,
///     ... }
public struct RANFunctionDefinitionEventTriggerStyleItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-EventTriggerStyle-Type`
    public var ricEventTriggerStyleType: RICStyleType
    /// `ric-EventTriggerStyle-Name`
    public var ricEventTriggerStyleName: RICStyleName
    /// `ric-EventTriggerFormat-Type`
    public var ricEventTriggerFormatType: RICFormatType

    public init(ricEventTriggerStyleType: RICStyleType, ricEventTriggerStyleName: RICStyleName, ricEventTriggerFormatType: RICFormatType) {
        self.ricEventTriggerStyleType = ricEventTriggerStyleType
        self.ricEventTriggerStyleName = ricEventTriggerStyleName
        self.ricEventTriggerFormatType = ricEventTriggerFormatType
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricEventTriggerStyleType = try decoder.component("ric-EventTriggerStyle-Type") { try RICStyleType(aper: &$0) }
        ricEventTriggerStyleName = try decoder.component("ric-EventTriggerStyle-Name") { try RICStyleName(aper: &$0) }
        ricEventTriggerFormatType = try decoder.component("ric-EventTriggerFormat-Type") { try RICFormatType(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-EventTriggerStyle-Type") { try ricEventTriggerStyleType.encode(aper: &$0) }
        try encoder.component("ric-EventTriggerStyle-Name") { try ricEventTriggerStyleName.encode(aper: &$0) }
        try encoder.component("ric-EventTriggerFormat-Type") { try ricEventTriggerFormatType.encode(aper: &$0) }
    }
}

/// RANFunctionDefinition-EventTrigger-CallProcess-Item ::= SEQUENCE {
///     callProcessType-ID           RIC-CallProcessType-ID,
///     callProcessType-Name         RIC-CallProcessType-Name,
///     callProcessBreakpoints-List  SEQUENCE (SIZE (1..maxnoofCallProcessBreakpoints)) OF RANFunctionDefinition-EventTrigger-Breakpoint-Item,
///     ... }
public struct RANFunctionDefinitionEventTriggerCallProcessItem: Hashable, Sendable, Codable, APERCodable {
    /// `callProcessType-ID`
    public var callProcessTypeID: RICCallProcessTypeID
    /// `callProcessType-Name`
    public var callProcessTypeName: RICCallProcessTypeName
    /// `callProcessBreakpoints-List` (1...65535 items)
    public var callProcessBreakpointsList: [RANFunctionDefinitionEventTriggerBreakpointItem]

    public init(callProcessTypeID: RICCallProcessTypeID, callProcessTypeName: RICCallProcessTypeName, callProcessBreakpointsList: [RANFunctionDefinitionEventTriggerBreakpointItem]) {
        self.callProcessTypeID = callProcessTypeID
        self.callProcessTypeName = callProcessTypeName
        self.callProcessBreakpointsList = callProcessBreakpointsList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        callProcessTypeID = try decoder.component("callProcessType-ID") { try RICCallProcessTypeID(aper: &$0) }
        callProcessTypeName = try decoder.component("callProcessType-Name") { try RICCallProcessTypeName(aper: &$0) }
        callProcessBreakpointsList = try decoder.component("callProcessBreakpoints-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANFunctionDefinitionEventTriggerBreakpointItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("callProcessType-ID") { try callProcessTypeID.encode(aper: &$0) }
        try encoder.component("callProcessType-Name") { try callProcessTypeName.encode(aper: &$0) }
        try encoder.component("callProcessBreakpoints-List") { try $0.encodeSequenceOf(callProcessBreakpointsList, size: RCSize.many) { try $1.encode(aper: &$0) } }
    }
}

/// RANFunctionDefinition-EventTrigger-Breakpoint-Item ::= SEQUENCE {
///     callProcessBreakpoint-ID                  RIC-CallProcessBreakpoint-ID,
///     callProcessBreakpoint-Name                RIC-CallProcessBreakpoint-Name,
///     ran-CallProcessBreakpointParameters-List  SEQUENCE (SIZE (1..maxnoofAssociatedRANParameters)) OF CallProcessBreakpoint-RANParameter-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionEventTriggerBreakpointItem: Hashable, Sendable, Codable, APERCodable {
    /// `callProcessBreakpoint-ID`
    public var callProcessBreakpointID: RICCallProcessBreakpointID
    /// `callProcessBreakpoint-Name`
    public var callProcessBreakpointName: RICCallProcessBreakpointName
    /// `ran-CallProcessBreakpointParameters-List` (1...65535 items) OPTIONAL
    public var ranCallProcessBreakpointParametersList: [CallProcessBreakpointRANParameterItem]?

    public init(callProcessBreakpointID: RICCallProcessBreakpointID, callProcessBreakpointName: RICCallProcessBreakpointName, ranCallProcessBreakpointParametersList: [CallProcessBreakpointRANParameterItem]? = nil) {
        self.callProcessBreakpointID = callProcessBreakpointID
        self.callProcessBreakpointName = callProcessBreakpointName
        self.ranCallProcessBreakpointParametersList = ranCallProcessBreakpointParametersList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        callProcessBreakpointID = try decoder.component("callProcessBreakpoint-ID") { try RICCallProcessBreakpointID(aper: &$0) }
        callProcessBreakpointName = try decoder.component("callProcessBreakpoint-Name") { try RICCallProcessBreakpointName(aper: &$0) }
        ranCallProcessBreakpointParametersList = present[0] ? try decoder.component("ran-CallProcessBreakpointParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try CallProcessBreakpointRANParameterItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ranCallProcessBreakpointParametersList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: present)
        try encoder.component("callProcessBreakpoint-ID") { try callProcessBreakpointID.encode(aper: &$0) }
        try encoder.component("callProcessBreakpoint-Name") { try callProcessBreakpointName.encode(aper: &$0) }
        if let v = ranCallProcessBreakpointParametersList { try encoder.component("ran-CallProcessBreakpointParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
    }
}
