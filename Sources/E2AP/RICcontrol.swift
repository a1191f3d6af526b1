import APER

/// E2AP `RICcontrolRequest` (RIC → E2 node): an E2SM control header and message (e.g. RC slice quotas).
public struct RICcontrolRequest: E2APMessageBody {
    public static let procedure = E2APProcedure.ricControl
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "RICcontrolRequest"

    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    public var ricCallProcessID: OctetString?
    public var ricControlHeader: OctetString
    public var ricControlMessage: OctetString
    public var ricControlAckRequest: RICcontrolAckRequest?

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, ricCallProcessID: OctetString? = nil, ricControlHeader: OctetString, ricControlMessage: OctetString, ricControlAckRequest: RICcontrolAckRequest? = nil) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.ricCallProcessID = ricCallProcessID
        self.ricControlHeader = ricControlHeader
        self.ricControlMessage = ricControlMessage
        self.ricControlAckRequest = ricControlAckRequest
    }

    public init(aper d: inout APERDecoder) throws {
        var req: RICrequestID?, fn: Int?, cpid: OctetString?, header: OctetString?, message: OctetString?, ack: RICcontrolAckRequest?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.ricCallProcessID: cpid = try d.decodeOctets("RICcallProcessID")
            case E2APIE.ricControlHeader: header = try d.decodeOctets("RICcontrolHeader")
            case E2APIE.ricControlMessage: message = try d.decodeOctets("RICcontrolMessage")
            case E2APIE.ricControlAckRequest: ack = try d.component("RICcontrolAckRequest") { try RICcontrolAckRequest(aper: &$0) }
            default: return false
            }
            return true
        }) {
            RICcontrolRequest(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"),
                ricCallProcessID: cpid,
                ricControlHeader: try mandatoryIE(header, id: E2APIE.ricControlHeader, "RICcontrolHeader"),
                ricControlMessage: try mandatoryIE(message, id: E2APIE.ricControlMessage, "RICcontrolMessage"),
                ricControlAckRequest: ack)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
            if let cpid = ricCallProcessID { try e.ieOctets(E2APIE.ricCallProcessID, .reject, &n, cpid, "RICcallProcessID") }
            try e.ieOctets(E2APIE.ricControlHeader, .reject, &n, ricControlHeader, "RICcontrolHeader")
            try e.ieOctets(E2APIE.ricControlMessage, .reject, &n, ricControlMessage, "RICcontrolMessage")
            if let ack = ricControlAckRequest { try e.ieValue(E2APIE.ricControlAckRequest, .reject, &n, ack) }
        }
    }
}

/// E2AP `RICcontrolAcknowledge`.
public struct RICcontrolAcknowledge: E2APMessageBody {
    public static let procedure = E2APProcedure.ricControl
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "RICcontrolAcknowledge"

    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    public var ricCallProcessID: OctetString?
    public var ricControlOutcome: OctetString?

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, ricCallProcessID: OctetString? = nil, ricControlOutcome: OctetString? = nil) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.ricCallProcessID = ricCallProcessID
        self.ricControlOutcome = ricControlOutcome
    }

    public init(aper d: inout APERDecoder) throws {
        var req: RICrequestID?, fn: Int?, cpid: OctetString?, outcome: OctetString?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.ricCallProcessID: cpid = try d.decodeOctets("RICcallProcessID")
            case E2APIE.ricControlOutcome: outcome = try d.decodeOctets("RICcontrolOutcome")
            default: return false
            }
            return true
        }) {
            RICcontrolAcknowledge(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"),
                ricCallProcessID: cpid, ricControlOutcome: outcome)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
            if let cpid = ricCallProcessID { try e.ieOctets(E2APIE.ricCallProcessID, .reject, &n, cpid, "RICcallProcessID") }
            if let outcome = ricControlOutcome { try e.ieOctets(E2APIE.ricControlOutcome, .reject, &n, outcome, "RICcontrolOutcome") }
        }
    }
}

/// E2AP `RICcontrolFailure`.
public struct RICcontrolFailure: E2APMessageBody {
    public static let procedure = E2APProcedure.ricControl
    public static let messageType = E2APMessageType.unsuccessfulOutcome
    public static let name = "RICcontrolFailure"

    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    public var ricCallProcessID: OctetString?
    public var cause: Cause
    public var ricControlOutcome: OctetString?
    public var criticalityDiagnostics: CriticalityDiagnostics?

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, ricCallProcessID: OctetString? = nil, cause: Cause, ricControlOutcome: OctetString? = nil, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.ricCallProcessID = ricCallProcessID
        self.cause = cause
        self.ricControlOutcome = ricControlOutcome
        self.criticalityDiagnostics = criticalityDiagnostics
    }

    public init(aper d: inout APERDecoder) throws {
        var req: RICrequestID?, fn: Int?, cpid: OctetString?, cause: Cause?, outcome: OctetString?, diag: CriticalityDiagnostics?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.ricCallProcessID: cpid = try d.decodeOctets("RICcallProcessID")
            case E2APIE.cause: cause = try Cause(aper: &d)
            case E2APIE.ricControlOutcome: outcome = try d.decodeOctets("RICcontrolOutcome")
            case E2APIE.criticalityDiagnostics: diag = try CriticalityDiagnostics(aper: &d)
            default: return false
            }
            return true
        }) {
            RICcontrolFailure(
                ricRequestID: try mandatoryIE(req, id: E2APIE.ricRequestID, "RICrequestID"),
                ranFunctionID: try mandatoryIE(fn, id: E2APIE.ranFunctionID, "RANfunctionID"),
                ricCallProcessID: cpid,
                cause: try mandatoryIE(cause, id: E2APIE.cause, "Cause"),
                ricControlOutcome: outcome, criticalityDiagnostics: diag)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID)
            try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, ranFunctionID, in: ranFunctionIDRange, "RANfunctionID")
            if let cpid = ricCallProcessID { try e.ieOctets(E2APIE.ricCallProcessID, .reject, &n, cpid, "RICcallProcessID") }
            try e.ieValue(E2APIE.cause, .ignore, &n, cause)
            if let outcome = ricControlOutcome { try e.ieOctets(E2APIE.ricControlOutcome, .reject, &n, outcome, "RICcontrolOutcome") }
            if let criticalityDiagnostics { try e.ieValue(E2APIE.criticalityDiagnostics, .ignore, &n, criticalityDiagnostics) }
        }
    }
}
