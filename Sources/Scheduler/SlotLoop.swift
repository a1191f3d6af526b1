import RadioModel

extension MACScheduler {
    /// Schedules `slot` (absolute index) and writes its grants into `result` (cleared first).
    /// Allocates nothing once `result` has its capacity (use `makeResult()`).
    public func runSlot(_ slot: Int, into result: inout SlotResult) {
        let w = symbolWindows(slot: slot)
        result.reset(slot: slot, downlinkSymbols: w.downlink.count + (w.downlink.count > 0 ? cell.coresetSymbols : 0),
                     uplinkSymbols: w.uplink.count)
        for i in 0..<cceWords { cceUsed[i] = 0 }
        if w.downlink.count > 0 && cell.maxDownlinkGrantsPerSlot > 0 {
            scheduleLink(0, slot: slot, startSymbol: w.downlink.start, symbols: w.downlink.count,
                         maxGrants: cell.maxDownlinkGrantsPerSlot, result: &result)
        }
        if w.uplink.count > 0 && cell.maxUplinkGrantsPerSlot > 0 {
            scheduleLink(1, slot: slot, startSymbol: w.uplink.start, symbols: w.uplink.count,
                         maxGrants: cell.maxUplinkGrantsPerSlot, result: &result)
        }
    }

    // MARK: - resources

    @inline(__always) func rbgPRBs(_ g: Int) -> Int { min((g + 1) * rbgSize, nPRB) - g * rbgSize }

    @inline(__always) func rbgIsFree(_ g: Int) -> Bool { rbgFree[g >> 6] & (1 << UInt64(g & 63)) != 0 }

    /// First-fit run of free RBGs: in the first free run that can give at least `minimum` PRBs,
    /// take RBGs while the total stays ≤ `limit`, until it reaches `target`. Nothing committed.
    @inline(__always)
    func findRun(minimum: Int, target: Int, limit: Int) -> (first: Int, rbgs: Int, prbs: Int)? {
        var g = 0
        while g < nRBG {
            if !rbgIsFree(g) { g += 1; continue }
            var n = 0
            var prbs = 0
            while g + n < nRBG && rbgIsFree(g + n) && prbs < target {
                let add = rbgPRBs(g + n)
                if prbs + add > limit { break }
                prbs += add
                n += 1
            }
            if prbs >= minimum && n > 0 { return (g, n, prbs) }
            g += max(n, 1)
            while g < nRBG && rbgIsFree(g) { g += 1 }  // rest of this run cannot help
        }
        return nil
    }

    @inline(__always) func takeRBGs(_ first: Int, _ n: Int) {
        for g in first..<(first + n) { rbgFree[g >> 6] &= ~(1 << UInt64(g & 63)) }
    }

    /// First free AL-aligned CCE position, marked used; nil if none.
    @inline(__always) func allocateCCEs(_ al: Int) -> Int? {
        let total = cell.coresetCCEs
        let mask: UInt64 = al == 64 ? ~0 : ((1 << UInt64(al)) - 1)
        var start = 0
        while start + al <= total {
            let word = start >> 6
            let shift = UInt64(start & 63)
            if cceUsed[word] & (mask << shift) == 0 {
                cceUsed[word] |= mask << shift
                return start
            }
            start += al
        }
        return nil
    }

