import APER
import E2SMCommon

/// RANParameter-Definition ::= SEQUENCE { ranParameter-Definition-Choice RANParameter-Definition-Choice, ... }
///
/// Describes the nested parameters of a LIST or STRUCTURE RAN parameter in a RAN function
/// definition (recursive; the decoder's depth limit bounds it).
public struct RANParameterDefinition: Hashable, Sendable, Codable, APERCodable {
    public var ranParameterDefinitionChoice: RANParameterDefinitionChoice

    public init(ranParameterDefinitionChoice: RANParameterDefinitionChoice) {
        self.ranParameterDefinitionChoice = ranParameterDefinitionChoice
    }

    /// A LIST whose items hold the given parameters.
    public static func list(_ items: [RANParameterDefinitionChoiceLISTItem]) -> Self {
        .init(ranParameterDefinitionChoice: .choiceLIST(.init(ranParameterList: items)))
    }

    /// A STRUCTURE of the given parameters.
    public static func structure(_ items: [RANParameterDefinitionChoiceSTRUCTUREItem]) -> Self {
        .init(ranParameterDefinitionChoice: .choiceSTRUCTURE(.init(ranParameterSTRUCTURE: items)))
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        ranParameterDefinitionChoice = try decoder.component("ranParameter-Definition-Choice") { try RANParameterDefinitionChoice(aper: &$0) }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("ranParameter-Definition-Choice") { try ranParameterDefinitionChoice.encode(aper: &$0) }
    }
}

/// RANParameter-Definition-Choice ::= CHOICE { choiceLIST RANParameter-Definition-Choice-LIST,
/// choiceSTRUCTURE RANParameter-Definition-Choice-STRUCTURE, ... }
public enum RANParameterDefinitionChoice: Hashable, Sendable {
    case choiceLIST(RANParameterDefinitionChoiceLIST)
    case choiceSTRUCTURE(RANParameterDefinitionChoiceSTRUCTURE)
}

extension RANParameterDefinitionChoice: APERCodable {
    public init(aper decoder: inout APERDecoder) throws {
        let index = try decoder.decodeChoiceIndex(rootCount: 2, extensible: true, "RANParameter-Definition-Choice")
        switch index {
        case 0: self = .choiceLIST(try decoder.component("choiceLIST") { try .init(aper: &$0) })
        case 1: self = .choiceSTRUCTURE(try decoder.component("choiceSTRUCTURE") { try .init(aper: &$0) })
        default: throw decoder.unknownExtension(index, "RANParameter-Definition-Choice")
        }
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        switch self {
        case let .choiceLIST(v):
            try encoder.encodeChoiceIndex(0, rootCount: 2, extensible: true)
            try encoder.component("choiceLIST") { try v.encode(aper: &$0) }
        case let .choiceSTRUCTURE(v):
            try encoder.encodeChoiceIndex(1, rootCount: 2, extensible: true)
            try encoder.component("choiceSTRUCTURE") { try v.encode(aper: &$0) }
        }
    }
}

extension RANParameterDefinitionChoice: Codable {
    private enum CodingKeys: String, CodingKey {
        case choiceLIST, choiceSTRUCTURE
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("RANParameter-Definition-Choice") {
        case .choiceLIST: self = .choiceLIST(try c.decode(RANParameterDefinitionChoiceLIST.self, forKey: .choiceLIST))
        case .choiceSTRUCTURE: self = .choiceSTRUCTURE(try c.decode(RANParameterDefinitionChoiceSTRUCTURE.self, forKey: .choiceSTRUCTURE))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .choiceLIST(v): try c.encode(v, forKey: .choiceLIST)
        case let .choiceSTRUCTURE(v): try c.encode(v, forKey: .choiceSTRUCTURE)
        }
    }
}
