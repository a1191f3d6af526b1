import APER

/// Every E2AP message this version decodes, as one enum to switch over; `unknown` keeps a
/// procedure this version does not model (RICsubscriptionModification, RICquery, E2connectionUpdate,
/// RICserviceQuery, …) as its raw open-type bytes, so it can be logged or forwarded unchanged.
public enum E2APMessage: Hashable, Sendable {
    case e2setupRequest(E2setupRequest)
    case e2setupResponse(E2setupResponse)
    case e2setupFailure(E2setupFailure)
    case ricSubscriptionRequest(RICsubscriptionRequest)
    case ricSubscriptionResponse(RICsubscriptionResponse)
    case ricSubscriptionFailure(RICsubscriptionFailure)
    case ricSubscriptionDeleteRequest(RICsubscriptionDeleteRequest)
    case ricSubscriptionDeleteResponse(RICsubscriptionDeleteResponse)
    case ricSubscriptionDeleteFailure(RICsubscriptionDeleteFailure)
    case ricSubscriptionDeleteRequired(RICsubscriptionDeleteRequired)
    case ricIndication(RICindication)
    case ricControlRequest(RICcontrolRequest)
    case ricControlAcknowledge(RICcontrolAcknowledge)
    case ricControlFailure(RICcontrolFailure)
    case errorIndication(ErrorIndication)
    case resetRequest(ResetRequest)
    case resetResponse(ResetResponse)
    case ricServiceUpdate(RICserviceUpdate)
    case ricServiceUpdateAcknowledge(RICserviceUpdateAcknowledge)
    case ricServiceUpdateFailure(RICserviceUpdateFailure)
    case e2nodeConfigurationUpdate(E2nodeConfigurationUpdate)
    case e2nodeConfigurationUpdateAcknowledge(E2nodeConfigurationUpdateAcknowledge)
    case e2nodeConfigurationUpdateFailure(E2nodeConfigurationUpdateFailure)
    case e2RemovalRequest(E2RemovalRequest)
    case e2RemovalResponse(E2RemovalResponse)
    case e2RemovalFailure(E2RemovalFailure)
    case unknown(UnknownE2APMessage)

    /// The message as its body type (nil for `unknown`).
    public var body: (any E2APMessageBody)? {
        switch self {
        case let .e2setupRequest(v): return v
        case let .e2setupResponse(v): return v
        case let .e2setupFailure(v): return v
        case let .ricSubscriptionRequest(v): return v
        case let .ricSubscriptionResponse(v): return v
        case let .ricSubscriptionFailure(v): return v
        case let .ricSubscriptionDeleteRequest(v): return v
        case let .ricSubscriptionDeleteResponse(v): return v
        case let .ricSubscriptionDeleteFailure(v): return v
        case let .ricSubscriptionDeleteRequired(v): return v
        case let .ricIndication(v): return v
        case let .ricControlRequest(v): return v
        case let .ricControlAcknowledge(v): return v
        case let .ricControlFailure(v): return v
        case let .errorIndication(v): return v
        case let .resetRequest(v): return v
        case let .resetResponse(v): return v
        case let .ricServiceUpdate(v): return v
        case let .ricServiceUpdateAcknowledge(v): return v
        case let .ricServiceUpdateFailure(v): return v
        case let .e2nodeConfigurationUpdate(v): return v
        case let .e2nodeConfigurationUpdateAcknowledge(v): return v
        case let .e2nodeConfigurationUpdateFailure(v): return v
        case let .e2RemovalRequest(v): return v
        case let .e2RemovalResponse(v): return v
        case let .e2RemovalFailure(v): return v
        case .unknown: return nil
        }
    }

