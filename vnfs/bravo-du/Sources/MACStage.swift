import AirInterface
import Bus
import GTPU
import NRRRC
import RadioModel
import Scheduler
import VNFKit

/// bravo's MAC: random access and contention resolution, the UE table, HARQ (with a feedback
/// timeout and a check that feedback belongs to the latest transmission), outer-loop link
/// adaptation on top of the reported CQI, and the scheduler's grants turned into what the RU
/// needs (`Air`) and what the CU needs (`Upstream` events, taken by the driver after each slot).
final class MACStage {
    /// What the MAC has for the CU, in the order it happened.
    enum Upstream {
        case initialUL(duID: Int64, rnti: UInt16, rrc: [UInt8])
        case ulRRC(cuID: Int64, duID: Int64, srb: Int64, rrc: [UInt8])
        case contextSetupResponse(cuID: Int64, duID: Int64, rnti: UInt16, dlTEID: UInt32)
        case releaseComplete(cuID: Int64, duID: Int64)
        case ulData(teid: UInt32, ue: Int, length: Int, created: [UInt64])
        case deliveryStatus(teid: UInt32, desired: Int)
    }

    /// One slot for the RU: the air-interface record and the PRBs of every grant.
    struct Air {
        var record: DownlinkSlot
        var downlink: [FronthaulStage.Allocation] = []
        var uplink: [FronthaulStage.Allocation] = []
    }

    static let cellGroupConfig = RRCMessages.cellGroupConfig
    /// Outer loop: steps in CQI units on a first-transmission ACK / NACK (aims at 10 % BLER).
    static let ollaUp = 0.05, ollaDown = 0.45, ollaRange = -8.0...1.0
    static let initialCQI = 6

    let mac: any CellMAC
    let settings: BravoSettings
    private(set) var table: UETable
    var book: KPIBook
    private var upstream: [Upstream] = []
    private var result: SlotResult
    private var pendingRAR: [RandomAccessResponse] = []
    private var pendingReleases: [UInt16] = []
    private var nextRNTI: UInt16 = 0x1001
    private var nextDUID: Int64 = 0x100

    init(settings: BravoSettings, cell: CellConfig, numerology: Int) throws(SchedulerError) {
        self.settings = settings
        mac = try makeCellMAC(settings.policy, cell: cell, maxUEs: settings.maxUEs)
        table = UETable(capacity: settings.maxUEs, processes: cell.harqProcesses)
        book = KPIBook(cellID: settings.cellID, numerology: numerology)
        result = mac.makeResult()
    }

    /// The events produced since the last call.
    func takeUpstream() -> [Upstream] {
        defer { upstream.removeAll(keepingCapacity: true) }
        return upstream
    }

    var connectedUEs: Int { table.rows.filter { table.phase[$0] == .active }.count }

    // MARK: - from the CU

    func apply(_ event: F1CStage.Downstream, slot: Int) {
        switch event {
        case let .dlRRC(duID, cuID, srb, rrc):
            guard let r = table.byDUID[duID] else { return }
            table.cuID[r] = cuID
            table.queueSRB(r, lcid: srb == 0 ? 0 : 1, rrc)
        case let .contextSetup(duID, cuID, ulTEID, rrc):
            guard let r = table.byDUID[duID], table.phase[r] == .signalling else { return }
            table.cuID[r] = cuID
            table.ulTEID[r] = ulTEID
            table.phase[r] = .active
            book.attached += 1
            upstream.append(.contextSetupResponse(cuID: cuID, duID: duID, rnti: table.rnti[r], dlTEID: table.dlTEID[r]))
            if let rrc { table.queueSRB(r, lcid: 1, rrc) }
        case let .contextRelease(duID, cuID, rrc):
            guard let r = table.byDUID[duID], table.phase[r] != .leaving else { return }
            table.cuID[r] = cuID
            if let rrc { table.queueSRB(r, lcid: 1, rrc) }
            table.flushDRB(r)   // bravo discards undelivered user data at once
            table.phase[r] = .leaving
            table.deadline[r] = slot + settings.releaseDelaySlots
        }
    }

    func deliver(_ sdu: F1UStage.SDU) {
        guard let r = table.byTEID[sdu.teid], table.phase[r] == .active else { return }
        if !table.queueSDU(r, created: sdu.created, bytes: sdu.bytes, limit: 2 * desiredBuffer(r)) { book.droppedSDUBytes += sdu.bytes }
    }

