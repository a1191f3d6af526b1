import Bus
import Foundation
import VNFKit
#if canImport(Glibc)
import Glibc
#endif

/// Runs a ``LabPlan``: starts every node as its own process group in `wait-for` order, keeps the
/// control channel (statuses, heartbeats both ways, KPI samples, stop), restarts nodes per their
/// policy, records everything in the run record as it arrives, keeps `state.json` current, and
/// tears the lab down gracefully (stop message → SIGTERM → SIGKILL).
///
/// One thread does all of it in ``run(shouldStop:)``: a loop that waits at most 20 ms on the
/// control socket, then reaps exited children (waitpid), checks silences and timers, and commits
/// one database transaction for what arrived. Children get SIGTERM when the thread that started
/// them exits (their parent-death signal), so call `run` on a thread that lives as long as the lab
/// (the CLI's main thread).
public final class LabSupervisor {
    public struct Options: Sendable {
        /// Seconds between heartbeats, both ways.
        public var heartbeatInterval = 0.25
        /// Silence after which a node is taken as hung (and the orchestrator as gone, by the node).
        public var heartbeatTimeout = 2.0
        /// Time a new process has to say hello.
        public var startTimeout = 15.0
        /// Time between the stop message and SIGTERM.
        public var stopGrace = 2.0
        /// Deployment fails when not every node is ACTIVE after this long (nil: wait forever).
        public var deployTimeout: Double? = 120
        /// Restart backoff ceiling.
        public var maxBackoff = 10.0
        public init() {}
    }

    /// What the CLI shows while waiting.
    public struct Progress: Sendable {
        public var phase: LabState.Phase
        public var elapsed: Double
        public var total: Int
        public var active: Int
        /// Nodes not ACTIVE yet, with their status.
        public var waiting: [(node: String, status: String)]
        /// The slot clock: slots done, total, whether the scenario's end was reached.
        public var clock: SlotBarrier.Progress
        public init(phase: LabState.Phase, elapsed: Double, total: Int, active: Int, waiting: [(node: String, status: String)],
                    clock: SlotBarrier.Progress = .idle) {
            self.phase = phase; self.elapsed = elapsed; self.total = total; self.active = active; self.waiting = waiting
            self.clock = clock
        }
    }

    public enum Outcome: Sendable, Equatable {
        /// Stopped on request after deploying.
        case destroyed
        /// Every node finished by itself.
        case completed
        /// Deployment failed (node error or timeout); the lab was torn down.
        case failed(String)
    }

    public let plan: LabPlan
    public let options: Options
    public private(set) var state: LabState
    public let record: RunRecord
    public let runID: Int64

    /// Called after every loop turn in which something changed, and at least every 100 ms.
    public var onProgress: ((Progress) -> Void)?
    /// Called once when every node is ACTIVE.
    public var onDeployed: ((LabState) -> Void)?

    private let control: ZMQChannel
    /// The lab's slot clock (time-driven VNFs join it).
    public let barrier: SlotBarrier
    /// The latest value of every KPI series (the Prometheus endpoint and run summary read it).
    public let kpis = KPIStore()
    private var nodes: [NodeRun]
    private var index: [String: Int] = [:]
    private var pendingEvents: [RunRecord.StatusEvent] = []
    private var pendingSamples: [RunRecord.Sample] = []
    private var pendingAcks: [(String, VNFStatus)] = []
    private var stateDirty = true
    private var lastStateWrite = 0.0
    private var lastProgress = 0.0
    private let started: Double
    private var stopping = false
    private var stopReason: Outcome = .destroyed
    private var lastHeartbeatSent = 0.0

    struct NodeRun {
        var plan: LabPlan.PlannedNode
        var status = "PENDING"
        var detail: String?
        var pid: Int32?
        var groups: [Int32] = []
        var instance = -1
        var restarts = 0
        var helloPID: Int32?
        var spawnedAt = 0.0
        var lastHeard = 0.0
        var nextStart: Double?
        var backoff: Double
        var kpis = 0
        var stopSentAt: Double?
        var termSentAt: Double?
        var killSentAt: Double?
        var killedForSilence = false
        var isAlive: Bool { pid != nil }
    }