    /// Wraps a body; nil if its type is not one of the cases.
    public static func wrap(_ body: any E2APMessageBody) -> E2APMessage? {
        if let v = body as? E2setupRequest { return .e2setupRequest(v) }
        if let v = body as? E2setupResponse { return .e2setupResponse(v) }
        if let v = body as? E2setupFailure { return .e2setupFailure(v) }
        if let v = body as? RICsubscriptionRequest { return .ricSubscriptionRequest(v) }
        if let v = body as? RICsubscriptionResponse { return .ricSubscriptionResponse(v) }
        if let v = body as? RICsubscriptionFailure { return .ricSubscriptionFailure(v) }
        if let v = body as? RICsubscriptionDeleteRequest { return .ricSubscriptionDeleteRequest(v) }
        if let v = body as? RICsubscriptionDeleteResponse { return .ricSubscriptionDeleteResponse(v) }
        if let v = body as? RICsubscriptionDeleteFailure { return .ricSubscriptionDeleteFailure(v) }
        if let v = body as? RICsubscriptionDeleteRequired { return .ricSubscriptionDeleteRequired(v) }
        if let v = body as? RICindication { return .ricIndication(v) }
        if let v = body as? RICcontrolRequest { return .ricControlRequest(v) }
        if let v = body as? RICcontrolAcknowledge { return .ricControlAcknowledge(v) }
        if let v = body as? RICcontrolFailure { return .ricControlFailure(v) }
        if let v = body as? ErrorIndication { return .errorIndication(v) }
        if let v = body as? ResetRequest { return .resetRequest(v) }
        if let v = body as? ResetResponse { return .resetResponse(v) }
        if let v = body as? RICserviceUpdate { return .ricServiceUpdate(v) }
        if let v = body as? RICserviceUpdateAcknowledge { return .ricServiceUpdateAcknowledge(v) }
        if let v = body as? RICserviceUpdateFailure { return .ricServiceUpdateFailure(v) }
        if let v = body as? E2nodeConfigurationUpdate { return .e2nodeConfigurationUpdate(v) }
        if let v = body as? E2nodeConfigurationUpdateAcknowledge { return .e2nodeConfigurationUpdateAcknowledge(v) }
        if let v = body as? E2nodeConfigurationUpdateFailure { return .e2nodeConfigurationUpdateFailure(v) }
        if let v = body as? E2RemovalRequest { return .e2RemovalRequest(v) }
        if let v = body as? E2RemovalResponse { return .e2RemovalResponse(v) }
        if let v = body as? E2RemovalFailure { return .e2RemovalFailure(v) }
        return nil
    }

    /// All message body types, the lookup table for decoding.
    public static let bodyTypes: [any E2APMessageBody.Type] = [
        E2setupRequest.self,
        E2setupResponse.self,
        E2setupFailure.self,
        RICsubscriptionRequest.self,
        RICsubscriptionResponse.self,
        RICsubscriptionFailure.self,
        RICsubscriptionDeleteRequest.self,
        RICsubscriptionDeleteResponse.self,
        RICsubscriptionDeleteFailure.self,
        RICsubscriptionDeleteRequired.self,
        RICindication.self,
        RICcontrolRequest.self,
        RICcontrolAcknowledge.self,
        RICcontrolFailure.self,
        ErrorIndication.self,
        ResetRequest.self,
        ResetResponse.self,
        RICserviceUpdate.self,
        RICserviceUpdateAcknowledge.self,
        RICserviceUpdateFailure.self,
        E2nodeConfigurationUpdate.self,
        E2nodeConfigurationUpdateAcknowledge.self,
        E2nodeConfigurationUpdateFailure.self,
        E2RemovalRequest.self,
        E2RemovalResponse.self,
        E2RemovalFailure.self,
    ]

    public var name: String {
        if case let .unknown(u) = self { return "unknown procedure \(u.procedureCode) \(u.messageType.rawValue)" }
        return type(of: body!).name
    }

    public var procedureCode: Int {
        if case let .unknown(u) = self { return u.procedureCode }
        return type(of: body!).procedure.code
    }

    public var messageType: E2APMessageType {
        if case let .unknown(u) = self { return u.messageType }
        return type(of: body!).messageType
    }
}