    /// DL bytes bravo wants buffered for a UE: what its recent served rate drains in the flow window.
    private func desiredBuffer(_ r: Int) -> Int {
        max(settings.minimumDesiredBytes, Int(mac.averageThroughput(r, direction: .downlink) / 8 * Double(settings.flowWindowSlots)))
    }

    /// NR-U DL DATA DELIVERY STATUS for every UE with a DRB: room left up to its desired buffer.
    func flowControl() {
        for r in table.rows where table.phase[r] == .active {
            guard let teid = table.ulTEID[r] else { continue }
            upstream.append(.deliveryStatus(teid: teid, desired: max(0, desiredBuffer(r) - table.drbBytes[r])))
        }
    }

    // MARK: - from the RU

    func ingest(_ up: UplinkSlot, slot: Int) {
        for p in up.preambles { admit(p, slot: slot) }
        for f in up.harqFeedback { downlinkFeedback(f) }
        for c in up.channelReports {
            guard let r = table.byRNTI[c.rnti] else { continue }
            table.reportedCQI[2 * r] = Int(c.downlinkCQI)
            table.reportedCQI[2 * r + 1] = Int(c.uplinkCQI)
            adapt(r, .downlink, ack: nil)
            adapt(r, .uplink, ack: nil)
        }
        for b in up.bufferReports { if let r = table.byRNTI[b.rnti] { table.ulEstimate[r] = Int(b.bytes) } }
        for p in up.puschResults { uplinkResult(p) }
    }

    private func admit(_ p: Preamble, slot: Int) {
        guard mac.ueCount < settings.maxUEs else { return }
        var rnti = nextRNTI
        while table.byRNTI[rnti] != nil { rnti = rnti >= 0xFFEF ? 0x1001 : rnti + 1 }
        nextRNTI = rnti >= 0xFFEF ? 0x1001 : rnti + 1
        guard let r = try? mac.addUE(rnti: rnti, slice: 0, qos: QoSParameters(), downlinkCQI: Self.initialCQI, uplinkCQI: Self.initialCQI) else { return }
        let duID = nextDUID
        nextDUID += 1
        table.admit(r, rnti: rnti, tag: Int(p.ueTag), duID: duID, dlTEID: 0xB000_0000 | UInt32(truncatingIfNeeded: duID) & 0x0FFF_FFFF,
                    msg3Deadline: slot + settings.msg3TimeoutSlots)
        table.appliedCQI[2 * r] = Self.initialCQI
        table.appliedCQI[2 * r + 1] = Self.initialCQI
        // Msg3: 6 PRBs at the top of the carrier, QPSK, four slots later.
        let prbs = mac.cell.prbCount
        pendingRAR.append(RandomAccessResponse(preamble: p.index, temporaryRNTI: rnti,
                                               msg3: UplinkGrant(rnti: rnti, harq: 0, newData: true, mcs: 2, tbsBits: 72 * 8, prbStart: UInt16(prbs - 6),
                                                                 prbCount: 6, startSymbol: 0, symbols: 14, transmitSlot: UInt64(slot + 4))))
    }

    private func downlinkFeedback(_ f: HARQFeedback) {
        guard let r = table.byRNTI[f.rnti], Int(f.harq) < table.processes else { return }
        let h = Int(f.harq), i = r * table.processes + h
        // Only feedback for the latest transmission of a process that waits for it counts.
        guard table.dlTB[i] != nil, f.dlSlot == UInt64(table.dlTBSlot[i]),
              case .waitingForFeedback(let retx) = mac.harq(r, direction: .downlink).processes[h].state else { return }
        try? mac.harqFeedback(r, direction: .downlink, process: h, ack: f.ack)
        if f.ack {
            book.dlAcks += 1; book.dlAckedBits += table.dlTBBits[i]; book.totalDLBits += Double(table.dlTBBits[i])
            table.dlAcks[r] += 1; table.dlAckedBits[r] += table.dlTBBits[i]
            table.dlTB[i] = nil
        } else {
            book.dlNacks += 1; table.dlNacks[r] += 1
            if case .idle = mac.harq(r, direction: .downlink).processes[h].state { giveUp(i, row: r) }   // the last retransmission failed too
        }
        if retx == 0 { adapt(r, .downlink, ack: f.ack) }
    }

    /// HARQ gave up on DL process `i`: its signalling goes again (RLC AM on SRBs), its user data is lost.
    private func giveUp(_ i: Int, row r: Int) {
        if let content = table.dlTB[i] { table.requeueSignalling(r, content) }
        table.dlTB[i] = nil
    }

