import APER

/// A message of a procedure this version does not model, kept as raw bytes.
public struct UnknownF1APMessage: Hashable, Sendable, Codable {
    public var procedureCode: Int
    public var messageType: F1APMessageType
    /// The open type's contents (an APER-encoded message body).
    public var value: OctetString

    public init(procedureCode: Int, messageType: F1APMessageType, value: OctetString) {
        self.procedureCode = procedureCode
        self.messageType = messageType
        self.value = value
    }
}

/// `F1AP-PDU`: one F1AP message with its procedure code and criticality — what travels in one
/// SCTP message (PPID 62, port 38472).
public struct F1APPDU: Hashable, Sendable, APERCodable {
    public var message: F1APMessage
    /// The procedure criticality sent in the PDU header (the procedure's default unless a peer sent otherwise).
    public var criticality: Criticality

    public init(_ message: F1APMessage, criticality: Criticality? = nil) {
        self.message = message
        self.criticality = criticality ?? F1APProcedure.all.first { $0.code == message.procedureCode }?.criticality ?? .ignore
    }

    /// A PDU carrying `body` with the procedure's default criticality.
    public init(_ body: some F1APMessageBody) {
        self.init(F1APMessage.wrap(body)!)
    }

    private static let index: [Int: any F1APMessageBody.Type] = {
        var table: [Int: any F1APMessageBody.Type] = [:]
        for t in F1APMessage.bodyTypes { table[key(t.procedure.code, t.messageType)] = t }
        return table
    }()

    private static func key(_ code: Int, _ type: F1APMessageType) -> Int {
        code * 4 + (F1APMessageType.allCases.firstIndex(of: type) ?? 0)
    }

    public init(aper d: inout APERDecoder) throws {
        // F1AP-PDU ::= CHOICE { initiatingMessage, successfulOutcome, unsuccessfulOutcome, choice-extension } (no "...")
        let envelope = try ProcedureEnvelope(aper: &d, pduName: "F1AP-PDU", rootCount: 4, extensible: false)
        let messageType = F1APMessageType.allCases[envelope.kind]
        let code = envelope.procedureCode
        criticality = envelope.criticality
        if let type = Self.index[Self.key(code, messageType)] {
            let body = try d.decodeOpenType(type.name) { try type.init(aper: &$0) }
            message = F1APMessage.wrap(body)!
        } else {
            let raw = try d.decodeOpenTypeOctets("value")
            message = .unknown(UnknownF1APMessage(procedureCode: code, messageType: messageType, value: OctetString(raw)))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        let kind = F1APMessageType.allCases.firstIndex(of: message.messageType)!
        try ProcedureEnvelope(kind: kind, procedureCode: message.procedureCode, criticality: criticality).encode(aper: &e, rootCount: 4, extensible: false)
        if case let .unknown(u) = message {
            e.encodeOpenType(encoded: u.value.bytes)
        } else {
            try e.encodeOpenType { try message.body!.encode(aper: &$0) }
        }
    }
}

extension F1APPDU: Codable {
    private enum CodingKeys: String, CodingKey { case criticality, message, unknown }

    /// JSON form: `{"criticality": "reject", "message": {"F1SetupRequest": {…}}}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let crit = try c.decodeIfPresent(Criticality.self, forKey: .criticality)
        if let unknown = try c.decodeIfPresent(UnknownF1APMessage.self, forKey: .unknown) {
            self.init(.unknown(unknown), criticality: crit)
            return
        }
        let m = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .message)
        let key = try m.choiceKey("F1AP message")
        guard let type = F1APMessage.bodyTypes.first(where: { $0.name == key.stringValue }) else {
            let known = F1APMessage.bodyTypes.map { $0.name }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(forKey: key, in: m, debugDescription: "unknown F1AP message \(key.stringValue); known: \(known)")
        }
        let body = try type.init(from: m.superDecoder(forKey: key))
        self.init(F1APMessage.wrap(body)!, criticality: crit)
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

/// A JSON key chosen at run time (the message name).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
