import AirInterface
import Bus
import DequeModule
import Fronthaul
import NRRRC
import RadioModel
import VNFKit

/// The RU/UE emulator's per-slot work: terminate the DU's fronthaul (C-plane sections, U-plane I/Q
/// decompressed, the emulated PDCCH/PDSCH record), play every UE (arrival, random access, RRC,
/// channel, BLER-driven HARQ ACK/NACK, UL traffic and buffer reports) and answer in one UL U-plane
/// message per slot; count delivered bytes and per-packet latency.
final class RUCell {
    let vnf: VNFRuntime
    let config: RUConfig
    let fh: TimedLink
    let slotsPerSubframe: Int
    let slotSeconds: Double
    var fhOptions: FronthaulOptions
    private var ues: [EmulatedUE]
    private var byRNTI: [UInt16: EmulatedUE] = [:]
    private var byPreamble: [UInt8: EmulatedUE] = [:]
    private var up: UplinkSlot
    private var sequence: UInt8 = 0
    private let bler = BLERModel.standard
    private var ulCompression = AirCarrier.compression
    /// The previous epoch's fronthaul messages, each held until its air slot plus the lookahead:
    /// the DL of slot d is answered in slot d + L, so every UL record carries one slot's worth of
    /// feedback and PUSCH whatever the lookahead (all of an epoch's answers in one record could
    /// outgrow an eCPRI message at large lookaheads).
    private var held = Deque<(airSlot: Int, message: FronthaulMessage)>()

    // Counters since the last KPI report.
    private var deliveredBytes = 0, latencies: [Int] = [], cplaneSections = 0, iqPRBs = 0, iqBytes = 0, decodeErrors = 0
    private var slotNs: UInt64 = 0, slotsInPeriod = 0, attachedTotal = 0

    init(vnf: VNFRuntime, config: RUConfig, fh: TimedLink, numerology: Int, seed: UInt64) throws {
        self.vnf = vnf; self.config = config; self.fh = fh
        slotsPerSubframe = 1 << numerology
        slotSeconds = Double(1_000_000 >> numerology) / 1e9
        fhOptions = FronthaulOptions(allPRBs: 273)
        let num = try Numerology(numerology)
        ues = try (0..<config.ues).map { i in
            let n = config.ueBase + i
            let ueSeed = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(n) &* 0xBF58_476D_1CE4_E5B9
            return EmulatedUE(index: n, arrivalSlot: config.arrivalStart + i * config.arrivalInterval,
                              channel: try UEChannel(spec: config.channelSpec(ue: n), table: config.mcsTable.matchingCQITable, offsetDB: config.sinrOffsetDB, seed: ueSeed),
                              uplink: try TrafficModel(spec: config.uplinkSpec(ue: n), numerology: num, seed: ueSeed ^ 0x55),
                              seed: ueSeed ^ 0xAA)
        }
        up = UplinkSlot(slot: 0, harqFeedback: [], channelReports: [], bufferReports: [], puschResults: [], preambles: [])
        for ue in ues where config.traceUEs.contains(where: { $0.contains(ue.index) }) { ue.trace = true }
    }