    private func uplinkResult(_ p: PUSCHResult) {
        guard let r = table.byRNTI[p.rnti] else { return }
        if table.phase[r] == .awaitingMsg3 {
            // Msg3: RRCSetupRequest on CCCH; the UE is resolved and the CU hears of it.
            guard p.crcOK, let ccch = p.subPDUs.first(where: { $0.lcid == 0 }) else { return }
            table.phase[r] = .signalling
            upstream.append(.initialUL(duID: table.duID[r], rnti: p.rnti, rrc: ccch.content))
            return
        }
        let h = Int(p.harq), i = r * table.processes + h
        guard h < table.processes, table.ulGrantSlot[i] >= 0,
              case .waitingForFeedback(let retx) = mac.harq(r, direction: .uplink).processes[h].state else { return }
        table.ulGrantSlot[i] = -1
        try? mac.harqFeedback(r, direction: .uplink, process: h, ack: p.crcOK)
        if retx == 0 { adapt(r, .uplink, ack: p.crcOK) }
        guard p.crcOK else { book.ulNacks += 1; return }
        book.ulAcks += 1
        var bits = 0
        for sub in p.subPDUs {
            switch sub.lcid {
            case 1, 2:
                if table.cuID[r] >= 0 { upstream.append(.ulRRC(cuID: table.cuID[r], duID: table.duID[r], srb: Int64(sub.lcid), rrc: sub.content)) }
            case 4...:
                bits += Int(sub.length) * 8
                if table.ulTEID[r] != nil {
                    table.ulPendingBytes[r] += Int(sub.length)
                    table.ulPendingSlots[r] += sub.completedSDUs
                }
            default:
                break
            }
        }
        book.ulGoodBits += bits
        book.totalULBits += Double(bits)
        table.ulGoodBits[r] += bits
        // One G-PDU per transport block, unless it is too small to hold an emulated packet's
        // headers and creation slots: then it waits for the next one (no padding is invented).
        if let teid = table.ulTEID[r], table.ulPendingBytes[r] >= EmulatedPacket.minimumLength(slots: table.ulPendingSlots[r].count) {
            upstream.append(.ulData(teid: teid, ue: table.tag[r], length: table.ulPendingBytes[r], created: table.ulPendingSlots[r]))
            table.ulPendingBytes[r] = 0
            table.ulPendingSlots[r].removeAll()
        }
    }

    /// Outer-loop link adaptation: the scheduler gets reported CQI + offset (rounded, 1…15), the
    /// offset moving up on first-transmission ACKs and down on NACKs. It keeps BLER near 10 % even
    /// when the UE's CQI table and bravo's MCS table disagree.
    private func adapt(_ r: Int, _ direction: LinkDirection, ack: Bool?) {
        let k = 2 * r + direction.rawValue
        if let ack { table.offset[k] = min(Self.ollaRange.upperBound, max(Self.ollaRange.lowerBound, table.offset[k] + (ack ? Self.ollaUp : -Self.ollaDown))) }
        let reported = table.reportedCQI[k]
        guard reported >= 0 else { return }
        let cqi = reported == 0 ? 0 : min(15, max(1, Int((Double(reported) + table.offset[k]).rounded())))
        guard cqi != table.appliedCQI[k] else { return }
        table.appliedCQI[k] = cqi
        try? mac.setCQI(r, direction: direction, cqi: cqi)
    }

    // MARK: - per slot

    /// HARQ processes without feedback for too long count as NACK (the RU's answer was lost).
    func expireHARQ(slot: Int) {
        let n = table.processes, limit = settings.harqTimeoutSlots
        for r in table.rows {
            for h in 0..<n {
                let i = r * n + h
                if table.dlTB[i] != nil, slot - table.dlTBSlot[i] > limit,
                   case .waitingForFeedback = mac.harq(r, direction: .downlink).processes[h].state {
                    book.harqTimeouts += 1
                    try? mac.harqFeedback(r, direction: .downlink, process: h, ack: false)
                    if case .idle = mac.harq(r, direction: .downlink).processes[h].state { giveUp(i, row: r) }
                }
                if table.ulGrantSlot[i] >= 0, slot - table.ulGrantSlot[i] > limit {
                    table.ulGrantSlot[i] = -1
                    if case .waitingForFeedback = mac.harq(r, direction: .uplink).processes[h].state {
                        book.harqTimeouts += 1
                        try? mac.harqFeedback(r, direction: .uplink, process: h, ack: false)
                    }
                }
            }
        }
    }

