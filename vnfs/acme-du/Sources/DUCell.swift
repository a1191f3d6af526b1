import AirInterface
import APER
import Bus
import F1AP
import Foundation
import Fronthaul
import GTPU
import RadioModel
import Scheduler
import VNFKit

/// The acme DU's cell: per slot it takes in what arrived (F1-C, F1-U, fronthaul UL), runs the MAC
/// scheduler, fills transport blocks from the UEs' buffers, and sends the slot's C-plane, the
/// emulated PDCCH/PDSCH content and the PDSCH I/Q to the RU.
final class DUCell<Policy: SchedulingPolicy> {
    let vnf: VNFRuntime
    let config: DUConfig
    let f1: DUF1
    let scheduler: MACScheduler<Policy>
    let f1c: TimedLink
    let f1u: TimedLink
    let fh: TimedLink
    let slotsPerSubframe: Int
    let slotSeconds: Double
    let fhOptions: FronthaulOptions
    let cellLabel: String

    private var result: SlotResult
    private var ues: [UInt16: DUUE] = [:]
    private var byHandle: [Int: DUUE] = [:]
    private var byTEID: [UInt32: DUUE] = [:]
    private var byDUID: [Int64: DUUE] = [:]
    private var nextRNTI: UInt16 = 0x4601
    private var nextDUID: Int64 = 1
    private var pendingRAR: [RandomAccessResponse] = []
    private var pendingReleases: [UInt16] = []
    private var sequence: UInt8 = 0
    private var iq: [Int16]
    private var ruLastHeard = -1
    private var ruLost = false
    private let cellGroupConfig: [UInt8]
    /// Cumulative counters for E2SM-KPM.
    let e2: DUE2
    /// DL PRBs per slice since the last KPI report.
    private var slicePRBs: [Int]

    // Cell counters since the last KPI report.
    private var dlBits = 0, ulBits = 0, dlPRBs = 0, ulPRBs = 0, dlPRBSlots = 0, ulPRBSlots = 0
    private var dlAcks = 0, dlNacks = 0, ulAcks = 0, ulNacks = 0, dlRetx = 0, ulRetx = 0
    private var schedulerNs: UInt64 = 0, slotNs: UInt64 = 0, slotsInPeriod = 0
    private var totalDLRetx = 0, totalULRetx = 0, attached = 0, harqTimeouts = 0

    init(vnf: VNFRuntime, config: DUConfig, cell: CellConfig, policy: Policy, f1c: TimedLink, f1u: TimedLink, fh: TimedLink,
         numerology: Int, cellGroupConfig: [UInt8]) throws {
        self.vnf = vnf
        self.config = config
        self.scheduler = try MACScheduler(cell: cell, maxUEs: config.maxUEs, policy: policy)
        self.f1 = DUF1(config: config, name: vnf.config.node, prbs: cell.prbCount, numerology: numerology)
        self.f1c = f1c; self.f1u = f1u; self.fh = fh
        self.slotsPerSubframe = 1 << numerology
        self.slotSeconds = Double(1_000_000 >> numerology) / 1e9
        self.fhOptions = FronthaulOptions(allPRBs: cell.prbCount)
        self.cellLabel = String(config.cellID)
        self.result = scheduler.makeResult()
        self.cellGroupConfig = cellGroupConfig
        e2 = DUE2(slices: config.slices)
        slicePRBs = Array(repeating: 0, count: max(1, config.slices.count))
        // One symbol of QPSK-like I/Q for the whole carrier, varied per slot by rotation.
        iq = (0..<(cell.prbCount * 24)).map { i in Int16(truncatingIfNeeded: ((i &* 7919) % 2 == 0 ? 1 : -1) * (2000 + (i % 24) * 37)) }
    }

    // MARK: - per slot

