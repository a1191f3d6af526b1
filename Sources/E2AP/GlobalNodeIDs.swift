import APER

/// Reads the preamble of an extensible SEQUENCE, runs `body`, then skips unknown extension
/// additions — the shape of most E2AP IE sequences.
@inline(__always)
func extensibleSequence<T>(_ d: inout APERDecoder, _ name: String, optionals: Int = 0, _ body: (inout APERDecoder, PresenceBits) throws -> T) throws -> T {
    try d.component(name) { d in
        let (extended, present) = try d.decodeSequencePreamble(extensible: true, optionalCount: optionals)
        let value = try body(&d, present)
        if extended { try d.decodeExtensionAdditions(known: 0) { _, _ in } }
        return value
    }
}

/// Presence bitmap of optionals, first argument in the highest bit.
@inline(__always)
func presence(_ flags: Bool...) -> UInt64 {
    flags.reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
}

/// E2AP `GlobalgNB-ID`.
public struct GlobalgNBID: Hashable, Sendable, Codable, APERCodable {
    public var plmnID: PLMNIdentity
    public var gnbID: GNBIDChoice

    public init(plmnID: PLMNIdentity, gnbID: GNBIDChoice) {
        self.plmnID = plmnID
        self.gnbID = gnbID
    }

    public init(aper d: inout APERDecoder) throws {
        (plmnID, gnbID) = try extensibleSequence(&d, "GlobalgNB-ID") { d, _ in
            (try PLMNIdentity(aper: &d), try d.component("gnb-id") { try GNBIDChoice.decode(&$0, alternative: "gnb-ID") })
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try plmnID.encode(aper: &e)
        try gnbID.encode(&e, alternative: "gnb-ID")
    }
}

/// E2AP `GlobalenGNB-ID` (an en-gNB of EN-DC).
public struct GlobalenGNBID: Hashable, Sendable, Codable, APERCodable {
    public var plmnIdentity: PLMNIdentity
    public var gnbID: GNBIDChoice

    public init(plmnIdentity: PLMNIdentity, gnbID: GNBIDChoice) {
        self.plmnIdentity = plmnIdentity
        self.gnbID = gnbID
    }

    public init(aper d: inout APERDecoder) throws {
        (plmnIdentity, gnbID) = try extensibleSequence(&d, "GlobalenGNB-ID") { d, _ in
            (try PLMNIdentity(aper: &d), try d.component("gNB-ID") { try GNBIDChoice.decode(&$0, alternative: "gNB-ID") })
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try plmnIdentity.encode(aper: &e)
        try gnbID.encode(&e, alternative: "gNB-ID")
    }
}

/// E2AP `GlobalngeNB-ID`.
public struct GlobalngeNBID: Hashable, Sendable, Codable, APERCodable {
    public var plmnID: PLMNIdentity
    public var enbID: ENBIDChoice

    public init(plmnID: PLMNIdentity, enbID: ENBIDChoice) {
        self.plmnID = plmnID
        self.enbID = enbID
    }

    public init(aper d: inout APERDecoder) throws {
        (plmnID, enbID) = try extensibleSequence(&d, "GlobalngeNB-ID") { d, _ in
            (try PLMNIdentity(aper: &d), try ENBIDChoice(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try plmnID.encode(aper: &e)
        try enbID.encode(aper: &e)
    }
}

/// E2AP `GlobalENB-ID`.
public struct GlobalENBID: Hashable, Sendable, Codable, APERCodable {
    public var plmnIdentity: PLMNIdentity
    public var enbID: ENBID

    public init(plmnIdentity: PLMNIdentity, enbID: ENBID) {
        self.plmnIdentity = plmnIdentity
        self.enbID = enbID
    }

    public init(aper d: inout APERDecoder) throws {
        (plmnIdentity, enbID) = try extensibleSequence(&d, "GlobalENB-ID") { d, _ in
            (try PLMNIdentity(aper: &d), try ENBID(aper: &d))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try plmnIdentity.encode(aper: &e)
        try enbID.encode(aper: &e)
    }
}

/// E2AP `GlobalRIC-ID`: PLMN and a 20-bit RIC ID.
public struct GlobalRICID: Hashable, Sendable, Codable, APERCodable {
    public var plmnIdentity: PLMNIdentity
    public var ricID: BitString

    public init(plmnIdentity: PLMNIdentity, ricID: BitString) {
        self.plmnIdentity = plmnIdentity
        self.ricID = ricID
    }

    public init(aper d: inout APERDecoder) throws {
        (plmnIdentity, ricID) = try extensibleSequence(&d, "GlobalRIC-ID") { d, _ in
            (try PLMNIdentity(aper: &d), try d.decodeBitString(size: 20...20, "ric-ID"))
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try plmnIdentity.encode(aper: &e)
        try e.encodeBitString(ricID, size: 20...20, "ric-ID")
    }
}

/// E2AP `GlobalNG-RANNode-ID`.
public enum GlobalNGRANNodeID: Hashable, Sendable {
    case gNB(GlobalgNBID)
    case ngENB(GlobalngeNBID)
}

extension GlobalNGRANNodeID: APERCodable, Codable {
    public init(aper d: inout APERDecoder) throws {
        switch try d.decodeChoiceIndex(rootCount: 2, extensible: true, "GlobalNG-RANNode-ID") {
        case 0: self = .gNB(try GlobalgNBID(aper: &d))
        case 1: self = .ngENB(try GlobalngeNBID(aper: &d))
        case let other: throw APERError(.unknownAlternative(other), path: ["GlobalNG-RANNode-ID"], bitOffset: d.position)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        switch self {
        case let .gNB(v): try e.encodeChoiceIndex(0, rootCount: 2, extensible: true); try v.encode(aper: &e)
        case let .ngENB(v): try e.encodeChoiceIndex(1, rootCount: 2, extensible: true); try v.encode(aper: &e)
        }
    }

    private enum CodingKeys: String, CodingKey { case gNB, ngENB = "ng-eNB" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("GlobalNG-RANNode-ID") {
        case .gNB: self = .gNB(try c.decode(GlobalgNBID.self, forKey: .gNB))
        case .ngENB: self = .ngENB(try c.decode(GlobalngeNBID.self, forKey: .ngENB))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .gNB(v): try c.encode(v, forKey: .gNB)
        case let .ngENB(v): try c.encode(v, forKey: .ngENB)
        }
    }
}
