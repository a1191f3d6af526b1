import ArgumentParser
import Foundation
import Orchestrator
import Topology
#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario to completion: deploy, run the slots, print a KPI summary, tear down.",
        discussion: """
            Virtual time (the default) runs as fast as the machine allows behind a lab-wide slot barrier: the \
            same topology and seed give the same KPIs bit for bit. --realtime paces slots by the clock and \
            counts late slots. While it runs, the lab's KPIs are at a Prometheus endpoint (--metrics-port). \
            Exit 0 when the scenario completed; 2 invalid topology; 3 trust refused; 4 a node failed; \
            5 the lab is already up; 130 interrupted.
            """
    )

    @Argument(help: "Topology file (*.ranlab.yaml).") var file: String
    @Option(help: "Seed of every random decision (overrides scenario.seed).") var seed: UInt64?
    @Option(help: "Slots to run (overrides scenario.duration).") var slots: Int?
    @Option(help: "Seconds to run, of simulated time (overrides scenario.duration).") var seconds: Double?
    @Flag(help: "Pace slots by the wall clock instead of the virtual-time barrier.") var realtime = false
    @Flag(help: "Write a pcap of every link into the lab's captures/ folder (F1AP, GTP-U, fronthaul).") var capture = false
    @Option(name: .customLong("metrics-port"), help: "Loopback port of the Prometheus endpoint (0: any free port).")
    var metricsPort: Int = Int(ProcessInfo.processInfo.environment["RANLAB_METRICS_PORT"] ?? "") ?? 0
    @Option(name: .shortAndLong, help: "Output: text or json (env RANLAB_FORMAT).")
    var format: String = ProcessInfo.processInfo.environment["RANLAB_FORMAT"] ?? "text"
    @Option(help: "Seconds to wait for every node to be ACTIVE.") var timeout: Double = 120
    @OptionGroup var lab: LabOptions

    func validate() throws {
        if slots != nil && seconds != nil { throw ValidationError("give --slots or --seconds, not both") }
        if let s = slots, s <= 0 { throw ValidationError("--slots must be positive") }
        if let s = seconds, !(s > 0 && s <= 31_536_000) { throw ValidationError("--seconds must be positive and at most a year (31536000)") }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
    }

    func run() throws {
        var interrupted = false
        try orchestrated { () throws(OrchestratorError) in
            let planner = lab.planner(near: file)
            var topology = try planner.loadTopology(path: file)
            if let seed { topology.scenario.seed = seed }
            if let slots { topology.scenario.duration = .slots(slots) }
            if let seconds { topology.scenario.duration = .time(.nanoseconds(Int64(seconds * 1e9))) }
            if realtime { topology.scenario.time = .realtime }
            if capture { for i in topology.links.indices where topology.links[i].capture == .off { topology.links[i].capture = .automatic } }
            let plan = try planner.plan(topology, root: lab.home)
            guard let total = plan.totalSlots else {
                throw .plan("\(file): the scenario has no length; give scenario.duration, --slots or --seconds")
            }
            signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
            signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
            signal(SIGPIPE, SIG_IGN)
            var options = LabSupervisor.Options()
            options.deployTimeout = timeout
            let supervisor = try LabSupervisor(plan: plan, options: options)
            let metrics = try MetricsServer(store: supervisor.kpis, port: metricsPort)
            defer { metrics.stop() }
            let text = format == "text"
            if text { emit("lab \(plan.lab): \(plan.nodes.count) nodes, \(total) slots of \(Double(plan.slotNanoseconds) / 1e6) ms, \(plan.timeMode) time, seed \(plan.seed); metrics at \(metrics.url)") }
            let deploying = ProgressLine(lab: plan.lab)
            let bar = SlotProgress(lab: plan.lab, total: total, slotSeconds: Double(plan.slotNanoseconds) / 1e9)
            var started: Double?
            supervisor.onProgress = { p in
                if p.phase == .deploying { deploying.show(p) } else if p.phase == .running { bar.show(p.clock.slot) }
            }
            supervisor.onDeployed = { state in
                deploying.clear()
                started = Self.now()
                if text { emit(String(format: "deployed in %.2f s: %@", state.deployedIn ?? 0, state.nodes.map(\.name).joined(separator: ", "))) }
            }
            let outcome = supervisor.run { stopRequested.load(ordering: .relaxed) }
            deploying.clear()
            bar.clear()
            let wall = started.map { Self.now() - $0 } ?? 0
            let name: String = switch outcome {
            case .completed: "completed"
            case .destroyed: "interrupted"
            case .failed: "failed"
            }
            let done = supervisor.barrier.progress.finished ? total : supervisor.barrier.progress.slot
            let captures = plan.links.compactMap(\.capture).filter { FileManager.default.fileExists(atPath: $0) }
            let summary = ScenarioSummary(lab: plan.lab, run: supervisor.runID, outcome: name, slots: done, slotSeconds: Double(plan.slotNanoseconds) / 1e9,
                                     wallSeconds: wall, kpis: supervisor.kpis.snapshot(), captures: captures, metricsURL: metrics.url)
            if text { Self.printText(summary, plan: plan) } else { printJSON(summary) }
            switch outcome {
            case .completed: return
            case .destroyed: interrupted = true
            case .failed(let why): throw .deployFailed(lab: plan.lab, detail: why + "; logs in \(plan.directory.url.path)")
            }
        }
        if interrupted { throw ExitCode(130) }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func printText(_ s: ScenarioSummary, plan: LabPlan) {
        emit(String(format: "%@ %@: %d slots (%.2f s simulated) in %.2f s wall = %.1f× real time (run %lld)",
                    s.lab, s.outcome, s.slots, s.simulatedSeconds, s.wallSeconds, s.speed, s.run))
        func mbps(_ v: Double) -> String { String(format: "%.2f", v / 1e6) }
        func pad(_ t: String, _ n: Int) -> String { t.count >= n ? t : t + String(repeating: " ", count: n - t.count) }
        func lpad(_ t: String, _ n: Int) -> String { t.count >= n ? t : String(repeating: " ", count: n - t.count) + t }
        if !s.cells.isEmpty {
            emit(pad("cell", 6) + pad("node", 10) + "DL Mbit/s  UL Mbit/s  DL PRB  DL BLER  UL BLER  HARQ retx   UEs  sched µs/slot")
            for c in s.cells {
                emit(pad(c.cell, 6) + pad(c.node, 10) + lpad(mbps(c.downlinkBitsPerSecond), 9) + lpad(mbps(c.uplinkBitsPerSecond), 11)
                     + lpad(String(format: "%.1f%%", c.downlinkPRBUtilization * 100), 8) + lpad(String(format: "%.2f%%", c.downlinkBLER * 100), 9)
                     + lpad(String(format: "%.2f%%", c.uplinkBLER * 100), 9) + lpad(String(format: "%.0f", c.harqRetransmissions), 11)
                     + lpad(String(format: "%.0f", c.connectedUEs), 6) + lpad(String(format: "%.1f", c.schedulerMicrosecondsPerSlot), 15))
            }
        }
        func row(_ u: ScenarioSummary.UE) -> String {
            "  UE " + pad(u.ue, 5) + " (\(u.node))  DL \(mbps(u.downlinkBitsPerSecond)) Mbit/s" + (u.packetLatencyMilliseconds.map { String(format: ", latency %.2f ms", $0) } ?? "")
        }
        if !s.bestUEs.isEmpty {
            emit("best UEs:"); s.bestUEs.forEach { emit(row($0)) }
            emit("worst UEs:"); s.worstUEs.forEach { emit(row($0)) }
        }
        for c in s.captures { emit("capture: \(c)") }
        emit("run record: \(plan.directory.runRecordPath) (ranlab runs)")
    }
}

/// "[#########-----------] 9000/20000 slots  12.3× real time" on stderr, rewritten on a terminal,
/// one line per 10 % otherwise.
final class SlotProgress: @unchecked Sendable {
    let lab: String, total: Int, slotSeconds: Double
    let tty = isatty(2) != 0
    var lastDecile = -1
    var shown = false
    let start = RunCommand.now()

    init(lab: String, total: Int, slotSeconds: Double) { self.lab = lab; self.total = total; self.slotSeconds = slotSeconds }

    func show(_ slot: Int) {
        let fraction = total > 0 ? min(1, Double(slot) / Double(total)) : 0
        let elapsed = RunCommand.now() - start
        let speed = elapsed > 0 ? Double(slot) * slotSeconds / elapsed : 0
        let filled = Int(fraction * 30)
        let text = "running \(lab) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled) + "] "
            + "\(slot)/\(total) slots  " + String(format: "%.1f× real time", speed)
        if tty {
            try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[K" + text).utf8))
            shown = true
        } else if Int(fraction * 10) != lastDecile {
            lastDecile = Int(fraction * 10)
            try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
        }
    }

    func clear() {
        if tty && shown { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)); shown = false }
    }
}
