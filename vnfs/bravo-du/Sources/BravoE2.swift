import APER
import E2Agent
import E2AP
import Foundation
import VNFKit

/// bravo's E2 side: E2SM-KPM report style 1 (E2 node measurements of the cell, no labels) and
/// nothing else — no UE-level styles, no RAN control. What it declares is what it does: a
/// subscription to another style is refused with action-not-supported.
final class BravoE2: KPMSource {
    let mac: MACStage
    init(mac: MACStage) { self.mac = mac }

    func counter(_ counter: String, scope: KPMScope) -> Double? {
        guard scope == .cell else { return nil }
        let b = mac.book
        switch counter {
        case "dl.bits": return b.totalDLBits
        case "ul.bits": return b.totalULBits
        case "dl.prb": return b.totalDLPRBs
        case "ul.prb": return b.totalULPRBs
        case "dl.prb.avail": return b.totalDLCapacity
        case "ul.prb.avail": return b.totalULCapacity
        default: return nil
        }
    }
    var kpmUEs: [KPMUE] { [] }

    func node(vnf: VNFRuntime, settings: BravoSettings, slotMilliseconds: Double) -> E2Node? {
        guard let link = vnf.config.links(onInterface: "e2").first else { return nil }
        let id = GlobalE2nodeID.gNB(GlobalE2nodegNBID(
            globalgNBID: GlobalgNBID(plmnID: PLMNIdentity(octets: OctetString(settings.plmn)), gnbID: .gnbID(BitString(value: settings.gnbID, length: 22))),
            gnbDUID: settings.duID))
        let kpm = KPMService(styles: [1], measurements: KPMMeasurement.du, source: self, slotMilliseconds: slotMilliseconds,
                             senderName: vnf.config.node, vendor: "bravo", epoch: vnf.config.clock?.mode == "realtime" ? Date() : KPMService.virtualEpoch)
        return E2Node(runtime: vnf, link: link, nodeID: id, services: [kpm], components: [E2Node.f1Component(duID: settings.duID)])
    }
}
