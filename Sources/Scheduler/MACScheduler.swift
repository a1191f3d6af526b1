import RadioModel

/// QoS parameters of one UE (one flow per UE is modelled).
public struct QoSParameters: Sendable, Hashable {
    /// 5QI priority level, 1…127 (lower = more important; e.g. 5QI 9 → 90, 5QI 1 → 20).
    public var priorityLevel: Int
    /// Downlink guaranteed bit rate in bit/s (0 = non-GBR).
    public var downlinkGBR: Double
    /// Uplink guaranteed bit rate in bit/s (0 = non-GBR).
    public var uplinkGBR: Double
    /// Packet delay budget in ms (0 = none).
    public var delayBudget: Double

    public init(priorityLevel: Int = 90, downlinkGBR: Double = 0, uplinkGBR: Double = 0, delayBudget: Double = 0) {
        self.priorityLevel = priorityLevel
        self.downlinkGBR = downlinkGBR
        self.uplinkGBR = uplinkGBR
        self.delayBudget = delayBudget
    }
}

/// Per-slot DL/UL MAC scheduler of one cell.
///
/// UEs are added and removed, and inputs (buffers, CQI, QoS, HARQ feedback, slice quotas) are set,
/// between slots; `runSlot(_:into:)` then fills a reused `SlotResult`. After construction the slot
/// path allocates nothing: every table lives in buffers sized for `maxUEs` at init. Cost per
/// slot: O(U) to build the candidate list and decay the averages, O(U log k) to pick the best k
/// candidates (k ≈ grants per slot), O(k·N_RBG) for PRBs and CCEs.
public final class MACScheduler<Policy: SchedulingPolicy> {
    /// The cell.
    public let cell: CellConfig
    /// Capacity of the UE table.
    public let maxUEs: Int
    /// The policy (may be replaced or tuned between slots).
    public var policy: Policy

    let nPRB: Int
    let rbgSize: Int
    let nRBG: Int
    let rbgWords: Int
    let cceWords: Int
    let slotsPerSecond: Double
    let beta: Double
    /// MCS for CQI 0…15 (-1 for CQI 0).
    let mcsForCQI: FixedBuffer<Int8>
    /// TBS bits: index ((direction · 15 + symbols) · 32 + mcs) · (N_RB + 1) + prbs.
    let tbs: FixedBuffer<Int32>

    // UE table (index = handle)
    let inUse: FixedBuffer<Bool>
    let rntis: FixedBuffer<UInt16>
    let positions: FixedBuffer<Int32>
    let slices: FixedBuffer<UInt8>
    let priorities: FixedBuffer<UInt8>
    let delayBudgets: FixedBuffer<Double>
    let holDelays: FixedBuffer<Double>
    let active: FixedBuffer<Int32>
    var activeCount = 0
    var rntiIndex: [UInt16: Int] = [:]
    let links: [LinkState]

    // slot workspace
    let candidates: FixedBuffer<Int32>
    let candidateDone: FixedBuffer<Bool>
    let retxList: FixedBuffer<Int32>
    let metrics: FixedBuffer<Double>
    let order: FixedBuffer<Int32>
    let heapMetric: FixedBuffer<Double>
    let rbgFree: FixedBuffer<UInt64>
    let cceUsed: FixedBuffer<UInt64>
    let sliceMinPRBs: FixedBuffer<Int>
    let sliceMaxPRBs: FixedBuffer<Int>
    let sliceUsed: FixedBuffer<Int>
    let sliceDemand: FixedBuffer<Int>
    let sliceUnmet: FixedBuffer<Int>
    let sliceMinShare: FixedBuffer<Double>
    let sliceMaxShare: FixedBuffer<Double>
    var anySliceMinimum = false

