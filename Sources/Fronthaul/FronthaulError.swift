/// A typed fronthaul encoding or decoding failure.
///
/// `field` names the field that failed, outermost first and dotted (for example
/// `"section[2].numPrbu"` or `"ecpri.payloadSize"`), and `byteOffset` is the position in the
/// input (decoding) or output (encoding) where the field starts.
public struct FronthaulError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The input ended: `needed` more bytes were required, only `available` remained.
        case truncated(needed: Int, available: Int)
        /// A field holds a value outside its range (too wide for its bits, inconsistent with another field, …).
        case valueOutOfRange(String)
        /// A valid encoding that this codec does not handle (eCPRI concatenation, a compression method, …).
        case unsupported(String)
        /// A length field disagrees with the bytes present (eCPRI payload size, trailing bytes, payload length).
        case lengthMismatch(expected: Int, actual: Int)
        /// The caller's output buffer is too small.
        case bufferTooSmall(needed: Int, available: Int)
    }

    public var kind: Kind
    public var field: String
    public var byteOffset: Int

    public init(_ kind: Kind, field: String, byteOffset: Int) {
        self.kind = kind
        self.field = field
        self.byteOffset = byteOffset
    }

    public var description: String {
        let what: String
        switch kind {
        case let .truncated(needed, available): what = "input ends: needs \(needed) more byte(s), \(available) left"
        case let .valueOutOfRange(detail): what = "value out of range: \(detail)"
        case let .unsupported(detail): what = "unsupported: \(detail)"
        case let .lengthMismatch(expected, actual): what = "length mismatch: expected \(expected) byte(s), found \(actual)"
        case let .bufferTooSmall(needed, available): what = "output buffer too small: needs \(needed) byte(s), has \(available)"
        }
        return "\(field): \(what) (byte offset \(byteOffset))"
    }

    /// The same error with `prefix` prepended to its field path.
    public func within(_ prefix: String) -> FronthaulError {
        var copy = self
        copy.field = prefix + "." + field
        return copy
    }
}
