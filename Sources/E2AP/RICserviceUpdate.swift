import APER

/// E2AP `RICserviceUpdate` (E2 node → RIC): RAN functions added, modified or deleted.
public struct RICserviceUpdate: E2APMessageBody {
    public static let procedure = E2APProcedure.ricServiceUpdate
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "RICserviceUpdate"

    public var transactionID: Int
    public var ranFunctionsAdded: [RANfunctionItem]?
    public var ranFunctionsModified: [RANfunctionItem]?
    public var ranFunctionsDeleted: [RANfunctionIDItem]?

    public init(transactionID: Int, ranFunctionsAdded: [RANfunctionItem]? = nil, ranFunctionsModified: [RANfunctionItem]? = nil, ranFunctionsDeleted: [RANfunctionIDItem]? = nil) {
        self.transactionID = transactionID
        self.ranFunctionsAdded = ranFunctionsAdded
        self.ranFunctionsModified = ranFunctionsModified
        self.ranFunctionsDeleted = ranFunctionsDeleted
    }

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?, added: [RANfunctionItem]?, modified: [RANfunctionItem]?, deleted: [RANfunctionIDItem]?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.ranFunctionsAdded: added = try d.decodeRANfunctionsList()
            case E2APIE.ranFunctionsModified: modified = try d.decodeRANfunctionsList()
            case E2APIE.ranFunctionsDeleted: deleted = try d.decodeRANfunctionIDList()
            default: return false
            }
            return true
        }) {
            RICserviceUpdate(transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"), ranFunctionsAdded: added, ranFunctionsModified: modified, ranFunctionsDeleted: deleted)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            if let added = ranFunctionsAdded { try e.ie(E2APIE.ranFunctionsAdded, .reject, &n) { try $0.encodeRANfunctionsList(added) } }
            if let modified = ranFunctionsModified { try e.ie(E2APIE.ranFunctionsModified, .reject, &n) { try $0.encodeRANfunctionsList(modified) } }
            if let deleted = ranFunctionsDeleted { try e.ie(E2APIE.ranFunctionsDeleted, .reject, &n) { try $0.encodeRANfunctionIDList(deleted) } }
        }
    }
}

/// E2AP `RICserviceUpdateAcknowledge`.
public struct RICserviceUpdateAcknowledge: E2APMessageBody {
    public static let procedure = E2APProcedure.ricServiceUpdate
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "RICserviceUpdateAcknowledge"

    public var transactionID: Int
    public var ranFunctionsAccepted: [RANfunctionIDItem]?
    public var ranFunctionsRejected: [RANfunctionIDCauseItem]?

    public init(transactionID: Int, ranFunctionsAccepted: [RANfunctionIDItem]? = nil, ranFunctionsRejected: [RANfunctionIDCauseItem]? = nil) {
        self.transactionID = transactionID
        self.ranFunctionsAccepted = ranFunctionsAccepted
        self.ranFunctionsRejected = ranFunctionsRejected
    }

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?, accepted: [RANfunctionIDItem]?, rejected: [RANfunctionIDCauseItem]?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.ranFunctionsAccepted: accepted = try d.decodeRANfunctionIDList()
            case E2APIE.ranFunctionsRejected: rejected = try d.decodeRANfunctionIDCauseList()
            default: return false
            }
            return true
        }) {
            RICserviceUpdateAcknowledge(transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"), ranFunctionsAccepted: accepted, ranFunctionsRejected: rejected)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            if let accepted = ranFunctionsAccepted { try e.ie(E2APIE.ranFunctionsAccepted, .reject, &n) { try $0.encodeRANfunctionIDList(accepted) } }
            if let rejected = ranFunctionsRejected { try e.ie(E2APIE.ranFunctionsRejected, .reject, &n) { try $0.encodeRANfunctionIDCauseList(rejected) } }
        }
    }
}