    func run(slot: Int, firstOfEpoch: Bool) throws {
        let began = MonotonicClock.now()
        e2.slot = slot
        if firstOfEpoch { try handleInbox(slot: slot) }
        if slot % 8 == 0 { checkHARQTimeouts(slot: slot) }
        for ue in ues.values where !ue.awaitingMsg3 {
            scheduler.setBuffer(ue.handle, direction: .downlink, bytes: ue.dlBytes)
            scheduler.setBuffer(ue.handle, direction: .uplink, bytes: ue.ulEstimate)
        }
        let t0 = MonotonicClock.now()
        scheduler.runSlot(slot, into: &result)
        schedulerNs &+= MonotonicClock.now() &- t0

        var down = DownlinkSlot(slot: UInt64(slot), assignments: [], uplinkGrants: [], randomAccessResponses: pendingRAR, releases: pendingReleases)
        pendingRAR.removeAll(keepingCapacity: true)
        pendingReleases.removeAll(keepingCapacity: true)
        var dlSections: [CPlaneSection] = []
        var ulSections: [CPlaneSection] = []
        var dlUsed = 0, ulUsed = 0
        for g in result.grants {
            guard let ue = byHandle[Int(g.ue)] else { continue }
            let h = Int(g.harqID)
            let slice = Int(g.slice)
            if g.direction == .downlink {
                dlUsed += Int(g.prbCount)
                e2.add(key: Int(ue.rnti), slice: slice, dlPRB: Int(g.prbCount))
                if slicePRBs.indices.contains(slice) { slicePRBs[slice] += Int(g.prbCount) }
                let content: [MACSubPDU]
                if g.isRetransmission, let stored = ue.dlHARQ[h] {
                    content = stored.subPDUs
                    dlRetx += 1; ue.dlRetx += 1; totalDLRetx += 1
                } else {
                    content = ue.takeTransportBlock(bytes: Int(g.tbsBits) / 8)
                }
                ue.dlHARQ[h] = (content, Int(g.tbsBits), slot)
                down.assignments.append(DownlinkAssignment(rnti: g.rnti, harq: g.harqID, newData: !g.isRetransmission, mcs: g.mcs, tbsBits: UInt32(g.tbsBits),
                                                           prbStart: UInt16(g.prbStart), prbCount: UInt16(g.prbCount), startSymbol: g.startSymbol,
                                                           symbols: g.symbols, subPDUs: content))
                dlSections.append(CPlaneSection(sectionId: UInt16(dlSections.count), startPrbc: UInt16(g.prbStart), numPrbc: UInt8(clamping: Int(g.prbCount)),
                                                numSymbol: g.symbols))
            } else {
                ulUsed += Int(g.prbCount)
                e2.add(key: Int(ue.rnti), slice: slice, ulPRB: Int(g.prbCount))
                if g.isRetransmission { ulRetx += 1; ue.ulRetx += 1; totalULRetx += 1 } else { ue.ulEstimate = max(0, ue.ulEstimate - Int(g.tbsBits) / 8) }
                ue.ulHARQSent[h] = slot
                down.uplinkGrants.append(UplinkGrant(rnti: g.rnti, harq: g.harqID, newData: !g.isRetransmission, mcs: g.mcs, tbsBits: UInt32(g.tbsBits),
                                                     prbStart: UInt16(g.prbStart), prbCount: UInt16(g.prbCount), startSymbol: g.startSymbol,
                                                     symbols: g.symbols, transmitSlot: UInt64(slot)))
                ulSections.append(CPlaneSection(sectionId: UInt16(ulSections.count), startPrbc: UInt16(g.prbStart), numPrbc: UInt8(clamping: Int(g.prbCount)),
                                                numSymbol: g.symbols))
            }
        }
        if result.downlinkSymbols > 0 { dlPRBs += dlUsed; dlPRBSlots += scheduler.cell.prbCount; e2.available.dlPRB += Double(scheduler.cell.prbCount) }
        if result.uplinkSymbols > 0 { ulPRBs += ulUsed; ulPRBSlots += scheduler.cell.prbCount; e2.available.ulPRB += Double(scheduler.cell.prbCount) }
        if !ruLost { try sendFronthaul(slot: slot, down: down, dlSections: dlSections, ulSections: ulSections) }
        if slot % config.ddsInterval == 0 { try sendDeliveryStatus() }
        for (rnti, ue) in ues where ue.releaseAtSlot.map({ slot >= $0 }) ?? false { remove(rnti) }
        slotNs &+= MonotonicClock.now() &- began
        slotsInPeriod += 1
        if (slot + 1) % config.kpiPeriod == 0 { emitCellKPIs(slot: slot) }
        if (slot + 1) % config.ueKPIPeriod == 0 { emitUEKPIs(slot: slot) }
    }

