import APER

/// What a receiver can still learn from an E2AP-PDU whose body does not decode: the message type,
/// procedure code and criticality, and — when their IEs are intact — the TransactionID and
/// RICrequestID. Enough to answer with an ErrorIndication (or the procedure's failure) that names
/// the procedure and carries criticality diagnostics.
public struct E2APPDUHeader: Hashable, Sendable {
    public var messageType: E2APMessageType
    public var procedureCode: Int
    public var criticality: Criticality
    public var transactionID: Int?
    public var ricRequestID: RICrequestID?

    /// Reads the header; throws only if even the PDU's first octets are malformed.
    public init(aperBytes: [UInt8]) throws {
        var d = APERDecoder(aperBytes)
        let envelope = try ProcedureEnvelope(aper: &d, pduName: "E2AP-PDU", rootCount: 3, extensible: true)
        messageType = E2APMessageType.allCases[envelope.kind]
        procedureCode = envelope.procedureCode
        criticality = envelope.criticality
        // best effort: walk what there is of the IE container (even if the PDU is cut short),
        // decoding only the two identifying IEs
        var transactionID: Int?, ricRequestID: RICrequestID?
        if let length = try? d.readUnconstrainedLength("value") {
            let start = d.position / 8
            var body = APERDecoder(Array(aperBytes[start..<min(aperBytes.count, start + length)]))
            _ = try? body.decodeIEContainer { id, _, value in
                switch id {
                case E2APIE.transactionID: transactionID = try? value.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
                case E2APIE.ricRequestID: ricRequestID = try? RICrequestID(aper: &value)
                default: break
                }
                return true  // never reject here: this is only a look
            }
        }
        self.transactionID = transactionID
        self.ricRequestID = ricRequestID
    }

    /// The triggering message for criticality diagnostics.
    public var triggeringMessage: TriggeringMessage {
        switch messageType {
        case .initiatingMessage: return .initiatingMessage
        case .successfulOutcome: return .successfulOutcome
        case .unsuccessfulOutcome: return .unsuccessfullOutcome
        }
    }

    /// An ErrorIndication answering a PDU that failed to decode with `error`: the transaction or
    /// request it belonged to, a protocol cause matching the failure, and criticality diagnostics.
    public func errorIndication(for error: APERError) -> ErrorIndication {
        let cause: CauseProtocol
        switch error.kind {
        case .unknownIERejected, .missingIE: cause = .abstractSyntaxErrorReject
        case .truncated, .invalidLength, .invalidEncoding, .tooDeep: cause = .transferSyntaxError
        default: cause = .abstractSyntaxErrorFalselyConstructedMessage
        }
        var diagnostics = CriticalityDiagnostics(for: error, procedureCode: procedureCode, triggeringMessage: triggeringMessage, procedureCriticality: criticality)
        diagnostics.ricRequestorID = ricRequestID
        return ErrorIndication(transactionID: transactionID, ricRequestID: ricRequestID, cause: .protocol(cause), criticalityDiagnostics: diagnostics)
    }
}
