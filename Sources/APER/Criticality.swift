/// Criticality of a protocol IE or procedure (E2AP, F1AP, NGAP, … CommonDataTypes):
/// what a receiver that does not understand it must do.
public enum Criticality: String, APEREnumerated, Codable, Hashable, Sendable {
    case reject, ignore, notify
}