    func run(slot: Int, firstOfEpoch: Bool, lastOfEpoch: Bool, lookahead: Int) throws {
        let began = MonotonicClock.now()
        up = UplinkSlot(slot: UInt64(slot), harqFeedback: [], channelReports: [], bufferReports: [], puschResults: [], preambles: [])
        for ue in ues { ue.channel.step() }
        if firstOfEpoch {
            while let m = fh.inbox.popFirst() {
                do {
                    let message = try FronthaulMessage(bytes: m.bytes, options: fhOptions)
                    held.append((airSlot(of: message, now: slot), message))
                } catch { decodeErrors += 1 }
            }
        }
        while let h = held.first, lastOfEpoch || h.airSlot + lookahead <= slot {
            held.removeFirst()
            handleFronthaul(h.message, slot: slot)
        }
        for ue in ues {
            switch ue.state {
            case .idle where slot >= ue.arrivalSlot:
                sendPreamble(ue, slot: slot)
            case .preambleSent(let at) where slot - at > 40:
                sendPreamble(ue, slot: slot)   // no RAR: try again
            case .connected:
                if case .bytes(let n) = ue.uplink.next(), n > 0 {
                    ue.ulSDUs.append((UInt64(slot), n)); ue.ulDataBytes += n
                } else if ue.uplink.isFullBuffer, ue.ulDataBytes < 1_000_000 {
                    ue.ulSDUs.append((UInt64(slot), 100_000)); ue.ulDataBytes += 100_000
                }
            default: break
            }
            guard let rnti = ue.rnti, ue.state != .released else { continue }
            ue.retransmitLostSignalling(slot: slot, after: 40)
            if (slot + ue.index) % config.cqiPeriod == 0 {
                up.channelReports.append(ChannelReport(rnti: rnti, downlinkCQI: UInt8(ue.channel.cqi), uplinkCQI: UInt8(ue.channel.cqi)))
            }
            if slot % config.bsrPeriod == 0, ue.ulBufferBytes > 0 {
                up.bufferReports.append(BufferReport(rnti: rnti, bytes: UInt32(clamping: ue.ulBufferBytes)))
            }
        }
        try sendUplink(slot: slot)
        slotNs &+= MonotonicClock.now() &- began
        slotsInPeriod += 1
        if (slot + 1) % config.kpiPeriod == 0 { emitKPIs(slot: slot) }
    }

    private func sendPreamble(_ ue: EmulatedUE, slot: Int) {
        let index = UInt8(ue.index % 64)
        if let other = byPreamble[index], other !== ue, case .preambleSent = other.state { return }  // collision avoided: wait
        byPreamble[index] = ue
        ue.state = .preambleSent(at: slot)
        up.preambles.append(Preamble(index: index, ueTag: UInt32(ue.index)))
    }

    private func sendUplink(slot: Int) throws {
        let perFrame = 10 * slotsPerSubframe
        let sections = AirCarrier.uPlaneSections(carrying: up.encoded(), sectionId: 0xFFF, startPrb: 0, compression: ulCompression)
        let m = UPlaneMessage(eAxC: EAxCID(), sequence: SequenceID(sequenceId: sequence),
                              header: UPlaneHeader(dataDirection: .uplink, frameId: UInt8(truncatingIfNeeded: slot / perFrame),
                                                   subframeId: UInt8((slot % perFrame) / slotsPerSubframe), slotId: UInt8(slot % slotsPerSubframe), symbolId: 0),
                              sections: sections)
        sequence &+= 1
        try fh.send(m.encode(options: fhOptions))
    }

    // MARK: - downlink

    /// The latest slot not after `now` whose frame / subframe / slot numbers are the message's
    /// (they wrap every 256 frames).
    private func airSlot(of message: FronthaulMessage, now: Int) -> Int {
        let (f, sf, s): (UInt8, UInt8, UInt8)
        switch message {
        case .cPlane(let c): (f, sf, s) = (c.frameId, c.subframeId, c.slotId)
        case .uPlane(let u): (f, sf, s) = (u.header.frameId, u.header.subframeId, u.header.slotId)
        }
        let period = 256 * 10 * slotsPerSubframe
        let key = (Int(f) * 10 + Int(sf)) * slotsPerSubframe + Int(s)
        return now - ((now - key) % period + period) % period
    }

    private func handleFronthaul(_ message: FronthaulMessage, slot: Int) {
        switch message {
        case .cPlane(let c):
            cplaneSections += c.sections.count
        case .uPlane(let u):
            // A record message starts with section 4095 (a long record continues in sections 0, 1, …).
            let isRecord = u.sections.first?.header.sectionId == 0xFFF
            let carrier = isRecord ? u.sections : []
            if isRecord {
                // Answer in the compression the DU uses for its records.
                if let c = carrier[0].header.udCompHdr, AirCarrier.carries(c) { ulCompression = c }
                if let raw = try? AirCarrier.bytes(of: carrier), let down = try? DownlinkSlot(bytes: raw) { handleDownlink(down, slot: slot) } else { decodeErrors += 1 }
            }
            for s in u.sections where !isRecord {
                do {
                    // The PDSCH I/Q: decompressed as an RU would before the IFFT.
                    let compression = s.header.compression(.downlink, options: fhOptions)
                    if let iq = try? s.iqSamples(compression: compression) { iqPRBs += iq.count / 24; iqBytes += s.payload.count } else { decodeErrors += 1 }
                }
            }
        }
    }