    /// Runs the scheduler for `slot` and builds the RU's view of it.
    func schedule(slot: Int) -> Air {
        for r in table.rows where table.phase[r] != .awaitingMsg3 {
            mac.setBuffer(r, direction: .downlink, bytes: table.dlBytes(r))
            mac.setBuffer(r, direction: .uplink, bytes: table.ulEstimate[r])
        }
        let t0 = MonotonicClock.now()
        mac.runSlot(slot, into: &result)
        book.schedulerNs &+= MonotonicClock.now() &- t0

        var air = Air(record: DownlinkSlot(slot: UInt64(slot), randomAccessResponses: pendingRAR, releases: pendingReleases))
        pendingRAR.removeAll(keepingCapacity: true)
        pendingReleases.removeAll(keepingCapacity: true)
        var dlPRBs = 0, ulPRBs = 0
        for g in result.grants {
            let r = Int(g.ue), i = r * table.processes + Int(g.harqID)
            guard table.phase[r] != .free else { continue }
            let allocation = FronthaulStage.Allocation(prbStart: Int(g.prbStart), prbCount: Int(g.prbCount), startSymbol: Int(g.startSymbol), symbols: Int(g.symbols))
            if g.direction == .downlink {
                let content: [MACSubPDU]
                if g.isRetransmission, let held = table.dlTB[i] {
                    content = held
                    book.dlRetransmissions += 1; table.retransmissions[r] += 1
                } else {
                    content = table.fillTransportBlock(r, bytes: Int(g.tbsBits) / 8)
                }
                table.dlTB[i] = content
                table.dlTBBits[i] = Int(g.tbsBits)
                table.dlTBSlot[i] = slot
                air.record.assignments.append(DownlinkAssignment(rnti: g.rnti, harq: g.harqID, newData: !g.isRetransmission, mcs: g.mcs, tbsBits: UInt32(g.tbsBits),
                                                                 prbStart: UInt16(g.prbStart), prbCount: UInt16(g.prbCount), startSymbol: g.startSymbol,
                                                                 symbols: g.symbols, subPDUs: content))
                air.downlink.append(allocation)
                dlPRBs += Int(g.prbCount)
            } else {
                if g.isRetransmission {
                    book.ulRetransmissions += 1; table.retransmissions[r] += 1
                } else {
                    table.ulEstimate[r] = max(0, table.ulEstimate[r] - Int(g.tbsBits) / 8)
                }
                table.ulGrantSlot[i] = slot
                air.record.uplinkGrants.append(UplinkGrant(rnti: g.rnti, harq: g.harqID, newData: !g.isRetransmission, mcs: g.mcs, tbsBits: UInt32(g.tbsBits),
                                                           prbStart: UInt16(g.prbStart), prbCount: UInt16(g.prbCount), startSymbol: g.startSymbol,
                                                           symbols: g.symbols, transmitSlot: UInt64(slot)))
                air.uplink.append(allocation)
                ulPRBs += Int(g.prbCount)
            }
        }
        if result.downlinkSymbols > 0 { book.dlPRBs += dlPRBs; book.dlPRBCapacity += mac.cell.prbCount; book.totalDLPRBs += Double(dlPRBs); book.totalDLCapacity += Double(mac.cell.prbCount) }
        if result.uplinkSymbols > 0 { book.ulPRBs += ulPRBs; book.ulPRBCapacity += mac.cell.prbCount; book.totalULPRBs += Double(ulPRBs); book.totalULCapacity += Double(mac.cell.prbCount) }
        return air
    }

    /// Removes UEs whose time is up: released ones (listed in the next DownlinkSlot's releases,
    /// with UE Context Release Complete to the CU now that the RRC Release had its slots) and ones
    /// whose Msg3 never came.
    func reap(slot: Int) {
        for r in table.rows where slot >= table.deadline[r] {
            switch table.phase[r] {
            case .leaving:
                pendingReleases.append(table.rnti[r])
                upstream.append(.releaseComplete(cuID: table.cuID[r], duID: table.duID[r]))
            case .awaitingMsg3:
                book.msg3Timeouts += 1
            default:
                continue
            }
            mac.removeUE(r)
            table.evict(r)
        }
    }

    // MARK: - KPIs

    func cellReport(slot: Int) -> [KPISample] { book.cellSamples(slot: slot, connectedUEs: connectedUEs) }

    func ueReport(slot: Int) -> [KPISample] { book.ueSamples(slot: slot, period: settings.ueKPIPeriod, table: &table) }
}
