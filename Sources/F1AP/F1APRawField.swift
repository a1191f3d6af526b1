import APER

/// A `ProtocolExtensionField` or `ProtocolIE-SingleContainer` kept undecoded (F1AP-Containers,
/// 3GPP TS 38.473): its id, criticality and the octets of its open-type value. F1AP types keep
/// their `iE-Extensions` (and choice extensions this version does not model) as these, so a PDU
/// re-encodes byte for byte as it was received.
public struct F1APRawField: Hashable, Sendable, Codable, APERCodable {
    public var id: Int
    public var criticality: Criticality
    /// The open type's contents.
    public var value: OctetString

    public init(id: Int, criticality: Criticality, value: OctetString) {
        self.id = id
        self.criticality = criticality
        self.value = value
    }

    public init(aper d: inout APERDecoder) throws {
        id = Int(try d.decodeInteger(in: 0...65535, "id"))
        criticality = try d.component("criticality") { try Criticality(aper: &$0) }
        value = OctetString(try d.decodeOpenTypeOctets("value"))
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeInteger(Int64(id), in: 0...65535, "id")
        try criticality.encode(aper: &e)
        e.encodeOpenType(encoded: value.bytes)
    }

    /// Decodes the value as a type this version knows (for a choice extension's known IE).
    func decodeValue<T>(_ name: String, _ body: (inout APERDecoder) throws -> T) throws -> T {
        var d = APERDecoder(value.bytes)
        return try d.component("\(name)") { try body(&$0) }
    }
}

extension APEREncoder {
    /// `ProtocolExtensionContainer ::= SEQUENCE (SIZE (1..maxProtocolExtensions)) OF ProtocolExtensionField`.
    mutating func encodeExtensionContainer(_ fields: [F1APRawField]) throws {
        try encodeSequenceOf(fields, size: 1...65535) { e, field in try field.encode(aper: &e) }
    }
}

extension APERDecoder {
    /// A `ProtocolExtensionContainer`: every field is kept (nothing in it is interpreted here).
    mutating func decodeExtensionContainer() throws -> [F1APRawField] {
        try decodeSequenceOf(size: 1...65535, minimumElementBits: 32) { try F1APRawField(aper: &$0) }
    }

    /// Decodes a message's IE container inside a component named after the message; `build`
    /// assembles the message (and throws `missingIE` for an absent mandatory IE).
    mutating func decodeMessage<T>(_ name: String, _ field: (Int, inout APERDecoder) throws -> Bool, build: () throws -> T) throws -> T {
        try component(name) { d in
            let start = d.position
            try d.decodeIEContainer { id, _, inner in try field(id, &inner) }
            do {
                return try build()
            } catch var error as APERError {
                error.bitOffset = start  // a missing IE: point at the container that lacks it
                throw error
            }
        }
    }
}