    private func ids(_ slot: Int) -> (frame: UInt8, subframe: UInt8, slot: UInt8) {
        let perFrame = 10 * slotsPerSubframe
        return (UInt8(truncatingIfNeeded: slot / perFrame), UInt8((slot % perFrame) / slotsPerSubframe), UInt8(slot % slotsPerSubframe))
    }

    private func nextSequence() -> SequenceID {
        defer { sequence &+= 1 }
        return SequenceID(sequenceId: sequence)
    }

    private func sendFronthaul(slot: Int, down: DownlinkSlot, dlSections: [CPlaneSection], ulSections: [CPlaneSection]) throws {
        let id = ids(slot)
        let eAxC = EAxCID()
        if !dlSections.isEmpty {
            let c = CPlaneMessage(eAxC: eAxC, sequence: nextSequence(), dataDirection: .downlink, frameId: id.frame, subframeId: id.subframe,
                                  slotId: id.slot, startSymbolId: 0, sectionType: .type1(udCompHdr: config.compression), sections: dlSections)
            try fh.send(c.encode(options: fhOptions))
        }
        if !ulSections.isEmpty {
            let c = CPlaneMessage(eAxC: eAxC, sequence: nextSequence(), dataDirection: .uplink, frameId: id.frame, subframeId: id.subframe,
                                  slotId: id.slot, startSymbolId: 0, sectionType: .type1(udCompHdr: config.compression), sections: ulSections)
            try fh.send(c.encode(options: fhOptions))
        }
        // Symbol 0: the emulated PDCCH (DCIs) and what each transport block carries.
        // Compressed like the I/Q (exactly: one byte per value), so one Wireshark setting decodes the stream.
        let recordCompression = AirCarrier.carries(config.compression) ? config.compression : AirCarrier.compression
        let record = AirCarrier.uPlaneSections(carrying: down.encoded(), sectionId: 0xFFF, startPrb: 0, compression: recordCompression)
        let pdcch = UPlaneMessage(eAxC: eAxC, sequence: nextSequence(),
                                  header: UPlaneHeader(dataDirection: .downlink, frameId: id.frame, subframeId: id.subframe, slotId: id.slot, symbolId: 0),
                                  sections: record)
        try fh.send(pdcch.encode(options: fhOptions))
        // PDSCH I/Q of the scheduled PRBs, compressed, for the configured number of symbols.
        guard config.iqSymbols > 0, !dlSections.isEmpty else { return }
        let rotate = slot % 24
        for s in 0..<config.iqSymbols {
            var sections: [UPlaneSection] = []
            for sec in dlSections {
                let lo = Int(sec.startPrbc) * 24, hi = lo + Int(sec.numPrbc) * 24
                var values = Array(iq[lo..<hi])
                if rotate > 0 { values.withUnsafeMutableBufferPointer { p in p[0] = p[0] &+ Int16(rotate) } }
                sections.append(try UPlaneSection(sectionId: sec.sectionId, startPrbu: sec.startPrbc, iq: values, compression: config.compression))
            }
            let m = UPlaneMessage(eAxC: eAxC, sequence: nextSequence(),
                                  header: UPlaneHeader(dataDirection: .downlink, frameId: id.frame, subframeId: id.subframe, slotId: id.slot,
                                                       symbolId: UInt8(scheduler.cell.coresetSymbols + s)),
                                  sections: sections)
            try fh.send(m.encode(options: fhOptions))
        }
    }

    /// NR-U DL DATA DELIVERY STATUS per UE: how much more the CU may send (flow control).
    private func sendDeliveryStatus() throws {
        for rnti in ues.keys.sorted() {
            guard let ue = ues[rnti], ue.cuF1ID != nil, let _ = ue.ulTEID, !ue.releasing else { continue }
            let desired = max(0, config.targetBufferBytes - ue.drbBytes)
            let frame = NRUPFrame.dlDataDeliveryStatus(.init(desiredBufferSize: UInt32(clamping: desired)))
            let packet = try GTPUPacket.gpdu(teid: ue.ulTEID!, sequence: nil, nrup: frame, payload: [])
            try f1u.send(packet.encoded())
        }
    }

