import APER

/// Every F1AP message this version decodes, as one enum to switch over; `unknown` keeps a
/// procedure this version does not model (Paging, SystemInformationDelivery, GNBCUConfigurationUpdate, …)
/// as its raw open-type bytes, so it can be logged or forwarded unchanged.
public enum F1APMessage: Hashable, Sendable {
    case f1SetupRequest(F1SetupRequest)
    case f1SetupResponse(F1SetupResponse)
    case f1SetupFailure(F1SetupFailure)
    case gnbDUConfigurationUpdate(GNBDUConfigurationUpdate)
    case gnbDUConfigurationUpdateAcknowledge(GNBDUConfigurationUpdateAcknowledge)
    case gnbDUConfigurationUpdateFailure(GNBDUConfigurationUpdateFailure)
    case initialULRRCMessageTransfer(InitialULRRCMessageTransfer)
    case dlRRCMessageTransfer(DLRRCMessageTransfer)
    case ulRRCMessageTransfer(ULRRCMessageTransfer)
    case ueContextSetupRequest(UEContextSetupRequest)
    case ueContextSetupResponse(UEContextSetupResponse)
    case ueContextSetupFailure(UEContextSetupFailure)
    case ueContextModificationRequest(UEContextModificationRequest)
    case ueContextModificationResponse(UEContextModificationResponse)
    case ueContextReleaseRequest(UEContextReleaseRequest)
    case ueContextReleaseCommand(UEContextReleaseCommand)
    case ueContextReleaseComplete(UEContextReleaseComplete)
    case reset(Reset)
    case resetAcknowledge(ResetAcknowledge)
    case errorIndication(ErrorIndication)
    case unknown(UnknownF1APMessage)

    /// The message as its body type (nil for `unknown`).
    public var body: (any F1APMessageBody)? {
        switch self {
        case let .f1SetupRequest(v): return v
        case let .f1SetupResponse(v): return v
        case let .f1SetupFailure(v): return v
        case let .gnbDUConfigurationUpdate(v): return v
        case let .gnbDUConfigurationUpdateAcknowledge(v): return v
        case let .gnbDUConfigurationUpdateFailure(v): return v
        case let .initialULRRCMessageTransfer(v): return v
        case let .dlRRCMessageTransfer(v): return v
        case let .ulRRCMessageTransfer(v): return v
        case let .ueContextSetupRequest(v): return v
        case let .ueContextSetupResponse(v): return v
        case let .ueContextSetupFailure(v): return v
        case let .ueContextModificationRequest(v): return v
        case let .ueContextModificationResponse(v): return v
        case let .ueContextReleaseRequest(v): return v
        case let .ueContextReleaseCommand(v): return v
        case let .ueContextReleaseComplete(v): return v
        case let .reset(v): return v
        case let .resetAcknowledge(v): return v
        case let .errorIndication(v): return v
        case .unknown: return nil
        }
    }

    /// Wraps a body; nil if its type is not one of the cases.
    public static func wrap(_ body: any F1APMessageBody) -> F1APMessage? {
        if let v = body as? F1SetupRequest { return .f1SetupRequest(v) }
        if let v = body as? F1SetupResponse { return .f1SetupResponse(v) }
        if let v = body as? F1SetupFailure { return .f1SetupFailure(v) }
        if let v = body as? GNBDUConfigurationUpdate { return .gnbDUConfigurationUpdate(v) }
        if let v = body as? GNBDUConfigurationUpdateAcknowledge { return .gnbDUConfigurationUpdateAcknowledge(v) }
        if let v = body as? GNBDUConfigurationUpdateFailure { return .gnbDUConfigurationUpdateFailure(v) }
        if let v = body as? InitialULRRCMessageTransfer { return .initialULRRCMessageTransfer(v) }
        if let v = body as? DLRRCMessageTransfer { return .dlRRCMessageTransfer(v) }
        if let v = body as? ULRRCMessageTransfer { return .ulRRCMessageTransfer(v) }
        if let v = body as? UEContextSetupRequest { return .ueContextSetupRequest(v) }
        if let v = body as? UEContextSetupResponse { return .ueContextSetupResponse(v) }
        if let v = body as? UEContextSetupFailure { return .ueContextSetupFailure(v) }
        if let v = body as? UEContextModificationRequest { return .ueContextModificationRequest(v) }
        if let v = body as? UEContextModificationResponse { return .ueContextModificationResponse(v) }
        if let v = body as? UEContextReleaseRequest { return .ueContextReleaseRequest(v) }
        if let v = body as? UEContextReleaseCommand { return .ueContextReleaseCommand(v) }
        if let v = body as? UEContextReleaseComplete { return .ueContextReleaseComplete(v) }
        if let v = body as? Reset { return .reset(v) }
        if let v = body as? ResetAcknowledge { return .resetAcknowledge(v) }
        if let v = body as? ErrorIndication { return .errorIndication(v) }
        return nil
    }

    /// All message body types, the lookup table for decoding.
    public static let bodyTypes: [any F1APMessageBody.Type] = [
        F1SetupRequest.self,
        F1SetupResponse.self,
        F1SetupFailure.self,
        GNBDUConfigurationUpdate.self,
        GNBDUConfigurationUpdateAcknowledge.self,
        GNBDUConfigurationUpdateFailure.self,
        InitialULRRCMessageTransfer.self,
        DLRRCMessageTransfer.self,
        ULRRCMessageTransfer.self,
        UEContextSetupRequest.self,
        UEContextSetupResponse.self,
        UEContextSetupFailure.self,
        UEContextModificationRequest.self,
        UEContextModificationResponse.self,
        UEContextReleaseRequest.self,
        UEContextReleaseCommand.self,
        UEContextReleaseComplete.self,
        Reset.self,
        ResetAcknowledge.self,
        ErrorIndication.self,
    ]

    public var name: String {
        if case let .unknown(u) = self { return "unknown procedure \(u.procedureCode) \(u.messageType.rawValue)" }
        return type(of: body!).name
    }

    public var procedureCode: Int {
        if case let .unknown(u) = self { return u.procedureCode }
        return type(of: body!).procedure.code
    }

    public var messageType: F1APMessageType {
        if case let .unknown(u) = self { return u.messageType }
        return type(of: body!).messageType
    }
}
