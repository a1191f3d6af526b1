import APER

extension GlobalE2nodeID {
    /// A short text form for configs, logs and KPI labels: `gnb:<PLMN>:<gNB ID>` with `:du<N>` or
    /// `:cuup<N>` for a split node, e.g. `gnb:001-01:1:du1`; `en-gnb:…`, `ng-enb:…`, `enb:…` for the
    /// other node kinds. Two IDs have the same text exactly when they identify the same node
    /// (the bit length of the gNB ID is part of it when not 22, the shortest: `1/32`).
    public var text: String {
        func id(_ b: BitString) -> String {
            let v = b.value.map(String.init) ?? b.bytes.map { String($0, radix: 16) }.joined()
            return b.length == 22 ? v : "\(v)/\(b.length)"
        }
        func gnb(_ c: GNBIDChoice) -> String { switch c { case let .gnbID(b): id(b) } }
        switch self {
        case let .gNB(n):
            var t = "gnb:\(n.globalgNBID.plmnID):\(gnb(n.globalgNBID.gnbID))"
            if let du = n.gnbDUID { t += ":du\(du)" }
            if let cuup = n.gnbCUUPID { t += ":cuup\(cuup)" }
            return t
        case let .enGNB(n):
            var t = "en-gnb:\(n.globalenGNBID.plmnIdentity):\(gnb(n.globalenGNBID.gnbID))"
            if let du = n.enGNBDUID { t += ":du\(du)" }
            if let cuup = n.enGNBCUUPID { t += ":cuup\(cuup)" }
            return t
        case let .ngENB(n):
            var t = "ng-enb:\(n.globalngeNBID.plmnID):\(n.globalngeNBID.enbID)"
            if let du = n.ngENBDUID { t += ":du\(du)" }
            return t
        case let .eNB(n):
            return "enb:\(n.globalENBID.plmnIdentity):\(n.globalENBID.enbID)"
        }
    }

    /// A gNB's (or its DU's / CU-UP's) ID from MCC, MNC and a 22-bit gNB ID.
    public static func gNB(mcc: String, mnc: String, gnbID: UInt64, duID: Int64? = nil, cuUPID: Int64? = nil) -> GlobalE2nodeID? {
        guard let plmn = PLMNIdentity(mcc: mcc, mnc: mnc), gnbID < 1 << 22 else { return nil }
        return .gNB(GlobalE2nodegNBID(globalgNBID: GlobalgNBID(plmnID: plmn, gnbID: .gnbID(BitString(value: gnbID, length: 22))),
                                      gnbCUUPID: cuUPID, gnbDUID: duID))
    }
}
