// bravo-du: the "bravo" vendor's DU, written only against ranlab's public modules. On the wire it
// is interchangeable with any ranlab DU: F1AP over SCTP to the CU (F1 Setup, the UE attach flow,
// release), F1-U as GTP-U with NR-U flow control, O-RAN fronthaul (eCPRI CUS-plane) to the RU with
// the emulated air interface in U-plane section 0xFFF, and the lab's virtual-time slot clock.
//
// How bravo differs from other vendors' DUs:
//   - scheduling: round robin by default (policy pf | rr | maxci | qos), the 64QAM MCS table by
//     default (mcs-table qam64 | qam256), at most 8 grants per slot and direction, 8 HARQ processes;
//   - outer-loop link adaptation: the scheduler sees reported CQI + an offset driven by
//     first-transmission ACK/NACK (10 % BLER target), so a UE whose CQI table does not match
//     bravo's MCS table still gets decodable MCSs;
//   - HARQ: feedback counts only if it names the process's latest transmission slot; no feedback
//     within 80 slots + 2 lookaheads counts as NACK; when HARQ gives up, RRC PDUs are queued again, user data not;
//   - random access: Msg3 granted on 6 PRBs at the top of the carrier; a UE without Msg3 within
//     60 slots + 2 lookaheads is dropped (contention resolution);
//   - release: undelivered DL user data is discarded at the UE Context Release Command, the UE
//     leaves 30 slots later and only then is UE Context Release Complete sent;
//   - F1-U: DL DATA DELIVERY STATUS every 10 slots asking for 50 slots' worth of the UE's recent
//     DL rate (at least 48 kB); SDUs beyond twice that are dropped (bounded queueing delay);
//     UL user data as one G-PDU per transport block;
//   - fronthaul: BFP 12-bit I/Q (and records) by default, separate C- and U-plane sequence
//     numbers; the RU counts as lost after 600 silent slots (+ 2 lookaheads) or when it leaves the slot clock
//     (ranlab_du_ru_lost 1, no scheduling until it is back: ranlab_du_ru_lost 0);
//   - F1 Setup: one cell on band n1 (FDD, NR-ARFCN 428000/390000) or n78 (TDD), two served PLMNs
//     (the configured one and 999-70), TAC 7, a valid RRC MeasurementTimingConfiguration, no
//     gNB-DU System Information, RRC version 6;
//   - IDs: C-RNTIs from 0x1001, gNB-DU UE F1AP IDs from 256, DL TEIDs 0xBxxxxxxx.
//
// Config: du-id, cell-id, pci, plmn, bandwidth-mhz, tdd (fdd | DDDDDDDSUU | DDDSU), policy,
// mcs-table, max-ues, compression (none | bfp8 | bfp9 | bfp12 | bfp14), iq-symbols (0…12),
// kpi-period (100), ue-kpi-period (1000), max-grants (1…64), harq-processes (1…16).
//
// Files: BravoSettings (config), F1CStage / F1UStage / FronthaulStage (the three interfaces),
// MACStage (random access, HARQ, link adaptation, scheduling) over UETable (struct-of-arrays UE
// state by scheduler handle) and CellMAC (the scheduler, policy chosen once), KPIBook (counters),
// BravoDU (routes between the stages each slot), FIFO (queues).

import APER
import Bus
import F1AP
import Foundation
import Scheduler
import VNFKit

let vnf: VNFRuntime
do { vnf = try VNFRuntime.start() } catch {
    FileHandle.standardError.write(Data("bravo-du: \(error)\n".utf8))
    exit(2)
}

guard let clockConfig = vnf.config.clock else { vnf.fail("bravo-du is slot-driven: this lab has no slot clock") }
let settings: BravoSettings
do { settings = try BravoSettings(vnf.config.config, lookahead: clockConfig.lookahead) } catch { vnf.fail("\(error)") }
let ignoredKeys = BravoSettings.unknownKeys(vnf.config.config)
if !ignoredKeys.isEmpty {
    FileHandle.standardError.write(Data("bravo-du: ignoring config keys bravo does not know: \(ignoredKeys.joined(separator: ", "))\n".utf8))
}
let numerology = clockConfig.numerology
let cell: CellConfig
do { cell = try settings.cell(numerology: numerology) } catch { vnf.fail("\(error)") }

