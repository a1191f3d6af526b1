import APER

/// E2AP `RANfunction-Item`: a RAN function the E2 node offers, with its E2SM definition.
public struct RANfunctionItem: Hashable, Sendable, Codable, APERCodable {
    public var ranFunctionID: Int
    /// The E2SM's RAN function definition, encoded (APER of e.g. E2SM-KPM-RANfunction-Description).
    public var ranFunctionDefinition: OctetString
    public var ranFunctionRevision: Int
    /// The E2SM's object identifier, e.g. "1.3.6.1.4.1.53148.1.1.2.2" for KPM v2/v3.
    public var ranFunctionOID: String

    public init(ranFunctionID: Int, ranFunctionDefinition: OctetString, ranFunctionRevision: Int, ranFunctionOID: String) {
        self.ranFunctionID = ranFunctionID
        self.ranFunctionDefinition = ranFunctionDefinition
        self.ranFunctionRevision = ranFunctionRevision
        self.ranFunctionOID = ranFunctionOID
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "RANfunction-Item") { d in
            RANfunctionItem(
                ranFunctionID: Int(try d.decodeInteger(in: ranFunctionIDRange, "ranFunctionID")),
                ranFunctionDefinition: OctetString(try d.decodeOctetString(nil, "ranFunctionDefinition")),
                ranFunctionRevision: Int(try d.decodeInteger(in: ranFunctionIDRange, "ranFunctionRevision")),
                ranFunctionOID: try d.decodeString(kind: .printable, size: 1...1000, extensible: true, "ranFunctionOID"))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e.encodeInteger(Int64(ranFunctionID), in: ranFunctionIDRange, "ranFunctionID")
        try e.encodeOctetString(ranFunctionDefinition.bytes, "ranFunctionDefinition")
        try e.encodeInteger(Int64(ranFunctionRevision), in: ranFunctionIDRange, "ranFunctionRevision")
        try e.encodeString(ranFunctionOID, kind: .printable, size: 1...1000, extensible: true, "ranFunctionOID")
    }
}

/// E2AP `RANfunctionID-Item`.
public struct RANfunctionIDItem: Hashable, Sendable, Codable, APERCodable {
    public var ranFunctionID: Int
    public var ranFunctionRevision: Int

    public init(ranFunctionID: Int, ranFunctionRevision: Int) {
        self.ranFunctionID = ranFunctionID
        self.ranFunctionRevision = ranFunctionRevision
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "RANfunctionID-Item") { d in
            RANfunctionIDItem(
                ranFunctionID: Int(try d.decodeInteger(in: ranFunctionIDRange, "ranFunctionID")),
                ranFunctionRevision: Int(try d.decodeInteger(in: ranFunctionIDRange, "ranFunctionRevision")))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e.encodeInteger(Int64(ranFunctionID), in: ranFunctionIDRange, "ranFunctionID")
        try e.encodeInteger(Int64(ranFunctionRevision), in: ranFunctionIDRange, "ranFunctionRevision")
    }
}

/// E2AP `RANfunctionIDcause-Item`.
public struct RANfunctionIDCauseItem: Hashable, Sendable, Codable, APERCodable {
    public var ranFunctionID: Int
    public var cause: Cause

    public init(ranFunctionID: Int, cause: Cause) {
        self.ranFunctionID = ranFunctionID
        self.cause = cause
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "RANfunctionIDcause-Item") { d in
            RANfunctionIDCauseItem(ranFunctionID: Int(try d.decodeInteger(in: ranFunctionIDRange, "ranFunctionID")), cause: try Cause(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e.encodeInteger(Int64(ranFunctionID), in: ranFunctionIDRange, "ranFunctionID")
        try cause.encode(aper: &e)
    }
}

/// Sequence without optionals (the body gets only the decoder).
@inline(__always)
func extensibleSequence<T>(_ d: inout APERDecoder, _ name: String, _ body: (inout APERDecoder) throws -> T) throws -> T {
    try extensibleSequence(&d, name, optionals: 0) { d, _ in try body(&d) }
}
