// ranlab-ru: the RU and UE emulator. Terminates its DU's O-RAN fronthaul over ZeroMQ and plays N
// UEs: staggered arrival, random access, the RRC attach (RRCSetupRequest → RRCSetup →
// RRCSetupComplete → RRCReconfiguration → RRCReconfigurationComplete), a channel per UE per slot
// (RadioModel), HARQ ACK/NACK drawn from the BLER model (seeded, so runs reproduce), UL traffic
// with buffer status reports, and KPIs: delivered bytes and per-packet latency per UE.
//
// Config: ues, ue-base, arrival-start, arrival-interval, channel (sinr DB | fixed-cqi N | walk
// LO-HI | trace FILE), ul-traffic (TrafficModel grammar), groups: [{ues, channel, ul-traffic}],
// mcs-table, cqi-period, bsr-period, kpi-period, sinr-offset-db, trace-ues (a UE or range whose
// attach steps and UL HARQ go to the node log).

import Foundation
import VNFKit

let vnf: VNFRuntime
do { vnf = try VNFRuntime.start() } catch {
    FileHandle.standardError.write(Data("ranlab-ru: \(error)\n".utf8))
    exit(2)
}
let config: RUConfig
do { config = try RUConfig(vnf.config.config) } catch { vnf.fail("\(error)") }
guard let clockConfig = vnf.config.clock else { vnf.fail("this lab has no slot clock") }
guard let fhLink = vnf.config.links(onInterface: "fh").first else { vnf.fail("no link on \(vnf.config.node):fh") }

let cell: RUCell
let clock: SlotClock
do {
    let fh = TimedLink(link: fhLink, channel: try vnf.open(fhLink) { $0.linger = .zero; $0.sendTimeout = .seconds(5) })
    vnf.report(.ready)
    cell = try RUCell(vnf: vnf, config: config, fh: fh, numerology: clockConfig.numerology, seed: vnf.config.scenario.seed)
    clock = try SlotClock(runtime: vnf, links: [fh])
} catch { vnf.fail("\(error)") }
vnf.report(.active, detail: "\(config.ues) UEs from UE \(config.ueBase)")

var last = 0
do {
    while let epoch = try clock.next() {
        for slot in epoch.slots {
            try cell.run(slot: slot, firstOfEpoch: slot == epoch.slots.lowerBound, lastOfEpoch: slot == epoch.slots.upperBound - 1,
                         lookahead: clock.lookahead)
            last = slot
        }
    }
} catch { vnf.fail("slot \(last): \(error)") }
vnf.finish(detail: "scenario done at slot \(last)")
