import RadioModel
import Testing

@testable import Scheduler

@Suite("Scheduler properties")
struct SchedulerPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    /// Grants of one slot against the slot's resources: PRBs, symbols, CCEs, ordering, sizing.
    func checkSlot<P>(_ sim: Simulation<P>, buffersBefore: [[Int]], pendingRetx: [[Bool]]) {
        let s = sim.scheduler
        let cell = s.cell
        let r = sim.result
        let w = s.symbolWindows(slot: r.slot)
        var prbUsed = [[Bool]](repeating: [Bool](repeating: false, count: cell.prbCount), count: 2)
        var cceUsed = [Bool](repeating: false, count: cell.coresetCCEs)
        var sawNew = [false, false]
        var count = [0, 0]
        var uesServed = [Set<Int32>(), Set<Int32>()]
        for g in r.grants {
            let d = g.direction.rawValue
            count[d] += 1
            #expect(uesServed[d].insert(g.ue).inserted, "one grant per UE and direction")
            // PRBs inside the carrier, RBG-aligned start, never twice.
            #expect(g.prbCount > 0 && g.prbStart >= 0 && Int(g.prbStart) + Int(g.prbCount) <= cell.prbCount)
            #expect(Int(g.prbStart) % s.rbgSizePRBs == 0)
            for p in g.prbs where p >= 0 && p < cell.prbCount {
                #expect(!prbUsed[d][p], "PRB \(p) granted twice in slot \(r.slot)")
                prbUsed[d][p] = true
            }
            // Symbols inside the slot's DL (after the CORESET) or UL symbols.
            let window = d == 0 ? w.downlink : w.uplink
            #expect(window.count > 0, "grant in a slot without \(g.direction) symbols")
            #expect(Int(g.startSymbol) >= window.start && Int(g.startSymbol) + Int(g.symbols) <= window.start + window.count)
            if let tdd = cell.carrier.tddPattern {
                if d == 0 {
                    #expect(Int(g.startSymbol) + Int(g.symbols) <= tdd.downlinkSymbols(inSlot: r.slot))
                } else {
                    #expect(Int(g.startSymbol) >= 14 - tdd.uplinkSymbols(inSlot: r.slot))
                }
            }
            // CCEs: AL from CQI, aligned, inside the CORESET, never overlapping.
            let al = Int(g.aggregationLevel)
            #expect(al == MACScheduler<P>.aggregationLevel(forCQI: s.cqi(Int(g.ue), direction: .downlink)))
            #expect(Int(g.cceStart) % al == 0 && Int(g.cceStart) + al <= cell.coresetCCEs)
            for c in g.cces where c < cell.coresetCCEs {
                #expect(!cceUsed[c], "CCE \(c) used twice in slot \(r.slot)")
                cceUsed[c] = true
            }
            // Retransmissions before new data; no new data for a UE whose retransmission is pending.
            if g.isRetransmission {
                #expect(!sawNew[d], "retransmission after new data")
            } else {
                sawNew[d] = true
                #expect(!pendingRetx[d][Int(g.ue)], "new data while a retransmission is pending")
                // TBS from the table; no more PRBs than the buffer needs (one RBG fewer would not hold it).
                #expect(Int(g.tbsBits) == s.transportBlockBits(direction: g.direction, mcs: Int(g.mcs), prbs: Int(g.prbCount), symbols: Int(g.symbols)))
                #expect(Int(g.mcs) == s.mcs(Int(g.ue), direction: g.direction))
                let lastRBG = Int(g.prbStart + g.prbCount - 1) / s.rbgSizePRBs
                let lastSize = min((lastRBG + 1) * s.rbgSizePRBs, cell.prbCount) - lastRBG * s.rbgSizePRBs
                if Int(g.prbCount) > lastSize {
                    let fewer = s.transportBlockBits(direction: g.direction, mcs: Int(g.mcs), prbs: Int(g.prbCount) - lastSize, symbols: Int(g.symbols))
                    #expect(fewer < buffersBefore[d][Int(g.ue)] * 8, "more PRBs than the buffer needs")
                }
            }
        }
        #expect(count[0] <= cell.maxDownlinkGrantsPerSlot && count[1] <= cell.maxUplinkGrantsPerSlot)
    }

    func run<P: SchedulingPolicy>(_ policy: P, seed: UInt64, slots: Int = 150) throws -> [[Grant]] {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9)
        let cell = TestCells.random(&rng)
        var sim = try Simulation(
            cell: cell, policy: policy, ues: 1 + Int(rng.next() % 60), seed: seed, slices: 3)
        // Random quotas, changed at run time.
        var all: [[Grant]] = []
        for slot in 0..<slots {
            if slot % 50 == 0 {
                for s in 0..<3 { try sim.scheduler.setSliceQuota(slice: s, minShare: 0, maxShare: 1) }
                for s in 0..<3 {
                    let mn = Double(sim.rng.next() % 3) / 10
                    try sim.scheduler.setSliceQuota(slice: s, minShare: mn, maxShare: mn + Double(sim.rng.next() % 8) / 10)
                }
            }
            var buffers = [[Int]](repeating: [Int](repeating: 0, count: sim.scheduler.maxUEs), count: 2)
            var pending = [[Bool]](repeating: [Bool](repeating: false, count: sim.scheduler.maxUEs), count: 2)
            // Feedback lands inside step(); take the snapshot after it by stepping in two halves.
            var still: [(Int, Grant, Bool)] = []
            for f in sim.pendingFeedback {
                if f.0 <= slot { try sim.scheduler.harqFeedback(for: f.1, ack: f.2) } else { still.append(f) }
            }
            sim.pendingFeedback = still
            for h in sim.handles {
                for d in LinkDirection.allCases {
                    if sim.rng.next() % 4 == 0 { sim.scheduler.setBuffer(h, direction: d, bytes: Int(sim.rng.next() % 300_001)) }
                    buffers[d.rawValue][h] = sim.scheduler.buffer(h, direction: d)
                    pending[d.rawValue][h] = sim.scheduler.harq(h, direction: d).firstProcessNeedingRetransmission() != nil
                }
            }
            sim.scheduler.runSlot(slot, into: &sim.result)
            checkSlot(sim, buffersBefore: buffers, pendingRetx: pending)
            for g in sim.result.grants {
                sim.pendingFeedback.append((slot + 1 + Int(sim.rng.next() % 4), g, sim.rng.nextUnitDouble() >= 0.2))
            }
            all.append(sim.result.grants)
        }
        return all
    }

    @Test("no PRB/CCE twice, inside bandwidth and symbols, retx first, right-sized", arguments: seeds)
    func invariants(seed: UInt64) throws {
        _ = try run(ProportionalFairPolicy(), seed: seed)
        _ = try run(RoundRobinPolicy(), seed: seed + 1000)
        _ = try run(MaxCIPolicy(), seed: seed + 2000)
        _ = try run(QoSAwarePolicy(), seed: seed + 3000)
    }

    @Test("the same seed gives the same grants", arguments: [UInt64(7), 99, 12345])
    func deterministic(seed: UInt64) throws {
        let a = try run(ProportionalFairPolicy(fairnessExponent: 0.7), seed: seed)
        let b = try run(ProportionalFairPolicy(fairnessExponent: 0.7), seed: seed)
        #expect(a == b)
        #expect(a.joined().count > 0)
        let c = try run(ProportionalFairPolicy(fairnessExponent: 0.7), seed: seed + 1)
        #expect(a != c)
    }

    /// A retransmission that was skipped while new data went out must not have fitted.
    @Test("retransmissions go before new data", arguments: Array(UInt64(1)...20))
    func retransmissionsFirst(seed: UInt64) throws {
        var cell = CellConfig.srsRANBenchmarkCell()
        cell.maxDownlinkGrantsPerSlot = 6
        cell.prbSharing = .greedy
        var sim = try Simulation(cell: cell, policy: ProportionalFairPolicy(), ues: 12, seed: seed, nackProbability: 0.5, cqiRange: 13...15, fullBuffer: true)
        var retxServed = 0
        for slot in 0..<300 {
            var still: [(Int, Grant, Bool)] = []
            for f in sim.pendingFeedback {
                if f.0 <= slot { try sim.scheduler.harqFeedback(for: f.1, ack: f.2) } else { still.append(f) }
            }
            sim.pendingFeedback = still
            var waiting: [Int: Int] = [:]  // UE → PRBs of its first process needing a retransmission
            for h in sim.handles {
                sim.scheduler.setBuffer(h, direction: .downlink, bytes: 1_000_000)
                let harq = sim.scheduler.harq(h, direction: .downlink)
                if let p = harq.firstProcessNeedingRetransmission() {
                    let link = sim.scheduler.links[0]
                    if Int(link.harqSymbols[h * link.processes + p]) <= sim.scheduler.symbolWindows(slot: slot).downlink.count {
                        waiting[h] = Int(link.harqPRBs[h * link.processes + p])
                    }
                }
            }
            sim.scheduler.runSlot(slot, into: &sim.result)
            let dl = sim.result.grants.filter { $0.direction == .downlink }
            let retxPRBs = dl.filter(\.isRetransmission).reduce(0) { $0 + Int($1.prbCount) }
            retxServed += dl.filter(\.isRetransmission).count
            let served = Set(dl.filter(\.isRetransmission).map { Int($0.ue) })
            if dl.contains(where: { !$0.isRetransmission }) {
                for (ue, prbs) in waiting where !served.contains(ue) {
                    let rounded = (prbs + 15) / 16 * 16
                    #expect(rounded > cell.prbCount - retxPRBs, "retx of UE \(ue) (\(prbs) PRBs) skipped for new data")
                }
            }
            for g in sim.result.grants {
                sim.pendingFeedback.append((slot + 1 + Int(sim.rng.next() % 3), g, sim.rng.nextUnitDouble() >= 0.5))
            }
        }
        #expect(retxServed > 50)
    }

    @Test("round robin rotates exactly")
    func roundRobinRotates() throws {
        for (ues, k) in [(10, 3), (7, 7), (5, 2), (33, 16), (1, 4)] {
            var cell = CellConfig.srsRANBenchmarkCell()
            cell.maxDownlinkGrantsPerSlot = k
            let scheduler = try MACScheduler(cell: cell, maxUEs: ues, policy: RoundRobinPolicy())
            for i in 0..<ues { try scheduler.addUE(rnti: UInt16(100 + i), downlinkCQI: 15) }
            var result = scheduler.makeResult()
            var dlSlot = 0
            for slot in 0..<200 {
                for u in 0..<ues { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
                scheduler.runSlot(slot, into: &result)
                let got = result.grants.filter { $0.direction == .downlink }.map { scheduler.position(of: Int($0.ue)) }
                if scheduler.symbolWindows(slot: slot).downlink.count == 0 {
                    #expect(got.isEmpty)
                    continue
                }
                let expected = (0..<min(k, ues)).map { (dlSlot * min(k, ues) + $0) % ues }
                #expect(got == expected, "slot \(slot): \(got) != \(expected)")
                dlSlot += 1
                for g in result.grants { try scheduler.harqFeedback(for: g, ack: true) }
            }
        }
    }

    func servedBits<P: SchedulingPolicy>(_ policy: P, ues: Int, grants: Int, cqis: [Int], slots: Int = 1000) throws -> [Double] {
        var cell = CellConfig.srsRANBenchmarkCell()
        cell.maxDownlinkGrantsPerSlot = grants
        let scheduler = try MACScheduler(cell: cell, maxUEs: ues, policy: policy)
        for i in 0..<ues { try scheduler.addUE(rnti: UInt16(100 + i), downlinkCQI: cqis[i % cqis.count]) }
        var result = scheduler.makeResult()
        var bits = [Double](repeating: 0, count: ues)
        for slot in 0..<slots {
            for u in 0..<ues { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
            scheduler.runSlot(slot, into: &result)
            for g in result.grants {
                bits[Int(g.ue)] += Double(g.tbsBits)
                try scheduler.harqFeedback(for: g, ack: true)
            }
        }
        return bits
    }

    @Test("proportional fair on equal channels: Jain's index ≥ 0.99 over 1000 slots")
    func proportionalFairIsFair() throws {
        for (ues, grants, sharing) in [(20, 4, true), (50, 16, true), (3, 1, false)] {
            _ = sharing
            let pf = try servedBits(ProportionalFairPolicy(), ues: ues, grants: grants, cqis: [11])
            #expect(jainIndex(pf) >= 0.99, "PF Jain \(jainIndex(pf)) for \(ues) UEs, \(grants) grants")
            // The test can tell: max C/I on the same ties starves all but the first UEs.
            let ci = try servedBits(MaxCIPolicy(), ues: ues, grants: grants, cqis: [11])
            #expect(jainIndex(ci) < 0.9)
        }
        // Fairness exponent: larger α equalises unequal channels more.
        let cqis = [15, 9, 6, 12]
        let a1 = try servedBits(ProportionalFairPolicy(fairnessExponent: 1), ues: 8, grants: 2, cqis: cqis)
        let a3 = try servedBits(ProportionalFairPolicy(fairnessExponent: 3), ues: 8, grants: 2, cqis: cqis)
        #expect(jainIndex(a3) > jainIndex(a1))
        #expect(a1.allSatisfy { $0 > 0 })
    }

    @Test("max C/I serves the best channels", arguments: Array(UInt64(1)...30))
    func maxCI(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var cell = CellConfig.srsRANBenchmarkCell()
        let k = 1 + Int(rng.next() % 4)
        cell.maxDownlinkGrantsPerSlot = k
        let ues = 2 + Int(rng.next() % 30)
        let scheduler = try MACScheduler(cell: cell, maxUEs: ues, policy: MaxCIPolicy())
        var cqi: [Int] = []
        for i in 0..<ues {
            cqi.append(1 + Int(rng.next() % 15))
            try scheduler.addUE(rnti: UInt16(100 + i), downlinkCQI: cqi[i])
        }
        var result = scheduler.makeResult()
        for slot in 0..<20 {
            for u in 0..<ues { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
            scheduler.runSlot(slot, into: &result)
            let dl = result.grants.filter { $0.direction == .downlink }
            guard scheduler.symbolWindows(slot: slot).downlink.count > 0 else { continue }
            #expect(!dl.isEmpty)
            // Every served UE's CQI ≥ every unserved UE's CQI (rate is monotone in CQI); the first grant is a best one.
            let served = Set(dl.map { Int($0.ue) })
            let worstServed = served.map { cqi[$0] }.min() ?? 0
            let bestUnserved = (0..<ues).filter { !served.contains($0) }.map { cqi[$0] }.max() ?? 0
            #expect(cqi[Int(dl[0].ue)] == cqi.max()!)
            if served.count == min(k, ues) { #expect(worstServed >= bestUnserved) }
            for g in result.grants { try scheduler.harqFeedback(for: g, ack: true) }
        }
    }

    @Test("slice quotas hold and are changeable at run time", arguments: Array(UInt64(1)...20))
    func sliceQuotas(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var cell = CellConfig.srsRANBenchmarkCell()
        cell.maxDownlinkGrantsPerSlot = 16
        cell.sliceCount = 3
        cell.prbSharing = rng.next() % 2 == 0 ? .greedy : .equalShare
        var sim = try Simulation(cell: cell, policy: ProportionalFairPolicy(), ues: 3 + Int(rng.next() % 30), seed: seed, nackProbability: 0, cqiRange: 13...15, fullBuffer: true, slices: 3)
        // Every slice gets a UE.
        for s in 0..<3 { try sim.scheduler.setSlice(sim.handles[s], slice: s) }
        var mins = [0.0, 0.0, 0.0]
        var maxs = [1.0, 1.0, 1.0]
        for slot in 0..<300 {
            if slot % 40 == 0 {  // the RIC steers
                for s in 0..<3 { try sim.scheduler.setSliceQuota(slice: s, minShare: 0, maxShare: 1) }
                for s in 0..<3 {
                    mins[s] = Double(rng.next() % 3) / 10  // ≤ 0.2 each: the RBG-rounded minimums always fit
                    maxs[s] = min(1, mins[s] + 0.1 + Double(rng.next() % 7) / 10)
                    try sim.scheduler.setSliceQuota(slice: s, minShare: mins[s], maxShare: maxs[s])
                }
            }
            try sim.step(slot)
            guard sim.scheduler.symbolWindows(slot: slot).downlink.count > 0 else { continue }
            var used = [0, 0, 0]
            for g in sim.result.grants where g.direction == .downlink { used[Int(g.slice)] += Int(g.prbCount) }
            for s in 0..<3 {
                let q = sim.scheduler.sliceQuotaPRBs(slice: s)
                #expect(q.min == Int((mins[s] * 273).rounded(.up)) && q.max == Int((maxs[s] * 273).rounded(.down)))
                #expect(used[s] <= q.max, "slice \(s) used \(used[s]) > max \(q.max)")
                #expect(used[s] >= q.min, "slice \(s) used \(used[s]) < min \(q.min) in slot \(slot)")
            }
        }
    }

    @Test("a minimum without demand does not block other slices")
    func idleSliceMinimumReleased() throws {
        var cell = CellConfig.srsRANBenchmarkCell()
        cell.sliceCount = 2
        let scheduler = try MACScheduler(cell: cell, maxUEs: 4, policy: ProportionalFairPolicy())
        for i in 0..<4 { try scheduler.addUE(rnti: UInt16(i + 1), slice: 0) }
        try scheduler.setSliceQuota(slice: 1, minShare: 0.6, maxShare: 1)
        try scheduler.setSliceQuota(slice: 0, minShare: 0, maxShare: 1)
        var result = scheduler.makeResult()
        for u in 0..<4 { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
        scheduler.runSlot(0, into: &result)
        #expect(result.grants.reduce(0) { $0 + Int($1.prbCount) } == 273)
        // A UE in slice 1 with data: now the 60 % is reserved for it.
        try scheduler.setSlice(3, slice: 1)
        for g in result.grants { try scheduler.harqFeedback(for: g, ack: true) }
        for u in 0..<4 { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
        scheduler.runSlot(1, into: &result)
        #expect(result.grants.filter { $0.slice == 1 }.reduce(0) { $0 + Int($1.prbCount) } >= 164)
    }

    @Test("PDCCH capacity limits the grants")
    func pdcchLimits() throws {
        var cell = CellConfig.srsRANBenchmarkCell()
        cell.coresetCCEs = 8
        cell.maxDownlinkGrantsPerSlot = 16
        let scheduler = try MACScheduler(cell: cell, maxUEs: 16, policy: RoundRobinPolicy())
        for i in 0..<16 { try scheduler.addUE(rnti: UInt16(i + 1), downlinkCQI: i < 8 ? 5 : 15) }  // AL8 / AL1
        var result = scheduler.makeResult()
        for u in 0..<16 { scheduler.setBuffer(u, direction: .downlink, bytes: 1000) }
        scheduler.runSlot(0, into: &result)
        // RR starts at UE 0 (AL8) which fills the CORESET: nobody else fits.
        #expect(result.grants.count == 1 && result.grants[0].aggregationLevel == 8)
    }

    @Test("QoS-aware: priority, overdue packets and GBR deficits win")
    func qosAware() throws {
        var cell = CellConfig.srsRANBenchmarkCell()
        cell.maxDownlinkGrantsPerSlot = 1
        let scheduler = try MACScheduler(cell: cell, maxUEs: 3, policy: QoSAwarePolicy())
        try scheduler.addUE(rnti: 1, qos: QoSParameters(priorityLevel: 90))
        try scheduler.addUE(rnti: 2, qos: QoSParameters(priorityLevel: 20))
        try scheduler.addUE(rnti: 3, qos: QoSParameters(priorityLevel: 90, delayBudget: 10))
        var result = scheduler.makeResult()
        var bits = [0.0, 0, 0]
        for slot in 0..<400 {
            for u in 0..<3 { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
            scheduler.setHeadOfLineDelay(2, milliseconds: slot % 100 == 50 ? 12 : 0)
            scheduler.runSlot(slot, into: &result)
            if slot % 100 == 50 && scheduler.symbolWindows(slot: slot).downlink.count > 0 {
                #expect(result.grants.first?.ue == 2, "overdue UE first")
            }
            for g in result.grants {
                bits[Int(g.ue)] += Double(g.tbsBits)
                try scheduler.harqFeedback(for: g, ack: true)
            }
        }
        #expect(bits[1] > 2 * bits[0])
    }
}
