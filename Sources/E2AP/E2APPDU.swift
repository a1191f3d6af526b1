import APER

/// A message of a procedure this version does not model, kept as raw bytes.
public struct UnknownE2APMessage: Hashable, Sendable, Codable {
    public var procedureCode: Int
    public var messageType: E2APMessageType
    /// The open type's contents (an APER-encoded message body).
    public var value: OctetString

    public init(procedureCode: Int, messageType: E2APMessageType, value: OctetString) {
        self.procedureCode = procedureCode
        self.messageType = messageType
        self.value = value
    }
}

/// `E2AP-PDU`: one E2AP message with its procedure code and criticality — what travels in one
/// SCTP message (PPID 70, port 36421).
public struct E2APPDU: Hashable, Sendable, APERCodable {
    public var message: E2APMessage
    /// The procedure criticality sent in the PDU header (the procedure's default unless a peer sent otherwise).
    public var criticality: Criticality

    public init(_ message: E2APMessage, criticality: Criticality? = nil) {
        self.message = message
        self.criticality = criticality ?? E2APProcedure.all.first { $0.code == message.procedureCode }?.criticality ?? .ignore
    }

    /// A PDU carrying `body` with the procedure's default criticality.
    public init(_ body: some E2APMessageBody) {
        self.init(E2APMessage.wrap(body)!)
    }

    private static let index: [Int: any E2APMessageBody.Type] = {
        var table: [Int: any E2APMessageBody.Type] = [:]
        for t in E2APMessage.bodyTypes { table[key(t.procedure.code, t.messageType)] = t }
        return table
    }()

    private static func key(_ code: Int, _ type: E2APMessageType) -> Int {
        code * 4 + (E2APMessageType.allCases.firstIndex(of: type) ?? 0)
    }

    public init(aper d: inout APERDecoder) throws {
        let envelope = try ProcedureEnvelope(aper: &d, pduName: "E2AP-PDU", rootCount: 3, extensible: true)
        let messageType = E2APMessageType.allCases[envelope.kind]
        let code = envelope.procedureCode
        criticality = envelope.criticality
        if let type = Self.index[Self.key(code, messageType)] {
            let body = try d.decodeOpenType(type.name) { try type.init(aper: &$0) }
            message = E2APMessage.wrap(body)!
        } else {
            let raw = try d.decodeOpenTypeOctets("value")
            message = .unknown(UnknownE2APMessage(procedureCode: code, messageType: messageType, value: OctetString(raw)))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        let kind = E2APMessageType.allCases.firstIndex(of: message.messageType)!
        try ProcedureEnvelope(kind: kind, procedureCode: message.procedureCode, criticality: criticality).encode(aper: &e, rootCount: 3, extensible: true)
        if case let .unknown(u) = message {
            e.encodeOpenType(encoded: u.value.bytes)
        } else {
            try e.encodeOpenType { try message.body!.encode(aper: &$0) }
        }
    }
}

extension E2APPDU: Codable {
    private enum CodingKeys: String, CodingKey { case criticality, message, unknown }

    /// JSON form: `{"criticality": "reject", "message": {"E2setupRequest": {…}}}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let crit = try c.decodeIfPresent(Criticality.self, forKey: .criticality)
        if let unknown = try c.decodeIfPresent(UnknownE2APMessage.self, forKey: .unknown) {
            self.init(.unknown(unknown), criticality: crit)
            return
        }
        let m = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .message)
        let key = try m.choiceKey("E2AP message")
        guard let type = E2APMessage.bodyTypes.first(where: { $0.name == key.stringValue }) else {
            let known = E2APMessage.bodyTypes.map { $0.name }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(forKey: key, in: m, debugDescription: "unknown E2AP message \(key.stringValue); known: \(known)")
        }
        let body = try type.init(from: m.superDecoder(forKey: key))
        self.init(E2APMessage.wrap(body)!, criticality: crit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(criticality, forKey: .criticality)
        switch message {
        case let .unknown(u): try c.encode(u, forKey: .unknown)
        default:
            let body = message.body!
            var m = c.nestedContainer(keyedBy: AnyKey.self, forKey: .message)
            try body.encode(to: m.superEncoder(forKey: AnyKey(type(of: body).name)))
        }
    }
}
