import APER
import E2SMCommon

/// E2SM-RC-ControlHeader ::= SEQUENCE {
///     ric-controlHeader-formats CHOICE {
///         controlHeader-Format1  E2SM-RC-ControlHeader-Format1,
///         ...,
///         controlHeader-Format2  E2SM-RC-ControlHeader-Format2 },
///     ... }
///
/// The RIC Control Header IE's contents (E2AP RICcontrolHeader OCTET STRING).
public struct RCControlHeader: Hashable, Sendable, Codable, APERCodable {
    public var ricControlHeaderFormats: Formats

    public init(ricControlHeaderFormats: Formats) {
        self.ricControlHeaderFormats = ricControlHeaderFormats
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlHeaderFormats = try decoder.component("ric-controlHeader-formats") { try Formats(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-controlHeader-formats") { try ricControlHeaderFormats.encode(aper: &$0) }
    }

    /// The anonymous CHOICE `ric-controlHeader-formats` (Format2 is an extension alternative,
    /// carried as an open type).
    public enum Formats: Hashable, Sendable {
        case controlHeaderFormat1(RCControlHeaderFormat1)
        case controlHeaderFormat2(RCControlHeaderFormat2)
    }
}

extension RCControlHeader.Formats: APERCodable {
    public init(aper decoder: inout APERDecoder) throws {
        let index = try decoder.decodeChoiceIndex(rootCount: 1, extensible: true, "ric-controlHeader-formats")
        switch index {
        case 0: self = .controlHeaderFormat1(try decoder.component("controlHeader-Format1") { try RCControlHeaderFormat1(aper: &$0) })
        case 1: self = .controlHeaderFormat2(try decoder.component("controlHeader-Format2") { try $0.decodeOpenType { try RCControlHeaderFormat2(aper: &$0) } })
        default: throw decoder.unknownExtension(index, "E2SM-RC-ControlHeader")
        }
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        switch self {
        case let .controlHeaderFormat1(v):
            try encoder.encodeChoiceIndex(0, rootCount: 1, extensible: true)
            try encoder.component("controlHeader-Format1") { try v.encode(aper: &$0) }
        case let .controlHeaderFormat2(v):
            try encoder.encodeChoiceIndex(1, rootCount: 1, extensible: true)
            try encoder.component("controlHeader-Format2") { try $0.encodeOpenType { try v.encode(aper: &$0) } }
        }
    }
}

extension RCControlHeader.Formats: Codable {
    private enum CodingKeys: String, CodingKey {
        case controlHeaderFormat1 = "controlHeader-Format1"
        case controlHeaderFormat2 = "controlHeader-Format2"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("ric-controlHeader-formats") {
        case .controlHeaderFormat1: self = .controlHeaderFormat1(try c.decode(RCControlHeaderFormat1.self, forKey: .controlHeaderFormat1))
        case .controlHeaderFormat2: self = .controlHeaderFormat2(try c.decode(RCControlHeaderFormat2.self, forKey: .controlHeaderFormat2))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .controlHeaderFormat1(v): try c.encode(v, forKey: .controlHeaderFormat1)
        case let .controlHeaderFormat2(v): try c.encode(v, forKey: .controlHeaderFormat2)
        }
    }
}