    private func handleDownlink(_ down: DownlinkSlot, slot: Int) {
        for rar in down.randomAccessResponses {
            guard let ue = byPreamble[rar.preamble], case .preambleSent = ue.state else { continue }
            byPreamble[rar.preamble] = nil
            ue.rnti = rar.temporaryRNTI
            byRNTI[rar.temporaryRNTI] = ue
            ue.state = .awaitingSetup
            let setupRequest = RRCMessages.setupRequest(ueIdentity: UInt64(ue.index))
            up.puschResults.append(PUSCHResult(rnti: rar.temporaryRNTI, harq: 0, crcOK: true, tbsBits: rar.msg3.tbsBits,
                                               subPDUs: [MACSubPDU(lcid: 0, length: UInt32(setupRequest.count), completedSDUs: [], content: setupRequest)]))
        }
        for a in down.assignments {
            guard let ue = byRNTI[a.rnti], Int(a.harq) < ue.dlTransmissions.count else { continue }
            let h = Int(a.harq)
            ue.dlTransmissions[h] = a.newData ? 1 : ue.dlTransmissions[h] + 1
            let ok = decodes(mcs: Int(a.mcs), sinrDB: ue.channel.sinrDB, transmissions: ue.dlTransmissions[h], rng: &ue.rng)
            up.harqFeedback.append(HARQFeedback(rnti: a.rnti, harq: a.harq, ack: ok, dlSlot: down.slot))
            guard ok else { continue }
            for sub in a.subPDUs { receive(sub, ue: ue, slot: slot, airSlot: Int(down.slot)) }
        }
        for g in down.uplinkGrants {
            guard let ue = byRNTI[g.rnti], Int(g.harq) < ue.ulHARQ.count else { continue }
            let h = Int(g.harq)
            if g.newData {
                // The previous TB of this process never got through: its signalling goes again (RLC AM).
                if !ue.ulLastOK[h], ue.ulFailedAt[h] >= 0 { ue.requeueSignalling(ue.ulHARQ[h]) }
                ue.ulHARQ[h] = ue.takeUplink(bytes: Int(g.tbsBits) / 8)
                ue.ulTransmissions[h] = 1
            } else {
                ue.ulTransmissions[h] += 1
            }
            let ok = decodes(mcs: Int(g.mcs), sinrDB: ue.channel.sinrDB, transmissions: ue.ulTransmissions[h], rng: &ue.rng)
            ue.ulLastOK[h] = ok
            ue.ulFailedAt[h] = ok ? -1 : slot
            if ue.trace { ue.log("slot \(slot): UL grant h\(h) new \(g.newData) \(g.tbsBits / 8) B mcs \(g.mcs) → \(ok ? "decoded" : "CRC failed"), \(ue.ulHARQ[h].map { "lcid \($0.lcid) \($0.length) B" })") }
            up.puschResults.append(PUSCHResult(rnti: g.rnti, harq: g.harq, crcOK: ok, tbsBits: g.tbsBits, subPDUs: ok ? ue.ulHARQ[h] : []))
        }
        for rnti in down.releases {
            guard let ue = byRNTI.removeValue(forKey: rnti) else { continue }
            ue.state = .released
            ue.rnti = nil
        }
    }

    private func decodes(mcs: Int, sinrDB: Double, transmissions: Int, rng: inout SplitMix64) -> Bool {
        guard let entry = try? config.mcsTable.entry(mcs), let p = try? bler.bler(mcs: entry, sinrDB: sinrDB, transmissions: transmissions) else { return false }
        return BLERModel.decodes(bler: p, using: &rng)
    }

