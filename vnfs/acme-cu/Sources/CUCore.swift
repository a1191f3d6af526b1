import APER
import Bus
import F1AP
import GTPU
import NRRRC
import RadioModel
import VNFKit

/// The acme CU's per-slot work: F1-C procedures for every DU (UE attach and release), F1-U
/// downlink traffic from each UE's traffic model (flow-controlled by NR-U delivery status for
/// full-buffer UEs), and UL data accounting.
final class CUCore {
    struct DU {
        let name: String
        let f1c: TimedLink
        let f1u: TimedLink
        /// The DU's (first) served cell from its F1 Setup: the SpCell of its UEs.
        let cell: NRCGI?
    }

    let vnf: VNFRuntime
    let config: CUConfig
    let dus: [DU]
    let numerology: Numerology
    let seed: UInt64
    private var ues: [Int64: CUUE] = [:]
    private var byTEID: [UInt32: CUUE] = [:]
    /// UE ids in creation order (the per-slot loop's order, without sorting every slot).
    private var order: [Int64] = []
    private var nextCUID: Int64 = 1
    private var attachedTotal = 0, releasedTotal = 0
    private var pdcpSN = 0
    /// Cumulative counters for E2SM-KPM.
    let e2 = CUE2()

    init(vnf: VNFRuntime, config: CUConfig, dus: [DU], numerology: Numerology) {
        self.vnf = vnf; self.config = config; self.dus = dus; self.numerology = numerology
        self.seed = vnf.config.scenario.seed
    }

    private var slotNs: UInt64 = 0, slotsInPeriod = 0

    func run(slot: Int, firstOfEpoch: Bool) throws {
        let began = MonotonicClock.now()
        defer { slotNs &+= MonotonicClock.now() &- began; slotsInPeriod += 1 }
        if firstOfEpoch {
            for (i, du) in dus.enumerated() {
                while let m = du.f1c.inbox.popFirst() { try handleF1C(m.bytes, du: i, slot: slot) }
                while let m = du.f1u.inbox.popFirst() { handleF1U(m.bytes, slot: slot) }
            }
        }
        var connected = 0
        defer { e2.connectedSum += Double(connected) }
        for id in order {
            guard let ue = ues[id], ue.state == .attached else { continue }
            connected += 1
            if let s = ue.session, let at = ue.attachedAt, slot - at >= s {
                ue.state = .releasing
                try send(F1APPDU(UEContextReleaseCommand(gNBCUUEF1APID: ue.cuF1ID, gNBDUUEF1APID: ue.duF1ID, cause: .radioNetwork(.normalRelease),
                                                         rrcContainer: OctetString(RRCMessages.pdcp(RRCMessages.release, sn: nextSN())), srbid: 1)), du: ue.du)
                continue
            }
            try generate(ue, slot: slot)
        }
        if (slot + 1) % config.kpiPeriod == 0 { emitKPIs(slot: slot) }
    }

    private func nextSN() -> Int { defer { pdcpSN = (pdcpSN + 1) & 0xFFF }; return pdcpSN }

    private func generate(_ ue: CUUE, slot: Int) throws {
        guard let teid = ue.dlTEID else { return }
        switch ue.traffic.next() {
        case .saturated:
            ue.pendingBytes = ue.credit
            ue.credit = 0
        case .bytes(let n):
            ue.pendingBytes += n
        }
        // The byte stream leaves in whole packets: `packet-bytes` (an MTU, 1500 by default), and
        // `full-buffer-packet-bytes` jumbo packets for full-buffer UEs, which always have more.
        let size = ue.traffic.isFullBuffer ? config.fullBufferPacketBytes : config.packetBytes
        while ue.pendingBytes >= size || (ue.traffic.isFullBuffer && ue.pendingBytes >= EmulatedPacket.minimumLength(slots: 1)) {
            let n = min(size, ue.pendingBytes)
            ue.pendingBytes -= n
            ue.sequence += 1
            let payload = EmulatedPacket.make(length: n, ue: ue.index, creationSlots: [UInt64(slot)], downlink: true)
            let packet = try GTPUPacket.gpdu(teid: teid, sequence: UInt16(truncatingIfNeeded: ue.sequence), nrup: nil, payload: payload)
            try dus[ue.du].f1u.send(packet.encoded())
            ue.sentBytes += payload.count
            e2.dlBits += Double(payload.count * 8)
            ue.sentPackets += 1
        }
    }

