import APER

/// `GNB-CU-UP-ID`, `GNB-DU-ID`, `NGENB-DU-ID`: INTEGER (0..68719476735).
let nodeIDRange: ClosedRange<Int64> = 0...68_719_476_735

/// E2AP `GlobalE2node-ID`: which E2 node (gNB, en-gNB, ng-eNB, eNB, or one of their CU/DU parts) speaks.
public enum GlobalE2nodeID: Hashable, Sendable {
    case gNB(GlobalE2nodegNBID)
    case enGNB(GlobalE2nodeenGNBID)
    case ngENB(GlobalE2nodengeNBID)
    case eNB(GlobalE2nodeeNBID)
}

/// E2AP `GlobalE2node-gNB-ID`.
public struct GlobalE2nodegNBID: Hashable, Sendable, Codable, APERCodable {
    public var globalgNBID: GlobalgNBID
    public var globalenGNBID: GlobalenGNBID?
    public var gnbCUUPID: Int64?
    public var gnbDUID: Int64?

    public init(globalgNBID: GlobalgNBID, globalenGNBID: GlobalenGNBID? = nil, gnbCUUPID: Int64? = nil, gnbDUID: Int64? = nil) {
        self.globalgNBID = globalgNBID
        self.globalenGNBID = globalenGNBID
        self.gnbCUUPID = gnbCUUPID
        self.gnbDUID = gnbDUID
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "GlobalE2node-gNB-ID", optionals: 3) { d, p in
            GlobalE2nodegNBID(
                globalgNBID: try GlobalgNBID(aper: &d),
                globalenGNBID: p[0] ? try GlobalenGNBID(aper: &d) : nil,
                gnbCUUPID: p[1] ? try d.decodeInteger(in: nodeIDRange, "gNB-CU-UP-ID") : nil,
                gnbDUID: p[2] ? try d.decodeInteger(in: nodeIDRange, "gNB-DU-ID") : nil)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true, optionalCount: 3, present: presence(globalenGNBID != nil, gnbCUUPID != nil, gnbDUID != nil))
        try globalgNBID.encode(aper: &e)
        try globalenGNBID?.encode(aper: &e)
        if let gnbCUUPID { try e.encodeInteger(gnbCUUPID, in: nodeIDRange, "gNB-CU-UP-ID") }
        if let gnbDUID { try e.encodeInteger(gnbDUID, in: nodeIDRange, "gNB-DU-ID") }
    }
}

/// E2AP `GlobalE2node-en-gNB-ID`.
public struct GlobalE2nodeenGNBID: Hashable, Sendable, Codable, APERCodable {
    public var globalenGNBID: GlobalenGNBID
    public var enGNBCUUPID: Int64?
    public var enGNBDUID: Int64?

    public init(globalenGNBID: GlobalenGNBID, enGNBCUUPID: Int64? = nil, enGNBDUID: Int64? = nil) {
        self.globalenGNBID = globalenGNBID
        self.enGNBCUUPID = enGNBCUUPID
        self.enGNBDUID = enGNBDUID
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "GlobalE2node-en-gNB-ID", optionals: 2) { d, p in
            GlobalE2nodeenGNBID(
                globalenGNBID: try GlobalenGNBID(aper: &d),
                enGNBCUUPID: p[0] ? try d.decodeInteger(in: nodeIDRange, "en-gNB-CU-UP-ID") : nil,
                enGNBDUID: p[1] ? try d.decodeInteger(in: nodeIDRange, "en-gNB-DU-ID") : nil)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true, optionalCount: 2, present: presence(enGNBCUUPID != nil, enGNBDUID != nil))
        try globalenGNBID.encode(aper: &e)
        if let enGNBCUUPID { try e.encodeInteger(enGNBCUUPID, in: nodeIDRange, "en-gNB-CU-UP-ID") }
        if let enGNBDUID { try e.encodeInteger(enGNBDUID, in: nodeIDRange, "en-gNB-DU-ID") }
    }
}