    // MARK: - inbox

    private func handleInbox(slot: Int) throws {
        while let m = f1c.inbox.popFirst() { try handleF1C(m.bytes, slot: slot) }
        while let m = f1u.inbox.popFirst() { handleF1U(m.bytes) }
        var heard = false
        while let m = fh.inbox.popFirst() {
            heard = true
            try handleFronthaul(m.bytes, slot: slot)
        }
        if heard {
            ruLastHeard = slot
            if ruLost { ruLost = false; vnf.report(.active, detail: "RU \(fh.link.peer) is back at slot \(slot)") }
        } else if !ruLost, ruLastHeard >= 0, !fh.peerClocked || slot - ruLastHeard > config.ruSilenceSlots {
            // Still ACTIVE (the DU itself works), with the loss in the status detail and a KPI.
            ruLost = true
            vnf.report(.active, detail: "RU \(fh.link.peer) lost: no fronthaul since slot \(ruLastHeard)")
            vnf.emit("ranlab_du_ru_lost", 1, labels: ["cell": cellLabel], slot: slot)
        }
    }

    private func handleF1C(_ bytes: [UInt8], slot: Int) throws {
        let pdu: F1APPDU
        do { pdu = try F1APPDU(aperBytes: bytes) } catch {
            vnf.emit("ranlab_du_f1ap_decode_errors_total", 1, labels: ["cell": cellLabel], slot: slot)
            return
        }
        switch pdu.message {
        case .dlRRCMessageTransfer(let m):
            guard let ue = byDUID[m.gNBDUUEF1APID] else { return }
            ue.cuF1ID = m.gNBCUUEF1APID
            ue.enqueueSRB(lcid: m.srbid == 0 ? 0 : 1, m.rrcContainer.bytes)
        case .ueContextSetupRequest(let m):
            guard let id = m.gNBDUUEF1APID, let ue = byDUID[id] else { return }
            ue.cuF1ID = m.gNBCUUEF1APID
            if let drb = m.drbsToBeSetupList?.first, let tnl = drb.uLUPTNLInformationToBeSetupList.first,
               case .gTPTunnel(let t) = tnl.uLUPTNLInformation, t.gTPTEID.bytes.count == 4 {
                ue.ulTEID = t.gTPTEID.bytes.reduce(0) { $0 << 8 | UInt32($1) }
            }
            try sendF1C(f1.contextSetupResponse(ue: ue, cellGroup: cellGroupConfig))
            if let rrc = m.rrcContainer { ue.enqueueSRB(lcid: 1, rrc.bytes) }
            attached += 1
            e2.attach(key: Int(ue.rnti), cuF1ID: m.gNBCUUEF1APID, slice: scheduler.slice(of: ue.handle))
        case .ueContextReleaseCommand(let m):
            guard let ue = byDUID[m.gNBDUUEF1APID] else { return }
            if let rrc = m.rrcContainer { ue.enqueueSRB(lcid: 1, rrc.bytes) }
            ue.releasing = true
            ue.releaseAtSlot = slot + 40
            try sendF1C(f1.releaseComplete(ue: ue))
        default:
            break
        }
    }

    private func handleF1U(_ bytes: [UInt8]) {
        guard let p = try? GTPUPacket(bytes: bytes), p.messageType == 255, let ue = byTEID[p.teid] else { return }
        let created = EmulatedPacket.creationSlot(in: p.payload) ?? 0
        ue.enqueueSDU(slot: created, bytes: p.payload.count, limit: 2 * config.targetBufferBytes)
    }

    private func handleFronthaul(_ bytes: [UInt8], slot: Int) throws {
        guard case .uPlane(let m)? = try? FronthaulMessage(bytes: bytes, options: fhOptions), m.header.dataDirection == .uplink else { return }
        // A record message starts with section 4095 (a long record continues in sections 0, 1, …).
        guard m.sections.first?.header.sectionId == 0xFFF else { return }
        let carrier = m.sections
        guard let raw = try? AirCarrier.bytes(of: carrier), let up = try? UplinkSlot(bytes: raw) else {
            vnf.emit("ranlab_du_fronthaul_decode_errors_total", 1, labels: ["cell": cellLabel], slot: slot)
            return
        }
        try handleUplink(up, slot: slot)
    }

