import APER

/// E2AP `CriticalityDiagnostics`: which procedure and which IEs a receiver could not handle.
public struct CriticalityDiagnostics: Hashable, Sendable, Codable, APERCodable {
    /// `CriticalityDiagnostics-IE-Item`.
    public struct IEItem: Hashable, Sendable, Codable {
        public var iECriticality: Criticality
        public var iEID: Int
        public var typeOfError: TypeOfError

        public init(iECriticality: Criticality, iEID: Int, typeOfError: TypeOfError) {
            self.iECriticality = iECriticality
            self.iEID = iEID
            self.typeOfError = typeOfError
        }
    }

    public var procedureCode: Int?
    public var triggeringMessage: TriggeringMessage?
    public var procedureCriticality: Criticality?
    public var ricRequestorID: RICrequestID?
    public var iEsCriticalityDiagnostics: [IEItem]?

    public init(procedureCode: Int? = nil, triggeringMessage: TriggeringMessage? = nil, procedureCriticality: Criticality? = nil, ricRequestorID: RICrequestID? = nil, iEsCriticalityDiagnostics: [IEItem]? = nil) {
        self.procedureCode = procedureCode
        self.triggeringMessage = triggeringMessage
        self.procedureCriticality = procedureCriticality
        self.ricRequestorID = ricRequestorID
        self.iEsCriticalityDiagnostics = iEsCriticalityDiagnostics
    }

    /// The diagnostics for a decoding failure, to send back in an ErrorIndication: an unknown IE
    /// with criticality reject is reported as not understood, a missing mandatory IE as missing.
    public init(for error: APERError, procedureCode: Int?, triggeringMessage: TriggeringMessage?, procedureCriticality: Criticality?) {
        self.init(procedureCode: procedureCode, triggeringMessage: triggeringMessage, procedureCriticality: procedureCriticality)
        switch error.kind {
        case let .unknownIERejected(id): iEsCriticalityDiagnostics = [IEItem(iECriticality: .reject, iEID: id, typeOfError: .notUnderstood)]
        case let .missingIE(id, _): iEsCriticalityDiagnostics = [IEItem(iECriticality: .reject, iEID: id, typeOfError: .missing)]
        default: break
        }
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "CriticalityDiagnostics", optionals: 5) { d, p in
            CriticalityDiagnostics(
                procedureCode: p[0] ? Int(try d.decodeInteger(in: 0...255, "procedureCode")) : nil,
                triggeringMessage: p[1] ? try d.component("triggeringMessage") { try TriggeringMessage(aper: &$0) } : nil,
                procedureCriticality: p[2] ? try d.component("procedureCriticality") { try Criticality(aper: &$0) } : nil,
                ricRequestorID: p[3] ? try d.component("ricRequestorID") { try RICrequestID(aper: &$0) } : nil,
                iEsCriticalityDiagnostics: p[4] ? try d.component("iEsCriticalityDiagnostics") { d in
                    try d.decodeSequenceOf(size: 1...256, minimumElementBits: 8) { d in
                        try extensibleSequence(&d, "CriticalityDiagnostics-IE-Item") { d, _ in
                            IEItem(
                                iECriticality: try Criticality(aper: &d),
                                iEID: Int(try d.decodeInteger(in: 0...65535, "iE-ID")),
                                typeOfError: try d.component("typeOfError") { try TypeOfError(aper: &$0) })
                        }
                    }
                } : nil)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true, optionalCount: 5, present: presence(procedureCode != nil, triggeringMessage != nil, procedureCriticality != nil, ricRequestorID != nil, iEsCriticalityDiagnostics != nil))
        if let procedureCode { try e.encodeInteger(Int64(procedureCode), in: 0...255, "procedureCode") }
        try triggeringMessage?.encode(aper: &e)
        try procedureCriticality?.encode(aper: &e)
        try ricRequestorID?.encode(aper: &e)
        if let items = iEsCriticalityDiagnostics {
            try e.encodeSequenceOf(items, size: 1...256, "iEsCriticalityDiagnostics") { e, item in
                e.encodeSequencePreamble(extensible: true)
                try item.iECriticality.encode(aper: &e)
                try e.encodeInteger(Int64(item.iEID), in: 0...65535, "iE-ID")
                try item.typeOfError.encode(aper: &e)
            }
        }
    }
}