    private func send(_ pdu: F1APPDU, du: Int) throws {
        try dus[du].f1c.send(pdu.aperBytes(), info: MessageInfo(stream: 0, ppid: 62))
    }

    private func handleF1C(_ bytes: [UInt8], du: Int, slot: Int) throws {
        guard let pdu = try? F1APPDU(aperBytes: bytes) else {
            vnf.emit("ranlab_cu_f1ap_decode_errors_total", 1, labels: ["du": dus[du].name], slot: slot)
            return
        }
        switch pdu.message {
        case .initialULRRCMessageTransfer(let m):
            let index = RRCMessages.ueIdentity(ofSetupRequest: m.rrcContainer.bytes).map { Int($0) } ?? -1
            let rule = config.rule(for: max(index, 0))
            let model = (try? TrafficModel(spec: rule.downlink, numerology: numerology, seed: seed &+ UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9)) ?? .fullBuffer
            let id = nextCUID
            nextCUID += 1
            let ue = CUUE(cuF1ID: id, duF1ID: m.gNBDUUEF1APID, du: du, index: index, rnti: m.cRNTI, ulTEID: 0x0200_0000 | UInt32(id),
                          traffic: model, session: rule.session)
            ues[id] = ue
            order.append(id)
            byTEID[ue.ulTEID] = ue
            try send(F1APPDU(DLRRCMessageTransfer(gNBCUUEF1APID: id, gNBDUUEF1APID: m.gNBDUUEF1APID, srbid: 0, rrcContainer: OctetString(RRCMessages.setup))), du: du)
        case .ulRRCMessageTransfer(let m):
            guard let ue = ues[m.gNBCUUEF1APID] else { return }
            guard let rrc = RRCMessages.unwrapPDCP(m.rrcContainer.bytes) else { return }
            if rrc == RRCMessages.setupComplete, ue.state == .setup {
                ue.state = .contextSetup
                try send(contextSetupRequest(ue), du: du)
            } else if rrc == RRCMessages.reconfigurationComplete, ue.state == .contextSetup {
                ue.state = .attached
                ue.attachedAt = slot
                attachedTotal += 1
                e2.setups += 1
                vnf.emit("ranlab_cu_ue_attach_slot", Double(slot), labels: ["ue": String(ue.index), "du": dus[du].name], slot: slot)
            }
        case .ueContextSetupResponse(let m):
            guard let ue = ues[m.gNBCUUEF1APID] else { return }
            if let item = m.drbsSetupList?.first, let tnl = item.dLUPTNLInformationToBeSetupList.first,
               case .gTPTunnel(let t) = tnl.dLUPTNLInformation, t.gTPTEID.bytes.count == 4 {
                ue.dlTEID = t.gTPTEID.bytes.reduce(0) { $0 << 8 | UInt32($1) }
            }
        case .ueContextReleaseComplete(let m):
            guard let ue = ues.removeValue(forKey: m.gNBCUUEF1APID) else { return }
            order.removeAll { $0 == ue.cuF1ID }
            byTEID[ue.ulTEID] = nil
            releasedTotal += 1
            vnf.emit("ranlab_cu_ue_release_slot", Double(slot), labels: ["ue": String(ue.index), "du": dus[du].name], slot: slot)
        default:
            break
        }
    }

