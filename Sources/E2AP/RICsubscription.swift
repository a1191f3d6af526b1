import APER

/// E2AP `RICsubscriptionRequest` (RIC → E2 node).
public struct RICsubscriptionRequest: E2APMessageBody {
    public static let procedure = E2APProcedure.ricSubscription
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "RICsubscriptionRequest"

    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    public var ricSubscriptionDetails: RICsubscriptionDetails
    /// `RICsubscriptionTime` (8 octets, NTP format), an extension IE new in v3.
    public var ricSubscriptionStartTime: OctetString?
    public var ricSubscriptionEndTime: OctetString?

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, ricSubscriptionDetails: RICsubscriptionDetails, ricSubscriptionStartTime: OctetString? = nil, ricSubscriptionEndTime: OctetString? = nil) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.ricSubscriptionDetails = ricSubscriptionDetails
        self.ricSubscriptionStartTime = ricSubscriptionStartTime
        self.ricSubscriptionEndTime = ricSubscriptionEndTime
    }

    public init(aper d: inout APERDecoder) throws {
        var req: RICrequestID?, fn: Int?, details: RICsubscriptionDetails?, start: OctetString?, end: OctetString?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.ricSubscriptionDetails: details = try RICsubscriptionDetails(aper: &d)
            case E2APIE.ricSubscriptionStartTime: start = OctetString(try d.decodeOctetString(size: 8...8, "RICsubscriptionStartTime"))
            case E2APIE.ricSubscriptionEndTime: end = OctetString(try d.decodeOctetString(size: 8...8, "RICsubscriptionEndTime"))
            default: return false
            }
            return true
        }) {
            RICsubscriptionRequest(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"),
                ricSubscriptionDetails: try mandatoryIE(details, id: E2APIE.ricSubscriptionDetails, "RICsubscriptionDetails"),
                ricSubscriptionStartTime: start, ricSubscriptionEndTime: end)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
            try e.ieValue(E2APIE.ricSubscriptionDetails, .reject, &n, ricSubscriptionDetails)
            if let start = ricSubscriptionStartTime { try e.ie(E2APIE.ricSubscriptionStartTime, .reject, &n) { try $0.encodeOctetString(start.bytes, size: 8...8, "RICsubscriptionStartTime") } }
            if let end = ricSubscriptionEndTime { try e.ie(E2APIE.ricSubscriptionEndTime, .reject, &n) { try $0.encodeOctetString(end.bytes, size: 8...8, "RICsubscriptionEndTime") } }
        }
    }
}

/// E2AP `RICsubscriptionResponse`.
public struct RICsubscriptionResponse: E2APMessageBody {
    public static let procedure = E2APProcedure.ricSubscription
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "RICsubscriptionResponse"

    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    /// IDs of the admitted actions (`RICaction-Admitted-List`).
    public var ricActionsAdmitted: [Int]
    public var ricActionsNotAdmitted: [RICactionNotAdmittedItem]?

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, ricActionsAdmitted: [Int], ricActionsNotAdmitted: [RICactionNotAdmittedItem]? = nil) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.ricActionsAdmitted = ricActionsAdmitted
        self.ricActionsNotAdmitted = ricActionsNotAdmitted
    }

    public init(aper d: inout APERDecoder) throws {
        var req: RICrequestID?, fn: Int?, admitted: [Int]?, notAdmitted: [RICactionNotAdmittedItem]?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.ricActionsAdmitted: admitted = try d.decodeSingleContainerList(size: 1...16, id: E2APIE.ricActionAdmittedItem, "RICaction-Admitted-List") { try $0.decodeAdmittedActionID() }
            case E2APIE.ricActionsNotAdmitted: notAdmitted = try d.decodeSingleContainerList(size: 0...16, id: E2APIE.ricActionNotAdmittedItem, "RICaction-NotAdmitted-List") { try RICactionNotAdmittedItem(aper: &$0) }
            default: return false
            }
            return true
        }) {
            RICsubscriptionResponse(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"),
                ricActionsAdmitted: try mandatoryIE(admitted, id: E2APIE.ricActionsAdmitted, "RICactions-Admitted"),
                ricActionsNotAdmitted: notAdmitted)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
            try e.ie(E2APIE.ricActionsAdmitted, .reject, &n) { e in
                try e.encodeSingleContainerList(ricActionsAdmitted, size: 1...16, id: E2APIE.ricActionAdmittedItem, criticality: .ignore, "RICaction-Admitted-List") { try $0.encodeAdmittedActionID($1) }
            }
            if let notAdmitted = ricActionsNotAdmitted {
                try e.ie(E2APIE.ricActionsNotAdmitted, .reject, &n) { e in
                    try e.encodeSingleContainerList(notAdmitted, size: 0...16, id: E2APIE.ricActionNotAdmittedItem, criticality: .ignore, "RICaction-NotAdmitted-List") { try $1.encode(aper: &$0) }
                }
            }
        }
    }
}