    /// Creates a scheduler for `cell` with room for `maxUEs` UEs.
    public init(cell: CellConfig, maxUEs: Int, policy: Policy) throws(SchedulerError) {
        guard (1...65536).contains(maxUEs) else { throw .outOfRange(parameter: "max UEs", value: maxUEs, allowed: 1...65536) }
        guard (1...512).contains(cell.coresetCCEs) else {
            throw .outOfRange(parameter: "CORESET CCEs", value: cell.coresetCCEs, allowed: 1...512)
        }
        guard (1...3).contains(cell.coresetSymbols) else {
            throw .outOfRange(parameter: "CORESET symbols", value: cell.coresetSymbols, allowed: 1...3)
        }
        guard (0...1024).contains(cell.maxDownlinkGrantsPerSlot) else {
            throw .outOfRange(parameter: "max DL grants", value: cell.maxDownlinkGrantsPerSlot, allowed: 0...1024)
        }
        guard (0...1024).contains(cell.maxUplinkGrantsPerSlot) else {
            throw .outOfRange(parameter: "max UL grants", value: cell.maxUplinkGrantsPerSlot, allowed: 0...1024)
        }
        guard (1...64).contains(cell.sliceCount) else {
            throw .outOfRange(parameter: "slices", value: cell.sliceCount, allowed: 1...64)
        }
        guard cell.throughputAveragingWeight > 0, cell.throughputAveragingWeight <= 1 else {
            throw .realOutOfRange(parameter: "averaging weight", value: cell.throughputAveragingWeight, allowed: 0...1)
        }
        self.cell = cell
        self.maxUEs = maxUEs
        self.policy = policy
        nPRB = cell.prbCount
        do {
            rbgSize = try cell.rbgConfiguration.nominalSize(bwpSize: nPRB)
            nRBG = try cell.rbgConfiguration.groupCount(bwpSize: nPRB)
        } catch { throw .radioModel(error) }
        rbgWords = (nRBG + 63) / 64
        cceWords = (cell.coresetCCEs + 63) / 64
        slotsPerSecond = 1e9 / Double(cell.carrier.numerology.slotDurationNanoseconds)
        beta = cell.throughputAveragingWeight

        mcsForCQI = .init(count: 16, initial: -1)
        let cqiTable = cell.mcsTable.matchingCQITable
        for q in 1...15 {
            let m = (try? cqiTable.mcsIndex(forCQI: q)) ?? nil
            mcsForCQI[q] = Int8(m ?? -1)
        }
        // TBS[direction][symbols][mcs][prbs], computed once with RadioModel's TransportBlockSize.
        let row = nPRB + 1
        tbs = .init(count: 2 * 15 * 32 * row, initial: 0)
        for d in 0..<2 {
            let layers = d == 0 ? cell.downlinkLayers : cell.uplinkLayers
            for symbols in 1...14 where 12 * symbols - cell.dmrsREsPerPRB - cell.overheadREsPerPRB > 0 {
                for mcs in 0...cell.mcsTable.maxDataIndex {
                    let base = ((d * 15 + symbols) * 32 + mcs) * row
                    for prbs in 1...nPRB {
                        do {
                            let t = try TransportBlockSize(
                                table: cell.mcsTable, mcs: mcs, prbs: prbs, symbols: symbols,
                                dmrsREsPerPRB: cell.dmrsREsPerPRB, overheadREsPerPRB: cell.overheadREsPerPRB,
                                layers: layers)
                            tbs[base + prbs] = Int32(t.bits)
                        } catch { throw .radioModel(error) }
                    }
                }
            }
        }

        inUse = .init(count: maxUEs, initial: false)
        rntis = .init(count: maxUEs, initial: 0)
        positions = .init(count: maxUEs, initial: -1)
        slices = .init(count: maxUEs, initial: 0)
        priorities = .init(count: maxUEs, initial: 90)
        delayBudgets = .init(count: maxUEs, initial: 0)
        holDelays = .init(count: maxUEs, initial: 0)
        active = .init(count: maxUEs, initial: 0)
        let template: HARQEntity
        do { template = try HARQEntity(processCount: cell.harqProcesses, maxRetransmissions: cell.maxHARQRetransmissions) }
        catch { throw .radioModel(error) }
        links = [
            LinkState(maxUEs: maxUEs, processes: cell.harqProcesses, harqTemplate: template),
            LinkState(maxUEs: maxUEs, processes: cell.harqProcesses, harqTemplate: template),
        ]
        rntiIndex.reserveCapacity(maxUEs)

        candidates = .init(count: maxUEs, initial: 0)
        candidateDone = .init(count: maxUEs, initial: false)
        retxList = .init(count: maxUEs, initial: 0)
        metrics = .init(count: maxUEs, initial: 0)
        order = .init(count: maxUEs, initial: 0)
        heapMetric = .init(count: maxUEs, initial: 0)
        rbgFree = .init(count: rbgWords, initial: 0)
        cceUsed = .init(count: cceWords, initial: 0)
        sliceMinPRBs = .init(count: cell.sliceCount, initial: 0)
        sliceMaxPRBs = .init(count: cell.sliceCount, initial: cell.prbCount)
        sliceUsed = .init(count: cell.sliceCount, initial: 0)
        sliceDemand = .init(count: cell.sliceCount, initial: 0)
        sliceUnmet = .init(count: cell.sliceCount, initial: 0)
        sliceMinShare = .init(count: cell.sliceCount, initial: 0)
        sliceMaxShare = .init(count: cell.sliceCount, initial: 1)
    }

