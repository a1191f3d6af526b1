import APER
import E2Agent
import E2AP
import Foundation
import VNFKit

/// The acme CU's E2 side: E2SM-KPM report style 1 with CU-level measurements (RRC.ConnMean,
/// RRC.ConnEstabSucc, DRB.PdcpSduVolumeDL, DRB.UEThpDl), from cumulative counters.
final class CUE2: KPMSource {
    /// Connected UEs summed over slots (→ their mean), RRC setups, PDCP DL bits.
    var connectedSum = 0.0, setups = 0.0, dlBits = 0.0

    func counter(_ counter: String, scope: KPMScope) -> Double? {
        guard scope == .cell else { return nil }
        switch counter {
        case "rrc.connected": return connectedSum
        case "rrc.setup": return setups
        case "pdcp.dl.bits": return dlBits
        default: return nil
        }
    }
    var kpmUEs: [KPMUE] { [] }

    /// The E2 node (gnb:<plmn>:<gnb-id>), or nil when the topology links this CU to no RIC.
    func node(vnf: VNFRuntime, plmn: [UInt8], gnbID: UInt64, duIDs: [Int64], slotMilliseconds: Double) -> E2Node? {
        guard let link = vnf.config.links(onInterface: "e2").first else { return nil }
        let id = GlobalE2nodeID.gNB(GlobalE2nodegNBID(
            globalgNBID: GlobalgNBID(plmnID: PLMNIdentity(octets: OctetString(plmn)), gnbID: .gnbID(BitString(value: gnbID, length: 22)))))
        let kpm = KPMService(styles: [1], measurements: KPMMeasurement.cu, source: self, slotMilliseconds: slotMilliseconds,
                             senderName: vnf.config.node, vendor: "acme", epoch: vnf.config.clock?.mode == "realtime" ? Date() : KPMService.virtualEpoch)
        return E2Node(runtime: vnf, link: link, nodeID: id, services: [kpm], components: duIDs.map { E2Node.f1Component(duID: $0) })
    }
}
