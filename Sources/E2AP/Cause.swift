import APER

/// E2AP `Cause`: why a procedure or an item failed.
public enum Cause: Hashable, Sendable {
    case ricRequest(CauseRICrequest)
    case ricService(CauseRICservice)
    case e2Node(CauseE2node)
    case transport(CauseTransport)
    case `protocol`(CauseProtocol)
    case misc(CauseMisc)
}

/// E2AP `CauseRICrequest`.
public enum CauseRICrequest: String, APEREnumerated, Codable, Hashable, Sendable {
    case ranFunctionIDInvalid = "ran-function-id-invalid"
    case actionNotSupported = "action-not-supported"
    case excessiveActions = "excessive-actions"
    case duplicateAction = "duplicate-action"
    case duplicateEventTrigger = "duplicate-event-trigger"
    case functionResourceLimit = "function-resource-limit"
    case requestIDUnknown = "request-id-unknown"
    case inconsistentActionSubsequentActionSequence = "inconsistent-action-subsequent-action-sequence"
    case controlMessageInvalid = "control-message-invalid"
    case ricCallProcessIDInvalid = "ric-call-process-id-invalid"
    case controlTimerExpired = "control-timer-expired"
    case controlFailedToExecute = "control-failed-to-execute"
    case systemNotReady = "system-not-ready"
    case unspecified
    // extension values
    case ricSubscriptionEndTimeExpired = "ric-subscription-end-time-expired"
    case ricSubscriptionEndTimeInvalid = "ric-subscription-end-time-invalid"
    case duplicateRICRequestID = "duplicate-ric-request-id"
    case eventTriggerNotSupported
    case requestedInformationUnavailable = "requested-information-unavailable"
    case invalidInformationRequest = "invalid-information-request"
    public static var rootCount: Int { 14 }
    public static var isExtensible: Bool { true }
}

/// E2AP `CauseRICservice`.
public enum CauseRICservice: String, APEREnumerated, Codable, Hashable, Sendable {
    case ranFunctionNotSupported = "ran-function-not-supported"
    case excessiveFunctions = "excessive-functions"
    case ricResourceLimit = "ric-resource-limit"
    public static var isExtensible: Bool { true }
}

/// E2AP `CauseE2node`.
public enum CauseE2node: String, APEREnumerated, Codable, Hashable, Sendable {
    case e2nodeComponentUnknown = "e2node-component-unknown"
    public static var isExtensible: Bool { true }
}

/// E2AP `CauseTransport`.
public enum CauseTransport: String, APEREnumerated, Codable, Hashable, Sendable {
    case unspecified
    case transportResourceUnavailable = "transport-resource-unavailable"
    public static var isExtensible: Bool { true }
}

/// E2AP `CauseProtocol`.
public enum CauseProtocol: String, APEREnumerated, Codable, Hashable, Sendable {
    case transferSyntaxError = "transfer-syntax-error"
    case abstractSyntaxErrorReject = "abstract-syntax-error-reject"
    case abstractSyntaxErrorIgnoreAndNotify = "abstract-syntax-error-ignore-and-notify"
    case messageNotCompatibleWithReceiverState = "message-not-compatible-with-receiver-state"
    case semanticError = "semantic-error"
    case abstractSyntaxErrorFalselyConstructedMessage = "abstract-syntax-error-falsely-constructed-message"
    case unspecified
    public static var isExtensible: Bool { true }
}

/// E2AP `CauseMisc`.
public enum CauseMisc: String, APEREnumerated, Codable, Hashable, Sendable {
    case controlProcessingOverload = "control-processing-overload"
    case hardwareFailure = "hardware-failure"
    case omIntervention = "om-intervention"
    case unspecified
    public static var isExtensible: Bool { true }
}

extension Cause: APERCodable {
    public init(aper d: inout APERDecoder) throws {
        self = try d.component("Cause") { d in
            switch try d.decodeChoiceIndex(rootCount: 6, extensible: true) {
            case 0: return .ricRequest(try d.component("ricRequest") { try CauseRICrequest(aper: &$0) })
            case 1: return .ricService(try d.component("ricService") { try CauseRICservice(aper: &$0) })
            case 2: return .e2Node(try d.component("e2Node") { try CauseE2node(aper: &$0) })
            case 3: return .transport(try d.component("transport") { try CauseTransport(aper: &$0) })
            case 4: return .protocol(try d.component("protocol") { try CauseProtocol(aper: &$0) })
            case 5: return .misc(try d.component("misc") { try CauseMisc(aper: &$0) })
            case let other: throw APERError(.unknownAlternative(other), bitOffset: d.position)
            }
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        switch self {
        case let .ricRequest(v): try e.encodeChoiceIndex(0, rootCount: 6, extensible: true); try v.encode(aper: &e)
        case let .ricService(v): try e.encodeChoiceIndex(1, rootCount: 6, extensible: true); try v.encode(aper: &e)
        case let .e2Node(v): try e.encodeChoiceIndex(2, rootCount: 6, extensible: true); try v.encode(aper: &e)
        case let .transport(v): try e.encodeChoiceIndex(3, rootCount: 6, extensible: true); try v.encode(aper: &e)
        case let .protocol(v): try e.encodeChoiceIndex(4, rootCount: 6, extensible: true); try v.encode(aper: &e)
        case let .misc(v): try e.encodeChoiceIndex(5, rootCount: 6, extensible: true); try v.encode(aper: &e)
        }
    }
}

extension Cause: Codable {
    private enum CodingKeys: String, CodingKey { case ricRequest, ricService, e2Node, transport, `protocol`, misc }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("Cause") {
        case .ricRequest: self = .ricRequest(try c.decode(CauseRICrequest.self, forKey: .ricRequest))
        case .ricService: self = .ricService(try c.decode(CauseRICservice.self, forKey: .ricService))
        case .e2Node: self = .e2Node(try c.decode(CauseE2node.self, forKey: .e2Node))
        case .transport: self = .transport(try c.decode(CauseTransport.self, forKey: .transport))
        case .protocol: self = .protocol(try c.decode(CauseProtocol.self, forKey: .protocol))
        case .misc: self = .misc(try c.decode(CauseMisc.self, forKey: .misc))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .ricRequest(v): try c.encode(v, forKey: .ricRequest)
        case let .ricService(v): try c.encode(v, forKey: .ricService)
        case let .e2Node(v): try c.encode(v, forKey: .e2Node)
        case let .transport(v): try c.encode(v, forKey: .transport)
        case let .protocol(v): try c.encode(v, forKey: .protocol)
        case let .misc(v): try c.encode(v, forKey: .misc)
        }
    }
}

extension Cause {
    /// Every Cause value this version defines (for tests and tools).
    public static var allValues: [Cause] {
        CauseRICrequest.allCases.map(Cause.ricRequest) + CauseRICservice.allCases.map(Cause.ricService)
            + CauseE2node.allCases.map(Cause.e2Node) + CauseTransport.allCases.map(Cause.transport)
            + CauseProtocol.allCases.map(Cause.protocol) + CauseMisc.allCases.map(Cause.misc)
    }
}