    deinit {
        mcsForCQI.free(); tbs.free()
        inUse.free(); rntis.free(); positions.free(); slices.free(); priorities.free()
        delayBudgets.free(); holDelays.free(); active.free()
        candidates.free(); candidateDone.free(); retxList.free(); metrics.free(); order.free(); heapMetric.free()
        rbgFree.free(); cceUsed.free()
        sliceMinPRBs.free(); sliceMaxPRBs.free(); sliceUsed.free(); sliceDemand.free(); sliceUnmet.free()
        sliceMinShare.free(); sliceMaxShare.free()
    }

    /// A result able to hold every grant of a slot; pass it to each `runSlot`.
    public func makeResult() -> SlotResult {
        SlotResult(capacity: cell.maxDownlinkGrantsPerSlot + cell.maxUplinkGrantsPerSlot)
    }

    // MARK: - UEs (outside the slot path)

    /// Number of UEs.
    public var ueCount: Int { activeCount }

    /// Adds a UE and returns its handle. CQI 0 means nothing can be sent in that direction.
    @discardableResult
    public func addUE(
        rnti: UInt16, slice: Int = 0, qos: QoSParameters = QoSParameters(), downlinkCQI: Int = 15, uplinkCQI: Int = 15
    ) throws(SchedulerError) -> Int {
        guard activeCount < maxUEs else { throw .tooManyUEs(max: maxUEs) }
        guard rntiIndex[rnti] == nil else { throw .duplicateRNTI(rnti) }
        guard (0..<cell.sliceCount).contains(slice) else {
            throw .outOfRange(parameter: "slice", value: slice, allowed: 0...(cell.sliceCount - 1))
        }
        var u = 0
        while inUse[u] { u += 1 }
        inUse[u] = true
        rntis[u] = rnti
        rntiIndex[rnti] = u
        slices[u] = UInt8(slice)
        positions[u] = Int32(activeCount)
        active[activeCount] = Int32(u)
        activeCount += 1
        for d in 0..<2 {
            let link = links[d]
            link.buffer[u] = 0
            link.average[u] = 0
            link.retxPending[u] = 0
            link.idleProcesses[u] = UInt8(cell.harqProcesses)
            link.harq.base[u].reset()
        }
        do {
            try setQoS(u, qos)
            try setCQI(u, downlink: downlinkCQI, uplink: uplinkCQI)
        } catch {
            removeUE(u)
            throw error
        }
        return u
    }

    /// Removes a UE (its HARQ processes and buffers are dropped). Later UEs move up one position.
    public func removeUE(_ ue: Int) {
        guard (0..<maxUEs).contains(ue), inUse[ue] else { return }
        inUse[ue] = false
        rntiIndex[rntis[ue]] = nil
        var p = Int(positions[ue])
        while p + 1 < activeCount {
            active[p] = active[p + 1]
            positions[Int(active[p])] = Int32(p)
            p += 1
        }
        activeCount -= 1
        positions[ue] = -1
    }

    /// Handle of the UE with `rnti`, if any.
    public func ue(rnti: UInt16) -> Int? { rntiIndex[rnti] }

    /// C-RNTI of a UE.
    public func rnti(of ue: Int) -> UInt16 { rntis[ue] }

    /// Position of a UE in the UE list (round-robin order).
    public func position(of ue: Int) -> Int { Int(positions[ue]) }

    private func check(_ ue: Int) throws(SchedulerError) {
        guard (0..<maxUEs).contains(ue), inUse[ue] else { throw .unknownUE(ue) }
    }

