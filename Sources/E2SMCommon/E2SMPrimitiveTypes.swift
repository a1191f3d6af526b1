import APER

// Named ASN.1 types that only constrain a primitive (`QCI ::= INTEGER (0..255)`,
// `PLMNIdentity ::= OCTET STRING (SIZE(3))`, …) are small wrapper structs conforming to one of the
// protocols below. The wrapper carries its constraint, so every field of that type is encoded and
// decoded with it, and its JSON form is the bare value (a number, hex text, string, or BitString's
// `{"hex", "length"}`).

/// A named INTEGER type: `range` (nil when unconstrained) and whether it has an extension marker.
public protocol E2SMIntegerType: APERValue, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    static var range: ClosedRange<Int64>? { get }
    static var isExtensible: Bool { get }
    var value: Int64 { get set }
    init(_ value: Int64)
}

extension E2SMIntegerType {
    public static var isExtensible: Bool { false }

    public init(integerLiteral value: Int64) { self.init(value) }

    public init(aper decoder: inout APERDecoder) throws {
        if let range = Self.range {
            self.init(try decoder.decodeInteger(in: range, extensible: Self.isExtensible))
        } else {
            self.init(try decoder.decodeUnconstrainedInteger())
        }
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        if let range = Self.range {
            try encoder.encodeInteger(value, in: range, extensible: Self.isExtensible)
        } else {
            encoder.encodeUnconstrainedInteger(value)
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    public var description: String { String(value) }
}

/// A named OCTET STRING type with an optional SIZE constraint.
public protocol E2SMOctetStringType: APERValue, Hashable, CustomStringConvertible {
    static var size: ClosedRange<Int>? { get }
    static var isExtensible: Bool { get }
    var value: OctetString { get set }
    init(_ value: OctetString)
}

extension E2SMOctetStringType {
    public static var isExtensible: Bool { false }

    /// The octets of `value` (no SIZE check here: encoding checks it).
    public init(_ bytes: [UInt8]) { self.init(OctetString(bytes)) }

    public var bytes: [UInt8] { value.bytes }

    public init(aper decoder: inout APERDecoder) throws {
        self.init(OctetString(try decoder.decodeOctetString(size: Self.size, extensible: Self.isExtensible)))
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        try encoder.encodeOctetString(value.bytes, size: Self.size, extensible: Self.isExtensible)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(OctetString.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    public var description: String { value.hex }
}

/// A named BIT STRING type with an optional SIZE constraint.
public protocol E2SMBitStringType: APERValue, Hashable {
    static var size: ClosedRange<Int>? { get }
    static var isExtensible: Bool { get }
    var value: BitString { get set }
    init(_ value: BitString)
}

extension E2SMBitStringType {
    public static var isExtensible: Bool { false }

    /// The low `length` bits of `bits` (`length` defaults to the SIZE lower bound, the exact size of
    /// fixed-size types such as `NRCellIdentity`).
    public init(bits: UInt64, length: Int? = nil) {
        self.init(BitString(value: bits, length: length ?? Self.size?.lowerBound ?? 64))
    }

    public init(aper decoder: inout APERDecoder) throws {
        self.init(try decoder.decodeBitString(size: Self.size, extensible: Self.isExtensible))
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        try encoder.encodeBitString(value, size: Self.size, extensible: Self.isExtensible)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(BitString.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }
}

/// A named PrintableString type with an optional SIZE constraint.
public protocol E2SMPrintableStringType: APERValue, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    static var size: ClosedRange<Int>? { get }
    static var isExtensible: Bool { get }
    var value: String { get set }
    init(_ value: String)
}

extension E2SMPrintableStringType {
    public static var isExtensible: Bool { false }

    public init(stringLiteral value: String) { self.init(value) }

    public init(aper decoder: inout APERDecoder) throws {
        self.init(try decoder.decodeString(kind: .printable, size: Self.size, extensible: Self.isExtensible))
    }

    public func encode(aper encoder: inout APEREncoder) throws {
        try encoder.encodeString(value, kind: .printable, size: Self.size, extensible: Self.isExtensible)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    public var description: String { value }
}
