import APER
import E2SMCommon

/// RANParameter-LIST ::= SEQUENCE {
///     list-of-ranParameter SEQUENCE (SIZE(1..maxnoofItemsinList)) OF RANParameter-STRUCTURE, ... }
public struct RANParameterLIST: Hashable, Sendable, Codable, APERCodable {
    /// 1...65535 items.
    public var listOfRanParameter: [RANParameterSTRUCTURE]

    public init(listOfRanParameter: [RANParameterSTRUCTURE]) {
        self.listOfRanParameter = listOfRanParameter
    }

    public init(aper decoder: inout APERDecoder) throws {
        let (extended, _) = try decoder.decodeSequencePreamble(extensible: true)
        listOfRanParameter = try decoder.component("list-of-ranParameter") {
            try $0.decodeSequenceOf(size: RCSize.many, minimumElementBits: 2) { try RANParameterSTRUCTURE(aper: &$0) }
        }
        try decoder.skipExtensionAdditions(extended)
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        encoder.encodeSequencePreamble(extensible: true)
        try encoder.component("list-of-ranParameter") {
            try $0.encodeSequenceOf(listOfRanParameter, size: RCSize.many) { try $1.encode(aper: &$0) }
        }
    }
}
