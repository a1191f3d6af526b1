// acme-cu: the "acme" vendor's CU. F1-C server over SCTP (one port, PPID 62) for every DU the
// topology links to it: F1 Setup, the UE attach flow (Initial UL RRC Message Transfer → DL RRC
// Message Transfer (RRCSetup) → UL RRC (RRCSetupComplete) → UE Context Setup with DRB 1 and
// RRCReconfiguration → RRCReconfigurationComplete) and release after a UE's session. Downlink user
// traffic per UE from the topology's traffic models, sent to the serving DU over F1-U as GTP-U.
//
// Config: name, plmn, default-traffic, traffic: [{ues: "0-7", dl: "full-buffer", session: 5000}],
// packet-bytes (1500), full-buffer-packet-bytes (9000), kpi-period. Traffic strings: RadioModel's TrafficModel(spec:) grammar.

import APER
import Bus
import F1AP
import Foundation
import RadioModel
import VNFKit

let vnf: VNFRuntime
do { vnf = try VNFRuntime.start() } catch {
    FileHandle.standardError.write(Data("acme-cu: \(error)\n".utf8))
    exit(2)
}
let config: CUConfig
do { config = try CUConfig(vnf.config.config) } catch { vnf.fail("\(error)") }
guard let clockConfig = vnf.config.clock else { vnf.fail("this lab has no slot clock") }
let numerology: Numerology
do { numerology = try Numerology(clockConfig.numerology) } catch { vnf.fail("\(error)") }
do { try config.validate(numerology: numerology) } catch { vnf.fail("\(error)") }

let f1cLinks = vnf.config.links(onInterface: "f1c")
let f1uLinks = vnf.config.links(onInterface: "f1u")
guard !f1cLinks.isEmpty else { vnf.fail("no DU linked to \(vnf.config.node):f1c") }
func peerNode(_ l: NodeConfig.Link) -> String { String(l.peer.split(separator: ":").first ?? "") }

// F1-U sockets and the F1-C listener first, so DUs find both when they start.
var f1uChannels: [String: any BusChannel] = [:]
let listener: SCTPListener
do {
    for l in f1uLinks { f1uChannels[peerNode(l)] = try vnf.open(l) { $0.linger = .zero; $0.sendTimeout = .seconds(5) } }
    guard f1cLinks.allSatisfy({ $0.transport == "sctp" && $0.side == .bind }) else { vnf.fail("f1c links must be SCTP with the CU as the listening end") }
    listener = try vnf.listen(f1cLinks[0])
} catch { vnf.fail("\(error)") }
vnf.report(.ready, detail: "F1-C listening on \(f1cLinks[0].address)")

// One association per DU; the F1 Setup Request's gNB-DU name tells which link it is.
var dus: [CUCore.DU] = []
var duIDs: [Int64] = []
let deadline = ContinuousClock.now + .seconds(60)
while dus.count < f1cLinks.count {
    if vnf.stopRequested { vnf.finish() }
    guard ContinuousClock.now < deadline else {
        vnf.fail("only \(dus.count) of \(f1cLinks.count) DUs completed F1 Setup within 60 s")
    }
    do {
        guard let association = try listener.accept(timeout: .milliseconds(200)) else { continue }
        guard let first = try association.receive(timeout: .seconds(10)) else { vnf.fail("a DU connected but sent no F1 Setup Request") }
        guard case .f1SetupRequest(let request) = try F1APPDU(aperBytes: first.bytes).message else {
            vnf.fail("the first F1AP message of an association was not F1 Setup Request")
        }
        let name = request.gNBDUName ?? ""
        guard let link = f1cLinks.first(where: { peerNode($0) == name }), !dus.contains(where: { $0.name == name }) else {
            let failure = F1APPDU(F1SetupFailure(transactionID: request.transactionID, cause: .misc(.unspecified)))
            try association.send(failure.aperBytes(), info: MessageInfo(stream: 0, ppid: 62))
            vnf.report(.ready, detail: "refused F1 Setup from unknown DU '\(name)'")
            continue
        }
        guard let f1uLink = f1uLinks.first(where: { peerNode($0) == name }), let f1u = f1uChannels[name] else {
            vnf.fail("DU \(name) has no f1u link to this CU in the topology")
        }
        let cells = (request.gNBDUServedCellsList ?? []).map { CellstobeActivatedListItem(nRCGI: $0.servedCellInformation.nRCGI, nRPCI: $0.servedCellInformation.nRPCI) }
        let response = F1APPDU(F1SetupResponse(transactionID: request.transactionID, gNBCUName: config.name, cellsToBeActivatedList: cells,
                                               gnbCURRCVersion: RRCVersion(latestRRCVersion: BitString(value: 0b111, length: 3))))
        try association.send(response.aperBytes(), info: MessageInfo(stream: 0, ppid: 62))
        dus.append(CUCore.DU(name: name, f1c: TimedLink(link: link, channel: association), f1u: TimedLink(link: f1uLink, channel: f1u),
                             cell: request.gNBDUServedCellsList?.first?.servedCellInformation.nRCGI))
        duIDs.append(request.gNBDUID)
        vnf.emit("ranlab_cu_f1_setup_total", 1, labels: ["du": name, "du_id": String(request.gNBDUID)])
    } catch { vnf.fail("F1 Setup: \(error)") }
}

let clock: SlotClock
do { clock = try SlotClock(runtime: vnf, links: dus.flatMap { [$0.f1c, $0.f1u] }) } catch { vnf.fail("\(error)") }
vnf.report(.active, detail: "F1 set up with \(dus.map(\.name).joined(separator: ", "))")

let core = CUCore(vnf: vnf, config: config, dus: dus, numerology: numerology)
// E2 (when linked to a RIC) in the background: the CU never waits for the RIC.
let e2 = core.e2.node(vnf: vnf, plmn: config.plmn, gnbID: config.gnbID, duIDs: duIDs, slotMilliseconds: clock.slotMilliseconds)
e2?.start()
var last = 0
do {
    while let epoch = try clock.next() {
        for slot in epoch.slots {
            try core.run(slot: slot, firstOfEpoch: slot == epoch.slots.lowerBound)
            e2?.step(slot: slot)
            last = slot
        }
    }
} catch { vnf.fail("slot \(last): \(error)") }
e2?.stop()
vnf.finish(detail: "scenario done at slot \(last)")