    private func handleUplink(_ up: UplinkSlot, slot: Int) throws {
        for p in up.preambles {
            guard ues.count < config.maxUEs else { break }
            let rnti = nextRNTI
            nextRNTI &+= 1
            let handle = try scheduler.addUE(rnti: rnti, downlinkCQI: 7, uplinkCQI: 7)
            try scheduler.setSlice(handle, slice: config.slice(ofUE: Int(p.ueTag)))
            let ue = DUUE(index: Int(p.ueTag), rnti: rnti, handle: handle, duF1ID: nextDUID, dlTEID: 0x0100_0000 | UInt32(nextDUID),
                          harqProcesses: scheduler.cell.harqProcesses)
            nextDUID += 1
            ues[rnti] = ue; byHandle[handle] = ue; byTEID[ue.dlTEID] = ue; byDUID[ue.duF1ID] = ue
            pendingRAR.append(RandomAccessResponse(preamble: p.index, temporaryRNTI: rnti,
                                                   msg3: UplinkGrant(rnti: rnti, harq: 0, newData: true, mcs: 0, tbsBits: 56 * 8, prbStart: 0, prbCount: 4,
                                                                     startSymbol: 0, symbols: 14, transmitSlot: UInt64(slot + 1))))
        }
        for f in up.harqFeedback {
            guard let ue = ues[f.rnti], Int(f.harq) < ue.dlHARQ.count, let tb = ue.dlHARQ[Int(f.harq)] else { continue }
            ue.dlHARQ[Int(f.harq)] = f.ack ? nil : tb
            try? scheduler.harqFeedback(ue.handle, direction: .downlink, process: Int(f.harq), ack: f.ack)
            if f.ack {
                dlAcks += 1; ue.dlAcks += 1; dlBits += tb.bits; ue.dlAckedBits += tb.bits; ue.dlHARQ[Int(f.harq)] = nil
                e2.add(key: Int(ue.rnti), slice: scheduler.slice(of: ue.handle), dlBits: tb.bits)
            }
            else { dlNacks += 1; ue.dlNacks += 1 }
            if !f.ack, scheduler.harq(ue.handle, direction: .downlink).processes[Int(f.harq)].state == .idle {
                // HARQ gave up: signalling is resent (RLC AM on SRBs), user data is lost (RLC UM).
                ue.dlHARQ[Int(f.harq)] = nil
                ue.requeueSignalling(tb.subPDUs)
            }
        }
        for r in up.channelReports {
            guard let ue = ues[r.rnti] else { continue }
            ue.dlCQI = Int(r.downlinkCQI); ue.ulCQI = Int(r.uplinkCQI)
            try? scheduler.setCQI(ue.handle, downlink: Int(r.downlinkCQI), uplink: Int(r.uplinkCQI))
        }
        for b in up.bufferReports { ues[b.rnti]?.ulEstimate = Int(b.bytes) }
        for r in up.puschResults {
            guard let ue = ues[r.rnti] else { continue }
            if ue.awaitingMsg3 {
                // Msg3: RRCSetupRequest on CCCH → Initial UL RRC Message Transfer.
                guard r.crcOK, let ccch = r.subPDUs.first(where: { $0.lcid == 0 }) else { continue }
                ue.awaitingMsg3 = false
                try sendF1C(f1.initialUL(ue: ue, rrc: ccch.content, cellGroup: cellGroupConfig))
                continue
            }
            let h = Int(r.harq)
            guard h < ue.ulHARQSent.count, ue.ulHARQSent[h] >= 0 else { continue }
            ue.ulHARQSent[h] = -1
            try? scheduler.harqFeedback(ue.handle, direction: .uplink, process: h, ack: r.crcOK)
            guard r.crcOK else { ulNacks += 1; ue.ulNacks += 1; continue }
            ulAcks += 1; ue.ulAcks += 1
            let dataBits = r.subPDUs.reduce(0) { $0 + ($1.lcid >= 4 ? Int($1.length) * 8 : 0) }
            ulBits += dataBits; ue.ulOKBits += dataBits
            e2.add(key: Int(ue.rnti), slice: scheduler.slice(of: ue.handle), ulBits: dataBits)
            for sub in r.subPDUs {
                if sub.lcid == 1 || sub.lcid == 2 {
                    try sendF1C(f1.ulRRC(ue: ue, srb: Int64(sub.lcid), rrc: sub.content))
                } else if sub.lcid >= 4, ue.ulTEID != nil, sub.length > 0 {
                    ue.ulPendingBytes += Int(sub.length)
                    ue.ulPendingSlots += sub.completedSDUs
                }
            }
            // UL user data goes up in MTU-sized packets (with the creation slots of the SDUs they complete).
            if let teid = ue.ulTEID, ue.ulPendingBytes >= 1500 {
                let payload = EmulatedPacket.make(length: ue.ulPendingBytes, ue: ue.index, creationSlots: ue.ulPendingSlots, downlink: false)
                try f1u.send(try GTPUPacket.gpdu(teid: teid, sequence: nil, nrup: nil, payload: payload).encoded())
                ue.ulPendingBytes = 0
                ue.ulPendingSlots.removeAll(keepingCapacity: true)
            }
        }
    }

