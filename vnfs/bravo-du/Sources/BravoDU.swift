import Bus
import VNFKit

/// One slot of the bravo DU: take in what the epoch delivered (F1-C → MAC, F1-U → MAC, fronthaul →
/// MAC), run the MAC, send the RU its slot, hand the MAC's events to F1-C / F1-U, report KPIs.
/// The stages never talk to each other directly; this type routes between them.
final class BravoDU {
    let vnf: VNFRuntime
    let settings: BravoSettings
    let f1c: TimedLink
    let f1u: TimedLink
    let f1: F1CStage
    let userPlane = F1UStage()
    let fronthaul: FronthaulStage
    let mac: MACStage

    init(vnf: VNFRuntime, settings: BravoSettings, f1: F1CStage, f1c: TimedLink, f1u: TimedLink, fronthaul: FronthaulStage, mac: MACStage) {
        self.vnf = vnf; self.settings = settings; self.f1 = f1
        self.f1c = f1c; self.f1u = f1u; self.fronthaul = fronthaul; self.mac = mac
    }

    func step(slot: Int, firstOfEpoch: Bool) throws {
        let began = MonotonicClock.now()
        if firstOfEpoch { intake(slot: slot) }
        if slot % 4 == 0 { mac.expireHARQ(slot: slot) }
        // Without an RU there is no air interface: bravo stops scheduling until the RU is back.
        if !fronthaul.ruLost {
            let air = mac.schedule(slot: slot)
            try fronthaul.transmit(slot: slot, record: air.record, downlink: air.downlink, uplink: air.uplink)
        }
        if slot % settings.deliveryStatusPeriod == 0 { mac.flowControl() }
        mac.reap(slot: slot)
        try dispatch()
        mac.book.slotNs &+= MonotonicClock.now() &- began
        mac.book.slots += 1
        if (slot + 1) % settings.kpiPeriod == 0 { vnf.emit(mac.cellReport(slot: slot)) }
        if (slot + 1) % settings.ueKPIPeriod == 0 {
            let samples = mac.ueReport(slot: slot)
            if !samples.isEmpty { vnf.emit(samples) }
        }
    }

    private func intake(slot: Int) {
        while let m = f1c.inbox.popFirst() {
            do {
                if let event = try f1.decode(m.bytes) { mac.apply(event, slot: slot) }
            } catch {
                mac.book.f1apErrors += 1
            }
        }
        while let m = f1u.inbox.popFirst() {
            if let sdu = userPlane.decode(m.bytes) { mac.deliver(sdu) }
        }
        let heard = !fronthaul.link.inbox.isEmpty
        for record in fronthaul.receive() { mac.ingest(record, slot: slot) }
        guard let change = fronthaul.watch(slot: slot, heard: heard) else { return }
        let peer = fronthaul.link.link.peer, cell = ["cell": String(settings.cellID)]
        switch (change.from, change.to) {
        case (_, .lost(let since)):
            // The DU itself still works: ACTIVE, with the loss in the detail and as a KPI.
            vnf.report(.active, detail: "RU \(peer) lost: fronthaul silent since slot \(since)\(fronthaul.link.peerClocked ? "" : " (left the slot clock)")")
            vnf.emit("ranlab_du_ru_lost", 1, labels: cell, slot: slot)
        case (.lost, .alive):
            vnf.report(.active, detail: "RU \(peer) back at slot \(slot)")
            vnf.emit("ranlab_du_ru_lost", 0, labels: cell, slot: slot)
        default:
            break
        }
    }

    /// Sends the MAC's events of this slot, in order.
    private func dispatch() throws {
        for event in mac.takeUpstream() {
            if let pdu = f1.encode(event) {
                try f1c.send(pdu.aperBytes(), info: F1CStage.info)
            } else if let bytes = try userPlane.encode(event) {
                try f1u.send(bytes)
            }
        }
    }

    /// The end-of-run totals.
    func finish(slot: Int, clock: SlotClock) {
        vnf.emit(mac.book.finalSamples(slot: slot, lateSlots: clock.lateSlots, fronthaulErrors: fronthaul.decodeErrors))
    }
}
