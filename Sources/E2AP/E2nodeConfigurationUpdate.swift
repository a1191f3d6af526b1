import APER

/// E2AP `E2nodeConfigurationUpdate` (E2 node → RIC): component configurations added, updated or
/// removed, and TNL associations to remove.
public struct E2nodeConfigurationUpdate: E2APMessageBody {
    public static let procedure = E2APProcedure.e2nodeConfigurationUpdate
    public static let messageType = E2APMessageType.initiatingMessage
    public static let name = "E2nodeConfigurationUpdate"

    public var transactionID: Int
    public var globalE2nodeID: GlobalE2nodeID?
    public var e2nodeComponentConfigAddition: [E2nodeComponentConfigItem]?
    public var e2nodeComponentConfigUpdate: [E2nodeComponentConfigItem]?
    public var e2nodeComponentConfigRemoval: [E2nodeComponentConfigRemovalItem]?
    public var e2nodeTNLassociationRemoval: [E2nodeTNLassociationRemovalItem]?

    public init(transactionID: Int, globalE2nodeID: GlobalE2nodeID? = nil, e2nodeComponentConfigAddition: [E2nodeComponentConfigItem]? = nil, e2nodeComponentConfigUpdate: [E2nodeComponentConfigItem]? = nil, e2nodeComponentConfigRemoval: [E2nodeComponentConfigRemovalItem]? = nil, e2nodeTNLassociationRemoval: [E2nodeTNLassociationRemovalItem]? = nil) {
        self.transactionID = transactionID
        self.globalE2nodeID = globalE2nodeID
        self.e2nodeComponentConfigAddition = e2nodeComponentConfigAddition
        self.e2nodeComponentConfigUpdate = e2nodeComponentConfigUpdate
        self.e2nodeComponentConfigRemoval = e2nodeComponentConfigRemoval
        self.e2nodeTNLassociationRemoval = e2nodeTNLassociationRemoval
    }

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?, node: GlobalE2nodeID?, added: [E2nodeComponentConfigItem]?, updated: [E2nodeComponentConfigItem]?
        var removed: [E2nodeComponentConfigRemovalItem]?, tnl: [E2nodeTNLassociationRemovalItem]?
        self = try d.decodeMessage(Self.name, { id, d in
            switch id {
            case E2APIE.transactionID: tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
            case E2APIE.globalE2nodeID: node = try GlobalE2nodeID(aper: &d)
            case E2APIE.e2nodeComponentConfigAddition: added = try d.decodeSingleContainerList(size: 1...1024, id: E2APIE.e2nodeComponentConfigAdditionItem, "E2nodeComponentConfigAddition-List") { try E2nodeComponentConfigItem(aper: &$0) }
            case E2APIE.e2nodeComponentConfigUpdate: updated = try d.decodeSingleContainerList(size: 1...1024, id: E2APIE.e2nodeComponentConfigUpdateItem, "E2nodeComponentConfigUpdate-List") { try E2nodeComponentConfigItem(aper: &$0) }
            case E2APIE.e2nodeComponentConfigRemoval: removed = try d.decodeSingleContainerList(size: 1...1024, id: E2APIE.e2nodeComponentConfigRemovalItem, "E2nodeComponentConfigRemoval-List") { try E2nodeComponentConfigRemovalItem(aper: &$0) }
            case E2APIE.e2nodeTNLassociationRemoval: tnl = try d.decodeSingleContainerList(size: 1...32, id: E2APIE.e2nodeTNLassociationRemovalItem, "E2nodeTNLassociationRemoval-List") { try E2nodeTNLassociationRemovalItem(aper: &$0) }
            default: return false
            }
            return true
        }) {
            E2nodeConfigurationUpdate(transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"), globalE2nodeID: node, e2nodeComponentConfigAddition: added, e2nodeComponentConfigUpdate: updated, e2nodeComponentConfigRemoval: removed, e2nodeTNLassociationRemoval: tnl)
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            if let globalE2nodeID { try e.ieValue(E2APIE.globalE2nodeID, .reject, &n, globalE2nodeID) }
            if let v = e2nodeComponentConfigAddition {
                try e.ie(E2APIE.e2nodeComponentConfigAddition, .reject, &n) { try $0.encodeSingleContainerList(v, size: 1...1024, id: E2APIE.e2nodeComponentConfigAdditionItem, criticality: .reject, "E2nodeComponentConfigAddition-List") { try $1.encode(aper: &$0) } }
            }
            if let v = e2nodeComponentConfigUpdate {
                try e.ie(E2APIE.e2nodeComponentConfigUpdate, .reject, &n) { try $0.encodeSingleContainerList(v, size: 1...1024, id: E2APIE.e2nodeComponentConfigUpdateItem, criticality: .reject, "E2nodeComponentConfigUpdate-List") { try $1.encode(aper: &$0) } }
            }
            if let v = e2nodeComponentConfigRemoval {
                try e.ie(E2APIE.e2nodeComponentConfigRemoval, .reject, &n) { try $0.encodeSingleContainerList(v, size: 1...1024, id: E2APIE.e2nodeComponentConfigRemovalItem, criticality: .reject, "E2nodeComponentConfigRemoval-List") { try $1.encode(aper: &$0) } }
            }
            if let v = e2nodeTNLassociationRemoval {
                try e.ie(E2APIE.e2nodeTNLassociationRemoval, .reject, &n) { try $0.encodeSingleContainerList(v, size: 1...32, id: E2APIE.e2nodeTNLassociationRemovalItem, criticality: .reject, "E2nodeTNLassociationRemoval-List") { try $1.encode(aper: &$0) } }
            }
        }
    }
}

