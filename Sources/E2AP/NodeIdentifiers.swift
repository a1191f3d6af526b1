import APER

/// E2AP `GNB-ID-Choice ::= CHOICE { gnb-ID BIT STRING (SIZE(22..32)), ... }` (also the shape of
/// `ENGNB-ID`, whose one alternative is `gNB-ID`).
public enum GNBIDChoice: Hashable, Sendable {
    case gnbID(BitString)

    static func decode(_ d: inout APERDecoder, alternative: String) throws -> GNBIDChoice {
        switch try d.decodeChoiceIndex(rootCount: 1, extensible: true) {
        case 0: return .gnbID(try d.decodeBitString(size: 22...32, alternative))
        case let other: throw APERError(.unknownAlternative(other), path: [alternative], bitOffset: d.position)
        }
    }

    func encode(_ e: inout APEREncoder, alternative: String) throws {
        switch self {
        case let .gnbID(bits):
            try e.encodeChoiceIndex(0, rootCount: 1, extensible: true)
            try e.encodeBitString(bits, size: 22...32, alternative)
        }
    }

    /// The gNB ID as a number and its length in bits.
    public var value: (id: UInt64, bits: Int) {
        switch self { case let .gnbID(b): return (b.value ?? 0, b.length) }
    }
}

extension GNBIDChoice: Codable {
    public init(from decoder: any Decoder) throws {
        // accepted under either spelling: gnb-ID (GNB-ID-Choice) or gNB-ID (ENGNB-ID)
        let c = try decoder.container(keyedBy: AnyKey.self)
        let key = try c.choiceKey("GNB-ID-Choice")
        guard key.stringValue == "gnb-ID" || key.stringValue == "gNB-ID" else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "GNB-ID-Choice alternative is gnb-ID")
        }
        self = .gnbID(try c.decode(BitString.self, forKey: key))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        switch self { case let .gnbID(b): try c.encode(b, forKey: AnyKey("gnb-ID")) }
    }
}

/// E2AP `ENB-ID`: macro (20 bits) or home (28 bits) eNB ID, plus the short (18) and long (21)
/// macro IDs added as extensions.
public enum ENBID: Hashable, Sendable, Codable {
    case macroENBID(BitString)
    case homeENBID(BitString)
    case shortMacroENBID(BitString)
    case longMacroENBID(BitString)

    private enum CodingKeys: String, CodingKey {
        case macroENBID = "macro-eNB-ID", homeENBID = "home-eNB-ID", shortMacroENBID = "short-Macro-eNB-ID", longMacroENBID = "long-Macro-eNB-ID"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("ENB-ID") {
        case .macroENBID: self = .macroENBID(try c.decode(BitString.self, forKey: .macroENBID))
        case .homeENBID: self = .homeENBID(try c.decode(BitString.self, forKey: .homeENBID))
        case .shortMacroENBID: self = .shortMacroENBID(try c.decode(BitString.self, forKey: .shortMacroENBID))
        case .longMacroENBID: self = .longMacroENBID(try c.decode(BitString.self, forKey: .longMacroENBID))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .macroENBID(b): try c.encode(b, forKey: .macroENBID)
        case let .homeENBID(b): try c.encode(b, forKey: .homeENBID)
        case let .shortMacroENBID(b): try c.encode(b, forKey: .shortMacroENBID)
        case let .longMacroENBID(b): try c.encode(b, forKey: .longMacroENBID)
        }
    }
}

