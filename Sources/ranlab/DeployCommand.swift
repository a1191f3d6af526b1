import ArgumentParser
import Foundation
import Orchestrator
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT/SIGTERM while a lab runs in the foreground (or as a detached orchestrator).
let stopRequested = Atomic<Bool>(false)

struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Start a lab: every node of a topology as a supervised process.",
        discussion: """
            In the foreground (default) the lab runs until Ctrl-C or `ranlab destroy`; with --detach an \
            orchestrator keeps running in the background and deploy returns once every node is ACTIVE. \
            Exit 0 deployed (and, in the foreground, stopped cleanly); 2 invalid topology or package; \
            3 refused by trust checks; 4 a node failed or deployment timed out; 5 the lab is already up.
            """,
        aliases: ["up"]
    )

    @Argument(help: "Topology file (*.ranlab.yaml).") var file: String
    @Flag(help: "Return once deployed; the orchestrator keeps supervising in the background (env RANLAB_DETACH=1).")
    var detach = ProcessInfo.processInfo.environment["RANLAB_DETACH"] == "1"
    @Flag(name: .customLong("dry-run"), help: "Print the plan (packages, start order, endpoints) and start nothing.")
    var dryRun = false
    @Option(help: "Seconds to wait for every node to be ACTIVE (env RANLAB_TIMEOUT).")
    var timeout: Double = Double(ProcessInfo.processInfo.environment["RANLAB_TIMEOUT"] ?? "") ?? 120
    @Option(name: .customLong("stop-grace"), help: "Seconds between a node's stop message and SIGTERM.")
    var stopGrace: Double = 2
    @Option(name: .customLong("heartbeat-timeout"), help: "Seconds of silence after which a node is ERROR (and, for the nodes, the orchestrator gone).")
    var heartbeatTimeout: Double = 2
    @Flag(name: .customLong("supervise"), help: .hidden) var supervise = false
    @OptionGroup var lab: LabOptions

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            let planner = lab.planner(near: file)
            let topology = try planner.loadTopology(path: file)
            let plan = try planner.plan(topology, root: lab.home)
            if dryRun {
                print(plan.description, terminator: "")
                return
            }
            if detach && !supervise {
                try deployDetached(plan)
                return
            }
            try runInForeground(plan)
        }
    }

    private func options() -> LabSupervisor.Options {
        var o = LabSupervisor.Options()
        o.deployTimeout = timeout
        o.stopGrace = stopGrace
        o.heartbeatTimeout = max(heartbeatTimeout, 4 * o.heartbeatInterval)
        return o
    }

    private func runInForeground(_ plan: LabPlan) throws(OrchestratorError) {
        signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
        signal(SIGPIPE, SIG_IGN)
        signal(SIGHUP, SIG_IGN)
        let supervisor = try LabSupervisor(plan: plan, options: options())
        let progress = ProgressLine(lab: plan.lab)
        supervisor.onProgress = { p in if p.phase == .deploying { progress.show(p) } }
        supervisor.onDeployed = { state in
            progress.clear()
            emit(String(format: "lab %@ deployed: %d nodes ACTIVE in %.2f s (run %lld)", state.lab, state.nodes.count, state.deployedIn ?? 0, state.run))
            emit(InspectCommand.nodeTable(state))
            if !supervise { emit("Ctrl-C or `ranlab destroy \(state.lab)` stops it.") }
        }
        let outcome = supervisor.run { stopRequested.load(ordering: .relaxed) }
        progress.clear()
        switch outcome {
        case .destroyed: emit("lab \(plan.lab) stopped (run \(supervisor.runID)).")
        case .completed: emit("lab \(plan.lab) completed: every node finished (run \(supervisor.runID)).")
        case .failed(let why):
            throw .deployFailed(lab: plan.lab, detail: why + "; lab torn down, logs in \(plan.directory.url.path)")
        }
    }

    /// Starts `ranlab deploy FILE --supervise` in its own session, then follows its state file.
    private func deployDetached(_ plan: LabPlan) throws(OrchestratorError) {
        let dir = plan.directory
        if dir.orchestratorAlive {
            throw .labExists(name: plan.lab, pid: (try? LabState.read(from: dir.stateFile))?.supervisorPID ?? 0)
        }
        do { try FileManager.default.createDirectory(at: dir.url, withIntermediateDirectories: true) }
        catch { throw .io("cannot create \(dir.url.path): \(error.localizedDescription)") }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var args = [exe, "deploy", URL(fileURLWithPath: file).standardizedFileURL.path, "--supervise",
                    "--home", URL(fileURLWithPath: lab.home).standardizedFileURL.path,
                    "--vnfs", URL(fileURLWithPath: lab.packagesDirectory(near: file)).standardizedFileURL.path,
                    "--timeout", "\(timeout)", "--stop-grace", "\(stopGrace)", "--heartbeat-timeout", "\(heartbeatTimeout)"]
        if let t = lab.trust { args += ["--trust", URL(fileURLWithPath: t).standardizedFileURL.path] }
        var env = ProcessInfo.processInfo.environment
        env["RANLAB_BIN_DIR"] = lab.binDirectory
        env.removeValue(forKey: "RANLAB_DETACH")
        let pid = try ProcessLauncher.spawn(arguments: args, environment: env, directory: FileManager.default.currentDirectoryPath,
                                            log: dir.orchestratorLog.path, newSession: true)
        let progress = ProgressLine(lab: plan.lab)
        let start = Date()
        while true {
            usleep(30_000)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                progress.clear()
                let tail = (try? String(contentsOf: dir.orchestratorLog, encoding: .utf8))?.split(separator: "\n").suffix(8).joined(separator: "\n") ?? ""
                // Its own exit code says why (2 invalid, 3 trust, 4 failed, 5 exists).
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 4
                throw .orchestratorExited(lab: plan.lab, code: code == 0 ? 4 : code, log: tail)
            }
            guard let state = try? LabState.read(from: dir.stateFile), state.supervisorPID == pid else { continue }
            switch state.phase {
            case .running:
                progress.clear()
                emit(String(format: "lab %@ deployed: %d nodes ACTIVE in %.2f s (run %lld, orchestrator pid %d)",
                            state.lab, state.nodes.count, state.deployedIn ?? 0, state.run, pid))
                emit(InspectCommand.nodeTable(state))
                return
            case .failed, .stopped, .stopping:
                if state.phase == .stopping && state.detail == nil { continue }
                progress.clear()
                throw .deployFailed(lab: plan.lab, detail: (state.detail ?? "deployment failed") + "; logs in \(dir.url.path)")
            case .deploying:
                let active = state.nodes.filter { $0.status == "ACTIVE" }.count
                progress.show(.init(phase: .deploying, elapsed: Date().timeIntervalSince(start), total: state.nodes.count, active: active,
                                    waiting: state.nodes.filter { $0.status != "ACTIVE" }.map { ($0.name, $0.status) }))
            }
        }
    }
}

/// "deploying lab X: 3/6 ACTIVE, waiting for du (BOOTING), ru (PENDING) 0.4 s" on stderr: rewritten in
/// place on a terminal, one line per change otherwise (CI logs).
final class ProgressLine: @unchecked Sendable {
    let lab: String
    let tty = isatty(2) != 0
    var last = ""
    var shown = false

    init(lab: String) { self.lab = lab }

    func show(_ p: LabSupervisor.Progress) {
        let waiting = p.waiting.prefix(4).map { "\($0.node) (\($0.status))" }.joined(separator: ", ") + (p.waiting.count > 4 ? ", …" : "")
        let text = "deploying lab \(lab): \(p.active)/\(p.total) ACTIVE" + (waiting.isEmpty ? "" : ", waiting for \(waiting)")
        if tty {
            try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[K" + text + String(format: "  %.1f s", p.elapsed)).utf8))
            shown = true
        } else if text != last {
            try? FileHandle.standardError.write(contentsOf: Data((text + String(format: "  (%.2f s)", p.elapsed) + "\n").utf8))
        }
        last = text
    }

    func clear() {
        if tty && shown { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)); shown = false }
    }
}
