import APER

/// The IEs shared by the transaction-based responses and failures: a transaction ID, then any of
/// cause, time to wait and criticality diagnostics (in that order on the wire).
public struct TransactionFields: Hashable, Sendable, Codable {
    public var transactionID: Int
    public var cause: Cause?
    public var timeToWait: TimeToWait?
    public var criticalityDiagnostics: CriticalityDiagnostics?

    public init(transactionID: Int, cause: Cause? = nil, timeToWait: TimeToWait? = nil, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        self.transactionID = transactionID
        self.cause = cause
        self.timeToWait = timeToWait
        self.criticalityDiagnostics = criticalityDiagnostics
    }

    static func decode(_ d: inout APERDecoder, _ name: String, causeRequired: Bool, allowed: Set<Int>) throws -> TransactionFields {
        var tid: Int?, cause: Cause?, wait: TimeToWait?, diag: CriticalityDiagnostics?
        return try d.decodeMessage(name, { id, d in
            guard allowed.contains(id) else { return false }
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.cause: cause = try Cause(aper: &d)
            case E2APIE.timeToWait: wait = try d.component("TimeToWait") { try TimeToWait(aper: &$0) }
            case E2APIE.criticalityDiagnostics: diag = try CriticalityDiagnostics(aper: &d)
            default: return false
            }
            return true
        }) {
            if causeRequired { _ = try mandatoryIE(cause, id: E2APIE.cause, "Cause") }
            return TransactionFields(transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"), cause: cause, timeToWait: wait, criticalityDiagnostics: diag)
        }
    }

    func encode(_ e: inout APEREncoder, causeCriticality: Criticality = .ignore) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            if let cause { try e.ieValue(E2APIE.cause, causeCriticality, &n, cause) }
            if let timeToWait { try e.ieValue(E2APIE.timeToWait, .ignore, &n, timeToWait) }
            if let criticalityDiagnostics { try e.ieValue(E2APIE.criticalityDiagnostics, .ignore, &n, criticalityDiagnostics) }
        }
    }
}

/// A message made only of `TransactionFields`.
public protocol TransactionMessage: E2APMessageBody {
    var fields: TransactionFields { get }
    init(fields: TransactionFields)
    /// Whether the Cause IE is mandatory (failures, reset request).
    static var causeRequired: Bool { get }
    static var causeCriticality: Criticality { get }
    /// The IEs of this message's IE set besides TransactionID (others are unknown here).
    static var optionalIEs: Set<Int> { get }
}

