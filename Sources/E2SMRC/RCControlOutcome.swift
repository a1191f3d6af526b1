import APER
import E2SMCommon

/// E2SM-RC-ControlOutcome ::= SEQUENCE {
///     ric-controlOutcome-formats CHOICE {
///         controlOutcome-Format1  E2SM-RC-ControlOutcome-Format1,
///         ...,
///         controlOutcome-Format2  E2SM-RC-ControlOutcome-Format2,
///         controlOutcome-Format3  E2SM-RC-ControlOutcome-Format3 },
///     ... }
///
/// The RIC Control Outcome IE's contents (E2AP RICcontrolOutcome OCTET STRING).
public struct RCControlOutcome: Hashable, Sendable, Codable, APERCodable {
    public var ricControlOutcomeFormats: Formats

    public init(ricControlOutcomeFormats: Formats) {
        self.ricControlOutcomeFormats = ricControlOutcomeFormats
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ricControlOutcomeFormats = try decoder.component("ric-controlOutcome-formats") { try Formats(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ric-controlOutcome-formats") { try ricControlOutcomeFormats.encode(aper: &$0) }
    }

    /// The anonymous CHOICE `ric-controlOutcome-formats` (Format2 and Format3 are extension
    /// alternatives, carried as open types).
    public enum Formats: Hashable, Sendable {
        case controlOutcomeFormat1(RCControlOutcomeFormat1)
        case controlOutcomeFormat2(RCControlOutcomeFormat2)
        case controlOutcomeFormat3(RCControlOutcomeFormat3)
    }
}

extension RCControlOutcome.Formats: APERCodable {
    public init(aper decoder: inout APERDecoder) throws {
        let index = try decoder.decodeChoiceIndex(rootCount: 1, extensible: true, "ric-controlOutcome-formats")
        switch index {
        case 0: self = .controlOutcomeFormat1(try decoder.component("controlOutcome-Format1") { try RCControlOutcomeFormat1(aper: &$0) })
        case 1: self = .controlOutcomeFormat2(try decoder.component("controlOutcome-Format2") { try $0.decodeOpenType { try RCControlOutcomeFormat2(aper: &$0) } })
        case 2: self = .controlOutcomeFormat3(try decoder.component("controlOutcome-Format3") { try $0.decodeOpenType { try RCControlOutcomeFormat3(aper: &$0) } })
        default: throw decoder.unknownExtension(index, "E2SM-RC-ControlOutcome")
        }
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        switch self {
        case let .controlOutcomeFormat1(v):
            try encoder.encodeChoiceIndex(0, rootCount: 1, extensible: true)
            try encoder.component("controlOutcome-Format1") { try v.encode(aper: &$0) }
        case let .controlOutcomeFormat2(v):
            try encoder.encodeChoiceIndex(1, rootCount: 1, extensible: true)
            try encoder.component("controlOutcome-Format2") { try $0.encodeOpenType { try v.encode(aper: &$0) } }
        case let .controlOutcomeFormat3(v):
            try encoder.encodeChoiceIndex(2, rootCount: 1, extensible: true)
            try encoder.component("controlOutcome-Format3") { try $0.encodeOpenType { try v.encode(aper: &$0) } }
        }
    }
}

extension RCControlOutcome.Formats: Codable {
    private enum CodingKeys: String, CodingKey {
        case controlOutcomeFormat1 = "controlOutcome-Format1"
        case controlOutcomeFormat2 = "controlOutcome-Format2"
        case controlOutcomeFormat3 = "controlOutcome-Format3"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("ric-controlOutcome-formats") {
        case .controlOutcomeFormat1: self = .controlOutcomeFormat1(try c.decode(RCControlOutcomeFormat1.self, forKey: .controlOutcomeFormat1))
        case .controlOutcomeFormat2: self = .controlOutcomeFormat2(try c.decode(RCControlOutcomeFormat2.self, forKey: .controlOutcomeFormat2))
        case .controlOutcomeFormat3: self = .controlOutcomeFormat3(try c.decode(RCControlOutcomeFormat3.self, forKey: .controlOutcomeFormat3))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .controlOutcomeFormat1(v): try c.encode(v, forKey: .controlOutcomeFormat1)
        case let .controlOutcomeFormat2(v): try c.encode(v, forKey: .controlOutcomeFormat2)
        case let .controlOutcomeFormat3(v): try c.encode(v, forKey: .controlOutcomeFormat3)
        }
    }
}
