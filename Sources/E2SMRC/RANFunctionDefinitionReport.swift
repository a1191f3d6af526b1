import APER
import E2SMCommon

/// RANFunctionDefinition-Report ::= SEQUENCE {
///     ric-ReportStyle-List  SEQUENCE (SIZE(1..maxnoofRICStyles)) OF RANFunctionDefinition-Report-Item,
///     ... }
public struct RANFunctionDefinitionReport: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ReportStyle-List` (1...63 items)
    public var ricReportStyleList: [RANFunctionDefinitionReportItem]

    public init(ricReportStyleList: [RANFunctionDefinitionReportItem]) {
        self.ricReportStyleList = ricReportStyleList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricReportStyleList = try decoder.component("ric-ReportStyle-List") { try $0.decodeSequenceOf(size: RCSize.styles, minimumElementBits: 8) { try RANFunctionDefinitionReportItem(aper: &$0) } }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-ReportStyle-List") { try $0.encodeSequenceOf(ricReportStyleList, size: RCSize.styles) { try $1.encode(aper: &$0) } }
    }
}

/// RANFunctionDefinition-Report-Item ::= SEQUENCE {
///     ric-ReportStyle-Type                 RIC-Style-Type,
///     ric-ReportStyle-Name                 RIC-Style-Name,
///     ric-SupportedEventTriggerStyle-Type  RIC-Style-Type,
///     ric-ReportActionFormat-Type          RIC-Format-Type,
///     ric-IndicationHeaderFormat-Type      RIC-Format-Type,
///     ric-IndicationMessageFormat-Type     RIC-Format-Type,
///     ran-ReportParameters-List            SEQUENCE (SIZE (1..maxnoofAssociatedRANParameters)) OF Report-RANParameter-Item OPTIONAL,
///     ... }
public struct RANFunctionDefinitionReportItem: Hashable, Sendable, Codable, APERCodable {
    /// `ric-ReportStyle-Type`
    public var ricReportStyleType: RICStyleType
    /// `ric-ReportStyle-Name`
    public var ricReportStyleName: RICStyleName
    /// `ric-SupportedEventTriggerStyle-Type`
    public var ricSupportedEventTriggerStyleType: RICStyleType
    /// `ric-ReportActionFormat-Type`
    public var ricReportActionFormatType: RICFormatType
    /// `ric-IndicationHeaderFormat-Type`
    public var ricIndicationHeaderFormatType: RICFormatType
    /// `ric-IndicationMessageFormat-Type`
    public var ricIndicationMessageFormatType: RICFormatType
    /// `ran-ReportParameters-List` (1...65535 items) OPTIONAL
    public var ranReportParametersList: [ReportRANParameterItem]?

    public init(ricReportStyleType: RICStyleType, ricReportStyleName: RICStyleName, ricSupportedEventTriggerStyleType: RICStyleType, ricReportActionFormatType: RICFormatType, ricIndicationHeaderFormatType: RICFormatType, ricIndicationMessageFormatType: RICFormatType, ranReportParametersList: [ReportRANParameterItem]? = nil) {
        self.ricReportStyleType = ricReportStyleType
        self.ricReportStyleName = ricReportStyleName
        self.ricSupportedEventTriggerStyleType = ricSupportedEventTriggerStyleType
        self.ricReportActionFormatType = ricReportActionFormatType
        self.ricIndicationHeaderFormatType = ricIndicationHeaderFormatType
        self.ricIndicationMessageFormatType = ricIndicationMessageFormatType
        self.ranReportParametersList = ranReportParametersList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        ricReportStyleType = try decoder.component("ric-ReportStyle-Type") { try RICStyleType(aper: &$0) }
        ricReportStyleName = try decoder.component("ric-ReportStyle-Name") { try RICStyleName(aper: &$0) }
        ricSupportedEventTriggerStyleType = try decoder.component("ric-SupportedEventTriggerStyle-Type") { try RICStyleType(aper: &$0) }
        ricReportActionFormatType = try decoder.component("ric-ReportActionFormat-Type") { try RICFormatType(aper: &$0) }
        ricIndicationHeaderFormatType = try decoder.component("ric-IndicationHeaderFormat-Type") { try RICFormatType(aper: &$0) }
        ricIndicationMessageFormatType = try decoder.component("ric-IndicationMessageFormat-Type") { try RICFormatType(aper: &$0) }
        ranReportParametersList = present[0] ? try decoder.component("ran-ReportParameters-List") { try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try ReportRANParameterItem(aper: &$0) } } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ranReportParametersList != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: present)
        try encoder.component("ric-ReportStyle-Type") { try ricReportStyleType.encode(aper: &$0) }
        try encoder.component("ric-ReportStyle-Name") { try ricReportStyleName.encode(aper: &$0) }
        try encoder.component("ric-SupportedEventTriggerStyle-Type") { try ricSupportedEventTriggerStyleType.encode(aper: &$0) }
        try encoder.component("ric-ReportActionFormat-Type") { try ricReportActionFormatType.encode(aper: &$0) }
        try encoder.component("ric-IndicationHeaderFormat-Type") { try ricIndicationHeaderFormatType.encode(aper: &$0) }
        try encoder.component("ric-IndicationMessageFormat-Type") { try ricIndicationMessageFormatType.encode(aper: &$0) }
        if let v = ranReportParametersList { try encoder.component("ran-ReportParameters-List") { try $0.encodeSequenceOf(v, size: RCSize.many) { try $1.encode(aper: &$0) } } }
    }
}
