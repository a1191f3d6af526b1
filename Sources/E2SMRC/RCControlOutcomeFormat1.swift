import APER
import E2SMCommon

/// E2SM-RC-ControlOutcome-Format1 ::= SEQUENCE {
///     ranP-List SEQUENCE (SIZE(0..maxnoofRANOutcomeParameters)) OF E2SM-RC-ControlOutcome-Format1-Item, ... }
public struct RCControlOutcomeFormat1: Hashable, Sendable, Codable, APERCodable {
    /// 0...255 items.
    public var ranPList: [RCControlOutcomeFormat1Item]

    public init(ranPList: [RCControlOutcomeFormat1Item]) {
        self.ranPList = ranPList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranPList = try decoder.component("ranP-List") {
            try $0.decodeSequenceOf(size: 0...255, minimumElementBits: 8) { try RCControlOutcomeFormat1Item(aper: &$0) }
        }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranP-List") {
            try $0.encodeSequenceOf(ranPList, size: 0...255) { try $1.encode(aper: &$0) }
        }
    }
}

/// E2SM-RC-ControlOutcome-Format1-Item ::= SEQUENCE { ranParameter-ID RANParameter-ID,
/// ranParameter-value RANParameter-Value, ... }
///
/// Also the shape of E2SM-RC-ControlOutcome-Format2-RANP-Item (see the type alias).
public struct RCControlOutcomeFormat1Item: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterID: RANParameterID
    public var ranParameterValue: RANParameterValue

    public init(ranParameterID: RANParameterID, ranParameterValue: RANParameterValue) {
        self.ranParameterID = ranParameterID
        self.ranParameterValue = ranParameterValue
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterID = try decoder.component("ranParameter-ID") { try RANParameterID(aper: &$0) }
        ranParameterValue = try decoder.component("ranParameter-value") { try RANParameterValue(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-ID") { try ranParameterID.encode(aper: &$0) }
        try encoder.component("ranParameter-value") { try ranParameterValue.encode(aper: &$0) }
    }
}

/// E2SM-RC-ControlOutcome-Format2-RANP-Item ::= SEQUENCE { ranParameter-ID RANParameter-ID,
/// ranParameter-value RANParameter-Value, ... } (same shape as the Format1 item)
public typealias RCControlOutcomeFormat2RANPItem = RCControlOutcomeFormat1Item