/// The common shape of the failures that carry a request ID, a RAN function, a cause and
/// optional criticality diagnostics (`RICsubscriptionFailure`, `RICsubscriptionDeleteFailure`).
public struct RICrequestFailureFields: Hashable, Sendable, Codable {
    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    public var cause: Cause
    public var criticalityDiagnostics: CriticalityDiagnostics?

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, cause: Cause, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.cause = cause
        self.criticalityDiagnostics = criticalityDiagnostics
    }

    static func decode(_ d: inout APERDecoder, _ name: String) throws -> RICrequestFailureFields {
        var req: RICrequestID?, fn: Int?, cause: Cause?, diag: CriticalityDiagnostics?
        return try d.decodeMessage(name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.cause: cause = try Cause(aper: &d)
            case E2APIE.criticalityDiagnostics: diag = try CriticalityDiagnostics(aper: &d)
            default: return false
            }
            return true
        }) {
            RICrequestFailureFields(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"),
                cause: try mandatoryIE(cause, id: E2APIE.cause, "Cause"),
                criticalityDiagnostics: diag)
        }
    }

    func encode(_ e: inout APEREncoder, causeCriticality: Criticality) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
            try e.ieValue(E2APIE.cause, causeCriticality, &n, cause)
            if let criticalityDiagnostics { try e.ieValue(E2APIE.criticalityDiagnostics, .ignore, &n, criticalityDiagnostics) }
        }
    }
}

/// E2AP `RICsubscriptionFailure`.
public struct RICsubscriptionFailure: E2APMessageBody {
    public static let procedure = E2APProcedure.ricSubscription
    public static let messageType = E2APMessageType.unsuccessfulOutcome
    public static let name = "RICsubscriptionFailure"

    public var fields: RICrequestFailureFields

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, cause: Cause, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        fields = RICrequestFailureFields(ricRequestID: ricRequestID, ranFunctionID: ranFunctionID, cause: cause, criticalityDiagnostics: criticalityDiagnostics)
    }

    public init(aper d: inout APERDecoder) throws { fields = try .decode(&d, Self.name) }
    public func encode(aper e: inout APEREncoder) throws { try fields.encode(&e, causeCriticality: .reject) }
    public init(from decoder: any Decoder) throws { fields = try RICrequestFailureFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
}

/// The common shape of messages that carry only a request ID and a RAN function
/// (`RICsubscriptionDeleteRequest`, `RICsubscriptionDeleteResponse`).
public struct RICrequestFields: Hashable, Sendable, Codable {
    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int

    public init(ricRequestID: RICrequestID, ranFunctionID: Int) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
    }

    static func decode(_ d: inout APERDecoder, _ name: String) throws -> RICrequestFields {
        var req: RICrequestID?, fn: Int?
        return try d.decodeMessage(name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            default: return false
            }
            return true
        }) {
            RICrequestFields(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"))
        }
    }

    func encode(_ e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
        }
    }
}

