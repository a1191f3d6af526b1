/// An ASN.1 BIT STRING: `length` bits stored most significant bit first in `bytes`
/// (unused trailing bits of the last octet are zero).
public struct BitString: Hashable, Sendable {
    public private(set) var bytes: [UInt8]
    public private(set) var length: Int

    /// `bytes` holds the bits, first bit in the top bit of `bytes[0]`; bits past `length` are cleared.
    public init(bytes: [UInt8], length: Int) {
        precondition(length >= 0 && length <= bytes.count * 8, "BitString length \(length) needs \((length + 7) / 8) bytes")
        var trimmed = Array(bytes.prefix((length + 7) / 8))
        if length % 8 != 0, let last = trimmed.indices.last {
            trimmed[last] &= UInt8(truncatingIfNeeded: 0xFF << (8 - length % 8))
        }
        self.bytes = trimmed
        self.length = length
    }

    /// The low `length` bits of `value`, most significant first (for IDs such as gNB-ID).
    public init(value: UInt64, length: Int) {
        precondition(length >= 0 && length <= 64)
        var out = [UInt8](repeating: 0, count: (length + 7) / 8)
        for i in 0..<length where (value >> UInt64(length - 1 - i)) & 1 == 1 {
            out[i / 8] |= 0x80 >> UInt8(i % 8)
        }
        self.bytes = out
        self.length = length
    }

    /// The bits as an unsigned number (first bit most significant); nil above 64 bits.
    public var value: UInt64? {
        guard length <= 64 else { return nil }
        var v: UInt64 = 0
        for i in 0..<length { v = (v << 1) | UInt64(bit(i) ? 1 : 0) }
        return v
    }

    public func bit(_ index: Int) -> Bool {
        (bytes[index / 8] >> UInt8(7 - index % 8)) & 1 == 1
    }
}