extension ENBID: APERCodable {
    public init(aper d: inout APERDecoder) throws {
        switch try d.decodeChoiceIndex(rootCount: 2, extensible: true, "ENB-ID") {
        case 0: self = .macroENBID(try d.decodeBitString(size: 20...20, "macro-eNB-ID"))
        case 1: self = .homeENBID(try d.decodeBitString(size: 28...28, "home-eNB-ID"))
        case 2: self = .shortMacroENBID(try d.decodeOpenType("short-Macro-eNB-ID") { try $0.decodeBitString(size: 18...18, "short-Macro-eNB-ID") })
        case 3: self = .longMacroENBID(try d.decodeOpenType("long-Macro-eNB-ID") { try $0.decodeBitString(size: 21...21, "long-Macro-eNB-ID") })
        case let other: throw APERError(.unknownAlternative(other), path: ["ENB-ID"], bitOffset: d.position)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        switch self {
        case let .macroENBID(b):
            try e.encodeChoiceIndex(0, rootCount: 2, extensible: true)
            try e.encodeBitString(b, size: 20...20, "macro-eNB-ID")
        case let .homeENBID(b):
            try e.encodeChoiceIndex(1, rootCount: 2, extensible: true)
            try e.encodeBitString(b, size: 28...28, "home-eNB-ID")
        case let .shortMacroENBID(b):
            try e.encodeChoiceIndex(2, rootCount: 2, extensible: true)
            try e.encodeOpenType { try $0.encodeBitString(b, size: 18...18, "short-Macro-eNB-ID") }
        case let .longMacroENBID(b):
            try e.encodeChoiceIndex(3, rootCount: 2, extensible: true)
            try e.encodeOpenType { try $0.encodeBitString(b, size: 21...21, "long-Macro-eNB-ID") }
        }
    }
}

/// E2AP `ENB-ID-Choice` (of an ng-eNB): macro 20, short macro 18 or long macro 21 bits.
public enum ENBIDChoice: Hashable, Sendable, Codable {
    case enbIDMacro(BitString)
    case enbIDShortmacro(BitString)
    case enbIDLongmacro(BitString)

    private enum CodingKeys: String, CodingKey {
        case enbIDMacro = "enb-ID-macro", enbIDShortmacro = "enb-ID-shortmacro", enbIDLongmacro = "enb-ID-longmacro"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("ENB-ID-Choice") {
        case .enbIDMacro: self = .enbIDMacro(try c.decode(BitString.self, forKey: .enbIDMacro))
        case .enbIDShortmacro: self = .enbIDShortmacro(try c.decode(BitString.self, forKey: .enbIDShortmacro))
        case .enbIDLongmacro: self = .enbIDLongmacro(try c.decode(BitString.self, forKey: .enbIDLongmacro))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .enbIDMacro(b): try c.encode(b, forKey: .enbIDMacro)
        case let .enbIDShortmacro(b): try c.encode(b, forKey: .enbIDShortmacro)
        case let .enbIDLongmacro(b): try c.encode(b, forKey: .enbIDLongmacro)
        }
    }
}

extension ENBIDChoice: APERCodable {
    public init(aper d: inout APERDecoder) throws {
        switch try d.decodeChoiceIndex(rootCount: 3, extensible: true, "ENB-ID-Choice") {
        case 0: self = .enbIDMacro(try d.decodeBitString(size: 20...20, "enb-ID-macro"))
        case 1: self = .enbIDShortmacro(try d.decodeBitString(size: 18...18, "enb-ID-shortmacro"))
        case 2: self = .enbIDLongmacro(try d.decodeBitString(size: 21...21, "enb-ID-longmacro"))
        case let other: throw APERError(.unknownAlternative(other), path: ["ENB-ID-Choice"], bitOffset: d.position)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        switch self {
        case let .enbIDMacro(b):
            try e.encodeChoiceIndex(0, rootCount: 3, extensible: true)
            try e.encodeBitString(b, size: 20...20, "enb-ID-macro")
        case let .enbIDShortmacro(b):
            try e.encodeChoiceIndex(1, rootCount: 3, extensible: true)
            try e.encodeBitString(b, size: 18...18, "enb-ID-shortmacro")
        case let .enbIDLongmacro(b):
            try e.encodeChoiceIndex(2, rootCount: 3, extensible: true)
            try e.encodeBitString(b, size: 21...21, "enb-ID-longmacro")
        }
    }
}

/// A coding key for any string (CHOICE alternatives spelled as in the ASN.1).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