/// E2AP `RICsubscriptionDeleteRequest`.
public struct RICsubscriptionDeleteRequest: E2APMessageBody {
    public static let procedure = E2APProcedure.ricSubscriptionDelete
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "RICsubscriptionDeleteRequest"

    public var fields: RICrequestFields

    public init(ricRequestID: RICrequestID, ranFunctionID: Int) { fields = .init(ricRequestID: ricRequestID, ranFunctionID: ranFunctionID) }
    public init(aper d: inout APERDecoder) throws { fields = try .decode(&d, Self.name) }
    public func encode(aper e: inout APEREncoder) throws { try fields.encode(&e) }
    public init(from decoder: any Decoder) throws { fields = try RICrequestFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
}

/// E2AP `RICsubscriptionDeleteResponse`.
public struct RICsubscriptionDeleteResponse: E2APMessageBody {
    public static let procedure = E2APProcedure.ricSubscriptionDelete
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "RICsubscriptionDeleteResponse"

    public var fields: RICrequestFields

    public init(ricRequestID: RICrequestID, ranFunctionID: Int) { fields = .init(ricRequestID: ricRequestID, ranFunctionID: ranFunctionID) }
    public init(aper d: inout APERDecoder) throws { fields = try .decode(&d, Self.name) }
    public func encode(aper e: inout APEREncoder) throws { try fields.encode(&e) }
    public init(from decoder: any Decoder) throws { fields = try RICrequestFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
}

/// E2AP `RICsubscriptionDeleteFailure`.
public struct RICsubscriptionDeleteFailure: E2APMessageBody {
    public static let procedure = E2APProcedure.ricSubscriptionDelete
    public static let messageType = E2APMessageType.unsuccessfulOutcome
    public static let name = "RICsubscriptionDeleteFailure"

    public var fields: RICrequestFailureFields

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, cause: Cause, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        fields = RICrequestFailureFields(ricRequestID: ricRequestID, ranFunctionID: ranFunctionID, cause: cause, criticalityDiagnostics: criticalityDiagnostics)
    }

    public init(aper d: inout APERDecoder) throws { fields = try .decode(&d, Self.name) }
    public func encode(aper e: inout APEREncoder) throws { try fields.encode(&e, causeCriticality: .ignore) }
    public init(from decoder: any Decoder) throws { fields = try RICrequestFailureFields(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
}

/// E2AP `RICsubscriptionDeleteRequired` (E2 node → RIC: subscriptions it must end).
public struct RICsubscriptionDeleteRequired: E2APMessageBody {
    public static let procedure = E2APProcedure.ricSubscriptionDeleteRequired
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "RICsubscriptionDeleteRequired"

    public var ricSubscriptionToBeRemoved: [RICsubscriptionWithCauseItem]

    public init(ricSubscriptionToBeRemoved: [RICsubscriptionWithCauseItem]) {
        self.ricSubscriptionToBeRemoved = ricSubscriptionToBeRemoved
    }

    public init(aper d: inout APERDecoder) throws {
        var list: [RICsubscriptionWithCauseItem]?
        self = try d.decodeMessage(Self.name, { id, d in
            guard id == E2APIE.ricSubscriptionToBeRemoved else { return false }
            list = try d.decodeSingleContainerList(size: 1...1024, id: E2APIE.ricSubscriptionWithCauseItem, "RICsubscription-List-withCause") { try RICsubscriptionWithCauseItem(aper: &$0) }
            return true
        }) {
            RICsubscriptionDeleteRequired(ricSubscriptionToBeRemoved: try mandatoryIE(list, id: E2APIE.ricSubscriptionToBeRemoved, "RICsubscriptionToBeRemoved"))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ie(E2APIE.ricSubscriptionToBeRemoved, .ignore, &n) { e in
                try e.encodeSingleContainerList(ricSubscriptionToBeRemoved, size: 1...1024, id: E2APIE.ricSubscriptionWithCauseItem, criticality: .ignore, "RICsubscription-List-withCause") { try $1.encode(aper: &$0) }
            }
        }
    }
}
