import APER
import E2SMCommon

/// RANParameter-Definition-Choice-LIST ::= SEQUENCE {
///     ranParameter-List SEQUENCE (SIZE(1..maxnoofItemsinList)) OF RANParameter-Definition-Choice-LIST-Item, ... }
public struct RANParameterDefinitionChoiceLIST: Hashable, Sendable, Codable, APERCodable {
    /// 1...65535 items.
    public var ranParameterList: [RANParameterDefinitionChoiceLISTItem]

    public init(ranParameterList: [RANParameterDefinitionChoiceLISTItem]) {
        self.ranParameterList = ranParameterList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterList = try decoder.component("ranParameter-List") {
            try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 8) { try RANParameterDefinitionChoiceLISTItem(aper: &$0) }
        }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-List") {
            try $0.encodeSequenceOf(ranParameterList, size: RCSize.many) { try $1.encode(aper: &$0) }
        }
    }
}

/// RANParameter-Definition-Choice-LIST-Item ::= SEQUENCE { ranParameter-ID RANParameter-ID,
/// ranParameter-name RANParameter-Name, ranParameter-Definition RANParameter-Definition OPTIONAL, ... }
public struct RANParameterDefinitionChoiceLISTItem: Hashable, Sendable, Codable, APERCodable {
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

/// The body shared by RANParameter-Definition-Choice-LIST-Item and -STRUCTURE-Item (the
/// definition is a root OPTIONAL component in both).
func decodeDefinitionItem(_ decoder: inout APERDecoder) throws -> (RANParameterID, RANParameterName, RANParameterDefinition?) {
    let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
    let id = try decoder.component("ranParameter-ID") { try RANParameterID(aper: &$0) }
    let name = try decoder.component("ranParameter-name") { try RANParameterName(aper: &$0) }
    let definition = present[0] ? try decoder.component("ranParameter-Definition") { try RANParameterDefinition(aper: &$0) } : nil
    try decoder.skipExtensionAdditions(extended)
    return (id, name, definition)
}

func encodeDefinitionItem(_ encoder: inout APEREncoder, _ id: RANParameterID, _ name: RANParameterName, _ definition: RANParameterDefinition?) throws {
    encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: definition == nil ? 0 : 1)
    try encoder.component("ranParameter-ID") { try id.encode(aper: &$0) }
    try encoder.component("ranParameter-name") { try name.encode(aper: &$0) }
    if let definition {
        try encoder.component("ranParameter-Definition") { try definition.encode(aper: &$0) }
    }
}