/// E2AP `GlobalE2node-ng-eNB-ID`.
public struct GlobalE2nodengeNBID: Hashable, Sendable, Codable, APERCodable {
    public var globalngeNBID: GlobalngeNBID
    public var globalENBID: GlobalENBID?
    public var ngENBDUID: Int64?

    public init(globalngeNBID: GlobalngeNBID, globalENBID: GlobalENBID? = nil, ngENBDUID: Int64? = nil) {
        self.globalngeNBID = globalngeNBID
        self.globalENBID = globalENBID
        self.ngENBDUID = ngENBDUID
    }

    public init(aper d: inout APERDecoder) throws {
        self = try extensibleSequence(&d, "GlobalE2node-ng-eNB-ID", optionals: 2) { d, p in
            GlobalE2nodengeNBID(
                globalngeNBID: try GlobalngeNBID(aper: &d),
                globalENBID: p[0] ? try GlobalENBID(aper: &d) : nil,
                ngENBDUID: p[1] ? try d.decodeInteger(in: nodeIDRange, "ngENB-DU-ID") : nil)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true, optionalCount: 2, present: presence(globalENBID != nil, ngENBDUID != nil))
        try globalngeNBID.encode(aper: &e)
        try globalENBID?.encode(aper: &e)
        if let ngENBDUID { try e.encodeInteger(ngENBDUID, in: nodeIDRange, "ngENB-DU-ID") }
    }
}

/// E2AP `GlobalE2node-eNB-ID`.
public struct GlobalE2nodeeNBID: Hashable, Sendable, Codable, APERCodable {
    public var globalENBID: GlobalENBID

    public init(globalENBID: GlobalENBID) { self.globalENBID = globalENBID }

    public init(aper d: inout APERDecoder) throws {
        globalENBID = try extensibleSequence(&d, "GlobalE2node-eNB-ID") { d, _ in try GlobalENBID(aper: &d) }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try globalENBID.encode(aper: &e)
    }
}

extension GlobalE2nodeID: APERCodable, Codable {
    public init(aper d: inout APERDecoder) throws {
        self = try d.component("GlobalE2node-ID") { d in
            switch try d.decodeChoiceIndex(rootCount: 4, extensible: true) {
            case 0: return .gNB(try GlobalE2nodegNBID(aper: &d))
            case 1: return .enGNB(try GlobalE2nodeenGNBID(aper: &d))
            case 2: return .ngENB(try GlobalE2nodengeNBID(aper: &d))
            case 3: return .eNB(try GlobalE2nodeeNBID(aper: &d))
            case let other: throw APERError(.unknownAlternative(other), bitOffset: d.position)
            }
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        switch self {
        case let .gNB(v): try e.encodeChoiceIndex(0, rootCount: 4, extensible: true); try v.encode(aper: &e)
        case let .enGNB(v): try e.encodeChoiceIndex(1, rootCount: 4, extensible: true); try v.encode(aper: &e)
        case let .ngENB(v): try e.encodeChoiceIndex(2, rootCount: 4, extensible: true); try v.encode(aper: &e)
        case let .eNB(v): try e.encodeChoiceIndex(3, rootCount: 4, extensible: true); try v.encode(aper: &e)
        }
    }

    private enum CodingKeys: String, CodingKey { case gNB, enGNB = "en-gNB", ngENB = "ng-eNB", eNB }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("GlobalE2node-ID") {
        case .gNB: self = .gNB(try c.decode(GlobalE2nodegNBID.self, forKey: .gNB))
        case .enGNB: self = .enGNB(try c.decode(GlobalE2nodeenGNBID.self, forKey: .enGNB))
        case .ngENB: self = .ngENB(try c.decode(GlobalE2nodengeNBID.self, forKey: .ngENB))
        case .eNB: self = .eNB(try c.decode(GlobalE2nodeeNBID.self, forKey: .eNB))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .gNB(v): try c.encode(v, forKey: .gNB)
        case let .enGNB(v): try c.encode(v, forKey: .enGNB)
        case let .ngENB(v): try c.encode(v, forKey: .ngENB)
        case let .eNB(v): try c.encode(v, forKey: .eNB)
        }
    }
}