    private func sendF1C(_ pdu: F1APPDU) throws {
        try f1c.send(pdu.aperBytes(), info: MessageInfo(stream: 0, ppid: 62))
    }

    private func checkHARQTimeouts(slot: Int) {
        for ue in ues.values {
            for h in ue.dlHARQ.indices {
                guard let tb = ue.dlHARQ[h], slot - tb.sentSlot > config.harqTimeoutSlots else { continue }
                harqTimeouts += 1
                try? scheduler.harqFeedback(ue.handle, direction: .downlink, process: h, ack: false)
                if scheduler.harq(ue.handle, direction: .downlink).processes[h].state == .idle {
                    ue.dlHARQ[h] = nil
                    ue.requeueSignalling(tb.subPDUs)
                } else {
                    ue.dlHARQ[h] = (tb.subPDUs, tb.bits, slot)
                }
            }
            for h in ue.ulHARQSent.indices where ue.ulHARQSent[h] >= 0 && slot - ue.ulHARQSent[h] > config.harqTimeoutSlots {
                harqTimeouts += 1
                ue.ulHARQSent[h] = -1
                try? scheduler.harqFeedback(ue.handle, direction: .uplink, process: h, ack: false)
            }
        }
    }

    private func remove(_ rnti: UInt16) {
        guard let ue = ues.removeValue(forKey: rnti) else { return }
        scheduler.removeUE(ue.handle)
        e2.detach(key: Int(rnti))
        byHandle[ue.handle] = nil; byTEID[ue.dlTEID] = nil; byDUID[ue.duF1ID] = nil
        pendingReleases.append(rnti)
    }

    // MARK: - KPIs