func linkOn(_ interface: String) -> NodeConfig.Link {
    guard let l = vnf.config.links(onInterface: interface).first else {
        vnf.fail("no link on interface \(interface): connect \(vnf.config.node):\(interface) in the topology")
    }
    return l
}
let fhLink = linkOn("fh"), f1uLink = linkOn("f1u"), f1cLink = linkOn("f1c")

// ZeroMQ links first (the RU and the CU find them at once), READY, then the F1-C association.
let fhChannel: any BusChannel, f1uChannel: any BusChannel, f1cChannel: any BusChannel
do {
    fhChannel = try vnf.open(fhLink) { $0.linger = .zero; $0.sendTimeout = .seconds(5) }
    f1uChannel = try vnf.open(f1uLink) { $0.linger = .zero; $0.sendTimeout = .seconds(5) }
    vnf.report(.ready, detail: "fronthaul and F1-U open")
    f1cChannel = try vnf.open(f1cLink, timeout: .seconds(30))
} catch { vnf.fail("opening links: \(error)") }

// F1 Setup.
let f1 = F1CStage(settings: settings, node: vnf.config.node, prbs: cell.prbCount, numerology: numerology)
do {
    try f1cChannel.send(f1.setupRequest(transaction: 0).aperBytes(), info: F1CStage.info)
    let deadline = ContinuousClock.now + .seconds(20)
    var answer: [UInt8]?
    while answer == nil {
        if vnf.stopRequested { vnf.finish(detail: "stopped during F1 Setup") }
        if ContinuousClock.now > deadline { vnf.fail("no F1 Setup Response from \(f1cLink.peer) within 20 s") }
        answer = try f1cChannel.receive(timeout: .milliseconds(200))?.bytes
    }
    switch try F1APPDU(aperBytes: answer!).message {
    case .f1SetupResponse(let r):
        vnf.emit("ranlab_du_f1_setup_total", 1, labels: ["cu": r.gNBCUName ?? "?"])
    case .f1SetupFailure(let f):
        vnf.fail("F1 Setup refused by \(f1cLink.peer): \(f.cause)")
    case let other:
        vnf.fail("F1 Setup: expected F1 Setup Response or Failure from \(f1cLink.peer), got \(other)")
    }
} catch { vnf.fail("F1 Setup: \(error)") }

// The slot clock over the three interfaces.
let f1c = TimedLink(link: f1cLink, channel: f1cChannel)
let f1u = TimedLink(link: f1uLink, channel: f1uChannel)
let fh = TimedLink(link: fhLink, channel: fhChannel)
let clock: SlotClock
do { clock = try SlotClock(runtime: vnf, links: [f1c, f1u, fh]) } catch { vnf.fail("\(error)") }

let du: BravoDU
do {
    let mac = try MACStage(settings: settings, cell: cell, numerology: numerology)
    let fronthaul = FronthaulStage(link: fh, prbs: cell.prbCount, compression: settings.compression, iqSymbols: settings.iqSymbols,
                                   numerology: numerology, silenceLimit: settings.ruSilenceSlots)
    du = BravoDU(vnf: vnf, settings: settings, f1: f1, f1c: f1c, f1u: f1u, fronthaul: fronthaul, mac: mac)
} catch { vnf.fail("scheduler: \(error)") }
vnf.report(.active, detail: "bravo DU: cell \(settings.cellID), \(cell.prbCount) PRBs, policy \(settings.policy.rawValue), \(settings.mcsTable.rawValue), \(settings.compressionName)")

let e2 = BravoE2(mac: du.mac).node(vnf: vnf, settings: settings, slotMilliseconds: clock.slotMilliseconds)
e2?.start()
var last = 0
do {
    while let epoch = try clock.next() {
        for slot in epoch.slots {
            try du.step(slot: slot, firstOfEpoch: slot == epoch.slots.lowerBound)
            e2?.step(slot: slot)
            last = slot
        }
    }
} catch { vnf.fail("slot \(last): \(error)") }
e2?.stop()
du.finish(slot: last, clock: clock)
vnf.finish(detail: "scenario done at slot \(last)")