    /// Sets the bytes waiting in the RLC/BSR of one direction.
    public func setBuffer(_ ue: Int, direction: LinkDirection, bytes: Int) {
        links[direction.rawValue].buffer[ue] = max(bytes, 0)
    }

    /// Bytes still waiting (the scheduler subtracts each new TB it grants).
    public func buffer(_ ue: Int, direction: LinkDirection) -> Int { links[direction.rawValue].buffer[ue] }

    /// Sets the CQI (0…15) of both directions. Allocation-free (callable every slot).
    public func setCQI(_ ue: Int, downlink: Int, uplink: Int) throws(SchedulerError) {
        try check(ue)
        guard (0...15).contains(downlink) else { throw .outOfRange(parameter: "CQI", value: downlink, allowed: 0...15) }
        guard (0...15).contains(uplink) else { throw .outOfRange(parameter: "CQI", value: uplink, allowed: 0...15) }
        setCQI(ue, direction: 0, cqi: downlink)
        setCQI(ue, direction: 1, cqi: uplink)
    }

    /// Sets the CQI (0…15) of one direction.
    public func setCQI(_ ue: Int, direction: LinkDirection, cqi: Int) throws(SchedulerError) {
        try check(ue)
        guard (0...15).contains(cqi) else { throw .outOfRange(parameter: "CQI", value: cqi, allowed: 0...15) }
        setCQI(ue, direction: direction.rawValue, cqi: cqi)
    }

    private func setCQI(_ ue: Int, direction d: Int, cqi q: Int) {
        let link = links[d]
        link.cqi[ue] = UInt8(q)
        let m = Int(mcsForCQI[q])
        link.mcs[ue] = Int8(m)
        // Achievable rate: TBS of the whole carrier in a full slot of this direction.
        let symbols = d == 0 ? 14 - cell.coresetSymbols : 14
        link.rate[ue] = m < 0 ? 0 : Double(tbsBits(d, symbols: symbols, mcs: m, prbs: nPRB))
    }

    /// Reported CQI of one direction.
    public func cqi(_ ue: Int, direction: LinkDirection) -> Int { Int(links[direction.rawValue].cqi[ue]) }

    /// MCS used for new data of one direction (nil for CQI 0).
    public func mcs(_ ue: Int, direction: LinkDirection) -> Int? {
        let m = links[direction.rawValue].mcs[ue]
        return m < 0 ? nil : Int(m)
    }

    /// Sets the QoS parameters.
    public func setQoS(_ ue: Int, _ qos: QoSParameters) throws(SchedulerError) {
        try check(ue)
        guard (1...127).contains(qos.priorityLevel) else {
            throw .outOfRange(parameter: "5QI priority level", value: qos.priorityLevel, allowed: 1...127)
        }
        priorities[ue] = UInt8(qos.priorityLevel)
        links[0].gbr[ue] = max(qos.downlinkGBR, 0)
        links[1].gbr[ue] = max(qos.uplinkGBR, 0)
        delayBudgets[ue] = max(qos.delayBudget, 0)
    }

    /// Sets the head-of-line delay (ms) of the UE's oldest queued packet.
    public func setHeadOfLineDelay(_ ue: Int, milliseconds: Double) { holDelays[ue] = max(milliseconds, 0) }

    /// Moves a UE to another slice.
    public func setSlice(_ ue: Int, slice: Int) throws(SchedulerError) {
        try check(ue)
        guard (0..<cell.sliceCount).contains(slice) else {
            throw .outOfRange(parameter: "slice", value: slice, allowed: 0...(cell.sliceCount - 1))
        }
        slices[ue] = UInt8(slice)
    }

    /// Slice of a UE.
    public func slice(of ue: Int) -> Int { Int(slices[ue]) }

    /// EWMA of bits served per slot of `direction`.
    public func averageThroughput(_ ue: Int, direction: LinkDirection) -> Double {
        let link = links[direction.rawValue]
        return link.average[ue] * link.averageScale
    }

