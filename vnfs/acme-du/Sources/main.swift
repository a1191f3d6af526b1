// acme-du: the "acme" vendor's DU. F1 client over SCTP (F1 Setup, the UE attach flow, release),
// per-UE RLC-like buffers fed over F1-U (GTP-U with NR-U flow control), ranlab's MAC scheduler
// (proportional fair and the 256QAM table by default), and O-RAN fronthaul to its RU over
// ZeroMQ: a C-plane message per slot and direction, the emulated PDCCH/PDSCH content in symbol 0
// (docs/air-interface.md) and the scheduled PRBs' I/Q, compressed per config. HARQ follows the
// RU's ACK/NACK; random access ends in an Initial UL RRC Message Transfer to the CU.
//
// Config (topology `config:`): du-id, cell-id, pci, plmn, bandwidth-mhz, tdd (fdd | DDDDDDDSUU |
// DDDSU), policy (pf | rr | maxci | qos), mcs-table (qam64 | qam256), max-ues, compression (none |
// bfp8 | bfp9 | bfp12 | bfp14), iq-symbols (0…12), kpi-period and ue-kpi-period (slots),
// max-grants, harq-processes, target-buffer-bytes.

import AirInterface
import APER
import Bus
import F1AP
import Foundation
import Scheduler
import NRRRC
import VNFKit

let vnf: VNFRuntime
do { vnf = try VNFRuntime.start() } catch {
    FileHandle.standardError.write(Data("acme-du: \(error)\n".utf8))
    exit(2)
}

func link(_ interface: String) -> NodeConfig.Link {
    guard let l = vnf.config.links(onInterface: interface).first else { vnf.fail("no link on interface \(interface): connect \(vnf.config.node):\(interface) in the topology") }
    return l
}

let config: DUConfig
do { config = try DUConfig(vnf.config.config) } catch { vnf.fail("\(error)") }
guard let clockConfig = vnf.config.clock else { vnf.fail("this lab has no slot clock (needs ranlab ≥ 0.7)") }

// Fronthaul and F1-U first (ZeroMQ: peers find them at once), then F1-C.
let fhChannel: any BusChannel, f1uChannel: any BusChannel, f1cChannel: any BusChannel
do {
    fhChannel = try vnf.open(link("fh")) { $0.linger = .zero; $0.sendTimeout = .seconds(5) }
    f1uChannel = try vnf.open(link("f1u")) { $0.linger = .zero; $0.sendTimeout = .seconds(5) }
    vnf.report(.ready)
    f1cChannel = try vnf.open(link("f1c"), timeout: .seconds(30))
} catch { vnf.fail("\(error)") }

// F1 Setup.
let cellConfig: CellConfig
do { cellConfig = try config.cell(numerology: clockConfig.numerology) } catch { vnf.fail("\(error)") }
let f1 = DUF1(config: config, name: vnf.config.node, prbs: cellConfig.prbCount, numerology: clockConfig.numerology)
do {
    try f1cChannel.send(f1.setupRequest(transaction: 1).aperBytes(), info: MessageInfo(stream: 0, ppid: 62))
    guard let answer = try f1cChannel.receive(timeout: .seconds(15)) else { vnf.fail("no F1 Setup Response from \(link("f1c").peer) within 15 s") }
    switch try F1APPDU(aperBytes: answer.bytes).message {
    case .f1SetupResponse(let r):
        vnf.emit("ranlab_du_f1_setup_total", 1, labels: ["cu": r.gNBCUName ?? "?"])
    case .f1SetupFailure(let f):
        vnf.fail("F1 Setup refused by the CU: \(f.cause)")
    default:
        vnf.fail("expected F1 Setup Response, got something else")
    }
} catch { vnf.fail("F1 Setup: \(error)") }

let f1c = TimedLink(link: link("f1c"), channel: f1cChannel)
let f1u = TimedLink(link: link("f1u"), channel: f1uChannel)
let fh = TimedLink(link: link("fh"), channel: fhChannel)
let clock: SlotClock
do { clock = try SlotClock(runtime: vnf, links: [f1c, f1u, fh]) } catch { vnf.fail("\(error)") }
vnf.report(.active, detail: "F1 set up; cell \(config.cellID), \(cellConfig.prbCount) PRBs, policy \(config.policy)")

@MainActor func runCell<P: SchedulingPolicy>(_ policy: P) -> Never {
    let cell: DUCell<P>
    do {
        cell = try DUCell(vnf: vnf, config: config, cell: cellConfig, policy: policy, f1c: f1c, f1u: f1u, fh: fh,
                          numerology: clockConfig.numerology, cellGroupConfig: RRCMessages.cellGroupConfig)
    } catch { vnf.fail("cell: \(error)") }
    // E2 (when the topology links this DU to a RIC): connects in the background, never holds the cell.
    let e2 = DUE2.node(vnf: vnf, config: config, source: cell.e2, scheduler: cell.scheduler, slotMilliseconds: clock.slotMilliseconds)
    e2?.start()
    var last = 0
    do {
        while let epoch = try clock.next() {
            for slot in epoch.slots {
                try cell.run(slot: slot, firstOfEpoch: slot == epoch.slots.lowerBound)
                e2?.step(slot: slot)
                last = slot
            }
        }
    } catch { vnf.fail("slot \(last): \(error)") }
    e2?.stop()
    cell.emitFinal(slot: last, clock: clock)
    vnf.finish(detail: "scenario done at slot \(last)")
}

switch config.policy {
case "pf": runCell(ProportionalFairPolicy())
case "rr": runCell(RoundRobinPolicy())
case "maxci": runCell(MaxCIPolicy())
case "qos": runCell(QoSAwarePolicy())
default: vnf.fail("config policy = \(config.policy): use pf, rr, maxci or qos")
}
