/// An ASN.1 OCTET STRING value. In JSON it is a hex string (`"0a1b2c"`).
public struct OctetString: Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(arrayLiteral elements: UInt8...) { self.bytes = elements }

    /// Parses hex text (whitespace, `:` and a leading `0x` ignored); nil if it is not hex.
    public init?(hex: String) {
        var out: [UInt8] = []
        out.reserveCapacity(hex.utf8.count / 2)
        var text = Substring(hex)
        if text.hasPrefix("0x") || text.hasPrefix("0X") { text = text.dropFirst(2) }
        var high: UInt8? = nil
        for c in text.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ":"): continue
            default: return nil
            }
            if let h = high { out.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        if high != nil { return nil }
        self.bytes = out
    }

    public var count: Int { bytes.count }
    public var hex: String { hexString(bytes) }
    public var description: String { hex }
}

/// Lower-case hex of `bytes`, no separators.
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
}

extension OctetString: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = OctetString(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected hex text, got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}

extension BitString: Codable {
    private enum CodingKeys: String, CodingKey { case hex, length }

    /// JSON form: `{"hex": "a5c0", "length": 10}` (bits first-to-last, MSB first).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .hex)
        let length = try c.decode(Int.self, forKey: .length)
        guard let bytes = OctetString(hex: text)?.bytes else {
            throw DecodingError.dataCorruptedError(forKey: .hex, in: c, debugDescription: "expected hex text")
        }
        guard length >= 0, length <= bytes.count * 8 else {
            throw DecodingError.dataCorruptedError(forKey: .length, in: c, debugDescription: "length \(length) needs \((length + 7) / 8) hex bytes, got \(bytes.count)")
        }
        self.init(bytes: bytes, length: length)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(hexString(bytes), forKey: .hex)
        try c.encode(length, forKey: .length)
    }
}
