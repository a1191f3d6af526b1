import APER

/// E2AP `E2nodeComponentInterfaceType`.
public enum E2nodeComponentInterfaceType: String, APEREnumerated, Codable, Hashable, Sendable {
    case ng, xn, e1, f1, w1, s1, x2
    public static var isExtensible: Bool { true }
}

/// E2AP `E2nodeComponentID`: which interface instance of the E2 node a configuration belongs to.
public enum E2nodeComponentID: Hashable, Sendable {
    /// `E2nodeComponentInterfaceNG`: the AMF's name.
    case ng(amfName: String)
    /// `E2nodeComponentInterfaceXn`: the neighbour NG-RAN node.
    case xn(GlobalNGRANNodeID)
    /// `E2nodeComponentInterfaceE1`: the gNB-CU-UP ID.
    case e1(gnbCUUPID: Int64)
    /// `E2nodeComponentInterfaceF1`: the gNB-DU ID.
    case f1(gnbDUID: Int64)
    /// `E2nodeComponentInterfaceW1`: the ng-eNB-DU ID.
    case w1(ngENBDUID: Int64)
    /// `E2nodeComponentInterfaceS1`: the MME's name.
    case s1(mmeName: String)
    /// `E2nodeComponentInterfaceX2`.
    case x2(globalENBID: GlobalENBID?, globalenGNBID: GlobalenGNBID?)
}

extension E2nodeComponentID: APERCodable {
    public init(aper d: inout APERDecoder) throws {
        self = try d.component("E2nodeComponentID") { d in
            let name = ["e2nodeComponentInterfaceTypeNG", "e2nodeComponentInterfaceTypeXn", "e2nodeComponentInterfaceTypeE1", "e2nodeComponentInterfaceTypeF1", "e2nodeComponentInterfaceTypeW1", "e2nodeComponentInterfaceTypeS1", "e2nodeComponentInterfaceTypeX2"]
            let index = try d.decodeChoiceIndex(rootCount: 7, extensible: true)
            guard index < 7 else { throw APERError(.unknownAlternative(index), bitOffset: d.position) }
            return try extensibleSequence(&d, name[index], optionals: index == 6 ? 2 : 0) { d, p in
                switch index {
                case 0: return .ng(amfName: try d.decodeString(kind: .printable, size: 1...150, extensible: true, "amf-name"))
                case 1: return .xn(try GlobalNGRANNodeID(aper: &d))
                case 2: return .e1(gnbCUUPID: try d.decodeInteger(in: nodeIDRange, "gNB-CU-UP-ID"))
                case 3: return .f1(gnbDUID: try d.decodeInteger(in: nodeIDRange, "gNB-DU-ID"))
                case 4: return .w1(ngENBDUID: try d.decodeInteger(in: nodeIDRange, "ng-eNB-DU-ID"))
                case 5: return .s1(mmeName: try d.decodeString(kind: .printable, size: 1...150, extensible: true, "mme-name"))
                default: return .x2(globalENBID: p[0] ? try GlobalENBID(aper: &d) : nil, globalenGNBID: p[1] ? try GlobalenGNBID(aper: &d) : nil)
                }
            }
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.component("E2nodeComponentID") { e in
            switch self {
            case let .ng(amfName):
                try e.encodeChoiceIndex(0, rootCount: 7, extensible: true)
                e.encodeSequencePreamble(extensible: true)
                try e.encodeString(amfName, kind: .printable, size: 1...150, extensible: true, "amf-name")
            case let .xn(node):
                try e.encodeChoiceIndex(1, rootCount: 7, extensible: true)
                e.encodeSequencePreamble(extensible: true)
                try node.encode(aper: &e)
            case let .e1(id):
                try e.encodeChoiceIndex(2, rootCount: 7, extensible: true)
                e.encodeSequencePreamble(extensible: true)
                try e.encodeInteger(id, in: nodeIDRange, "gNB-CU-UP-ID")
            case let .f1(id):
                try e.encodeChoiceIndex(3, rootCount: 7, extensible: true)
                e.encodeSequencePreamble(extensible: true)
                try e.encodeInteger(id, in: nodeIDRange, "gNB-DU-ID")
            case let .w1(id):
                try e.encodeChoiceIndex(4, rootCount: 7, extensible: true)
                e.encodeSequencePreamble(extensible: true)
                try e.encodeInteger(id, in: nodeIDRange, "ng-eNB-DU-ID")
            case let .s1(mmeName):
                try e.encodeChoiceIndex(5, rootCount: 7, extensible: true)
                e.encodeSequencePreamble(extensible: true)
                try e.encodeString(mmeName, kind: .printable, size: 1...150, extensible: true, "mme-name")
            case let .x2(enb, engnb):
                try e.encodeChoiceIndex(6, rootCount: 7, extensible: true)
                e.encodeSequencePreamble(extensible: true, optionalCount: 2, present: presence(enb != nil, engnb != nil))
                try enb?.encode(aper: &e)
                try engnb?.encode(aper: &e)
            }
        }
    }
}

extension E2nodeComponentID: Codable {
    private enum CodingKeys: String, CodingKey {
        case ng = "e2nodeComponentInterfaceTypeNG", xn = "e2nodeComponentInterfaceTypeXn", e1 = "e2nodeComponentInterfaceTypeE1"
        case f1 = "e2nodeComponentInterfaceTypeF1", w1 = "e2nodeComponentInterfaceTypeW1", s1 = "e2nodeComponentInterfaceTypeS1"
        case x2 = "e2nodeComponentInterfaceTypeX2"
    }
    private struct NG: Codable { var amfName: String }
    private struct Xn: Codable { var globalNGRANNodeID: GlobalNGRANNodeID }
    private struct E1: Codable { var gnbCUUPID: Int64 }
    private struct F1: Codable { var gnbDUID: Int64 }
    private struct W1: Codable { var ngENBDUID: Int64 }
    private struct S1: Codable { var mmeName: String }
    private struct X2: Codable { var globalENBID: GlobalENBID?; var globalenGNBID: GlobalenGNBID? }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.choiceKey("E2nodeComponentID") {
        case .ng: self = .ng(amfName: try c.decode(NG.self, forKey: .ng).amfName)
        case .xn: self = .xn(try c.decode(Xn.self, forKey: .xn).globalNGRANNodeID)
        case .e1: self = .e1(gnbCUUPID: try c.decode(E1.self, forKey: .e1).gnbCUUPID)
        case .f1: self = .f1(gnbDUID: try c.decode(F1.self, forKey: .f1).gnbDUID)
        case .w1: self = .w1(ngENBDUID: try c.decode(W1.self, forKey: .w1).ngENBDUID)
        case .s1: self = .s1(mmeName: try c.decode(S1.self, forKey: .s1).mmeName)
        case .x2:
            let v = try c.decode(X2.self, forKey: .x2)
            self = .x2(globalENBID: v.globalENBID, globalenGNBID: v.globalenGNBID)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .ng(n): try c.encode(NG(amfName: n), forKey: .ng)
        case let .xn(n): try c.encode(Xn(globalNGRANNodeID: n), forKey: .xn)
        case let .e1(i): try c.encode(E1(gnbCUUPID: i), forKey: .e1)
        case let .f1(i): try c.encode(F1(gnbDUID: i), forKey: .f1)
        case let .w1(i): try c.encode(W1(ngENBDUID: i), forKey: .w1)
        case let .s1(n): try c.encode(S1(mmeName: n), forKey: .s1)
        case let .x2(a, b): try c.encode(X2(globalENBID: a, globalenGNBID: b), forKey: .x2)
        }
    }
}
