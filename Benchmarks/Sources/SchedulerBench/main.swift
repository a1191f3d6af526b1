// `scripts/bench.sh scheduler`: per-slot time (p50, p99, p99.99) and heap allocations per slot of
// the MAC scheduler in the cell of srsRAN's scheduler_multi_ue_benchmark, one `NAME VALUE UNIT`
// line per measurement, with ratios to srsRAN's published-on-this-machine-class p50.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RadioModel
import Scheduler
import BenchSupport

struct Options {
    var slots = 100_000
    var warmup = 2_000
    var ues = [1, 8, 16, 32, 64, 128, 192, 512, 1024, 4096]
    var policies = ["rr", "pf"]

    init(_ args: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { usage() }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--quick": slots = 10_000; warmup = 500
            case "--slots":
                guard let n = Int(value()) else { usage() }
                slots = n
            case "--ues":
                let list = value().split(separator: ",").compactMap { Int($0) }
                guard !list.isEmpty, list.allSatisfy({ $0 > 0 && $0 <= 65536 }) else { usage() }
                ues = list
            case "--policy": policies = value().split(separator: ",").map(String.init)
            case "-h", "--help": usage()
            default: usage()
            }
            i += 1
        }
        guard slots > 0, policies.allSatisfy({ ["rr", "pf"].contains($0) }) else { usage() }
    }
}

func eprint(_ text: String) {
    var t = text
    t.withUTF8 { buf in _ = write(2, buf.baseAddress, buf.count) }
}

func usage() -> Never {
    eprint("usage: SchedulerBench [--quick] [--slots N] [--ues 1,8,...] [--policy rr,pf]\n")
    exit(2)
}

@inline(__always) func nowNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

/// srsRAN scheduler_multi_ue_benchmark p50, µs per slot, on this machine class.
let srsRANReferenceP50: [Int: Double] = [1: 3.6, 8: 8.7, 16: 14, 32: 22, 64: 17.8, 128: 21.8, 192: 28.5]

struct Measurement {
    var p50 = 0.0, p99 = 0.0, p9999 = 0.0, max = 0.0
    var allocsPerSlot = 0.0
    var allocs = 0
    var grantsPerSlot = 0.0
    var mbps = 0.0
}

func measure<P: SchedulingPolicy>(policy: P, ues: Int, options: Options) -> Measurement {
    let cell = CellConfig.srsRANBenchmarkCell()
    let scheduler: MACScheduler<P>
    do {
        scheduler = try MACScheduler(cell: cell, maxUEs: ues, policy: policy)
        for i in 0..<ues { try scheduler.addUE(rnti: UInt16(0x4601 + i), downlinkCQI: 15, uplinkCQI: 15) }
    } catch {
        eprint("bench: \(error)\n")
        exit(1)
    }
    var result = scheduler.makeResult()
    let total = options.warmup + options.slots
    var samples = [UInt64](repeating: 0, count: options.slots)
    var measured = 0
    var grants = 0
    var bits = 0
    var mallocsBefore = 0
    var slotsCounted = 0
    for slot in 0..<total {
        if slot == options.warmup { mallocsBefore = MallocCounter.calls }
        // Every UE: 1 MB DL buffer, refilled each slot (outside the timed region).
        for u in 0..<ues { scheduler.setBuffer(u, direction: .downlink, bytes: 1_000_000) }
        let t0 = nowNanoseconds()
        scheduler.runSlot(slot, into: &result)
        let t1 = nowNanoseconds()
        // Every HARQ acknowledged (outside the timed region).
        for g in result.grants {
            do { try scheduler.harqFeedback(for: g, ack: true) } catch {
                eprint("bench: \(error)\n")
                exit(1)
            }
        }
        if slot >= options.warmup {
            slotsCounted += 1
            grants += result.grants.count
            for g in result.grants { bits += Int(g.tbsBits) }
            // Percentiles over the slots with PDSCH (DL and special slots); UL slots have no work here.
            if result.downlinkSymbols > 0 {
                samples[measured] = t1 - t0
                measured += 1
            }
        }
    }
    let mallocs = MallocCounter.calls - mallocsBefore
    var m = Measurement()
    samples.withUnsafeMutableBufferPointer { buf in
        var s = UnsafeMutableBufferPointer(rebasing: buf[0..<measured])
        s.sort()
        func pct(_ q: Double) -> Double {
            let idx = min(measured - 1, Int((q * Double(measured)).rounded(.up)) - 1)
            return Double(s[max(idx, 0)]) / 1000
        }
        m.p50 = pct(0.5)
        m.p99 = pct(0.99)
        m.p9999 = pct(0.9999)
        m.max = Double(s[measured - 1]) / 1000
    }
    m.allocsPerSlot = Double(mallocs) / Double(slotsCounted)
    m.allocs = mallocs
    m.grantsPerSlot = Double(grants) / Double(slotsCounted)
    let seconds = Double(slotsCounted) * Double(cell.carrier.numerology.slotDurationNanoseconds) / 1e9
    m.mbps = Double(bits) / seconds / 1e6
    return m
}