extension TransactionMessage {
    public static var causeRequired: Bool { false }
    public static var causeCriticality: Criticality { .ignore }
    public init(aper d: inout APERDecoder) throws {
        self.init(fields: try .decode(&d, Self.name, causeRequired: Self.causeRequired, allowed: Self.optionalIEs.union([E2APIE.transactionID])))
    }
    public func encode(aper e: inout APEREncoder) throws {
        if Self.causeRequired && fields.cause == nil {
            throw APERError(.missingIE(id: E2APIE.cause, name: "Cause"), path: [Self.name], bitOffset: e.bitCount)
        }
        try fields.encode(&e, causeCriticality: Self.causeCriticality)
    }
    public init(from decoder: any Decoder) throws { self.init(fields: try TransactionFields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
    public var transactionID: Int { fields.transactionID }
}

/// E2AP `ResetRequest` (transaction ID, cause).
public struct ResetRequest: TransactionMessage {
    public static let procedure = E2APProcedure.reset
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "ResetRequest"
    public static let optionalIEs: Set<Int> = [E2APIE.cause]
    public static var causeRequired: Bool { true }
    public var fields: TransactionFields
    public init(fields: TransactionFields) { self.fields = fields }
    public init(transactionID: Int, cause: Cause) { fields = .init(transactionID: transactionID, cause: cause) }
}

/// E2AP `ResetResponse` (transaction ID, criticality diagnostics).
public struct ResetResponse: TransactionMessage {
    public static let procedure = E2APProcedure.reset
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "ResetResponse"
    public static let optionalIEs: Set<Int> = [E2APIE.criticalityDiagnostics]
    public var fields: TransactionFields
    public init(fields: TransactionFields) { self.fields = fields }
    public init(transactionID: Int, criticalityDiagnostics: CriticalityDiagnostics? = nil) { fields = .init(transactionID: transactionID, criticalityDiagnostics: criticalityDiagnostics) }
}

/// E2AP `RICserviceUpdateFailure` (transaction ID, cause, time to wait, diagnostics).
public struct RICserviceUpdateFailure: TransactionMessage {
    public static let procedure = E2APProcedure.ricServiceUpdate
    public static let messageType = E2APMessageType.unsuccessfulOutcome
    public static let name = "RICserviceUpdateFailure"
    public static let optionalIEs: Set<Int> = [E2APIE.cause, E2APIE.timeToWait, E2APIE.criticalityDiagnostics]
    public static var causeRequired: Bool { true }
    public static var causeCriticality: Criticality { .reject }
    public var fields: TransactionFields
    public init(fields: TransactionFields) { self.fields = fields }
    public init(transactionID: Int, cause: Cause, timeToWait: TimeToWait? = nil, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        fields = .init(transactionID: transactionID, cause: cause, timeToWait: timeToWait, criticalityDiagnostics: criticalityDiagnostics)
    }
}

/// E2AP `E2nodeConfigurationUpdateFailure`.
public struct E2nodeConfigurationUpdateFailure: TransactionMessage {
    public static let procedure = E2APProcedure.e2nodeConfigurationUpdate
    public static let messageType = E2APMessageType.unsuccessfulOutcome
    public static let name = "E2nodeConfigurationUpdateFailure"
    public static let optionalIEs: Set<Int> = [E2APIE.cause, E2APIE.timeToWait, E2APIE.criticalityDiagnostics]
    public static var causeRequired: Bool { true }
    public var fields: TransactionFields
    public init(fields: TransactionFields) { self.fields = fields }
    public init(transactionID: Int, cause: Cause, timeToWait: TimeToWait? = nil, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        fields = .init(transactionID: transactionID, cause: cause, timeToWait: timeToWait, criticalityDiagnostics: criticalityDiagnostics)
    }
}

/// E2AP `E2RemovalRequest` (transaction ID only).
public struct E2RemovalRequest: TransactionMessage {
    public static let procedure = E2APProcedure.e2removal
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "E2RemovalRequest"
    public static let optionalIEs: Set<Int> = []
    public var fields: TransactionFields
    public init(fields: TransactionFields) { self.fields = fields }
    public init(transactionID: Int) { fields = .init(transactionID: transactionID) }
}

/// E2AP `E2RemovalResponse`.
public struct E2RemovalResponse: TransactionMessage {
    public static let procedure = E2APProcedure.e2removal
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "E2RemovalResponse"
    public static let optionalIEs: Set<Int> = [E2APIE.criticalityDiagnostics]
    public var fields: TransactionFields
    public init(fields: TransactionFields) { self.fields = fields }
    public init(transactionID: Int, criticalityDiagnostics: CriticalityDiagnostics? = nil) { fields = .init(transactionID: transactionID, criticalityDiagnostics: criticalityDiagnostics) }
}

/// E2AP `E2RemovalFailure`.
public struct E2RemovalFailure: TransactionMessage {
    public static let procedure = E2APProcedure.e2removal
    public static let messageType = E2APMessageType.unsuccessfulOutcome
    public static let name = "E2RemovalFailure"
    public static let optionalIEs: Set<Int> = [E2APIE.cause, E2APIE.criticalityDiagnostics]
    public static var causeRequired: Bool { true }
    public var fields: TransactionFields
    public init(fields: TransactionFields) { self.fields = fields }
    public init(transactionID: Int, cause: Cause, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        fields = .init(transactionID: transactionID, cause: cause, criticalityDiagnostics: criticalityDiagnostics)
    }
}
