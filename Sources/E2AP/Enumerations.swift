import APER

/// E2AP `RICactionType`.
public enum RICactionType: String, APEREnumerated, Codable, Hashable, Sendable {
    case report, insert, policy
    public static var isExtensible: Bool { true }
}

/// E2AP `RICsubsequentActionType`.
public enum RICsubsequentActionType: String, APEREnumerated, Codable, Hashable, Sendable {
    case `continue`, wait
    public static var isExtensible: Bool { true }
}

/// E2AP `RICtimeToWait`.
public enum RICtimeToWait: String, APEREnumerated, Codable, Hashable, Sendable {
    case w1ms, w2ms, w5ms, w10ms, w20ms, w30ms, w40ms, w50ms, w100ms, w200ms, w500ms, w1s, w2s, w5s, w10s, w20s, w60s
    public static var isExtensible: Bool { true }
}

/// E2AP `RICindicationType`.
public enum RICindicationType: String, APEREnumerated, Codable, Hashable, Sendable {
    case report, insert
    public static var isExtensible: Bool { true }
}

/// E2AP `RICcontrolAckRequest`.
public enum RICcontrolAckRequest: String, APEREnumerated, Codable, Hashable, Sendable {
    case noAck, ack
    public static var isExtensible: Bool { true }
}

/// E2AP `TimeToWait` (before retrying a setup or update).
public enum TimeToWait: String, APEREnumerated, Codable, Hashable, Sendable {
    case v1s, v2s, v5s, v10s, v20s, v60s
    public static var isExtensible: Bool { true }
}

/// E2AP `TypeOfError` in criticality diagnostics.
public enum TypeOfError: String, APEREnumerated, Codable, Hashable, Sendable {
    case notUnderstood = "not-understood", missing
    public static var isExtensible: Bool { true }
}

/// E2AP `TriggeringMessage`.
public enum TriggeringMessage: String, APEREnumerated, Codable, Hashable, Sendable {
    case initiatingMessage = "initiating-message", successfulOutcome = "successful-outcome", unsuccessfullOutcome = "unsuccessfull-outcome"
}

/// `TransactionID ::= INTEGER (0..255, ...)`
let transactionIDRange: ClosedRange<Int64> = 0...255
/// `RANfunctionID ::= INTEGER (0..4095)`, also `RANfunctionRevision`.
let ranFunctionIDRange: ClosedRange<Int64> = 0...4095
/// `RICactionID ::= INTEGER (0..255)`
let ricActionIDRange: ClosedRange<Int64> = 0...255
