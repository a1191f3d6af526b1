import APER
import E2SMCommon

/// RANParameter-Value ::= CHOICE { valueBoolean, valueInt, valueReal, valueBitS, valueOctS,
/// valuePrintableString, ... }
public enum RANParameterValue: Hashable, Sendable {
    case valueBoolean(Bool)
    case valueInt(Int64)
    case valueReal(Double)
    case valueBitS(BitString)
    case valueOctS(OctetString)
    case valuePrintableString(String)
}

extension RANParameterValue: APERCodable {
    public init(aper decoder: inout APERDecoder) throws {
        let index = try decoder.decodeChoiceIndex(rootCount: 6, extensible: true, "RANParameter-Value")
        switch index {
        case 0: self = .valueBoolean(try decoder.component("valueBoolean") { try $0.decodeBoolean() })
        case 1: self = .valueInt(try decoder.component("valueInt") { try $0.decodeUnconstrainedInteger() })
        case 2: self = .valueReal(try decoder.component("valueReal") { try $0.decodeReal() })
        case 3: self = .valueBitS(try decoder.component("valueBitS") { try $0.decodeBitString() })
        case 4: self = .valueOctS(OctetString(try decoder.component("valueOctS") { try $0.decodeOctetString() }))
        case 5: self = .valuePrintableString(try decoder.component("valuePrintableString") { try $0.decodeString(kind: .printable) })
        default: throw decoder.unknownExtension(index, "RANParameter-Value")
        }
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        switch self {
        case let .valueBoolean(v):
            try encoder.encodeChoiceIndex(0, rootCount: 6, extensible: true)
            encoder.encodeBoolean(v)
        case let .valueInt(v):
            try encoder.encodeChoiceIndex(1, rootCount: 6, extensible: true)
            encoder.encodeUnconstrainedInteger(v)
        case let .valueReal(v):
            try encoder.encodeChoiceIndex(2, rootCount: 6, extensible: true)
            encoder.encodeReal(v)
        case let .valueBitS(v):
            try encoder.encodeChoiceIndex(3, rootCount: 6, extensible: true)
            try encoder.component("valueBitS") { try $0.encodeBitString(v) }
        case let .valueOctS(v):
            try encoder.encodeChoiceIndex(4, rootCount: 6, extensible: true)
            try encoder.component("valueOctS") { try $0.encodeOctetString(v.bytes) }
        case let .valuePrintableString(v):
            try encoder.encodeChoiceIndex(5, rootCount: 6, extensible: true)
            try encoder.component("valuePrintableString") { try $0.encodeString(v, kind: .printable) }
        }
    }
}

extension RANParameterValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case valueBoolean, valueInt, valueReal, valueBitS, valueOctS, valuePrintableString
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("RANParameter-Value") {
        case .valueBoolean: self = .valueBoolean(try c.decode(Bool.self, forKey: .valueBoolean))
        case .valueInt: self = .valueInt(try c.decode(Int64.self, forKey: .valueInt))
        case .valueReal: self = .valueReal(try c.decode(Double.self, forKey: .valueReal))
        case .valueBitS: self = .valueBitS(try c.decode(BitString.self, forKey: .valueBitS))
        case .valueOctS: self = .valueOctS(try c.decode(OctetString.self, forKey: .valueOctS))
        case .valuePrintableString: self = .valuePrintableString(try c.decode(String.self, forKey: .valuePrintableString))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .valueBoolean(v): try c.encode(v, forKey: .valueBoolean)
        case let .valueInt(v): try c.encode(v, forKey: .valueInt)
        case let .valueReal(v): try c.encode(v, forKey: .valueReal)
        case let .valueBitS(v): try c.encode(v, forKey: .valueBitS)
        case let .valueOctS(v): try c.encode(v, forKey: .valueOctS)
        case let .valuePrintableString(v): try c.encode(v, forKey: .valuePrintableString)
        }
    }
}