func fmt(_ x: Double, _ digits: Int = 3) -> String {
    var p = 1.0
    for _ in 0..<digits { p *= 10 }
    let r = (x * p).rounded() / p
    return "\(r)"
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
// Self-test of the allocation counter: a fresh array must be seen, or every count is meaningless.
if MallocCounter.available {
    let before = MallocCounter.calls
    let probe = [Int](repeating: 7, count: 1000 + options.slots % 7)
    guard MallocCounter.calls > before, probe.count > 0 else {
        eprint("bench: the malloc counter did not see a Swift array allocation (is malloc exported?)\n")
        exit(1)
    }
}
#if DEBUG
print("# WARNING: debug build; numbers are meaningless")
#endif
print("# cell: n41 TDD 100 MHz, 30 kHz SCS, 273 PRBs, DDDDDDDSUU (7 DL + 8 DL symbols + 2 UL slots),"
    + " CORESET 64 CCEs / 2 symbols, ≤16 PDSCH per slot, 256QAM, CQI 15, 1 MB DL buffer refilled each slot, all HARQ ACK")
print("# per-slot time = MACScheduler.runSlot only, over slots with PDSCH; \(options.slots) slots after \(options.warmup) warm-up")
print("# allocs_per_slot = malloc/calloc/realloc/memalign calls per slot over the whole measured loop (incl. refill and HARQ feedback)"
    + (MallocCounter.available ? "" : " — NOT AVAILABLE on this platform"))
print("# srsRAN reference p50 (µs): 3.6 @1, 8.7 @8, 14 @16, 22 @32, 17.8 @64, 21.8 @128, 28.5 @192")
// Noise floor: a fixed, allocation-free arithmetic loop of a few µs timed the same way, as many
// samples. Its p99.99 is what the machine adds (interrupts, preemption, VM steal); a scheduler
// p99.99 near it is the machine's, not the scheduler's.
do {
    var samples = [UInt64](repeating: 0, count: options.slots)
    var x: UInt64 = 1
    for i in 0..<options.slots {
        let t0 = nowNanoseconds()
        for j in 0..<20_000 { x = x &* 6364136223846793005 &+ UInt64(j) }
        let t1 = nowNanoseconds()
        samples[i] = t1 - t0
    }
    if x == 42 { print("#") }
    samples.sort()
    func pct(_ q: Double) -> Double { Double(samples[min(samples.count - 1, Int(q * Double(samples.count)))]) / 1000 }
    print("scheduler.noise_floor.p50 \(fmt(pct(0.5))) us")
    print("scheduler.noise_floor.p99 \(fmt(pct(0.99))) us")
    print("scheduler.noise_floor.p99.99 \(fmt(pct(0.9999))) us")
}
for name in options.policies {
    for ues in options.ues {
        let m: Measurement
        if name == "rr" {
            m = measure(policy: RoundRobinPolicy(), ues: ues, options: options)
        } else {
            m = measure(policy: ProportionalFairPolicy(), ues: ues, options: options)
        }
        let key = "scheduler.\(name).ues\(ues)"
        print("\(key).p50 \(fmt(m.p50)) us")
        print("\(key).p99 \(fmt(m.p99)) us")
        print("\(key).p99.99 \(fmt(m.p9999)) us")
        print("\(key).max \(fmt(m.max)) us")
        print("\(key).allocs_per_slot \(fmt(m.allocsPerSlot, 4)) allocs")
        print("\(key).allocs_total \(m.allocs) allocs")
        print("\(key).grants_per_slot \(fmt(m.grantsPerSlot, 2)) grants")
        print("\(key).dl_throughput \(fmt(m.mbps, 1)) Mbit/s")
        if let ref = srsRANReferenceP50[ues] {
            print("\(key).p50_vs_srsran \(fmt(m.p50 / ref)) ratio")
        }
    }
}
