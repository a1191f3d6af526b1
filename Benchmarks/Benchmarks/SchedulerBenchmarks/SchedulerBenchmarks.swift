// ordo-one/benchmark suite for the MAC scheduler: `swift package --package-path Benchmarks benchmark`.
// One measured iteration = one slot (MACScheduler.runSlot) in the cell of srsRAN's
// scheduler_multi_ue_benchmark; buffer refill and HARQ ACKs run between slots, outside the
// measurement. The p99.99 and the srsRAN comparison live in SchedulerBench (scripts/bench.sh scheduler).
import Benchmark
import RadioModel
import Scheduler

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 1_000,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    for ues in [32, 1024] {
        // One scheduler per benchmark, built once (the TBS table takes milliseconds), slots run on.
        let rr = SlotRunner(policy: RoundRobinPolicy(), ues: ues)
        Benchmark("Scheduler RR slot, \(ues) UEs") { benchmark in rr.run(benchmark) }
        let pf = SlotRunner(policy: ProportionalFairPolicy(), ues: ues)
        Benchmark("Scheduler PF slot, \(ues) UEs") { benchmark in pf.run(benchmark) }
    }
}

/// A scheduler with `ues` full-buffer CQI-15 UEs, advanced one PDSCH slot per iteration.
final class SlotRunner<P: SchedulingPolicy>: @unchecked Sendable {
    let scheduler: MACScheduler<P>
    let ues: Int
    var result: SlotResult
    var slot = 0

    init(policy: P, ues: Int) {
        do {
            scheduler = try MACScheduler(cell: .srsRANBenchmarkCell(), maxUEs: ues, policy: policy)
            for i in 0..<ues { try scheduler.addUE(rnti: UInt16(0x4601 + i), downlinkCQI: 15, uplinkCQI: 15) }
        } catch {
            fatalError("scheduler setup: \(error)")
        }
        self.ues = ues
        result = scheduler.makeResult()
    }

    func run(_ benchmark: Benchmark) {
        for _ in benchmark.scaledIterations {
            // Only slots with PDSCH are measured (UL slots carry no work in this scenario).
            while scheduler.symbolWindows(slot: slot).downlink.count == 0 { slot += 1 }
            for u in 0..<ues { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
            benchmark.startMeasurement()
            scheduler.runSlot(slot, into: &result)
            benchmark.stopMeasurement()
            for g in result.grants { try? scheduler.harqFeedback(for: g, ack: true) }
            slot += 1
        }
    }
}
