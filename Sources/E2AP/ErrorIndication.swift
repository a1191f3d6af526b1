import APER

/// E2AP `ErrorIndication`: either side reports an error in a received message.
public struct ErrorIndication: E2APMessageBody {
    public static let procedure = E2APProcedure.errorIndication
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "ErrorIndication"

    public var transactionID: Int?
    public var ricRequestID: RICrequestID?
    public var ranFunctionID: Int?
    public var cause: Cause?
    public var criticalityDiagnostics: CriticalityDiagnostics?

    public init(transactionID: Int? = nil, ricRequestID: RICrequestID? = nil, ranFunctionID: Int? = nil, cause: Cause? = nil, criticalityDiagnostics: CriticalityDiagnostics? = nil) {
        self.transactionID = transactionID
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.cause = cause
        self.criticalityDiagnostics = criticalityDiagnostics
    }

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?, req: RICrequestID?, fn: Int?, cause: Cause?, diag: CriticalityDiagnostics?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.ricRequestID: req = try RICrequestID(aper: &d)
            case E2APIE.ranFunctionID: fn = try d.decodeInt(in: ranFunctionIDRange, "RANfunctionID")
            case E2APIE.cause: cause = try Cause(aper: &d)
            case E2APIE.criticalityDiagnostics: diag = try CriticalityDiagnostics(aper: &d)
            default: return false
            }
            return true
        }) {
            ErrorIndication(transactionID: tid, ricRequestID: req, ranFunctionID: fn, cause: cause, criticalityDiagnostics: diag)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            if let tid = transactionID { try e.ieInteger(E2APIE.transactionID, .reject, &n, tid, in: transactionIDRange, extensible: true, "TransactionID") }
            if let ricRequestID { try e.ieValue(E2APIE.ricRequestID, .reject, &n, ricRequestID) }
            if let fn = ranFunctionID { try e.ieInteger(E2APIE.ranFunctionID, .reject, &n, fn, in: ranFunctionIDRange, "RANfunctionID") }
            if let cause { try e.ieValue(E2APIE.cause, .ignore, &n, cause) }
            if let criticalityDiagnostics { try e.ieValue(E2APIE.criticalityDiagnostics, .ignore, &n, criticalityDiagnostics) }
        }
    }
}
