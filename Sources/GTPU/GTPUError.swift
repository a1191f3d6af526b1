/// A typed GTP-U or NR-U failure.
///
/// Decoding errors carry the dotted name of the field that failed (for example
/// `"extensionHeader[1].length"` or `"nrRANContainer.nruSequenceNumber"`) and the byte offset where
/// it starts, counted from the first byte given to the decoder. Construction errors (a value that
/// cannot be put on the wire) carry the field name and the offending value.
public enum GTPUError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input ended inside `field`: it needs `needed` bytes at `offset`, only `available` remain
    /// (within the region the enclosing length field declares).
    case truncated(field: String, offset: Int, needed: Int, available: Int)
    /// The version field (top 3 bits of the first octet) is not 1.
    case badVersion(UInt8, offset: Int)
    /// The protocol type bit is 0 (GTP', not GTP).
    case badProtocolType(offset: Int)
    /// A length field disagrees with the bytes present: `declared` bytes by the field, `actual` in the input.
    case lengthMismatch(field: String, offset: Int, declared: Int, actual: Int)
    /// An extension header's length octet is 0 (it counts 4-octet units and must be at least 1).
    case badExtensionLength(index: Int, offset: Int, length: UInt8)
    /// An NR user plane PDU type this codec does not model (TS 38.425: 0 and 1 are modelled).
    case unsupportedPDUType(UInt8, offset: Int)
    /// A value cannot be encoded: `value` exceeds `limit` (a 24-bit field, an element count, a length).
    case valueOutOfRange(field: String, value: Int, limit: Int)

    /// The dotted name of the field that failed.
    public var field: String {
        switch self {
        case let .truncated(field, _, _, _), let .lengthMismatch(field, _, _, _), let .valueOutOfRange(field, _, _): field
        case .badVersion: "flags.version"
        case .badProtocolType: "flags.protocolType"
        case let .badExtensionLength(index, _, _): "extensionHeader[\(index)].length"
        case .unsupportedPDUType: "pduType"
        }
    }

    /// Where the failing field starts in the decoder's input; `nil` for construction errors.
    public var byteOffset: Int? {
        switch self {
        case let .truncated(_, offset, _, _), let .badVersion(_, offset), let .badProtocolType(offset),
             let .lengthMismatch(_, offset, _, _), let .badExtensionLength(_, offset, _), let .unsupportedPDUType(_, offset):
            offset
        case .valueOutOfRange: nil
        }
    }

    public var description: String {
        let what: String
        switch self {
        case let .truncated(_, _, needed, available): what = "input ends: needs \(needed) byte(s), \(available) left"
        case let .badVersion(v, _): what = "version \(v), expected 1"
        case .badProtocolType: what = "protocol type 0 (GTP'), expected 1 (GTP)"
        case let .lengthMismatch(_, _, declared, actual): what = "length mismatch: declared \(declared) byte(s), found \(actual)"
        case let .badExtensionLength(_, _, length): what = "extension length \(length), must be at least 1"
        case let .unsupportedPDUType(t, _): what = "NR-U PDU type \(t) is not supported"
        case let .valueOutOfRange(_, value, limit): what = "value \(value) out of range (limit \(limit))"
        }
        if let byteOffset { return "\(field): \(what) (byte offset \(byteOffset))" }
        return "\(field): \(what)"
    }

    /// The same error with `prefix.` prepended to its field name and `base` added to its offset.
    func within(_ prefix: String, base: Int) -> GTPUError {
        switch self {
        case let .truncated(f, o, n, a): .truncated(field: prefix + "." + f, offset: o + base, needed: n, available: a)
        case let .lengthMismatch(f, o, d, a): .lengthMismatch(field: prefix + "." + f, offset: o + base, declared: d, actual: a)
        case let .valueOutOfRange(f, v, l): .valueOutOfRange(field: prefix + "." + f, value: v, limit: l)
        case let .unsupportedPDUType(t, o): .unsupportedPDUType(t, offset: o + base)
        case let .badVersion(v, o): .badVersion(v, offset: o + base)
        case let .badProtocolType(o): .badProtocolType(offset: o + base)
        case let .badExtensionLength(i, o, l): .badExtensionLength(index: i, offset: o + base, length: l)
        }
    }
}