    /// Prepares the lab directory, the run record and the control socket. Fails when a lab of the
    /// same name is still running.
    public init(plan: LabPlan, options: Options = .init()) throws(OrchestratorError) {
        self.plan = plan
        self.options = options
        let dir = plan.directory
        let fm = FileManager.default
        do { try fm.createDirectory(at: dir.url, withIntermediateDirectories: true) }
        catch { throw .io("cannot create the lab directory \(dir.url.path): \(error.localizedDescription)") }
        guard dir.acquireLock() else {
            throw .labExists(name: plan.lab, pid: (try? LabState.read(from: dir.stateFile))?.supervisorPID ?? 0)
        }
        // An earlier orchestrator of this lab died without tearing down: finish its work first.
        if let old = try? LabState.read(from: dir.stateFile), old.phase != .stopped, old.phase != .failed {
            _ = try? LabTeardown(directory: dir).cleanUpAfterDeadOrchestrator(old)
        }
        do {
            for n in plan.nodes { try fm.createDirectory(at: dir.nodeDirectory(n.name), withIntermediateDirectories: true) }
            try fm.createDirectory(at: dir.socketDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var st = stat()
            guard lstat(dir.socketDirectory.path, &st) == 0, st.st_uid == getuid(), (st.st_mode & S_IFMT) == S_IFDIR else {
                throw OrchestratorError.plan("socket folder \(dir.socketDirectory.path) is not a directory owned by this user; remove it")
            }
            if plan.links.contains(where: { $0.capture != nil }) {
                try fm.createDirectory(at: dir.capturesDirectory, withIntermediateDirectories: true)
            }
        } catch let e as OrchestratorError { throw e }
        catch { throw .io("cannot create the lab directory \(dir.url.path): \(error.localizedDescription)") }
        // Leftovers of a crashed earlier run of this lab.
        for p in plan.ipcPaths + [String(dir.controlAddress.dropFirst("ipc://".count)), dir.clockSocketPath] { unlink(p) }

        record = try RunRecord(path: dir.runRecordPath)
        runID = try record.beginRun(lab: plan.lab, topology: plan.topologyPath, seed: plan.seed, nodes: plan.nodes.map {
            .init(name: $0.name, role: $0.role, vnf: $0.package, provider: $0.provider, product: $0.product, version: $0.version)
        })
        do {
            control = try ZMQChannel.bind("zmq+" + dir.controlAddress, .router) { o in
                o.routerHandover = true
                o.receiveHighWaterMark = 0
                o.sendHighWaterMark = 10_000
                o.sendTimeout = .zero
                o.linger = .zero
            }
        } catch { throw .bus(error) }
        barrier = try SlotBarrier(ipcPath: dir.clockSocketPath, settings: .init(
            mode: plan.timeMode == "realtime" ? .realtime : .virtual, slotNanoseconds: plan.slotNanoseconds,
            lookahead: plan.lookahead, totalSlots: plan.totalSlots))
        barrier.start()
        started = Self.now()
        nodes = plan.nodes.map { NodeRun(plan: $0, backoff: max(0.01, $0.restart.backoff.inSeconds)) }
        for (i, n) in nodes.enumerated() { index[n.plan.name] = i }
        state = LabState(lab: plan.lab, topology: plan.topologyPath, run: runID, runRecord: dir.runRecordPath, supervisorPID: getpid(),
                         startedAt: Date().timeIntervalSince1970, phase: .deploying, detail: nil, socketDirectory: dir.socketDirectory.path,
                         controlAddress: dir.controlAddress, deployedIn: nil, nodes: [])
        for n in nodes { event(n.plan.name, "PENDING", detail: n.plan.waitFor.isEmpty ? nil : "waits for \(n.plan.waitFor.joined(separator: ", "))", source: "orchestrator") }
        flush(force: true)
    }

    // MARK: the loop

    /// Deploys and supervises until `shouldStop` returns true (then tears down), deployment fails,
    /// or every node has finished by itself.
    public func run(shouldStop: () -> Bool) -> Outcome {
        while true {
            let now = Self.now()
            if !stopping && shouldStop() { beginStop(.destroyed, now: now) }
            if stopping {
                escalate(now: now)
                if nodes.allSatisfy({ !$0.isAlive }) { break }
            } else {
                startNodes(now: now)
            }
            receive(timeout: stopping ? 0.01 : 0.02)
            reap(now: Self.now())
            if !stopping {
                checkSilence(now: Self.now())
                checkDeployment(now: Self.now())
                // The scenario's last slot is done and every clocked node has ended: stop the rest.
                let clock = barrier.progress
                if !stopping, clock.finished, clock.joined.allSatisfy({ n in index[n].map { !nodes[$0].isAlive } ?? true }),
                   nodes.contains(where: \.isAlive) {
                    // Completed only if no node ended in ERROR on the way (a killed RU, say).
                    let failed = nodes.filter { $0.status == "ERROR" && !$0.isAlive && $0.nextStart == nil }.map(\.plan.name)
                    beginStop(failed.isEmpty ? .completed : .failed("\(failed.joined(separator: ", ")) ended with ERROR"), now: Self.now())
                }
                if !stopping, nodes.allSatisfy({ Self.isTerminal($0.status) && $0.nextStart == nil && !$0.isAlive }) {
                    let allFinished = nodes.allSatisfy { $0.status == "FINISHED" }
                    stopReason = allFinished ? .completed : .failed("every node ended, some with ERROR")
                    break
                }
            }
            sendHeartbeats(now: Self.now())
            flush(force: false)
        }
        finishLab()
        return stopReason
    }

    // MARK: starting

    private func startNodes(now: Double) {
        for i in nodes.indices {
            let n = nodes[i]
            if n.status == "PENDING" {
                let ready = n.plan.waitFor.allSatisfy { w in index[w].map { Self.isUp(nodes[$0].status) } ?? true }
                if ready { spawn(i, now: now) }
            } else if let at = n.nextStart, at <= now {
                nodes[i].nextStart = nil
                spawn(i, now: now)
            }
        }
    }

    private func spawn(_ i: Int, now: Double) {
        let p = nodes[i].plan
        nodes[i].instance += 1
        let dir = plan.directory
        let config = NodeConfig(lab: plan.lab, node: p.name, role: p.role, run: runID, instance: nodes[i].instance,
                                package: .init(name: p.package, provider: p.provider, product: p.product, version: p.version, directory: p.packageDirectory),
                                control: .init(address: dir.controlAddress, heartbeatInterval: options.heartbeatInterval, heartbeatTimeout: options.heartbeatTimeout),
                                orchestratorPID: getpid(), labDirectory: dir.url.path,
                                scenario: .init(seed: plan.seed, time: plan.timeMode, slots: plan.slots, seconds: plan.seconds),
                                                config: p.config, links: p.links,
                                clock: .init(mode: plan.timeMode, address: barrier.address, slotNanoseconds: plan.slotNanoseconds,
                                             numerology: plan.numerology, lookahead: plan.lookahead, slots: plan.totalSlots))
        var env = ProcessInfo.processInfo.environment
        for (k, v) in p.environment { env[k] = v }
        env[NodeConfig.environmentKey] = dir.nodeConfig(p.name).path
        env["RANLAB_NODE"] = p.name
        env["RANLAB_LAB"] = plan.lab
        do {
            // 0600: it may hold the link's CURVE secret keys.
            let configPath = dir.nodeConfig(p.name).path
            guard FileManager.default.createFile(atPath: configPath, contents: config.encoded(), attributes: [.posixPermissions: 0o600]) else {
                throw OrchestratorError.launch(node: p.name, reason: "cannot write \(configPath)")
            }
            let log = dir.nodeLog(p.name).path
            let banner = "--- ranlab: starting \(p.name) (instance \(nodes[i].instance)) at \(Date()): \(p.arguments.joined(separator: " "))\n"
            if let h = FileHandle(forWritingAtPath: log) ?? (FileManager.default.createFile(atPath: log, contents: nil) ? FileHandle(forWritingAtPath: log) : nil) {
                _ = try? h.seekToEnd(); try? h.write(contentsOf: Data(banner.utf8)); try? h.close()
            }
            let pid = try ProcessLauncher.spawn(arguments: p.arguments, environment: env, directory: dir.nodeDirectory(p.name).path, log: log)
            nodes[i].pid = pid
            nodes[i].groups.append(pid)
            nodes[i].helloPID = nil
            nodes[i].spawnedAt = now
            nodes[i].lastHeard = now
            nodes[i].killedForSilence = false
            setStatus(i, "STARTING", detail: nodes[i].instance == 0 ? nil : "restart \(nodes[i].restarts)", source: "orchestrator")
        } catch {
            nodes[i].spawnedAt = now
            let reason: String = if case .launch(_, let r) = error as? OrchestratorError { r } else { "\(error)" }
            setStatus(i, "ERROR", detail: "cannot start: \(reason)", source: "orchestrator")
            scheduleRestart(i, failed: true, now: now)
        }
    }

    // MARK: control channel

    private func receive(timeout: Double) {
        var wait: Duration? = timeout <= 0 ? .zero : .milliseconds(Int64(timeout * 1000))
        for _ in 0..<2000 {
            guard let frames = try? control.receiveMultipart(timeout: wait), frames.count >= 2 else { return }
            wait = .zero
            handle(from: String(decoding: frames[0], as: UTF8.self), frames[frames.count - 1])
        }
    }

    private func handle(from id: String, _ payload: [UInt8]) {
        if id.hasPrefix("@cli") { return forward(from: id, payload) }
        guard let i = index[id] else { return }
        let message: ControlMessage
        do { message = try ControlMessage.decode(payload) } catch {
            log("\(id): \(error)")
            return
        }
        let now = Self.now()
        if case .hello(_, let pid, _, let contract) = message {
            guard pid == nodes[i].pid else { return }   // a stale process of an earlier instance
            nodes[i].helloPID = pid
            nodes[i].lastHeard = now
            if contract > NodeConfig.contractVersion { log("\(id) speaks plug-in contract \(contract); this orchestrator knows \(NodeConfig.contractVersion)") }
            return
        }
        guard nodes[i].helloPID != nil, nodes[i].helloPID == nodes[i].pid else { return }
        nodes[i].lastHeard = now
        switch message {
        case .status(let s, let detail):
            if stopping && s == .error && nodes[i].status == "STOPPED" { return }
            setStatus(i, s.rawValue, detail: detail, source: "vnf")
            if s.isTerminal { pendingAcks.append((id, s)) }
        case .kpis(let samples):
            nodes[i].kpis += samples.count
            pendingSamples.append(contentsOf: samples.map { .init(node: id, sample: $0) })
            kpis.record(node: id, samples)
            stateDirty = true
        case .nack(let command, let reason):
            log("\(id) refused \(command): \(reason)")
        default:
            break
        }
    }

    /// `ranlab fault` connects as `@cli-PID` and sends a `fault` or `stop` command with a `node`
    /// field; it is passed on to that node and answered with `ack` (status of the node) or `nack`.
    private func forward(from id: String, _ payload: [UInt8]) {
        let target = (try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any])?["node"] as? String
        func answer(_ m: ControlMessage) { try? control.sendMultipart([Array(id.utf8), m.encoded()]) }
        guard let target, let i = index[target] else { return answer(.nack(command: "fault", reason: "no node '\(target ?? "?")' in lab \(plan.lab)")) }
        guard let message = try? ControlMessage.decode(payload) else { return answer(.nack(command: "fault", reason: "not a valid command")) }
        switch message {
        case .fault, .stop: break
        default: return answer(.nack(command: message.type, reason: "only fault and stop can be sent to a node"))
        }
        guard nodes[i].isAlive, nodes[i].helloPID != nil else {
            return answer(.nack(command: message.type, reason: "node \(target) is \(nodes[i].status), not running"))
        }
        log("\(target): \(message.type) \(String(decoding: payload, as: UTF8.self)) from ranlab fault")
        send(target, message)
        answer(.ack(VNFStatus(rawValue: nodes[i].status) ?? .active))
    }

