import APER

/// E2AP `RICsubsequentAction`.
public struct RICsubsequentAction: Hashable, Sendable, Codable, APERCodable {
    public var ricSubsequentActionType: RICsubsequentActionType
    public var ricTimeToWait: RICtimeToWait

    public init(ricSubsequentActionType: RICsubsequentActionType, ricTimeToWait: RICtimeToWait) {
        self.ricSubsequentActionType = ricSubsequentActionType
        self.ricTimeToWait = ricTimeToWait
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "RICsubsequentAction") { d in
            RICsubsequentAction(
                ricSubsequentActionType: try d.component("ricSubsequentActionType") { try RICsubsequentActionType(aper: &$0) },
                ricTimeToWait: try d.component("ricTimeToWait") { try RICtimeToWait(aper: &$0) })
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try ricSubsequentActionType.encode(aper: &e)
        try ricTimeToWait.encode(aper: &e)
    }
}

/// E2AP `RICaction-ToBeSetup-Item`: one action of a subscription, its E2SM action definition,
/// and (new in v3.00, an extension addition) its execution order.
public struct RICactionToBeSetupItem: Hashable, Sendable, Codable, APERCodable {
    public var ricActionID: Int
    public var ricActionType: RICactionType
    public var ricActionDefinition: OctetString?
    public var ricSubsequentAction: RICsubsequentAction?
    /// `RICactionExecutionOrder ::= INTEGER (0..255, ...)`, an extension addition.
    public var ricActionExecutionOrder: Int?

    public init(ricActionID: Int, ricActionType: RICactionType, ricActionDefinition: OctetString? = nil, ricSubsequentAction: RICsubsequentAction? = nil, ricActionExecutionOrder: Int? = nil) {
        self.ricActionID = ricActionID
        self.ricActionType = ricActionType
        self.ricActionDefinition = ricActionDefinition
        self.ricSubsequentAction = ricSubsequentAction
        self.ricActionExecutionOrder = ricActionExecutionOrder
    }

    public init(aper d: inout APERDecoder) throws {
        self = try d.component("RICaction-ToBeSetup-Item") { d in
            let (extended, p) = try d.decodeSequencePreamble(extensible: true, optionalCount: 2)
            var item = RICactionToBeSetupItem(
                ricActionID: Int(try d.decodeInteger(in: ricActionIDRange, "ricActionID")),
                ricActionType: try d.component("ricActionType") { try RICactionType(aper: &$0) },
                ricActionDefinition: p[0] ? OctetString(try d.decodeOctetString(nil, "ricActionDefinition")) : nil,
                ricSubsequentAction: p[1] ? try RICsubsequentAction(aper: &d) : nil)
            if extended {
                try d.decodeExtensionAdditions(known: 1) { d, _ in
                    item.ricActionExecutionOrder = Int(try d.decodeInteger(in: 0...255, extensible: true, "ricActionExecutionOrder"))
                }
            }
            return item
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true, extended: ricActionExecutionOrder != nil, optionalCount: 2, present: presence(ricActionDefinition != nil, ricSubsequentAction != nil))
        try e.encodeInteger(Int64(ricActionID), in: ricActionIDRange, "ricActionID")
        try ricActionType.encode(aper: &e)
        if let ricActionDefinition { try e.encodeOctetString(ricActionDefinition.bytes, "ricActionDefinition") }
        try ricSubsequentAction?.encode(aper: &e)
        if let order = ricActionExecutionOrder {
            try e.encodeExtensionAdditions(count: 1, present: { _ in true }) { e, _ in
                try e.encodeInteger(Int64(order), in: 0...255, extensible: true, "ricActionExecutionOrder")
            }
        }
    }
}

/// E2AP `RICsubscriptionDetails`: the E2SM event trigger and the actions to set up.
public struct RICsubscriptionDetails: Hashable, Sendable, Codable, APERCodable {
    public var ricEventTriggerDefinition: OctetString
    public var ricActionToBeSetupList: [RICactionToBeSetupItem]

    public init(ricEventTriggerDefinition: OctetString, ricActionToBeSetupList: [RICactionToBeSetupItem]) {
        self.ricEventTriggerDefinition = ricEventTriggerDefinition
        self.ricActionToBeSetupList = ricActionToBeSetupList
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "RICsubscriptionDetails") { d in
            RICsubscriptionDetails(
                ricEventTriggerDefinition: OctetString(try d.decodeOctetString(nil, "ricEventTriggerDefinition")),
                ricActionToBeSetupList: try d.decodeSingleContainerList(size: 1...16, id: E2APIE.ricActionToBeSetupItem, "ricAction-ToBeSetup-List") { try RICactionToBeSetupItem(aper: &$0) })
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e.encodeOctetString(ricEventTriggerDefinition.bytes, "ricEventTriggerDefinition")
        try e.encodeSingleContainerList(ricActionToBeSetupList, size: 1...16, id: E2APIE.ricActionToBeSetupItem, criticality: .ignore, "ricAction-ToBeSetup-List") { try $1.encode(aper: &$0) }
    }
}

/// E2AP `RICaction-NotAdmitted-Item` (also the shape of the modification lists' "refused"/"failed" items).
public struct RICactionNotAdmittedItem: Hashable, Sendable, Codable, APERCodable {
    public var ricActionID: Int
    public var cause: Cause

    public init(ricActionID: Int, cause: Cause) {
        self.ricActionID = ricActionID
        self.cause = cause
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "RICaction-NotAdmitted-Item") { d in
            RICactionNotAdmittedItem(ricActionID: Int(try d.decodeInteger(in: ricActionIDRange, "ricActionID")), cause: try Cause(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e.encodeInteger(Int64(ricActionID), in: ricActionIDRange, "ricActionID")
        try cause.encode(aper: &e)
    }
}

/// E2AP `RICsubscription-withCause-Item`.
public struct RICsubscriptionWithCauseItem: Hashable, Sendable, Codable, APERCodable {
    public var ricRequestID: RICrequestID
    public var ranFunctionID: Int
    public var cause: Cause

    public init(ricRequestID: RICrequestID, ranFunctionID: Int, cause: Cause) {
        self.ricRequestID = ricRequestID
        self.ranFunctionID = ranFunctionID
        self.cause = cause
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "RICsubscription-withCause-Item") { d in
            RICsubscriptionWithCauseItem(
                ricRequestID: try RICrequestID(aper: &d),
                ranFunctionID: Int(try d.decodeInteger(in: ranFunctionIDRange, "ranFunctionID")),
                cause: try Cause(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try ricRequestID.encode(aper: &e)
        try e.encodeInteger(Int64(ranFunctionID), in: ranFunctionIDRange, "ranFunctionID")
        try cause.encode(aper: &e)
    }
}

extension APERDecoder {
    /// `RICaction-Admitted-Item ::= SEQUENCE { ricActionID, ... }`
    mutating func decodeAdmittedActionID() throws -> Int {
        try extensibleSequence(&self, "RICaction-Admitted-Item") { d in Int(try d.decodeInteger(in: ricActionIDRange, "ricActionID")) }
    }
}

extension APEREncoder {
    mutating func encodeAdmittedActionID(_ id: Int) throws {
        encodeSequencePreamble(extensible: true)
        try encodeInteger(Int64(id), in: ricActionIDRange, "ricActionID")
    }
}
