import APER

/// E2AP `E2nodeComponentConfiguration`: the request and response parts of the interface setup
/// the component last saw (for example an F1 Setup Request and Response), each an encoded PDU.
public struct E2nodeComponentConfiguration: Hashable, Sendable, Codable, APERCodable {
    public var e2nodeComponentRequestPart: OctetString
    public var e2nodeComponentResponsePart: OctetString

    public init(e2nodeComponentRequestPart: OctetString, e2nodeComponentResponsePart: OctetString) {
        self.e2nodeComponentRequestPart = e2nodeComponentRequestPart
        self.e2nodeComponentResponsePart = e2nodeComponentResponsePart
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "E2nodeComponentConfiguration") { d, _ in
            E2nodeComponentConfiguration(
                e2nodeComponentRequestPart: OctetString(try d.decodeOctetString(nil, "e2nodeComponentRequestPart")),
                e2nodeComponentResponsePart: OctetString(try d.decodeOctetString(nil, "e2nodeComponentResponsePart")))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e.encodeOctetString(e2nodeComponentRequestPart.bytes)
        try e.encodeOctetString(e2nodeComponentResponsePart.bytes)
    }
}

/// E2AP `E2nodeComponentConfigurationAck`.
public struct E2nodeComponentConfigurationAck: Hashable, Sendable, Codable, APERCodable {
    public enum UpdateOutcome: String, APEREnumerated, Codable, Hashable, Sendable {
        case success, failure
        public static var isExtensible: Bool { true }
    }

    public var updateOutcome: UpdateOutcome
    public var failureCause: Cause?

    public init(updateOutcome: UpdateOutcome, failureCause: Cause? = nil) {
        self.updateOutcome = updateOutcome
        self.failureCause = failureCause
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "E2nodeComponentConfigurationAck", optionals: 1) { d, p in
            E2nodeComponentConfigurationAck(
                updateOutcome: try d.component("updateOutcome") { try UpdateOutcome(aper: &$0) },
                failureCause: p[0] ? try Cause(aper: &d) : nil)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true, optionalCount: 1, present: presence(failureCause != nil))
        try updateOutcome.encode(aper: &e)
        try failureCause?.encode(aper: &e)
    }
}

extension APERDecoder {
    /// An unconstrained OCTET STRING (overload that reads better at call sites with a field name).
    mutating func decodeOctetString(_ size: ClosedRange<Int>?, _ name: String) throws -> [UInt8] {
        try decodeOctetString(size: size, extensible: false, name)
    }
}