    private func emitCellKPIs(slot: Int) {
        let seconds = Double(slotsInPeriod) * slotSeconds
        let l = ["cell": cellLabel]
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        vnf.emit([
            KPISample(name: "ranlab_cell_downlink_throughput_bits_per_second", value: Double(dlBits) / seconds, labels: l, slot: slot),
            KPISample(name: "ranlab_cell_uplink_throughput_bits_per_second", value: Double(ulBits) / seconds, labels: l, slot: slot),
            KPISample(name: "ranlab_cell_downlink_prb_utilization_ratio", value: ratio(dlPRBs, dlPRBSlots), labels: l, slot: slot),
            KPISample(name: "ranlab_cell_uplink_prb_utilization_ratio", value: ratio(ulPRBs, ulPRBSlots), labels: l, slot: slot),
            KPISample(name: "ranlab_cell_downlink_bler_ratio", value: ratio(dlNacks, dlAcks + dlNacks), labels: l, slot: slot),
            KPISample(name: "ranlab_cell_uplink_bler_ratio", value: ratio(ulNacks, ulAcks + ulNacks), labels: l, slot: slot),
            KPISample(name: "ranlab_cell_harq_retransmissions_total", value: Double(totalDLRetx), labels: l.merging(["direction": "downlink"]) { a, _ in a }, slot: slot),
            KPISample(name: "ranlab_cell_harq_retransmissions_total", value: Double(totalULRetx), labels: l.merging(["direction": "uplink"]) { a, _ in a }, slot: slot),
            KPISample(name: "ranlab_cell_connected_ues", value: Double(ues.values.filter { $0.ulTEID != nil && !$0.releasing }.count), labels: l, slot: slot),
            KPISample(name: "ranlab_du_scheduler_seconds_per_slot", value: Double(schedulerNs) / 1e9 / Double(max(1, slotsInPeriod)), labels: l, slot: slot),
            KPISample(name: "ranlab_du_slot_processing_seconds_per_slot", value: Double(slotNs) / 1e9 / Double(max(1, slotsInPeriod)), labels: l, slot: slot),
        ])
        if !config.slices.isEmpty {
            let used = slicePRBs.reduce(0, +)
            vnf.emit(config.slices.indices.map { i in
                KPISample(name: "ranlab_du_slice_downlink_prb_share_ratio", value: used == 0 ? 0 : Double(slicePRBs[i]) / Double(used),
                          labels: ["cell": cellLabel, "slice": config.slices[i].label], slot: slot)
            })
            for i in slicePRBs.indices { slicePRBs[i] = 0 }
        }
        dlBits = 0; ulBits = 0; dlPRBs = 0; ulPRBs = 0; dlPRBSlots = 0; ulPRBSlots = 0
        dlAcks = 0; dlNacks = 0; ulAcks = 0; ulNacks = 0; dlRetx = 0; ulRetx = 0
        schedulerNs = 0; slotNs = 0; slotsInPeriod = 0
    }

    private func emitUEKPIs(slot: Int) {
        let seconds = Double(config.ueKPIPeriod) * slotSeconds
        var samples: [KPISample] = []
        for rnti in ues.keys.sorted() {
            guard let ue = ues[rnti] else { continue }
            let l = ["cell": cellLabel, "ue": String(ue.index)]
            func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
            samples += [
                KPISample(name: "ranlab_ue_downlink_throughput_bits_per_second", value: Double(ue.dlAckedBits) / seconds, labels: l, slot: slot),
                KPISample(name: "ranlab_ue_uplink_throughput_bits_per_second", value: Double(ue.ulOKBits) / seconds, labels: l, slot: slot),
                KPISample(name: "ranlab_ue_downlink_bler_ratio", value: ratio(ue.dlNacks, ue.dlAcks + ue.dlNacks), labels: l, slot: slot),
                KPISample(name: "ranlab_ue_harq_retransmissions_total", value: Double(ue.dlRetx + ue.ulRetx), labels: l, slot: slot),
                KPISample(name: "ranlab_ue_downlink_cqi", value: Double(ue.dlCQI), labels: l, slot: slot),
                KPISample(name: "ranlab_ue_downlink_buffer_bytes", value: Double(ue.dlBytes), labels: l, slot: slot),
            ]
            ue.dlAckedBits = 0; ue.ulOKBits = 0; ue.dlAcks = 0; ue.dlNacks = 0; ue.ulAcks = 0; ue.ulNacks = 0
        }
        if !samples.isEmpty { vnf.emit(samples) }
    }

    /// Final counters at the end of the run.
    func emitFinal(slot: Int, clock: SlotClock) {
        var samples = [
            KPISample(name: "ranlab_du_harq_feedback_timeouts_total", value: Double(harqTimeouts), labels: ["cell": cellLabel], slot: slot),
            KPISample(name: "ranlab_du_ues_attached_total", value: Double(attached), labels: ["cell": cellLabel], slot: slot),
            KPISample(name: "ranlab_du_late_slots_total", value: Double(clock.lateSlots), labels: ["cell": cellLabel], slot: slot),
        ]
        if clock.mode == .virtual {
            samples.append(KPISample(name: "ranlab_du_barrier_wait_seconds_total", value: Double(clock.waitNanoseconds) / 1e9, labels: ["cell": cellLabel], slot: slot))
        }
        vnf.emit(samples)
    }
}