/// E2AP `E2nodeConfigurationUpdateAcknowledge`.
public struct E2nodeConfigurationUpdateAcknowledge: E2APMessageBody {
    public static let procedure = E2APProcedure.e2nodeConfigurationUpdate
    public static let messageType = E2APMessageType.successfulOutcome
    public static let name = "E2nodeConfigurationUpdateAcknowledge"

    public var transactionID: Int
    public var e2nodeComponentConfigAdditionAck: [E2nodeComponentConfigAckItem]?
    public var e2nodeComponentConfigUpdateAck: [E2nodeComponentConfigAckItem]?
    public var e2nodeComponentConfigRemovalAck: [E2nodeComponentConfigAckItem]?

    public init(transactionID: Int, e2nodeComponentConfigAdditionAck: [E2nodeComponentConfigAckItem]? = nil, e2nodeComponentConfigUpdateAck: [E2nodeComponentConfigAckItem]? = nil, e2nodeComponentConfigRemovalAck: [E2nodeComponentConfigAckItem]? = nil) {
        self.transactionID = transactionID
        self.e2nodeComponentConfigAdditionAck = e2nodeComponentConfigAdditionAck
        self.e2nodeComponentConfigUpdateAck = e2nodeComponentConfigUpdateAck
        self.e2nodeComponentConfigRemovalAck = e2nodeComponentConfigRemovalAck
    }

    private static let lists: [(ie: Int, item: Int, name: String)] = [
        (E2APIE.e2nodeComponentConfigAdditionAck, E2APIE.e2nodeComponentConfigAdditionAckItem, "E2nodeComponentConfigAdditionAck-List"),
        (E2APIE.e2nodeComponentConfigUpdateAck, E2APIE.e2nodeComponentConfigUpdateAckItem, "E2nodeComponentConfigUpdateAck-List"),
        (E2APIE.e2nodeComponentConfigRemovalAck, E2APIE.e2nodeComponentConfigRemovalAckItem, "E2nodeComponentConfigRemovalAck-List"),
    ]

    public init(aper d: inout APERDecoder) throws {
        var tid: Int?
        var acks: [[E2nodeComponentConfigAckItem]?] = [nil, nil, nil]
        self = try d.decodeMessage(Self.name, { id, d in
            if id == E2APIE.transactionID {
                tid = try d.decodeInt(in: transactionIDRange, extensible: true, "TransactionID")
                return true
            }
            guard let i = Self.lists.firstIndex(where: { $0.ie == id }) else { return false }
            acks[i] = try d.decodeSingleContainerList(size: 1...1024, id: Self.lists[i].item, Self.lists[i].name) { try E2nodeComponentConfigAckItem(aper: &$0) }
            return true
        }) {
            E2nodeConfigurationUpdateAcknowledge(transactionID: try mandatoryIE(tid, id: E2APIE.transactionID, "TransactionID"), e2nodeComponentConfigAdditionAck: acks[0], e2nodeComponentConfigUpdateAck: acks[1], e2nodeComponentConfigRemovalAck: acks[2])
        }
    }

    public func encode(aper e: inout APEREncoder) throws {
        try e.encodeIEContainer { e, n in
            try e.ieInteger(E2APIE.transactionID, .reject, &n, transactionID, in: transactionIDRange, extensible: true, "TransactionID")
            for (i, list) in [e2nodeComponentConfigAdditionAck, e2nodeComponentConfigUpdateAck, e2nodeComponentConfigRemovalAck].enumerated() {
                guard let list else { continue }
                let spec = Self.lists[i]
                try e.ie(spec.ie, .reject, &n) { try $0.encodeSingleContainerList(list, size: 1...1024, id: spec.item, criticality: .reject, spec.name) { try $1.encode(aper: &$0) } }
            }
        }
    }
}
