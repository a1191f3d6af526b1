import APER

/// E2AP `E2setupRequest` (E2 node → RIC).
public struct E2setupRequest: E2APMessageBody {
    public static let procedure = E2APProcedure.e2setup
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "E2setupRequest"

    public var transactionID: Int
    public var globalE2nodeID: GlobalE2nodeID
    public var ranFunctionsAdded: [RANfunctionItem]
    public var e2nodeComponentConfigAddition: [E2nodeComponentConfigItem]

    public init(transactionID: Int, globalE2nodeID: GlobalE2nodeID, ranFunctionsAdded: [RANfunctionItem], e2nodeComponentConfigAddition: [E2nodeComponentConfigItem]) {
        self.transactionID = transactionID
        self.globalE2nodeID = globalE2nodeID
        self.ranFunctionsAdded = ranFunctionsAdded
        self.e2nodeComponentConfigAddition = e2nodeComponentConfigAddition
    }

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?, node: GlobalE2nodeID?, functions: [RANfunctionItem]?, components: [E2nodeComponentConfigItem]?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.globalE2nodeID: node = try GlobalE2nodeID(aper: &d)
            case E2APIE.ranFunctionsAdded: functions = try d.decodeSingleContainerList(size: 1...256, id: E2APIE.ranFunctionItem, "RANfunctions-List") { try RANfunctionItem(aper: &$0) }
            case E2APIE.e2nodeComponentConfigAddition: components = try d.decodeSingleContainerList(size: 1...1024, id: E2APIE.e2nodeComponentConfigAdditionItem, "E2nodeComponentConfigAddition-List") { try E2nodeComponentConfigItem(aper: &$0) }
            default: return false
            }
            return true
        }) {
            E2setupRequest(
                transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"),
                globalE2nodeID: try mandatoryIE(node, id: E2APIE.globalE2nodeID, "GlobalE2node-ID"),
                ranFunctionsAdded: try mandatoryIE(functions, id: E2APIE.ranFunctionsAdded, "RANfunctionsAdded"),
                e2nodeComponentConfigAddition: try mandatoryIE(components, id: E2APIE.e2nodeComponentConfigAddition, "E2nodeComponentConfigAddition"))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            try e.ieValue(E2APIE.globalE2nodeID, .reject, &n, globalE2nodeID)
            try e.ie(E2APIE.ranFunctionsAdded, .reject, &n) { e in
                try e.encodeSingleContainerList(ranFunctionsAdded, size: 1...256, id: E2APIE.ranFunctionItem, criticality: .ignore, "RANfunctions-List") { try $1.encode(aper: &$0) }
            }
            try e.ie(E2APIE.e2nodeComponentConfigAddition, .reject, &n) { e in
                try e.encodeSingleContainerList(e2nodeComponentConfigAddition, size: 1...1024, id: E2APIE.e2nodeComponentConfigAdditionItem, criticality: .reject, "E2nodeComponentConfigAddition-List") { try $1.encode(aper: &$0) }
            }
        }
    }
}

/// E2AP `E2setupResponse` (RIC → E2 node).
public struct E2setupResponse: E2APMessageBody {
    public static let procedure = E2APProcedure.e2setup
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "E2setupResponse"

    public var transactionID: Int
    public var globalRICID: GlobalRICID
    public var ranFunctionsAccepted: [RANfunctionIDItem]?
    public var ranFunctionsRejected: [RANfunctionIDCauseItem]?
    public var e2nodeComponentConfigAdditionAck: [E2nodeComponentConfigAckItem]

    public init(transactionID: Int, globalRICID: GlobalRICID, ranFunctionsAccepted: [RANfunctionIDItem]? = nil, ranFunctionsRejected: [RANfunctionIDCauseItem]? = nil, e2nodeComponentConfigAdditionAck: [E2nodeComponentConfigAckItem]) {
        self.transactionID = transactionID
        self.globalRICID = globalRICID
        self.ranFunctionsAccepted = ranFunctionsAccepted
        self.ranFunctionsRejected = ranFunctionsRejected
        self.e2nodeComponentConfigAdditionAck = e2nodeComponentConfigAdditionAck
    }

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?, ric: GlobalRICID?, accepted: [RANfunctionIDItem]?, rejected: [RANfunctionIDCauseItem]?, acks: [E2nodeComponentConfigAckItem]?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.globalRICID: ric = try GlobalRICID(aper: &d)
            case E2APIE.ranFunctionsAccepted: accepted = try d.decodeRANfunctionIDList()
            case E2APIE.ranFunctionsRejected: rejected = try d.decodeRANfunctionIDCauseList()
            case E2APIE.e2nodeComponentConfigAdditionAck: acks = try d.decodeSingleContainerList(size: 1...1024, id: E2APIE.e2nodeComponentConfigAdditionAckItem, "E2nodeComponentConfigAdditionAck-List") { try E2nodeComponentConfigAckItem(aper: &$0) }
            default: return false
            }
            return true
        }) {
            E2setupResponse(
                transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"),
                globalRICID: try mandatoryIE(ric, id: E2APIE.globalRICID, "GlobalRIC-ID"),
                ranFunctionsAccepted: accepted, ranFunctionsRejected: rejected,
                e2nodeComponentConfigAdditionAck: try mandatoryIE(acks, id: E2APIE.e2nodeComponentConfigAdditionAck, "E2nodeComponentConfigAdditionAck"))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            try e.ieValue(E2APIE.globalRICID, .reject, &n, globalRICID)
            if let ranFunctionsAccepted { try e.ie(E2APIE.ranFunctionsAccepted, .reject, &n) { try $0.encodeRANfunctionIDList(ranFunctionsAccepted) } }
            if let ranFunctionsRejected { try e.ie(E2APIE.ranFunctionsRejected, .reject, &n) { try $0.encodeRANfunctionIDCauseList(ranFunctionsRejected) } }
            try e.ie(E2APIE.e2nodeComponentConfigAdditionAck, .reject, &n) { e in
                try e.encodeSingleContainerList(e2nodeComponentConfigAdditionAck, size: 1...1024, id: E2APIE.e2nodeComponentConfigAdditionAckItem, criticality: .reject, "E2nodeComponentConfigAdditionAck-List") { try $1.encode(aper: &$0) }
            }
        }
    }
}

