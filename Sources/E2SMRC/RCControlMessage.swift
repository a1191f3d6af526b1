import APER
import E2SMCommon

/// E2SM-RC-ControlMessage ::= SEQUENCE {
///     ric-controlMessage-formats CHOICE {
///         controlMessage-Format1  E2SM-RC-ControlMessage-Format1,
///         ...,
///         controlMessage-Format2  E2SM-RC-ControlMessage-Format2 },
///     ... }
///
/// The RIC Control Message IE's contents (E2AP RICcontrolMessage OCTET STRING).
public struct RCControlMessage: Hashable, Sendable, Codable, APERCodable {
    public var ricControlMessageFormats: Formats

    public init(ricControlMessageFormats: Formats) {
        self.ricControlMessageFormats = ricControlMessageFormats
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlMessageFormats = try decoder.component("ric-controlMessage-formats") { try Formats(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-controlMessage-formats") { try ricControlMessageFormats.encode(aper: &$0) }
    }

    /// The anonymous CHOICE `ric-controlMessage-formats` (Format2 is an extension alternative,
    /// carried as an open type).
    public enum Formats: Hashable, Sendable {
        case controlMessageFormat1(RCControlMessageFormat1)
        case controlMessageFormat2(RCControlMessageFormat2)
    }
}

extension RCControlMessage.Formats: APERCodable {
    public init(aper decoder: inout APERDecoder) throws {
        let index = try decoder.decodeChoiceIndex(rootCount: 1, extensible: true, "ric-controlMessage-formats")
        switch index {
        case 0: self = .controlMessageFormat1(try decoder.component("controlMessage-Format1") { try RCControlMessageFormat1(aper: &$0) })
        case 1: self = .controlMessageFormat2(try decoder.component("controlMessage-Format2") { try $0.decodeOpenType { try RCControlMessageFormat2(aper: &$0) } })
        default: throw decoder.unknownExtension(index, "E2SM-RC-ControlMessage")
        }
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        switch self {
        case let .controlMessageFormat1(v):
            try encoder.encodeChoiceIndex(0, rootCount: 1, extensible: true)
            try encoder.component("controlMessage-Format1") { try v.encode(aper: &$0) }
        case let .controlMessageFormat2(v):
            try encoder.encodeChoiceIndex(1, rootCount: 1, extensible: true)
            try encoder.component("controlMessage-Format2") { try $0.encodeOpenType { try v.encode(aper: &$0) } }
        }
    }
}

extension RCControlMessage.Formats: Codable {
    private enum CodingKeys: String, CodingKey {
        case controlMessageFormat1 = "controlMessage-Format1"
        case controlMessageFormat2 = "controlMessage-Format2"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("ric-controlMessage-formats") {
        case .controlMessageFormat1: self = .controlMessageFormat1(try c.decode(RCControlMessageFormat1.self, forKey: .controlMessageFormat1))
        case .controlMessageFormat2: self = .controlMessageFormat2(try c.decode(RCControlMessageFormat2.self, forKey: .controlMessageFormat2))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .controlMessageFormat1(v): try c.encode(v, forKey: .controlMessageFormat1)
        case let .controlMessageFormat2(v): try c.encode(v, forKey: .controlMessageFormat2)
        }
    }
}
