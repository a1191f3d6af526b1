import RadioModel

@testable import Scheduler

/// Cells the property tests draw from.
enum TestCells {
    static let tddUL = try! TDDPattern(periodSlots: 5, downlinkSlots: 2, downlinkSymbols: 6, uplinkSlots: 2, uplinkSymbols: 4)

    static func random(_ rng: inout SplitMix64) -> CellConfig {
        var cell: CellConfig
        switch rng.next() % 3 {
        case 0: cell = .srsRANBenchmarkCell()
        case 1:
            cell = CellConfig(carrier: try! CarrierConfig(bandwidth: .mhz20, numerology: .mu0))  // FDD, 106 PRBs
            cell.rbgConfiguration = .config2
        default:
            cell = CellConfig(carrier: try! CarrierConfig(bandwidth: .mhz40, numerology: .mu1, tddPattern: tddUL))
        }
        cell.coresetCCEs = [4, 8, 16, 24, 48, 64, 136][Int(rng.next() % 7)]
        cell.coresetSymbols = 1 + Int(rng.next() % 3)
        cell.maxDownlinkGrantsPerSlot = 1 + Int(rng.next() % 20)
        cell.maxUplinkGrantsPerSlot = 1 + Int(rng.next() % 12)
        cell.prbSharing = rng.next() % 2 == 0 ? .greedy : .equalShare
        cell.sliceCount = 3
        return cell
    }
}

/// A UE population with random buffers, CQIs and HARQ feedback, all drawn from one seed.
struct Simulation<P: SchedulingPolicy> {
    let scheduler: MACScheduler<P>
    var rng: SplitMix64
    var result: SlotResult
    var handles: [Int] = []
    /// (slot due, grant, ack)
    var pendingFeedback: [(Int, Grant, Bool)] = []
    var nackProbability: Double
    var cqiRange: ClosedRange<Int>
    var maxBuffer: Int
    var fullBuffer: Bool

    init(
        cell: CellConfig, policy: P, ues: Int, seed: UInt64, nackProbability: Double = 0.2, cqiRange: ClosedRange<Int> = 0...15,
        maxBuffer: Int = 300_000, fullBuffer: Bool = false, slices: Int = 1
    ) throws {
        scheduler = try MACScheduler(cell: cell, maxUEs: max(ues, 1), policy: policy)
        rng = SplitMix64(seed: seed)
        result = scheduler.makeResult()
        self.nackProbability = nackProbability
        self.cqiRange = cqiRange
        self.maxBuffer = maxBuffer
        self.fullBuffer = fullBuffer
        for i in 0..<ues {
            let h = try scheduler.addUE(
                rnti: UInt16(0x4601 + i), slice: Int(rng.next() % UInt64(slices)),
                downlinkCQI: randomCQI(), uplinkCQI: randomCQI())
            handles.append(h)
        }
    }

    mutating func randomCQI() -> Int {
        cqiRange.lowerBound + Int(rng.next() % UInt64(cqiRange.count))
    }

    /// Feedback due, buffers and CQIs; then the slot.
    mutating func step(_ slot: Int) throws {
        var still: [(Int, Grant, Bool)] = []
        for f in pendingFeedback {
            if f.0 <= slot { try scheduler.harqFeedback(for: f.1, ack: f.2) } else { still.append(f) }
        }
        pendingFeedback = still
        for h in handles {
            for d in LinkDirection.allCases {
                if fullBuffer {
                    scheduler.setBuffer(h, direction: d, bytes: 1_000_000)
                } else if rng.next() % 4 == 0 {
                    scheduler.setBuffer(h, direction: d, bytes: Int(rng.next() % UInt64(maxBuffer + 1)))
                }
            }
            if cqiRange.count > 1 && rng.next() % 16 == 0 {
                try scheduler.setCQI(h, downlink: randomCQI(), uplink: randomCQI())
            }
        }
        scheduler.runSlot(slot, into: &result)
        for g in result.grants {
            let ack = rng.nextUnitDouble() >= nackProbability
            pendingFeedback.append((slot + 1 + Int(rng.next() % 4), g, ack))
        }
    }
}

func jainIndex(_ x: [Double]) -> Double {
    let s = x.reduce(0, +)
    let s2 = x.reduce(0) { $0 + $1 * $1 }
    return s2 == 0 ? 0 : s * s / (Double(x.count) * s2)
}
