import APER
import E2SMCommon

/// E2SM-RC-ControlMessage-Format1 ::= SEQUENCE {
///     ranP-List SEQUENCE (SIZE(0..maxnoofAssociatedRANParameters)) OF E2SM-RC-ControlMessage-Format1-Item, ... }
public struct RCControlMessageFormat1: Hashable, Sendable, Codable, APERCodable {
    /// 0...65535 items.
    public var ranPList: [RCControlMessageFormat1Item]

    public init(ranPList: [RCControlMessageFormat1Item]) {
        self.ranPList = ranPList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranPList = try decoder.component("ranP-List") {
            try $0.decodeSequenceOf(size: 0...65535, minimumElementBits: 8) { try RCControlMessageFormat1Item(aper: &$0) }
        }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranP-List") {
            try $0.encodeSequenceOf(ranPList, size: 0...65535) { try $1.encode(aper: &$0) }
        }
    }
}

/// E2SM-RC-ControlMessage-Format1-Item ::= SEQUENCE { ranParameter-ID RANParameter-ID,
/// ranParameter-valueType RANParameter-ValueType, ... }
public struct RCControlMessageFormat1Item: Hashable, Sendable, Codable, APERCodable {
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