    private func send(_ node: String, _ message: ControlMessage) {
        try? control.sendMultipart([Array(node.utf8), message.encoded()])
    }

    private func sendHeartbeats(now: Double) {
        guard now - lastHeartbeatSent >= options.heartbeatInterval else { return }
        lastHeartbeatSent = now
        let hb = ControlMessage.heartbeat.encoded()
        for n in nodes where n.isAlive && n.helloPID != nil {
            try? control.sendMultipart([Array(n.plan.name.utf8), hb])
        }
    }

    // MARK: processes

    private func reap(now: Double) {
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 { return }
            guard let i = nodes.firstIndex(where: { $0.pid == pid }) else { continue }
            // What it sent before dying (last KPIs, a late status) is taken while it is still "it".
            receive(timeout: 0)
            nodes[i].pid = nil
            nodes[i].helloPID = nil
            barrier.remove(nodes[i].plan.name)
            ProcessTable.signalGroup(pid, SIGKILL)   // helpers it left behind
            nodes[i].groups.removeAll { $0 == pid }  // the id may be reused from now on
            let (failed, how) = Self.describeExit(status)
            if stopping {
                if nodes[i].status != "FINISHED" {
                    setStatus(i, "STOPPED", detail: how, source: "orchestrator")
                }
                continue
            }
            if failed {
                if nodes[i].status == "ERROR" {
                    nodes[i].detail = [nodes[i].detail, how].compactMap { $0 }.joined(separator: "; ")
                    stateDirty = true
                } else {
                    setStatus(i, "ERROR", detail: how, source: "orchestrator")
                }
            } else if nodes[i].status != "FINISHED" {
                setStatus(i, "FINISHED", detail: how, source: "orchestrator")
            }
            scheduleRestart(i, failed: failed, now: now)
        }
    }

    private func scheduleRestart(_ i: Int, failed: Bool, now: Double) {
        let p = nodes[i].plan.restart
        let restart = p.mode == .always || (p.mode == .onFailure && failed)
        guard restart, !stopping else { return }
        // A node that stayed up for a while starts again from the first backoff.
        if nodes[i].spawnedAt > 0, now - nodes[i].spawnedAt >= options.maxBackoff { nodes[i].backoff = max(0.01, p.backoff.inSeconds) }
        let delay = nodes[i].backoff
        nodes[i].backoff = min(options.maxBackoff, delay * 2)
        nodes[i].restarts += 1
        nodes[i].nextStart = now + delay
        setStatus(i, "RESTARTING", detail: String(format: "restart %d in %.2f s", nodes[i].restarts, delay), source: "orchestrator")
    }

    private func checkSilence(now: Double) {
        for i in nodes.indices where nodes[i].isAlive && !nodes[i].killedForSilence {
            let n = nodes[i]
            let limit = n.helloPID == nil ? options.startTimeout : options.heartbeatTimeout
            guard now - n.lastHeard > limit else { continue }
            let what = n.helloPID == nil ? "no hello within \(limit) s of starting" : String(format: "no heartbeat for %.1f s", now - n.lastHeard)
            setStatus(i, "ERROR", detail: what + "; killed", source: "orchestrator")
            nodes[i].killedForSilence = true
            if let pid = n.pid { ProcessTable.signalGroup(pid, SIGKILL) }
        }
    }

    private func checkDeployment(now: Double) {
        guard state.phase == .deploying else { return }
        if nodes.allSatisfy({ $0.status == "ACTIVE" || $0.status == "FINISHED" }) {
            state.phase = .running
            state.deployedIn = now - started
            stateDirty = true
            flush(force: true)
            barrier.release()
            onDeployed?(state)
            return
        }
        // A node that failed and will not be restarted sinks the deployment.
        if let n = nodes.first(where: { $0.status == "ERROR" && $0.nextStart == nil && !$0.isAlive }) {
            beginStop(.failed("node \(n.plan.name) failed: \(n.detail ?? "ERROR")"), now: now)
            return
        }
        if let limit = options.deployTimeout, now - started > limit {
            let waiting = nodes.filter { $0.status != "ACTIVE" }.map { "\($0.plan.name) (\($0.status))" }.joined(separator: ", ")
            beginStop(.failed(String(format: "not every node ACTIVE after %.0f s; waiting for %@", limit, waiting)), now: now)
        }
    }

    // MARK: stopping

    private func beginStop(_ reason: Outcome, now: Double) {
        stopping = true
        stopReason = reason
        state.phase = .stopping
        if case .failed(let why) = reason { state.detail = why }
        let stop = ControlMessage.stop(reason: "lab is being destroyed", grace: options.stopGrace)
        for i in nodes.indices {
            if nodes[i].isAlive {
                if nodes[i].helloPID != nil { send(nodes[i].plan.name, stop) } else if let pid = nodes[i].pid { ProcessTable.signalGroup(pid, SIGTERM) }
                nodes[i].stopSentAt = now
            } else if nodes[i].status != "FINISHED" && nodes[i].status != "ERROR" {
                nodes[i].nextStart = nil
                setStatus(i, "STOPPED", detail: "never started", source: "orchestrator")
            }
            nodes[i].nextStart = nil
        }
        flush(force: true)
    }

    private func escalate(now: Double) {
        for i in nodes.indices where nodes[i].isAlive {
            guard let pid = nodes[i].pid else { continue }
            let sent = nodes[i].stopSentAt ?? now
            if nodes[i].termSentAt == nil, now - sent >= options.stopGrace {
                ProcessTable.signalGroup(pid, SIGTERM)
                nodes[i].termSentAt = now
                log("\(nodes[i].plan.name): no exit \(options.stopGrace) s after stop, sent SIGTERM")
            } else if let t = nodes[i].termSentAt, nodes[i].killSentAt == nil, now - t >= 1 {
                ProcessTable.signalGroup(pid, SIGKILL)
                nodes[i].killSentAt = now
                log("\(nodes[i].plan.name): no exit 1 s after SIGTERM, sent SIGKILL")
            } else if let k = nodes[i].killSentAt, now - k >= 5 {
                // Not reapable (uninterruptible sleep, or reaped elsewhere): do not hang the teardown on it.
                log("\(nodes[i].plan.name): pid \(pid) still not reaped 5 s after SIGKILL; giving up on it")
                setStatus(i, "STOPPED", detail: "not reaped after SIGKILL", source: "orchestrator")
                nodes[i].pid = nil
            }
        }
    }

    private func finishLab() {
        // Nothing of the lab may outlive it: every process group it ever used gets SIGKILL.
        for n in nodes { for g in n.groups { ProcessTable.signalGroup(g, SIGKILL) } }
        control.close()
        barrier.stop()
        let dir = plan.directory
        for p in plan.ipcPaths + [String(dir.controlAddress.dropFirst("ipc://".count)), dir.clockSocketPath] { unlink(p) }
        rmdir(dir.socketDirectory.path)
        let outcome: String
        switch stopReason {
        case .destroyed: outcome = "destroyed"; state.phase = .stopped
        case .completed: outcome = "completed"; state.phase = .stopped
        case .failed(let why): outcome = "failed"; state.phase = .failed; state.detail = why
        }
        flush(force: true)
        try? record.endRun(runID, outcome: outcome)
    }

    // MARK: records

    private func setStatus(_ i: Int, _ status: String, detail: String?, source: String) {
        if status == "ERROR" && !stopping {
            let name = nodes[i].plan.name
            var line = "\(name) ERROR: \(detail ?? "no detail")"
            if let last = Self.lastLine(of: plan.directory.nodeLog(name).path), !(detail ?? "").contains(last) { line += " — last log line: \(last)" }
            log(line)
        }
        nodes[i].status = status
        nodes[i].detail = detail
        event(nodes[i].plan.name, status, detail: detail, source: source, pid: nodes[i].pid ?? nodes[i].groups.last,
              instance: max(0, nodes[i].instance))
        stateDirty = true
    }

    private func event(_ node: String, _ status: String, detail: String?, source: String, pid: Int32? = nil, instance: Int = 0) {
        pendingEvents.append(.init(node: node, time: Date().timeIntervalSince1970, status: status, detail: detail,
                                   pid: pid, instance: instance, source: source))
    }

    /// Commits what arrived (one transaction), then acknowledges terminal statuses, then
    /// rewrites state.json — in that order, so nothing is acknowledged or shown before it is on disk.
    private func flush(force: Bool) {
        if !pendingEvents.isEmpty || !pendingSamples.isEmpty {
            do {
                try record.record(run: runID, events: pendingEvents, samples: pendingSamples)
                pendingEvents.removeAll(keepingCapacity: true)
                pendingSamples.removeAll(keepingCapacity: true)
            } catch {
                // Nothing is acknowledged or shown that is not on disk: retry next turn.
                log("\(error) — keeping \(pendingEvents.count) events and \(pendingSamples.count) samples to retry")
                return
            }
        }
        for (node, s) in pendingAcks { send(node, .ack(s)) }
        pendingAcks.removeAll()
        let now = Self.now()
        if (stateDirty && now - lastStateWrite >= 0.05) || force {
            state.nodes = nodes.map { n in
                .init(name: n.plan.name, role: n.plan.role, vnf: n.plan.package, provider: n.plan.provider, version: n.plan.version,
                      status: n.status, detail: n.detail, pid: n.pid, processGroups: n.groups, restarts: n.restarts,
                      endpoints: n.plan.links.map(\.endpoint), kpiSamples: n.kpis)
            }
            do { try state.write(to: plan.directory.stateFile) } catch { log("cannot write state: \(error)") }
            stateDirty = false
            lastStateWrite = now
        }
        if let onProgress, force || now - lastProgress >= 0.1 {
            lastProgress = now
            onProgress(Progress(phase: state.phase, elapsed: now - started, total: nodes.count,
                                active: nodes.filter { $0.status == "ACTIVE" }.count,
                                waiting: nodes.filter { $0.status != "ACTIVE" }.map { ($0.plan.name, $0.status) }, clock: barrier.progress))
        }
    }

    private func log(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data("ranlab[\(plan.lab)]: \(line)\n".utf8))
    }

    // MARK: helpers

    /// The last non-empty line of a log file (reads at most its last 4 KiB).
    static func lastLine(of path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        guard let size = try? h.seekToEnd() else { return nil }
        try? h.seek(toOffset: size > 4096 ? size - 4096 : 0)
        let text = String(decoding: (try? h.readToEnd()) ?? Data(), as: UTF8.self)
        return text.split(separator: "\n").last { !$0.hasPrefix("--- ranlab:") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init)
    }

    /// Monotonic seconds: every interval (heartbeats, silences, backoff, escalation) is measured on
    /// this clock, so a wall-clock step cannot kill a healthy lab. Wall time is only recorded.
    static func now() -> Double { MonotonicClock.seconds() }
    static func isUp(_ s: String) -> Bool { s == "READY" || s == "ACTIVE" }
    static func isTerminal(_ s: String) -> Bool { s == "FINISHED" || s == "ERROR" || s == "STOPPED" }

    /// (failed, description) from a waitpid status.
    static func describeExit(_ status: Int32) -> (Bool, String) {
        let sig = status & 0x7f
        if sig == 0 {
            let code = (status >> 8) & 0xff
            return (code != 0, "exited with code \(code)")
        }
        let name = ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM"]
        let label = sig >= 1 && Int(sig) <= name.count ? " (SIG\(name[Int(sig) - 1]))" : ""
        return (true, "killed by signal \(sig)\(label)")
    }
}