    private func receive(_ sub: MACSubPDU, ue: EmulatedUE, slot: Int, airSlot: Int) {
        switch sub.lcid {
        case 0 where sub.content == RRCMessages.setup && ue.state == .awaitingSetup:
            ue.state = .awaitingReconfiguration
            ue.ulSignalling.append(RRCMessages.pdcp(RRCMessages.setupComplete, sn: ue.pdcpSN)); ue.pdcpSN += 1
        case 1:
            guard let rrc = RRCMessages.unwrapPDCP(sub.content) else { return }
            if rrc == RRCMessages.reconfiguration, ue.state == .awaitingReconfiguration {
                ue.state = .connected
                attachedTotal += 1
                ue.ulSignalling.append(RRCMessages.pdcp(RRCMessages.reconfigurationComplete, sn: ue.pdcpSN)); ue.pdcpSN += 1
                vnf.emit("ranlab_ue_connected_slot", Double(slot), labels: ["ue": String(ue.index)], slot: slot)
            } else if rrc == RRCMessages.release {
                ue.state = .released
            }
        default:
            guard sub.lcid >= 4 else { return }
            ue.deliveredBytes += Int(sub.length)
            ue.totalDelivered += Int(sub.length)
            deliveredBytes += Int(sub.length)
            for created in sub.completedSDUs {
                let latency = max(0, airSlot + 1 - Int(created))
                ue.latencies.append(latency)
                latencies.append(latency)
            }
        }
    }

    // MARK: - KPIs

    private static func quantile(_ sorted: [Int], _ q: Double) -> Int {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }

    private func emitKPIs(slot: Int) {
        let seconds = Double(slotsInPeriod) * slotSeconds
        var samples: [KPISample] = []
        let sorted = latencies.sorted()
        samples += [
            KPISample(name: "ranlab_ru_downlink_delivered_bits_per_second", value: Double(deliveredBytes * 8) / seconds, slot: slot),
            KPISample(name: "ranlab_ru_packet_latency_seconds", value: Double(Self.quantile(sorted, 0.5)) * slotSeconds, labels: ["quantile": "0.5"], slot: slot),
            KPISample(name: "ranlab_ru_packet_latency_seconds", value: Double(Self.quantile(sorted, 0.99)) * slotSeconds, labels: ["quantile": "0.99"], slot: slot),
            KPISample(name: "ranlab_ru_connected_ues", value: Double(ues.filter { $0.state == .connected }.count), slot: slot),
            KPISample(name: "ranlab_ru_cplane_sections_total", value: Double(cplaneSections), slot: slot),
            KPISample(name: "ranlab_ru_iq_prbs_total", value: Double(iqPRBs), slot: slot),
            KPISample(name: "ranlab_ru_fronthaul_decode_errors_total", value: Double(decodeErrors), slot: slot),
            KPISample(name: "ranlab_ru_slot_processing_seconds_per_slot", value: Double(slotNs) / 1e9 / Double(max(1, slotsInPeriod)), slot: slot),
        ]
        for ue in ues where ue.state == .connected || ue.deliveredBytes > 0 {
            let l = ["ue": String(ue.index)]
            let s = ue.latencies.sorted()
            samples.append(KPISample(name: "ranlab_ue_downlink_delivered_bits_per_second", value: Double(ue.deliveredBytes * 8) / seconds, labels: l, slot: slot))
            samples.append(KPISample(name: "ranlab_ue_downlink_delivered_bytes_total", value: Double(ue.totalDelivered), labels: l, slot: slot))
            if !s.isEmpty {
                samples.append(KPISample(name: "ranlab_ue_packet_latency_seconds", value: Double(s.reduce(0, +)) / Double(s.count) * slotSeconds, labels: l, slot: slot))
            }
            ue.deliveredBytes = 0
            ue.latencies.removeAll(keepingCapacity: true)
        }
        vnf.emit(samples)
        deliveredBytes = 0; latencies.removeAll(keepingCapacity: true); slotNs = 0; slotsInPeriod = 0
    }
}
