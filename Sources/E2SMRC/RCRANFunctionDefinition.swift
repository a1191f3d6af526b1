import APER
import E2SMCommon

/// E2SM-RC-RANFunctionDefinition ::= SEQUENCE {
///     ranFunction-Name                     RANfunction-Name,
///     ranFunctionDefinition-EventTrigger   RANFunctionDefinition-EventTrigger   OPTIONAL,
///     ranFunctionDefinition-Report         RANFunctionDefinition-Report         OPTIONAL,
///     ranFunctionDefinition-Insert         RANFunctionDefinition-Insert         OPTIONAL,
///     ranFunctionDefinition-Control        RANFunctionDefinition-Control        OPTIONAL,
///     ranFunctionDefinition-Policy         RANFunctionDefinition-Policy         OPTIONAL,
///     ... }
///
/// The RAN function definition an E2 node advertises for E2SM-RC in E2 Setup / RIC Service Update.
public struct RCRANFunctionDefinition: Hashable, Sendable, Codable, APERCodable {
    /// `ranFunction-Name`
    public var ranFunctionName: RANfunctionName
    /// `ranFunctionDefinition-EventTrigger` OPTIONAL
    public var ranFunctionDefinitionEventTrigger: RANFunctionDefinitionEventTrigger?
    /// `ranFunctionDefinition-Report` OPTIONAL
    public var ranFunctionDefinitionReport: RANFunctionDefinitionReport?
    /// `ranFunctionDefinition-Insert` OPTIONAL
    public var ranFunctionDefinitionInsert: RANFunctionDefinitionInsert?
    /// `ranFunctionDefinition-Control` OPTIONAL
    public var ranFunctionDefinitionControl: RANFunctionDefinitionControl?
    /// `ranFunctionDefinition-Policy` OPTIONAL
    public var ranFunctionDefinitionPolicy: RANFunctionDefinitionPolicy?

    public init(ranFunctionName: RANfunctionName, ranFunctionDefinitionEventTrigger: RANFunctionDefinitionEventTrigger? = nil, ranFunctionDefinitionReport: RANFunctionDefinitionReport? = nil, ranFunctionDefinitionInsert: RANFunctionDefinitionInsert? = nil, ranFunctionDefinitionControl: RANFunctionDefinitionControl? = nil, ranFunctionDefinitionPolicy: RANFunctionDefinitionPolicy? = nil) {
        self.ranFunctionName = ranFunctionName
        self.ranFunctionDefinitionEventTrigger = ranFunctionDefinitionEventTrigger
        self.ranFunctionDefinitionReport = ranFunctionDefinitionReport
        self.ranFunctionDefinitionInsert = ranFunctionDefinitionInsert
        self.ranFunctionDefinitionControl = ranFunctionDefinitionControl
        self.ranFunctionDefinitionPolicy = ranFunctionDefinitionPolicy
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 5)
        ranFunctionName = try decoder.component("ranFunction-Name") { try RANfunctionName(aper: &$0) }
        ranFunctionDefinitionEventTrigger = present[0] ? try decoder.component("ranFunctionDefinition-EventTrigger") { try RANFunctionDefinitionEventTrigger(aper: &$0) } : nil
        ranFunctionDefinitionReport = present[1] ? try decoder.component("ranFunctionDefinition-Report") { try RANFunctionDefinitionReport(aper: &$0) } : nil
        ranFunctionDefinitionInsert = present[2] ? try decoder.component("ranFunctionDefinition-Insert") { try RANFunctionDefinitionInsert(aper: &$0) } : nil
        ranFunctionDefinitionControl = present[3] ? try decoder.component("ranFunctionDefinition-Control") { try RANFunctionDefinitionControl(aper: &$0) } : nil
        ranFunctionDefinitionPolicy = present[4] ? try decoder.component("ranFunctionDefinition-Policy") { try RANFunctionDefinitionPolicy(aper: &$0) } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        var present: UInt64 = 0
        if ranFunctionDefinitionEventTrigger != nil { present |= 1 << 4 }
        if ranFunctionDefinitionReport != nil { present |= 1 << 3 }
        if ranFunctionDefinitionInsert != nil { present |= 1 << 2 }
        if ranFunctionDefinitionControl != nil { present |= 1 << 1 }
        if ranFunctionDefinitionPolicy != nil { present |= 1 << 0 }
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 5, present: present)
        try encoder.component("ranFunction-Name") { try ranFunctionName.encode(aper: &$0) }
        if let v = ranFunctionDefinitionEventTrigger { try encoder.component("ranFunctionDefinition-EventTrigger") { try v.encode(aper: &$0) } }
        if let v = ranFunctionDefinitionReport { try encoder.component("ranFunctionDefinition-Report") { try v.encode(aper: &$0) } }
        if let v = ranFunctionDefinitionInsert { try encoder.component("ranFunctionDefinition-Insert") { try v.encode(aper: &$0) } }
        if let v = ranFunctionDefinitionControl { try encoder.component("ranFunctionDefinition-Control") { try v.encode(aper: &$0) } }
        if let v = ranFunctionDefinitionPolicy { try encoder.component("ranFunctionDefinition-Policy") { try v.encode(aper: &$0) } }
    }
}
