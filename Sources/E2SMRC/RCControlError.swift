import APER
import E2SMCommon

/// Why an E2SM-RC control could not be read as (or built from) the typed control it should be,
/// for example a slice-level PRB quota control whose RAN parameter tree lacks a parameter.
/// `path` names the RAN parameters from the top of the tree, e.g.
/// `RRM Policy Ratio List(1)[0] > RRM Policy Ratio Group(2) > Min PRB Policy Ratio(11)`.
public enum RCControlError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The header or message is not of the style / action / format the control needs.
    case unsupportedMessage(String)
    /// A mandatory RAN parameter is absent.
    case missingParameter(id: Int64, name: String, path: String)
    /// A RAN parameter has another value type than the control defines (`expected`, `found`:
    /// "LIST", "STRUCTURE", "ELEMENT", "valueInt", "valueOctS", …).
    case wrongType(id: Int64, name: String, path: String, expected: String, found: String)
    /// A RAN parameter's value is out of its range or of the wrong size.
    case invalidValue(id: Int64, name: String, path: String, detail: String)
    /// A typed value (SlicePRBQuota, …) breaks its own constraints.
    case invalidQuota(String)

    public var description: String {
        switch self {
        case let .unsupportedMessage(detail):
            return "unsupported E2SM-RC control: \(detail)"
        case let .missingParameter(id, name, path):
            return "missing RAN parameter \(name) (ID \(id)) at \(path)"
        case let .wrongType(id, name, path, expected, found):
            return "RAN parameter \(name) (ID \(id)) at \(path): expected \(expected), found \(found)"
        case let .invalidValue(id, name, path, detail):
            return "RAN parameter \(name) (ID \(id)) at \(path): \(detail)"
        case let .invalidQuota(detail):
            return "invalid slice PRB quota: \(detail)"
        }
    }
}
