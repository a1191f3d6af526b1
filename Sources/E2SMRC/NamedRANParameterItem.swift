import APER
import E2SMCommon

/// The RAN parameter advertised in a RAN function definition. The E2SM-RC ASN.1 defines ten
/// structurally identical types for it, all
///
///     SEQUENCE { ranParameter-ID RANParameter-ID, ranParameter-name RANParameter-Name, ...,
///                ranParameter-Definition RANParameter-Definition OPTIONAL }
///
/// (the definition is an extension addition); each has a type alias below.
public struct NamedRANParameterItem: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterID: RANParameterID
    public var ranParameterName: RANParameterName
    /// Extension addition: the nested parameters of a LIST or STRUCTURE parameter.
    public var ranParameterDefinition: RANParameterDefinition?

    public init(ranParameterID: RANParameterID, ranParameterName: RANParameterName, ranParameterDefinition: RANParameterDefinition? = nil) {
        self.ranParameterID = ranParameterID
        self.ranParameterName = ranParameterName
        self.ranParameterDefinition = ranParameterDefinition
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterID = try decoder.component("ranParameter-ID") { try RANParameterID(aper: &$0) }
        ranParameterName = try decoder.component("ranParameter-name") { try RANParameterName(aper: &$0) }
        var definition: RANParameterDefinition? = nil
        if extended {
            try decoder.decodeExtensionAdditions(known: 1) { dec, _ in
                definition = try dec.component("ranParameter-Definition") { try RANParameterDefinition(aper: &$0) }
            }
        }
        ranParameterDefinition = definition
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true, extended: ranParameterDefinition != nil)
        try encoder.component("ranParameter-ID") { try ranParameterID.encode(aper: &$0) }
        try encoder.component("ranParameter-name") { try ranParameterName.encode(aper: &$0) }
        if let ranParameterDefinition {
            try encoder.component("ranParameter-Definition") {
                try $0.encodeExtensionAdditions(count: 1, present: { _ in true }) { enc, _ in try ranParameterDefinition.encode(aper: &enc) }
            }
        }
    }
}

/// ControlAction-RANParameter-Item
public typealias ControlActionRANParameterItem = NamedRANParameterItem
/// ControlOutcome-RANParameter-Item
public typealias ControlOutcomeRANParameterItem = NamedRANParameterItem
/// Report-RANParameter-Item
public typealias ReportRANParameterItem = NamedRANParameterItem
/// InsertIndication-RANParameter-Item
public typealias InsertIndicationRANParameterItem = NamedRANParameterItem
/// PolicyAction-RANParameter-Item
public typealias PolicyActionRANParameterItem = NamedRANParameterItem
/// PolicyCondition-RANParameter-Item
public typealias PolicyConditionRANParameterItem = NamedRANParameterItem
/// L2Parameters-RANParameter-Item
public typealias L2ParametersRANParameterItem = NamedRANParameterItem
/// UEIdentification-RANParameter-Item
public typealias UEIdentificationRANParameterItem = NamedRANParameterItem
/// CellIdentification-RANParameter-Item
public typealias CellIdentificationRANParameterItem = NamedRANParameterItem
/// CallProcessBreakpoint-RANParameter-Item
public typealias CallProcessBreakpointRANParameterItem = NamedRANParameterItem
