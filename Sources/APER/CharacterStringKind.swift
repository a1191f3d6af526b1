/// The known-multiplier character string types the E2 and F1 specifications use.
public enum CharacterStringKind: Sendable, CustomStringConvertible {
    case printable, visible, ia5

    /// Whether the character (an ASCII code) belongs to the type's alphabet.
    @inline(__always)
    public func permits(_ c: UInt8) -> Bool {
        switch self {
        case .ia5: return c < 128
        case .visible: return c >= 32 && c <= 126
        case .printable:
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: " "), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "+"), UInt8(ascii: ","),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"):
                return true
            default: return false
            }
        }
    }

    public var description: String {
        switch self {
        case .printable: return "PrintableString"
        case .visible: return "VisibleString"
        case .ia5: return "IA5String"
        }
    }
}
