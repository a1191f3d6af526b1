/// A typed aligned-PER encoding or decoding failure.
///
/// `path` names the field that failed, outermost first (for example
/// `["E2setupRequest", "GlobalE2node-ID", "gNB", "plmn-id"]`), and `bitOffset` is the
/// position in the input (decoding) or output (encoding) where it failed.
public struct APERError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// The input ended: `needed` more bits were required, only `available` remained.
        case truncated(needed: Int, available: Int)
        /// A value lies outside its constraint.
        case valueOutOfRange(String)
        /// A length or count lies outside its SIZE constraint or the decoder's limits.
        case invalidLength(String)
        /// Values nest deeper than the decoder allows.
        case tooDeep(limit: Int)
        /// A CHOICE index or ENUMERATED value that this version does not know, in a non-extensible position.
        case unknownAlternative(Int)
        /// Bytes that are not a valid encoding of the type (bad character, bad REAL, …).
        case invalidEncoding(String)
        /// A mandatory component is missing (protocol IE absent, …).
        case missingComponent(String)
        /// A protocol IE this version does not know, sent with criticality `reject`.
        case unknownIERejected(id: Int)
        /// A mandatory protocol IE is absent.
        case missingIE(id: Int, name: String)
    }

    public var kind: Kind
    public var path: [String]
    public var bitOffset: Int

    public init(_ kind: Kind, path: [String] = [], bitOffset: Int) {
        self.kind = kind
        self.path = path
        self.bitOffset = bitOffset
    }

    /// The failing field as a dotted path, or `<top>` at the outermost level.
    public var field: String { path.isEmpty ? "<top>" : path.joined(separator: ".") }

    public var description: String {
        let what: String
        switch kind {
        case let .truncated(needed, available):
            what = "input ends: needs \(needed) more bit(s), \(available) left"
        case let .valueOutOfRange(detail): what = "value out of range: \(detail)"
        case let .invalidLength(detail): what = "invalid length: \(detail)"
        case let .tooDeep(limit): what = "nesting deeper than \(limit) levels"
        case let .unknownAlternative(index): what = "unknown alternative or value \(index)"
        case let .invalidEncoding(detail): what = "invalid encoding: \(detail)"
        case let .missingComponent(name): what = "missing mandatory \(name)"
        case let .unknownIERejected(id): what = "unknown protocol IE id \(id) with criticality reject"
        case let .missingIE(id, name): what = "missing mandatory IE \(name) (id \(id))"
        }
        return "\(field): \(what) (bit offset \(bitOffset))"
    }

    /// The same error with `name` prepended to its path.
    public func within(_ name: String) -> APERError {
        var copy = self
        copy.path.insert(name, at: 0)
        return copy
    }
}