    /// Sets the PRB quota of a slice, as shares of N_RB: at least ⌈min·N_RB⌉ PRBs per slot and
    /// direction while its UEs have data (and PDCCH/grant budget allows), never more than
    /// ⌊max·N_RB⌋. Callable between slots (the RIC steers it); takes effect at the next slot.
    public func setSliceQuota(slice: Int, minShare: Double, maxShare: Double) throws(SchedulerError) {
        guard (0..<cell.sliceCount).contains(slice) else {
            throw .outOfRange(parameter: "slice", value: slice, allowed: 0...(cell.sliceCount - 1))
        }
        guard minShare >= 0, minShare <= 1 else { throw .realOutOfRange(parameter: "min share", value: minShare, allowed: 0...1) }
        guard maxShare >= minShare, maxShare <= 1 else {
            throw .realOutOfRange(parameter: "max share", value: maxShare, allowed: minShare...1)
        }
        var total = minShare
        for s in 0..<cell.sliceCount where s != slice { total += sliceMinShare[s] }
        guard total <= 1 + 1e-12 else { throw .sliceMinimumsExceedCell(total: total) }
        sliceMinShare[slice] = minShare
        sliceMaxShare[slice] = maxShare
        sliceMinPRBs[slice] = min(nPRB, Int((minShare * Double(nPRB)).rounded(.up)))
        sliceMaxPRBs[slice] = Int((maxShare * Double(nPRB)).rounded(.down))
        anySliceMinimum = (0..<cell.sliceCount).contains { sliceMinPRBs[$0] > 0 }
    }

    /// The quota of a slice as (minimum PRBs, maximum PRBs) per slot and direction.
    public func sliceQuotaPRBs(slice: Int) -> (min: Int, max: Int) { (sliceMinPRBs[slice], sliceMaxPRBs[slice]) }

    /// Applies HARQ feedback for `process` of a UE in one direction.
    public func harqFeedback(_ ue: Int, direction: LinkDirection, process: Int, ack: Bool) throws(SchedulerError) {
        try check(ue)
        let link = links[direction.rawValue]
        let outcome: HARQEntity.Outcome
        do { outcome = try link.harq.base[ue].receiveFeedback(process: process, ack: ack) } catch { throw .radioModel(error) }
        switch outcome {
        case .delivered, .dropped: link.idleProcesses[ue] += 1
        case .retransmissionNeeded: link.retxPending[ue] += 1
        }
    }

    /// Applies feedback for the transport block of `grant`.
    public func harqFeedback(for grant: Grant, ack: Bool) throws(SchedulerError) {
        try harqFeedback(Int(grant.ue), direction: grant.direction, process: Int(grant.harqID), ack: ack)
    }

    /// The HARQ entity of a UE (read-only).
    public func harq(_ ue: Int, direction: LinkDirection) -> HARQEntity { links[direction.rawValue].harq[ue] }

    /// TBS in bits from the precomputed table.
    @inline(__always) func tbsBits(_ d: Int, symbols: Int, mcs: Int, prbs: Int) -> Int {
        Int(tbs[((d * 15 + symbols) * 32 + mcs) * (nPRB + 1) + prbs])
    }

    /// TBS (bits) for MCS `mcs`, `prbs` PRBs and `symbols` symbols of `direction`.
    public func transportBlockBits(direction: LinkDirection, mcs: Int, prbs: Int, symbols: Int) -> Int {
        tbsBits(direction.rawValue, symbols: symbols, mcs: mcs, prbs: prbs)
    }

    /// PDCCH aggregation level for a DL CQI: 13–15 → 1, 10–12 → 2, 7–9 → 4, 4–6 → 8, 1–3 → 16.
    @inline(__always) public static func aggregationLevel(forCQI cqi: Int) -> Int {
        cqi >= 13 ? 1 : cqi >= 10 ? 2 : cqi >= 7 ? 4 : cqi >= 4 ? 8 : 16
    }

    /// RBG size P.
    public var rbgSizePRBs: Int { rbgSize }

    /// DL (PDSCH) and UL (PUSCH) symbol windows of `slot`: (first symbol, count); count 0 = none.
    public func symbolWindows(slot: Int) -> (downlink: (start: Int, count: Int), uplink: (start: Int, count: Int)) {
        var dl = 14
        var ul = 14
        if let tdd = cell.carrier.tddPattern {
            dl = tdd.downlinkSymbols(inSlot: slot)
            ul = tdd.uplinkSymbols(inSlot: slot)
        }
        let cs = cell.coresetSymbols
        let pdsch = dl > cs ? dl - cs : 0
        return ((cs, pdsch), (14 - ul, ul))
    }
}
