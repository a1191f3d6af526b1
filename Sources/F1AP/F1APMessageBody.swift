import APER

/// The three kinds of F1AP message (the alternatives of `F1AP-PDU`).
public enum F1APMessageType: String, Codable, Hashable, Sendable, CaseIterable {
    case initiatingMessage, successfulOutcome, unsuccessfulOutcome
}

/// An F1AP elementary procedure: its code and default criticality (F1AP-PDU-Descriptions);
/// the list of all of them is generated into F1APProcedures.swift.
public struct F1APProcedure: Hashable, Sendable {
    public let code: Int
    public let name: String
    public let criticality: Criticality

    public init(code: Int, name: String, criticality: Criticality) {
        self.code = code
        self.name = name
        self.criticality = criticality
    }
}

/// One F1AP message body (the value of an InitiatingMessage, SuccessfulOutcome or UnsuccessfulOutcome).
public protocol F1APMessageBody: APERCodable, Codable, Hashable, Sendable {
    static var procedure: F1APProcedure { get }
    static var messageType: F1APMessageType { get }
    /// The ASN.1 type name, e.g. "F1SetupRequest".
    static var name: String { get }
}