    /// Smallest PRB count whose TBS holds `bits` (N_RB if none does).
    @inline(__always) func neededPRBs(_ d: Int, symbols: Int, mcs: Int, bits: Int) -> Int {
        let base = ((d * 15 + symbols) * 32 + mcs) * (nPRB + 1)
        if Int(tbs[base + nPRB]) < bits { return nPRB }
        var lo = 1
        var hi = nPRB
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(tbs[base + mid]) >= bits { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    @inline(__always) func roundUpToRBG(_ prbs: Int) -> Int { (prbs + rbgSize - 1) / rbgSize * rbgSize }

    // MARK: - selection

    /// Writes into `order` the best `k` untried candidates (only those of `slice` if ≥ 0), best
    /// first (higher metric, then lower index); returns how many. Bounded heap whose entries carry
    /// their metric (no dependent loads while sifting): O(n log k).
    func selectBest(_ k: Int, count n: Int, slice: Int) -> Int {
        guard k > 0 else { return 0 }
        let m = metrics.base
        let ord = order.base
        let hm = heapMetric.base
        let done = candidateDone.base
        let cand = candidates.base
        let sl = slices.base
        // (metric a, index a) ranks before (metric b, index b)
        @inline(__always) func before(_ ma: Double, _ ia: Int32, _ mb: Double, _ ib: Int32) -> Bool {
            ma > mb || (!(mb > ma) && ia < ib)
        }
        // Min-heap on rank: the root is the worst kept.
        @inline(__always) func siftDown(_ xm: Double, _ xi: Int32, _ size: Int) {
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= size { break }
                // The worse child (branch-free pick: sibling order is unpredictable).
                let r = l + 1
                let pickRight = r < size && before(hm[l], ord[l], hm[r], ord[r])
                let child = pickRight ? r : l
                if before(xm, xi, hm[child], ord[child]) {
                    hm[i] = hm[child]
                    ord[i] = ord[child]
                    i = child
                } else { break }
            }
            hm[i] = xm
            ord[i] = xi
        }
        var h = 0
        for c in 0..<n {
            if done[c] { continue }
            if slice >= 0 && Int(sl[Int(cand[c])]) != slice { continue }
            let mc = m[c]
            if h == k {
                // Candidates come in index order, so a tie with the worst kept one loses; NaN loses too.
                if !(mc > hm[0]) { continue }
                siftDown(mc, Int32(c), h)
            } else {
                var i = h
                h += 1
                while i > 0 {
                    let p = (i - 1) >> 1
                    if before(hm[p], ord[p], mc, Int32(c)) {
                        hm[i] = hm[p]
                        ord[i] = ord[p]
                        i = p
                    } else { break }
                }
                hm[i] = mc
                ord[i] = Int32(c)
            }
        }
        // Heap sort: repeatedly move the worst to the end, leaving `order` best first.
        var end = h
        while end > 1 {
            end -= 1
            let wm = hm[0]
            let wi = ord[0]
            let lm = hm[end]
            let li = ord[end]
            hm[end] = wm
            ord[end] = wi
            siftDown(lm, li, end)
        }
        return h
    }

    // MARK: - one direction

    /// Folds the decayed scale into every stored average (every ~6900 slots of a direction).
    func renormalizeAverages(_ link: LinkState) {
        let scale = link.averageScale
        for u in 0..<maxUEs { link.average[u] *= scale }
        link.averageScale = 1
    }

    func scheduleLink(_ d: Int, slot: Int, startSymbol: Int, symbols: Int, maxGrants: Int, result: inout SlotResult) {
        let link = links[d]
        let slices = self.slices
        let sliceCount = cell.sliceCount
        for i in 0..<rbgWords { rbgFree[i] = 0 }
        for g in 0..<nRBG { rbgFree[g >> 6] |= 1 << UInt64(g & 63) }
        for s in 0..<sliceCount {
            sliceUsed[s] = 0
            sliceDemand[s] = 0
        }
        var free = nPRB
        var grantsLeft = maxGrants
        let firstGrant = result.grants.count

        // One pass over the UEs: decay averages, collect retransmissions and candidates.
        // Averages are stored divided by `averageScale`, which decays instead of every UE's average.
        link.averageScale *= 1 - beta
        if link.averageScale < 1e-30 { renormalizeAverages(link) }
        let scale = link.averageScale
        var nCand = 0
        var nRetx = 0
        do {
            let act = active.base
            let retxPending = link.retxPending.base
            let buffer = link.buffer.base
            let mcs = link.mcs.base
            let idle = link.idleProcesses.base
            let cand = candidates.base
            let done = candidateDone.base
            let retx = retxList.base
            for i in 0..<activeCount {
                let u = Int(act[i])
                if retxPending[u] > 0 {
                    retx[nRetx] = Int32(u)
                    nRetx += 1
                } else if buffer[u] > 0 && mcs[u] >= 0 && idle[u] > 0 {
                    cand[nCand] = Int32(u)
                    done[nCand] = false
                    nCand += 1
                }
            }
            if anySliceMinimum {
                for c in 0..<nCand { sliceDemand[Int(slices[Int(cand[c])])] += 1 }
            }
        }
        // Reserve each slice's minimum while it has new data waiting.
        var reserved = 0
        for s in 0..<sliceCount {
            sliceUnmet[s] = sliceDemand[s] > 0 ? sliceMinPRBs[s] : 0
            reserved += min(roundUpToRBG(sliceUnmet[s]), nPRB)
        }
        @inline(__always) func limitFor(_ s: Int) -> Int {
            let others = reserved - min(roundUpToRBG(sliceUnmet[s]), nPRB)
            return min(sliceMaxPRBs[s] - sliceUsed[s], free - others)
        }
        @inline(__always) func account(_ s: Int, _ prbs: Int) {
            sliceUsed[s] += prbs
            free -= prbs
            let before = min(roundUpToRBG(sliceUnmet[s]), nPRB)
            sliceUnmet[s] = max(0, sliceUnmet[s] - prbs)
            reserved += min(roundUpToRBG(sliceUnmet[s]), nPRB) - before
        }

        // 1. HARQ retransmissions, UE-list order: same PRB count (or the fewest whole RBGs holding it), same MCS and TBS.
        var r = 0
        while r < nRetx && grantsLeft > 0 && free > 0 {
            let u = Int(retxList[r])
            r += 1
            let s = Int(slices[u])
            let p: Int
            if let id = link.harq.base[u].firstProcessNeedingRetransmission() { p = id } else { continue }
            let hi = u * link.processes + p
            let orig = Int(link.harqPRBs[hi])
            // A TB is only retransmitted in a slot with at least as many symbols as its first transmission.
            guard symbols >= Int(link.harqSymbols[hi]) else { continue }
            let limit = limitFor(s)
            guard orig <= limit, let run = findRun(minimum: orig, target: orig, limit: limit) else { continue }
            let al = MACScheduler.aggregationLevel(forCQI: Int(links[0].cqi[u]))
            guard let cce = allocateCCEs(al) else { continue }
            takeRBGs(run.first, run.rbgs)
            account(s, run.prbs)
            let process = link.harq.base[u].processes[p]
            do { try link.harq.base[u].startRetransmission(process: p) } catch { preconditionFailure("\(error)") }
            link.retxPending[u] -= 1
            grantsLeft -= 1
            result.grants.append(
                Grant(
                    ue: Int32(u), rnti: rntis[u], direction: d == 0 ? .downlink : .uplink, slice: UInt8(s),
                    prbStart: Int16(run.first * rbgSize), prbCount: Int16(run.prbs), startSymbol: UInt8(startSymbol),
                    symbols: UInt8(symbols), mcs: UInt8(process.mcs), tbsBits: Int32(process.transportBlockBits),
                    harqID: UInt8(p), isRetransmission: true, aggregationLevel: UInt8(al), cceStart: Int16(cce)))
        }

        // 2. New data, by policy metric.
        if nCand > 0 && grantsLeft > 0 && free > 0 {
            let view = CandidateView(
                direction: d == 0 ? .downlink : .uplink, slot: slot, count: nCand, activeUECount: activeCount,
                slotsPerSecond: slotsPerSecond, candidateUE: UnsafePointer(candidates.base),
                positions: UnsafePointer(positions.base), rntis: UnsafePointer(rntis.base),
                slices: UnsafePointer(slices.base), cqis: UnsafePointer(link.cqi.base),
                buffers: UnsafePointer(link.buffer.base), rates: UnsafePointer(link.rate.base),
                averages: UnsafePointer(link.average.base), averageScale: scale, priorities: UnsafePointer(priorities.base),
                gbrs: UnsafePointer(link.gbr.base), delayBudgets: UnsafePointer(delayBudgets.base),
                holDelays: UnsafePointer(holDelays.base))
            policy.computeMetrics(view, into: UnsafeMutableBufferPointer(start: metrics.base, count: nCand))

            var untried = nCand

            /// Tries candidate `c`; `floor` is a per-grant PRB floor (slice minimum pass).
            func tryCandidate(_ c: Int, floor: Int) {
                candidateDone[c] = true
                untried -= 1
                let u = Int(candidates[c])
                let s = Int(slices[u])
                let limit = limitFor(s)
                guard limit > 0 else { return }
                let mcs = Int(link.mcs[u])
                let needed = neededPRBs(d, symbols: symbols, mcs: mcs, bits: link.buffer[u] &* 8)
                var cap = limit
                if cell.prbSharing == .equalShare {
                    let expected = max(1, min(untried + 1, grantsLeft))
                    cap = (min(limit, free) + expected - 1) / expected
                }
                cap = max(cap, floor)
                guard let run = findRun(minimum: 1, target: min(needed, cap), limit: limit) else { return }
                let al = MACScheduler.aggregationLevel(forCQI: Int(links[0].cqi[u]))
                guard let cce = allocateCCEs(al) else { return }
                let p: Int
                if let id = link.harq.base[u].firstIdleProcess() { p = id } else { return }
                takeRBGs(run.first, run.rbgs)
                account(s, run.prbs)
                let bits = tbsBits(d, symbols: symbols, mcs: mcs, prbs: run.prbs)
                do { try link.harq.base[u].startNewTransmission(process: p, transportBlockBits: bits, mcs: mcs) } catch {
                    preconditionFailure("\(error)")
                }
                let hi = u * link.processes + p
                link.harqPRBs[hi] = Int16(run.prbs)
                link.harqSymbols[hi] = UInt8(symbols)
                link.idleProcesses[u] -= 1
                link.buffer[u] = max(0, link.buffer[u] - bits / 8)
                link.average[u] += beta * Double(bits) / scale
                grantsLeft -= 1
                result.grants.append(
                    Grant(
                        ue: Int32(u), rnti: rntis[u], direction: d == 0 ? .downlink : .uplink, slice: UInt8(s),
                        prbStart: Int16(run.first * rbgSize), prbCount: Int16(run.prbs), startSymbol: UInt8(startSymbol),
                        symbols: UInt8(symbols), mcs: UInt8(mcs), tbsBits: Int32(bits), harqID: UInt8(p),
                        isRetransmission: false, aggregationLevel: UInt8(al), cceStart: Int16(cce)))
            }

            // 2a. Slices below their minimum: their best candidates first.
            for s in 0..<sliceCount where sliceUnmet[s] > 0 {
                let k = selectBest(grantsLeft, count: nCand, slice: s)
                var left = k
                for i in 0..<k {
                    if sliceUnmet[s] == 0 || grantsLeft == 0 || free == 0 { break }
                    let floor = (sliceUnmet[s] + left - 1) / left
                    left -= 1
                    tryCandidate(Int(order[i]), floor: floor)
                }
            }
            // Minimums are met or cannot be: release what is still reserved.
            for s in 0..<sliceCount { sliceUnmet[s] = 0 }
            reserved = 0

            // 2b. Everyone else by metric. The best grantsLeft + ¼ are ranked; if they run out
            // while grants, PRBs and CCEs remain, the next batch is ranked.
            while untried > 0 && grantsLeft > 0 && free > 0 {
                let k = selectBest(min(untried, grantsLeft + grantsLeft / 4 + 1), count: nCand, slice: -1)
                if k == 0 { break }
                for i in 0..<k {
                    if grantsLeft == 0 || free == 0 { break }
                    tryCandidate(Int(order[i]), floor: 0)
                }
            }
        }

        let n = result.grants.count - firstGrant
        result.grants.withUnsafeBufferPointer { all in
            let served = ServedView(
                direction: d == 0 ? .downlink : .uplink, slot: slot, count: n, activeUECount: activeCount,
                grants: all.baseAddress! + firstGrant, positions: UnsafePointer(positions.base))
            policy.slotEnded(served)
        }
    }
}