/// E2AP `E2setupFailure`.
public struct E2setupFailure: E2APMessageBody {
    public static let procedure = E2APProcedure.e2setup
    public static let messageType = E2APMessageType.unsuccessfulOutcome
    public static let name = "E2setupFailure"

    public var transactionID: Int
    public var cause: Cause
    public var timeToWait: TimeToWait?
    public var criticalityDiagnostics: CriticalityDiagnostics?
    public var tnlInformation: TNLinformation?

    public init(transactionID: Int, cause: Cause, timeToWait: TimeToWait? = nil, criticalityDiagnostics: CriticalityDiagnostics? = nil, tnlInformation: TNLinformation? = nil) {
        self.transactionID = transactionID
        self.cause = cause
        self.timeToWait = timeToWait
        self.criticalityDiagnostics = criticalityDiagnostics
        self.tnlInformation = tnlInformation
    }

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?, cause: Cause?, wait: TimeToWait?, diag: CriticalityDiagnostics?, tnl: TNLinformation?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.cause: cause = try Cause(aper: &d)
            case E2APIE.timeToWait: wait = try d.component("TimeToWait") { try TimeToWait(aper: &$0) }
            case E2APIE.criticalityDiagnostics: diag = try CriticalityDiagnostics(aper: &d)
            case E2APIE.tnlInformation: tnl = try TNLinformation(aper: &d)
            default: return false
            }
            return true
        }) {
            E2setupFailure(
                transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"),
                cause: try mandatoryIE(cause, id: E2APIE.cause, "Cause"),
                timeToWait: wait, criticalityDiagnostics: diag, tnlInformation: tnl)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            try e.ieValue(E2APIE.cause, .ignore, &n, cause)
            if let timeToWait { try e.ieValue(E2APIE.timeToWait, .ignore, &n, timeToWait) }
            if let criticalityDiagnostics { try e.ieValue(E2APIE.criticalityDiagnostics, .ignore, &n, criticalityDiagnostics) }
            if let tnlInformation { try e.ieValue(E2APIE.tnlInformation, .ignore, &n, tnlInformation) }
        }
    }
}

// MARK: lists shared by several messages

extension APERDecoder {
    mutating func decodeRANfunctionIDList() throws -> [RANfunctionIDItem] {
        try decodeSingleContainerList(size: 1...256, id: E2APIE.ranFunctionIDItem, "RANfunctionsID-List") { try RANfunctionIDItem(aper: &$0) }
    }

    mutating func decodeRANfunctionIDCauseList() throws -> [RANfunctionIDCauseItem] {
        try decodeSingleContainerList(size: 1...256, id: E2APIE.ranFunctionIEcauseItem, "RANfunctionsIDcause-List") { try RANfunctionIDCauseItem(aper: &$0) }
    }

    mutating func decodeRANfunctionsList() throws -> [RANfunctionItem] {
        try decodeSingleContainerList(size: 1...256, id: E2APIE.ranFunctionItem, "RANfunctions-List") { try RANfunctionItem(aper: &$0) }
    }
}

extension APEREncoder {
    mutating func encodeRANfunctionIDList(_ items: [RANfunctionIDItem]) throws {
        try encodeSingleContainerList(items, size: 1...256, id: E2APIE.ranFunctionIDItem, criticality: .ignore, "RANfunctionsID-List") { try $1.encode(aper: &$0) }
    }

    mutating func encodeRANfunctionIDCauseList(_ items: [RANfunctionIDCauseItem]) throws {
        try encodeSingleContainerList(items, size: 1...256, id: E2APIE.ranFunctionIEcauseItem, criticality: .ignore, "RANfunctionsIDcause-List") { try $1.encode(aper: &$0) }
    }

    mutating func encodeRANfunctionsList(_ items: [RANfunctionItem]) throws {
        try encodeSingleContainerList(items, size: 1...256, id: E2APIE.ranFunctionItem, criticality: .ignore, "RANfunctions-List") { try $1.encode(aper: &$0) }
    }
}
