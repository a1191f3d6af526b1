import APER
import E2Agent
import E2AP
import E2SMCommon
import E2SMRC
import Foundation
import Scheduler
import VNFKit

/// The acme DU's E2 side: cumulative counters for E2SM-KPM (per cell, slice and UE) and the
/// E2 node with KPM report styles 1, 4 and 5 and E2SM-RC slice-level PRB quota control.
final class DUE2: KPMSource {
    struct Counters {
        var dlBits = 0.0, ulBits = 0.0, dlPRB = 0.0, ulPRB = 0.0
        func value(_ name: String, avail: Counters) -> Double? {
            switch name {
            case "dl.bits": dlBits
            case "ul.bits": ulBits
            case "dl.prb": dlPRB
            case "ul.prb": ulPRB
            case "dl.prb.avail": avail.dlPRB
            case "ul.prb.avail": avail.ulPRB
            default: nil
            }
        }
    }
    let slices: [DUSlice]
    var cell = Counters()
    /// PRBs the cell offered (summed over DL / UL slots).
    var available = Counters()
    var perSlice: [Counters]
    var perUE: [Int: (counters: Counters, ue: KPMUE)] = [:]
    /// The slot the cell is in (controls are stamped with it).
    var slot = 0
    var controls = 0

    init(slices: [DUSlice]) {
        self.slices = slices
        perSlice = Array(repeating: Counters(), count: max(1, slices.count))
    }

    func counter(_ counter: String, scope: KPMScope) -> Double? {
        switch scope {
        case .cell: return cell.value(counter, avail: available)
        case let .slice(s):
            guard let i = slices.firstIndex(where: { KPMService.same($0.snssai, s) }) else { return nil }
            return perSlice[i].value(counter, avail: available)
        case let .ue(key): return perUE[key]?.counters.value(counter, avail: available)
        }
    }

    var kpmUEs: [KPMUE] { perUE.values.map(\.ue).sorted { $0.key < $1.key } }

    /// A UE is known to KPM once the CU named it (its gNB-CU UE F1AP ID identifies it on E2).
    func attach(key: Int, cuF1ID: Int64, slice: Int) {
        perUE[key] = (Counters(), KPMUE(key: key, id: .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: GNBCUUEF1APID(cuF1ID))),
                                        slice: slices.indices.contains(slice) ? slices[slice].snssai : nil))
    }
    func detach(key: Int) { perUE[key] = nil }

    func add(key: Int, slice: Int, dlBits: Int = 0, ulBits: Int = 0, dlPRB: Int = 0, ulPRB: Int = 0) {
        let d = Double(dlBits), u = Double(ulBits), dp = Double(dlPRB), up = Double(ulPRB)
        cell.dlBits += d; cell.ulBits += u; cell.dlPRB += dp; cell.ulPRB += up
        if perSlice.indices.contains(slice) {
            perSlice[slice].dlBits += d; perSlice[slice].ulBits += u; perSlice[slice].dlPRB += dp; perSlice[slice].ulPRB += up
        }
        if perUE[key] != nil {
            perUE[key]!.counters.dlBits += d; perUE[key]!.counters.ulBits += u
            perUE[key]!.counters.dlPRB += dp; perUE[key]!.counters.ulPRB += up
        }
    }

    /// The E2 node, or nil when the topology gives this DU no E2 link.
    static func node<P: SchedulingPolicy>(vnf: VNFRuntime, config: DUConfig, source: DUE2, scheduler: MACScheduler<P>, slotMilliseconds: Double) -> E2Node? {
        guard let link = vnf.config.links(onInterface: "e2").first else { return nil }
        let id = GlobalE2nodeID.gNB(GlobalE2nodegNBID(
            globalgNBID: GlobalgNBID(plmnID: E2AP.PLMNIdentity(octets: OctetString(config.plmn)), gnbID: .gnbID(BitString(value: config.gnbID, length: 22))),
            gnbDUID: config.duID))
        let kpm = KPMService(styles: [1, 4, 5], measurements: KPMMeasurement.du, source: source, slotMilliseconds: slotMilliseconds,
                             senderName: vnf.config.node, vendor: "acme", epoch: vnf.config.clock?.mode == "realtime" ? Date() : KPMService.virtualEpoch)
        let rc = RCSliceService { quotas in
            var plan: [(Int, Double, Double)] = []
            for q in quotas {
                let snssai = SNSSAI(sST: SST(OctetString([q.sst])), sD: q.sd)
                guard let i = config.slices.firstIndex(where: { KPMService.same($0.snssai, snssai) }) else { return .ricRequest(.controlFailedToExecute) }
                plan.append((i, Double(max(q.minPRBPolicyRatio, q.dedicatedPRBPolicyRatio)) / 100, Double(q.maxPRBPolicyRatio) / 100))
            }
            guard plan.reduce(0, { $0 + $1.1 }) <= 1 + 1e-9 else { return .ricRequest(.controlMessageInvalid) }
            // Clear the named slices' minimums first: the old ones must not block the new split.
            for (i, _, _) in plan { try? scheduler.setSliceQuota(slice: i, minShare: 0, maxShare: 1) }
            // acme realises a share in whole resource block groups (the scheduler's allocation
            // unit), the nearest number of them: 70 % of 106 PRBs in 8-PRB RBGs is 9 RBGs = 72 PRBs.
            // Shares of a cell that do not fall on RBG edges would otherwise lose a partial RBG.
            let n = scheduler.cell.prbCount, rbg = scheduler.rbgSizePRBs
            let groups = Double(n) / Double(rbg)
            func prbs(_ share: Double) -> Int { min(n, Int((share * groups).rounded()) * rbg) }
            var mins = plan.map { prbs($0.1) }
            // Rounding up must not promise more than the cell: take a group back from the
            // minimum rounded up the most until they fit.
            while mins.reduce(0, +) > n, let k = mins.indices.filter({ mins[$0] > 0 }).max(by: {
                Double(mins[$0]) - plan[$0].1 * Double(n) < Double(mins[$1]) - plan[$1].1 * Double(n) }) {
                mins[k] -= rbg
            }
            for (j, (i, _, hi)) in plan.enumerated() {
                let maxPRBs = max(prbs(hi), mins[j]), minPRBs = mins[j]
                let minShare = minPRBs == 0 ? 0 : (Double(minPRBs) - 0.5) / Double(n)
                let maxShare = min(1, maxPRBs >= n ? 1 : (Double(maxPRBs) + 0.5) / Double(n))
                do { try scheduler.setSliceQuota(slice: i, minShare: minShare, maxShare: max(minShare, maxShare)) } catch { return .ricRequest(.controlFailedToExecute) }
            }
            source.controls += 1
            vnf.emit("ranlab_du_slice_quota_controls_total", Double(source.controls), slot: source.slot)
            return nil
        }
        return E2Node(runtime: vnf, link: link, nodeID: id, services: [kpm, rc], components: [E2Node.f1Component(duID: config.duID)])
    }
}
