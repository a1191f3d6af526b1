import APER
import E2SMCommon

/// RANParameter-STRUCTURE ::= SEQUENCE {
///     sequence-of-ranParameters SEQUENCE (SIZE(1..maxnoofParametersinStructure)) OF RANParameter-STRUCTURE-Item OPTIONAL, ... }
public struct RANParameterSTRUCTURE: Hashable, Sendable, Codable, APERCodable {
    /// 1...65535 items when present.
    public var sequenceOfRanParameters: [RANParameterSTRUCTUREItem]?

    public init(sequenceOfRanParameters: [RANParameterSTRUCTUREItem]?) {
        self.sequenceOfRanParameters = sequenceOfRanParameters
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        if present[0] {
            sequenceOfRanParameters = try decoder.component("sequence-of-ranParameters") {
                try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANParameterSTRUCTUREItem(aper: &$0) }
            }
        } else {
            sequenceOfRanParameters = nil
        }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: sequenceOfRanParameters == nil ? 0 : 1)
        if let sequenceOfRanParameters {
            try encoder.component("sequence-of-ranParameters") {
                try $0.encodeSequenceOf(sequenceOfRanParameters, size: RCSize.many) { try $1.encode(aper: &$0) }
            }
        }
    }
}

/// RANParameter-STRUCTURE-Item ::= SEQUENCE { ranParameter-ID RANParameter-ID,
/// ranParameter-valueType RANParameter-ValueType, ... }
public struct RANParameterSTRUCTUREItem: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterID: RANParameterID
    public var ranParameterValueType: RANParameterValueType

    public init(ranParameterID: RANParameterID, ranParameterValueType: RANParameterValueType) {
        self.ranParameterID = ranParameterID
        self.ranParameterValueType = ranParameterValueType
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterID = try decoder.component("ranParameter-ID") { try RANParameterID(aper: &$0) }
        ranParameterValueType = try decoder.component("ranParameter-valueType") { try RANParameterValueType(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-ID") { try ranParameterID.encode(aper: &$0) }
        try encoder.component("ranParameter-valueType") { try ranParameterValueType.encode(aper: &$0) }
    }
}
