import APER
import E2SMCommon

/// RANParameter-ValueType ::= CHOICE { ranP-Choice-ElementTrue, ranP-Choice-ElementFalse,
/// ranP-Choice-Structure, ranP-Choice-List, ... }
///
/// The value of one RAN parameter: an element (key flag true/false), or a nested STRUCTURE or
/// LIST. Structures and lists recurse; the decoder's depth limit bounds them.
public enum RANParameterValueType: Hashable, Sendable {
    case ranPChoiceElementTrue(RANParameterValueTypeChoiceElementTrue)
    case ranPChoiceElementFalse(RANParameterValueTypeChoiceElementFalse)
    case ranPChoiceStructure(RANParameterValueTypeChoiceStructure)
    case ranPChoiceList(RANParameterValueTypeChoiceList)

    /// An element that is a key (ranP-Choice-ElementTrue).
    public static func keyElement(_ value: RANParameterValue) -> Self {
        .ranPChoiceElementTrue(.init(ranParameterValue: value))
    }

    /// An element that is not a key (ranP-Choice-ElementFalse), as RIC control requests carry them.
    public static func element(_ value: RANParameterValue) -> Self {
        .ranPChoiceElementFalse(.init(ranParameterValue: value))
    }

    /// A STRUCTURE of the given parameters.
    public static func structure(_ items: [RANParameterSTRUCTUREItem]) -> Self {
        .ranPChoiceStructure(.init(ranParameterStructure: .init(sequenceOfRanParameters: items)))
    }

    /// A LIST whose items are the given STRUCTUREs.
    public static func list(_ items: [RANParameterSTRUCTURE]) -> Self {
        .ranPChoiceList(.init(ranParameterList: .init(listOfRanParameter: items)))
    }
}

extension RANParameterValueType: APERCodable {
    public init(aper decoder: inout APERDecoder) throws {
        let index = try decoder.decodeChoiceIndex(rootCount: 4, extensible: true, "RANParameter-ValueType")
        switch index {
        case 0: self = .ranPChoiceElementTrue(try decoder.component("ranP-Choice-ElementTrue") { try .init(aper: &$0) })
        case 1: self = .ranPChoiceElementFalse(try decoder.component("ranP-Choice-ElementFalse") { try .init(aper: &$0) })
        case 2: self = .ranPChoiceStructure(try decoder.component("ranP-Choice-Structure") { try .init(aper: &$0) })
        case 3: self = .ranPChoiceList(try decoder.component("ranP-Choice-List") { try .init(aper: &$0) })
        default: throw decoder.unknownExtension(index, "RANParameter-ValueType")
        }
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        switch self {
        case let .ranPChoiceElementTrue(v):
            try encoder.encodeChoiceIndex(0, rootCount: 4, extensible: true)
            try encoder.component("ranP-Choice-ElementTrue") { try v.encode(aper: &$0) }
        case let .ranPChoiceElementFalse(v):
            try encoder.encodeChoiceIndex(1, rootCount: 4, extensible: true)
            try encoder.component("ranP-Choice-ElementFalse") { try v.encode(aper: &$0) }
        case let .ranPChoiceStructure(v):
            try encoder.encodeChoiceIndex(2, rootCount: 4, extensible: true)
            try encoder.component("ranP-Choice-Structure") { try v.encode(aper: &$0) }
        case let .ranPChoiceList(v):
            try encoder.encodeChoiceIndex(3, rootCount: 4, extensible: true)
            try encoder.component("ranP-Choice-List") { try v.encode(aper: &$0) }
        }
    }
}

extension RANParameterValueType: Codable {
    private enum CodingKeys: String, CodingKey {
        case ranPChoiceElementTrue = "ranP-Choice-ElementTrue"
        case ranPChoiceElementFalse = "ranP-Choice-ElementFalse"
        case ranPChoiceStructure = "ranP-Choice-Structure"
        case ranPChoiceList = "ranP-Choice-List"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("RANParameter-ValueType") {
        case .ranPChoiceElementTrue: self = .ranPChoiceElementTrue(try c.decode(RANParameterValueTypeChoiceElementTrue.self, forKey: .ranPChoiceElementTrue))
        case .ranPChoiceElementFalse: self = .ranPChoiceElementFalse(try c.decode(RANParameterValueTypeChoiceElementFalse.self, forKey: .ranPChoiceElementFalse))
        case .ranPChoiceStructure: self = .ranPChoiceStructure(try c.decode(RANParameterValueTypeChoiceStructure.self, forKey: .ranPChoiceStructure))
        case .ranPChoiceList: self = .ranPChoiceList(try c.decode(RANParameterValueTypeChoiceList.self, forKey: .ranPChoiceList))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .ranPChoiceElementTrue(v): try c.encode(v, forKey: .ranPChoiceElementTrue)
        case let .ranPChoiceElementFalse(v): try c.encode(v, forKey: .ranPChoiceElementFalse)
        case let .ranPChoiceStructure(v): try c.encode(v, forKey: .ranPChoiceStructure)
        case let .ranPChoiceList(v): try c.encode(v, forKey: .ranPChoiceList)
        }
    }
}

/// RANParameter-ValueType-Choice-ElementTrue ::= SEQUENCE { ranParameter-value RANParameter-Value, ... }
public struct RANParameterValueTypeChoiceElementTrue: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterValue: RANParameterValue

    public init(ranParameterValue: RANParameterValue) {
        self.ranParameterValue = ranParameterValue
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterValue = try decoder.component("ranParameter-value") { try RANParameterValue(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-value") { try ranParameterValue.encode(aper: &$0) }
    }
}

/// RANParameter-ValueType-Choice-ElementFalse ::= SEQUENCE { ranParameter-value RANParameter-Value OPTIONAL, ... }
/// (C-ifControl: present in a RIC Control Request.)
public struct RANParameterValueTypeChoiceElementFalse: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterValue: RANParameterValue?

    public init(ranParameterValue: RANParameterValue?) {
        self.ranParameterValue = ranParameterValue
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, present) = try decoder.decodeSequencePreamble(extensible: true, optionalCount: 1)
        ranParameterValue = present[0] ? try decoder.component("ranParameter-value") { try RANParameterValue(aper: &$0) } : nil
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true, optionalCount: 1, present: ranParameterValue == nil ? 0 : 1)
        if let ranParameterValue {
            try encoder.component("ranParameter-value") { try ranParameterValue.encode(aper: &$0) }
        }
    }
}

/// RANParameter-ValueType-Choice-Structure ::= SEQUENCE { ranParameter-Structure RANParameter-STRUCTURE, ... }
public struct RANParameterValueTypeChoiceStructure: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterStructure: RANParameterSTRUCTURE

    public init(ranParameterStructure: RANParameterSTRUCTURE) {
        self.ranParameterStructure = ranParameterStructure
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterStructure = try decoder.component("ranParameter-Structure") { try RANParameterSTRUCTURE(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-Structure") { try ranParameterStructure.encode(aper: &$0) }
    }
}

/// RANParameter-ValueType-Choice-List ::= SEQUENCE { ranParameter-List RANParameter-LIST, ... }
public struct RANParameterValueTypeChoiceList: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterList: RANParameterLIST

    public init(ranParameterList: RANParameterLIST) {
        self.ranParameterList = ranParameterList
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterList = try decoder.component("ranParameter-List") { try RANParameterLIST(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-List") { try ranParameterList.encode(aper: &$0) }
    }
}
