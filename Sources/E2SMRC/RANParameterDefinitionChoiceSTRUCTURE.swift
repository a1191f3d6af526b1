import APER
import E2SMCommon

/// RANParameter-Definition-Choice-STRUCTURE ::= SEQUENCE {
///     ranParameter-STRUCTURE SEQUENCE (SIZE(1..maxnoofParametersinStructure)) OF RANParameter-Definition-Choice-STRUCTURE-Item, ... }
public struct RANParameterDefinitionChoiceSTRUCTURE: Hashable, Sendable, Codable, APERCodable {
    /// 1...65535 items.
    public var ranParameterSTRUCTURE: [RANParameterDefinitionChoiceSTRUCTUREItem]

    public init(ranParameterSTRUCTURE: [RANParameterDefinitionChoiceSTRUCTUREItem]) {
        self.ranParameterSTRUCTURE = ranParameterSTRUCTURE
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterSTRUCTURE = try decoder.component("ranParameter-STRUCTURE") {
            try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANParameterDefinitionChoiceSTRUCTUREItem(aper: &$0) }
        }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-STRUCTURE") {
            try $0.encodeSequenceOf(ranParameterSTRUCTURE, size: RCSize.many) { try $1.encode(aper: &$0) }
        }
    }
}

/// RANParameter-Definition-Choice-STRUCTURE-Item ::= SEQUENCE { ranParameter-ID RANParameter-ID,
/// ranParameter-name RANParameter-Name, ranParameter-Definition RANParameter-Definition OPTIONAL, ... }
public struct RANParameterDefinitionChoiceSTRUCTUREItem: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterID: RANParameterID
    public var ranParameterName: RANParameterName
    public var ranParameterDefinition: RANParameterDefinition?

    public init(ranParameterID: RANParameterID, ranParameterName: RANParameterName, ranParameterDefinition: RANParameterDefinition? = nil) {
        self.ranParameterID = ranParameterID
        self.ranParameterName = ranParameterName
        self.ranParameterDefinition = ranParameterDefinition
    }

    public init(aper decoder: inout APERDecoder) throws {
        (ranParameterID, ranParameterName, ranParameterDefinition) = try decodeDefinitionItem(&decoder)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        try encodeDefinitionItem(&encoder, ranParameterID, ranParameterName, ranParameterDefinition)
    }
}
