import APER

/// `PLMN-Identity ::= OCTET STRING (SIZE(3))`: MCC and MNC in BCD (TS 38.413 9.3.3.5).
/// JSON form: hex, e.g. `"00f110"` for MCC 001 / MNC 01.
public struct PLMNIdentity: Hashable, Sendable, Codable, APERCodable, CustomStringConvertible {
    public var octets: OctetString

    public init(octets: OctetString) { self.octets = octets }

    /// From decimal MCC (3 digits) and MNC (2 or 3 digits); nil if they are not digits of those lengths.
    public init?(mcc: String, mnc: String) {
        let m = mcc.utf8.map { Int($0) - 48 }, n = mnc.utf8.map { Int($0) - 48 }
        guard m.count == 3, n.count == 2 || n.count == 3, (m + n).allSatisfy({ (0...9).contains($0) }) else { return nil }
        let n3 = n.count == 3 ? n[2] : 0xF
        octets = OctetString([UInt8(m[1] << 4 | m[0]), UInt8(n3 << 4 | m[2]), UInt8(n[1] << 4 | n[0])])
    }

    /// "MCC-MNC", e.g. "001-01".
    public var description: String {
        guard octets.count == 3 else { return octets.hex }
        let b = octets.bytes
        let digits = [b[0] & 0xF, b[0] >> 4, b[1] & 0xF, b[2] & 0xF, b[2] >> 4, b[1] >> 4]
        let text = digits.map { $0 == 0xF ? "" : String($0) }
        return text[0..<3].joined() + "-" + text[3..<6].joined()
    }

    public init(from decoder: any Decoder) throws {
        octets = try OctetString(from: decoder)
        guard octets.count == 3 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "PLMN-Identity is 3 octets (6 hex digits), got \(octets.count)"))
        }
    }

    public func encode(to encoder: any Encoder) throws { try octets.encode(to: encoder) }

    public init(aper d: inout APERDecoder) throws {
        octets = OctetString(try d.decodeOctetString(size: 3...3, "PLMN-Identity"))
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeOctetString(octets.bytes, size: 3...3, "PLMN-Identity")
    }
}
