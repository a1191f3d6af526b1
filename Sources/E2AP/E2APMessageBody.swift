import APER

/// The three kinds of E2AP message (the alternatives of `E2AP-PDU`).
public enum E2APMessageType: String, Codable, Hashable, Sendable, CaseIterable {
    case initiatingMessage, successfulOutcome, unsuccessfulOutcome
}

/// An E2AP elementary procedure: its code and default criticality (E2AP-PDU-Descriptions).
public struct E2APProcedure: Hashable, Sendable {
    public let code: Int
    public let name: String
    public let criticality: Criticality

    public static let e2setup = E2APProcedure(code: 1, name: "E2setup", criticality: .reject)
    public static let errorIndication = E2APProcedure(code: 2, name: "ErrorIndication", criticality: .ignore)
    public static let reset = E2APProcedure(code: 3, name: "Reset", criticality: .reject)
    public static let ricControl = E2APProcedure(code: 4, name: "RICcontrol", criticality: .reject)
    public static let ricIndication = E2APProcedure(code: 5, name: "RICindication", criticality: .ignore)
    public static let ricServiceQuery = E2APProcedure(code: 6, name: "RICserviceQuery", criticality: .ignore)
    public static let ricServiceUpdate = E2APProcedure(code: 7, name: "RICserviceUpdate", criticality: .reject)
    public static let ricSubscription = E2APProcedure(code: 8, name: "RICsubscription", criticality: .reject)
    public static let ricSubscriptionDelete = E2APProcedure(code: 9, name: "RICsubscriptionDelete", criticality: .reject)
    public static let e2nodeConfigurationUpdate = E2APProcedure(code: 10, name: "E2nodeConfigurationUpdate", criticality: .reject)
    public static let e2connectionUpdate = E2APProcedure(code: 11, name: "E2connectionUpdate", criticality: .reject)
    public static let ricSubscriptionDeleteRequired = E2APProcedure(code: 12, name: "RICsubscriptionDeleteRequired", criticality: .ignore)
    public static let e2removal = E2APProcedure(code: 13, name: "E2removal", criticality: .reject)
    public static let ricSubscriptionModification = E2APProcedure(code: 14, name: "RICsubscriptionModification", criticality: .reject)
    public static let ricSubscriptionModificationRequired = E2APProcedure(code: 15, name: "RICsubscriptionModificationRequired", criticality: .reject)
    public static let ricQuery = E2APProcedure(code: 16, name: "RICquery", criticality: .reject)

    public static let all: [E2APProcedure] = [
        .e2setup, .errorIndication, .reset, .ricControl, .ricIndication, .ricServiceQuery, .ricServiceUpdate, .ricSubscription,
        .ricSubscriptionDelete, .e2nodeConfigurationUpdate, .e2connectionUpdate, .ricSubscriptionDeleteRequired, .e2removal,
        .ricSubscriptionModification, .ricSubscriptionModificationRequired, .ricQuery,
    ]
}

/// One E2AP message body (the value of an InitiatingMessage, SuccessfulOutcome or UnsuccessfulOutcome).
public protocol E2APMessageBody: APERCodable, Codable, Hashable, Sendable {
    static var procedure: E2APProcedure { get }
    static var messageType: E2APMessageType { get }
    /// The ASN.1 type name, e.g. "RICsubscriptionRequest".
    static var name: String { get }
}

extension APEREncoder {
    /// One IE of a message's container, counted into `count`.
    mutating func ie(_ id: Int, _ criticality: Criticality, _ count: inout Int, _ value: (inout APEREncoder) throws -> Void) throws {
        try encodeIE(id: id, criticality: criticality, value)
        count += 1
    }

    mutating func ieInteger(_ id: Int, _ criticality: Criticality, _ count: inout Int, _ value: Int, in range: ClosedRange<Int64>, extensible: Bool = false, _ name: String) throws {
        try ie(id, criticality, &count) { try $0.encodeInteger(Int64(value), in: range, extensible: extensible, name) }
    }

    mutating func ieOctets(_ id: Int, _ criticality: Criticality, _ count: inout Int, _ value: OctetString, _ name: String) throws {
        try ie(id, criticality, &count) { try $0.encodeOctetString(value.bytes, name) }
    }

    mutating func ieValue(_ id: Int, _ criticality: Criticality, _ count: inout Int, _ value: some APERCodable) throws {
        try ie(id, criticality, &count) { try value.encode(aper: &$0) }
    }
}

extension APERDecoder {
    mutating func decodeInt(in range: ClosedRange<Int64>, extensible: Bool = false, _ name: String) throws -> Int {
        Int(try decodeInteger(in: range, extensible: extensible, name))
    }

    mutating func decodeOctets(_ name: String) throws -> OctetString {
        OctetString(try decodeOctetString(size: nil, extensible: false, name))
    }

    /// Decodes a message's IE container inside a component named after the message.
    mutating func decodeMessage<T>(_ name: String, _ field: (Int, inout APERDecoder) throws -> Bool, build: () throws -> T) throws -> T {
        try component(name) { d in
            let start = d.position
            try d.decodeIEContainer { id, _, inner in try field(id, &inner) }
            do {
                return try build()
            } catch var error as APERError {
                error.bitOffset = start  // a missing IE: point at the container that lacks it
                throw error
            }
        }
    }
}