    private func contextSetupRequest(_ ue: CUUE) -> F1APPDU {
        let rule = config.rule(for: max(ue.index, 0))
        let teid = withUnsafeBytes(of: ue.ulTEID.bigEndian) { Array($0) }
        let tnl = UPTransportLayerInformation.gTPTunnel(GTPTunnel(transportLayerAddress: BitString(bytes: [127, 0, 0, 1], length: 32), gTPTEID: OctetString(teid)))
        let arp = NGRANAllocationAndRetentionPriority(priorityLevel: 8, preEmptionCapability: .shallNotTriggerPreEmption, preEmptionVulnerability: .notPreEmptable)
        let qos = QoSFlowLevelQoSParameters(qoSCharacteristics: .nonDynamic5QI(NonDynamic5QIDescriptor(fiveQI: Int64(rule.fiveQI))), nGRANallocationRetentionPriority: arp)
        let drb = DRBsToBeSetupItem(
            dRBID: 1,
            qoSInformation: .drbInformation(DRBInformation(dRBQoS: qos, sNSSAI: SNSSAI(sST: [0x01]), flowsMappedToDRBList: [FlowsMappedToDRBItem(qoSFlowIdentifier: 1, qoSFlowLevelQoSParameters: qos)])),
            uLUPTNLInformationToBeSetupList: [ULUPTNLInformationToBeSetupItem(uLUPTNLInformation: tnl)],
            rLCMode: .rlcUmBidirectional)
        let cgi = dus[ue.du].cell ?? NRCGI(pLMNIdentity: OctetString(config.plmn), nRCellIdentity: BitString(value: 1, length: 36))
        return F1APPDU(UEContextSetupRequest(gNBCUUEF1APID: ue.cuF1ID, gNBDUUEF1APID: ue.duF1ID, spCellID: cgi, servCellIndex: 0,
                                             cUtoDURRCInformation: CUtoDURRCInformation(), srbsToBeSetupList: [SRBsToBeSetupItem(sRBID: 2)],
                                             drbsToBeSetupList: [drb], rrcContainer: OctetString(RRCMessages.pdcp(RRCMessages.reconfiguration, sn: nextSN()))))
    }

    private func handleF1U(_ bytes: [UInt8], slot: Int) {
        guard let p = try? GTPUPacket(bytes: bytes), let ue = byTEID[p.teid] else { return }
        if let frame = try? p.nrUserPlaneFrame() {
            if case .dlDataDeliveryStatus(let status) = frame, ue.traffic.isFullBuffer { ue.credit = Int(status.desiredBufferSize) }
            return
        }
        ue.ulBytes += p.payload.count
        for created in EmulatedPacket.creationSlots(in: p.payload) ?? [] where Int(created) <= slot {
            ue.ulLatencySum += slot - Int(created)
            ue.ulLatencyCount += 1
        }
    }

    private func emitKPIs(slot: Int) {
        let slotSeconds = Double(numerology.slotDurationNanoseconds) / 1e9
        let seconds = Double(config.kpiPeriod) * slotSeconds
        var samples = [
            KPISample(name: "ranlab_cu_ues_attached_total", value: Double(attachedTotal), slot: slot),
            KPISample(name: "ranlab_cu_ues_released_total", value: Double(releasedTotal), slot: slot),
            KPISample(name: "ranlab_cu_connected_ues", value: Double(ues.values.filter { $0.state == .attached }.count), slot: slot),
            KPISample(name: "ranlab_cu_slot_processing_seconds_per_slot", value: Double(slotNs) / 1e9 / Double(max(1, slotsInPeriod)), slot: slot),
        ]
        slotNs = 0; slotsInPeriod = 0
        for id in ues.keys.sorted() {
            guard let ue = ues[id], ue.state == .attached else { continue }
            let l = ["ue": String(ue.index), "du": dus[ue.du].name]
            samples.append(KPISample(name: "ranlab_ue_downlink_offered_bits_per_second", value: Double(ue.sentBytes * 8) / seconds, labels: l, slot: slot))
            samples.append(KPISample(name: "ranlab_ue_uplink_received_bits_per_second", value: Double(ue.ulBytes * 8) / seconds, labels: l, slot: slot))
            if ue.ulLatencyCount > 0 {
                samples.append(KPISample(name: "ranlab_ue_uplink_packet_latency_seconds", value: Double(ue.ulLatencySum) / Double(ue.ulLatencyCount) * slotSeconds, labels: l, slot: slot))
            }
            ue.sentBytes = 0; ue.ulBytes = 0; ue.ulLatencySum = 0; ue.ulLatencyCount = 0
        }
        vnf.emit(samples)
    }
}
