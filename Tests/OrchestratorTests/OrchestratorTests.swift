import Foundation
import Orchestrator
import RanlabTestSupport
import Testing
import VNFKit
#if canImport(Glibc)
import Glibc
#endif

/// End to end with real processes: `ranlab deploy --detach` of five Swift probes and the Python
/// plug-in (tests/OrchestratorTests/labs/probes.ranlab.yaml), then kills, restarts, teardown.
func shellOutput(_ args: String...) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

@Suite(.serialized)
struct OrchestratorTests {
    struct InspectView: Decodable {
        struct Node: Decodable { var name: String; var role: String; var vnf: String; var provider: String; var version: String
                                 var status: String; var pid: Int32?; var restarts: Int; var endpoints: [String] }
        var lab: String
        var phase: String
        var nodes: [Node]
    }

    func deploy(_ lab: LabHarness, _ file: String = LabHarness.probesTopology, _ extra: [String] = []) throws -> CommandResult {
        try lab.ranlab(["deploy", "--detach", file] + extra)
    }

    @Test("Five probes and the Python plug-in reach ACTIVE; inspect -f json lists them with live pids")
    func deployAndInspect() throws {
        let lab = try LabHarness()
        let r = try deploy(lab)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdoutText.contains("lab probes deployed: 6 nodes ACTIVE"))

        let out = try lab.ranlab(["inspect", "probes", "-f", "json"])
        #expect(out.status == 0)
        let view = try JSONDecoder().decode(InspectView.self, from: out.stdout)
        #expect(view.phase == "running")
        #expect(view.nodes.map(\.name) == ["hub", "p1", "p2", "p3", "p4", "py"])
        for n in view.nodes {
            #expect(n.status == "ACTIVE", "\(n.name)")
            let pid = try #require(n.pid)
            #expect(ProcessTable.isAlive(pid), "\(n.name) pid \(pid)")
            // Each VNF is its own process group leader.
            #expect(getpgid(pid) == pid)
        }
        #expect(view.nodes.first { $0.name == "py" }?.provider == "openlab")
        // The CURVE link: each end got its own key pair and the other's public key; the server
        // admits only its client. Both ends being ACTIVE means the handshake worked.
        let dir = LabDirectory(root: lab.home.url.path, name: "probes")
        let hubConfig = try NodeConfig.load(path: dir.nodeConfig("hub").path)
        let p3Config = try NodeConfig.load(path: dir.nodeConfig("p3").path)
        let server = try #require(hubConfig.links.first { $0.id == "l2" }?.curve)
        let client = try #require(p3Config.links.first { $0.id == "l2" }?.curve)
        #expect(server.peerPublicKey == client.publicKey && client.peerPublicKey == server.publicKey)
        #expect(hubConfig.links.first { $0.id == "l1" }?.curve == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.nodeConfig("hub").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(view.nodes.first { $0.name == "hub" }?.endpoints.count == 3)
        // The Python plug-in's KPIs reach the run record through the same contract.
        let state = try lab.state()
        // wait-for: p1, p2 and py were started only after hub was READY.
        let events = try lab.record.statusEvents(run: state.run)
        let hubReady = try #require(events.first { $0.node == "hub" && $0.status == "READY" })
        for n in ["p1", "p2", "py"] {
            let started = try #require(events.first { $0.node == n && $0.status == "STARTING" })
            #expect(started.time >= hubReady.time, "\(n) started before hub was READY")
        }
        #expect(try LabHarness.eventually { try lab.record.samples(run: state.run, node: "py", name: "ranlab_probe_kpi_seq").count >= 2 })

        let d = try lab.ranlab(["destroy", "probes"])
        #expect(d.status == 0, "\(d.stderr)")
    }

    @Test("kill -9 of a node: ERROR recorded with the signal, restarted per policy, ACTIVE again")
    func killedNodeIsRestarted() throws {
        let lab = try LabHarness()
        // A long heartbeat timeout: the ERROR below can only come from reaping the child.
        #expect(try deploy(lab, LabHarness.probesTopology, ["--heartbeat-timeout", "60"]).status == 0)
        let before = try lab.state()
        let victim = try #require(before.node("p2")?.pid)   // restart: always, backoff 100ms
        let killedAt = Date().timeIntervalSince1970
        kill(victim, SIGKILL)

        var errorEvent: RunRecord.StatusEvent?
        #expect(try LabHarness.eventually {
            errorEvent = try lab.record.statusEvents(run: before.run, node: "p2").first { $0.status == "ERROR" }
            return errorEvent != nil
        })
        #expect(errorEvent?.detail == "killed by signal 9 (SIGKILL)")
        #expect(errorEvent?.source == "orchestrator")
        if let e = errorEvent { print("p2: ERROR recorded \(Int((e.time - killedAt) * 1000)) ms after kill -9") }

        #expect(try LabHarness.eventually {
            let n = try lab.state().node("p2")
            return n?.status == "ACTIVE" && n?.pid != victim && n?.restarts == 1
        })
        let events = try lab.record.statusEvents(run: before.run, node: "p2").map(\.status)
        let tail = Array(events.drop { $0 != "ERROR" })
        #expect(tail.prefix(3) == ["ERROR", "RESTARTING", "STARTING"])
        #expect(tail.contains("ACTIVE"))
        // A restart: never node that dies stays down.
        let p4 = try #require(before.node("p4")?.pid)
        kill(p4, SIGKILL)
        #expect(try LabHarness.eventually { try lab.state().node("p4")?.status == "ERROR" })
        usleep(500_000)
        #expect(try lab.state().node("p4")?.restarts == 0)
        #expect(try lab.ranlab(["destroy", "probes"]).status == 0)
    }

    @Test("Faults through ranlab fault: a hung node is found silent, killed and restarted; exit codes are recorded")
    func faults() throws {
        let lab = try LabHarness()
        #expect(try deploy(lab).status == 0)
        let run = try lab.state().run
        let hung = try #require(try lab.state().node("p2")?.pid)
        let r = try lab.ranlab(["fault", "probes", "p2", "hang"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try LabHarness.eventually {
            try lab.record.statusEvents(run: run, node: "p2").contains { $0.status == "ERROR" && $0.detail?.hasPrefix("no heartbeat") == true }
        })
        #expect(try LabHarness.eventually { let n = try lab.state().node("p2"); return n?.status == "ACTIVE" && n?.pid != hung })
        #expect(!ProcessTable.isAlive(hung))

        #expect(try lab.ranlab(["fault", "probes", "p4", "exit", "--code", "7"]).status == 0)
        #expect(try LabHarness.eventually { try lab.state().node("p4")?.status == "ERROR" })
        #expect(try lab.state().node("p4")?.detail == "exited with code 7")
        let refused = try lab.ranlab(["fault", "probes", "p4", "crash"])   // p4 is down now
        #expect(refused.status == 2 && refused.stderr.contains("not running"))
        #expect(try lab.ranlab(["fault", "probes", "ghost", "crash"]).status == 2)

        #expect(try lab.ranlab(["fault", "probes", "p1", "error", "--detail", "boom"]).status == 0)
        #expect(try LabHarness.eventually {
            try lab.record.statusEvents(run: run, node: "p1").contains { $0.status == "ERROR" && $0.detail == "boom" && $0.source == "vnf" }
        })
        #expect(try lab.ranlab(["destroy", "probes"]).status == 0)
        #expect(try lab.ranlab(["fault", "probes", "p1", "crash"]).status == 5)
    }

    @Test("Stop escalation: a node that ignores stop gets SIGTERM after the grace, one that ignores SIGTERM gets SIGKILL")
    func stopEscalation() throws {
        let lab = try LabHarness()
        #expect(try deploy(lab, LabHarness.probesTopology, ["--heartbeat-timeout", "60", "--stop-grace", "0.5"]).status == 0)
        let run = try lab.state().run
        // Hung: neither reads its control channel nor answers stop. py dies on SIGTERM (default
        // action while hung); the Swift probe only notes SIGTERM on its (hung) control thread.
        #expect(try lab.ranlab(["fault", "probes", "py", "hang"]).status == 0)
        #expect(try lab.ranlab(["fault", "probes", "p3", "hang"]).status == 0)
        usleep(300_000)
        #expect(try lab.ranlab(["destroy", "probes"]).status == 0)
        let events = try lab.record.statusEvents(run: run)
        #expect(events.last { $0.node == "py" }?.detail == "killed by signal 15 (SIGTERM)")
        #expect(events.last { $0.node == "p3" }?.detail == "killed by signal 9 (SIGKILL)")
        #expect(events.last { $0.node == "hub" }?.status == "FINISHED")
    }

    @Test("Restart backoff doubles from the policy's value for a node that keeps failing")
    func backoffDoubles() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("flaky.ranlab.yaml")
        try """
            name: flaky
            nodes:
              f:
                role: tool
                vnf: probe
                config: {fail-after: 50ms}
                restart: {policy: on-failure, backoff: 100ms}
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let lab = try LabHarness()
        #expect(try deploy(lab, file).status == 0)
        let run = try lab.state("flaky").run
        var delays: [String] = []
        #expect(try LabHarness.eventually {
            delays = try lab.record.statusEvents(run: run, node: "f").filter { $0.status == "RESTARTING" }.compactMap(\.detail)
            return delays.count >= 4
        })
        #expect(Array(delays.prefix(4)) == ["restart 1 in 0.10 s", "restart 2 in 0.20 s", "restart 3 in 0.40 s", "restart 4 in 0.80 s"])
        // Each failure is the VNF's own ERROR, then the exit code.
        let errors = try lab.record.statusEvents(run: run, node: "f").filter { $0.status == "ERROR" }
        #expect(errors.first?.detail?.hasPrefix("fail-after reached") == true)
        #expect(try lab.ranlab(["destroy", "flaky"]).status == 0)
    }

    @Test("destroy leaves no process, no bound port and no ipc file")
    func destroyLeavesNothing() throws {
        let lab = try LabHarness()
        #expect(try deploy(lab).status == 0)
        let state = try lab.state()
        let dry = try lab.ranlab(["deploy", "--dry-run", LabHarness.probesTopology])
        #expect(dry.status == 0)
        let sctpPort = try #require(state.node("hub")?.endpoints.first { $0.hasPrefix("sctp://") }
            .flatMap { $0.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) } })
        #expect(!LoopbackPort.isFree(sctpPort), "the hub's SCTP port should be bound while the lab runs")
        #expect(!lab.liveProcesses(state).isEmpty)

        let d = try lab.ranlab(["destroy", "probes"])
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdoutText.contains("stopped by its orchestrator"))
        let after = try lab.state()
        #expect(after.phase == .stopped)
        #expect(lab.liveProcesses(state).isEmpty)
        #expect(!ProcessTable.isAlive(state.supervisorPID))
        #expect(LoopbackPort.isFree(sctpPort))
        #expect(!FileManager.default.fileExists(atPath: state.socketDirectory))
        // Every node stopped gracefully: FINISHED reported by the VNF itself, none killed.
        let events = try lab.record.statusEvents(run: state.run)
        for n in state.nodes {
            let mine = events.filter { $0.node == n.name }
            #expect(mine.contains { $0.status == "FINISHED" && $0.source == "vnf" }, "\(n.name): \(mine.map(\.status))")
        }
        #expect(try lab.record.runs().last?.outcome == "destroyed")

        let gone = try lab.ranlab(["destroy", "probes", "--cleanup"])
        #expect(gone.status == 0)
        #expect(!FileManager.default.fileExists(atPath: LabDirectory(root: lab.home.url.path, name: "probes").url.path))
        #expect(try lab.ranlab(["destroy", "probes"]).status == 5)
    }

    @Test("kill -9 of the orchestrator: every VNF exits by itself; the run record keeps everything reported before")
    func orchestratorCrash() throws {
        let lab = try LabHarness()
        // Heartbeat timeout 60 s: within the 10 s bound below only the parent checks (getppid,
        // parent-death signal) can make the VNFs leave.
        #expect(try deploy(lab, LabHarness.probesTopology, ["--heartbeat-timeout", "60"]).status == 0)
        // Let KPIs flow (hub every 50 ms, the others every 100 ms), then crash the orchestrator.
        usleep(800_000)
        let shown = try lab.state()   // written only after the samples it counts were committed
        kill(shown.supervisorPID, SIGKILL)
        let killedAt = Date()
        #expect(LabHarness.eventually(10) { lab.liveProcesses(shown).isEmpty }, "left: \(lab.liveProcesses(shown))")
        print("all VNFs gone \(Int(Date().timeIntervalSince(killedAt) * 1000)) ms after kill -9 of the orchestrator")

        let record = try lab.record
        let events = try record.statusEvents(run: shown.run)
        for n in shown.nodes {
            let statuses = events.filter { $0.node == n.name && $0.source == "vnf" }.map(\.status)
            #expect(statuses.starts(with: ["BOOTING", "READY", "ACTIVE"]), "\(n.name): \(statuses)")
            let seq = try record.samples(run: shown.run, node: n.name, name: "ranlab_probe_kpi_seq").map { Int($0.sample.value) }
            // Nothing that state.json counted is missing, and nothing in between was lost.
            let all = try record.samples(run: shown.run, node: n.name)
            #expect(all.count >= n.kpiSamples, "\(n.name): \(all.count) in the record, \(n.kpiSamples) shown before the crash")
            #expect(!seq.isEmpty && seq == Array(1...seq.count), "\(n.name): \(seq)")
        }
        // The run is open (its orchestrator died) until destroy closes it as crashed.
        #expect(try record.runs().last?.outcome == nil)
        let d = try lab.ranlab(["destroy", "probes"])
        #expect(d.stdoutText.contains("dead orchestrator"))
        #expect(try record.runs().last?.outcome == "crashed")
    }

    @Test("A tampered artifact is refused with file and both hashes; nothing starts")
    func tamperedArtifact() throws {
        let copy = try TemporaryDirectory()
        let vnfs = copy.url.appendingPathComponent("vnfs")
        try FileManager.default.copyItem(at: LabHarness.repo.appendingPathComponent("vnfs"), to: vnfs)
        let script = vnfs.appendingPathComponent("py-probe/py_probe.py")
        let h = try FileHandle(forWritingTo: script)
        h.seekToEndOfFile()
        h.write(Data("\nimport os; os.system('echo pwned')\n".utf8))
        try h.close()
        let lab = try LabHarness(vnfs: vnfs.path)
        let r = try deploy(lab)
        #expect(r.status == 3)
        #expect(r.stderr.contains("refused by the trust checks, no process started"))
        #expect(r.stderr.contains(script.path))
        // The message names the expected digest (from vnf.yaml) and the actual one (of the file now).
        let manifest = try String(contentsOf: vnfs.appendingPathComponent("py-probe/vnf.yaml"), encoding: .utf8)
        let expected = try #require(manifest.split(separator: "\n").first { $0.contains("sha256:") }?.split(separator: " ").last.map(String.init))
        let actual = try #require(shellOutput("sha256sum", script.path).split(separator: " ").first.map(String.init))
        #expect(expected != actual)
        #expect(r.stderr.contains("expected \(expected), actual \(actual)"))
        #expect(!FileManager.default.fileExists(atPath: LabDirectory(root: lab.home.url.path, name: "probes").url.path))
        #expect(try lab.ranlab(["validate", LabHarness.probesTopology]).status == 3)
    }

    @Test("A provider the topology does not allow is refused before anything starts")
    func providerNotAllowed() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("strict.ranlab.yaml")
        try """
            name: strict
            nodes:
              a: {role: tool, vnf: probe}
              b: {role: tool, vnf: py-probe}
            links:
              - endpoints: [b:fh, a:fh]
            trust:
              providers: [ranlab-test]
              require-hashes: true
              require-signatures: true
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let lab = try LabHarness()
        let r = try deploy(lab, file)
        #expect(r.status == 3)
        #expect(r.stderr.contains("openlab"))
        #expect(r.stderr.contains("not allowed") || r.stderr.contains("allowed"))
        #expect(r.stderr.contains("vnf.yaml.sig"))   // unsigned too
        #expect(!FileManager.default.fileExists(atPath: LabDirectory(root: lab.home.url.path, name: "strict").url.path))
    }

    @Test("validate reports FILE:LINE:COL for a bad topology and exits 2; graph draws a good one")
    func validateAndGraph() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("bad.ranlab.yaml")
        try "name: bad\nnodes:\n  a: {role: tool, vnf: probe}\nlinks:\n  - endpoints: [a:fh, ghost:fh]\n".write(toFile: file, atomically: true, encoding: .utf8)
        let lab = try LabHarness()
        let r = try lab.ranlab(["validate", file])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(file):5:"))
        #expect(r.stderr.contains("ghost"))
        let g = try lab.ranlab(["graph", LabHarness.probesTopology, "--mermaid"])
        #expect(g.status == 0)
        #expect(g.stdoutText.hasPrefix("flowchart LR") && g.stdoutText.contains("py"))
        let v = try lab.ranlab(["validate", LabHarness.probesTopology])
        #expect(v.status == 0 && v.stdoutText.contains("6 nodes, 4 links"))
    }

    @Test("The README's main job: topologies/probe-lab deploys in the foreground, every node finishes, the run completes")
    func probeLabCompletes() throws {
        let lab = try LabHarness()
        let file = LabHarness.repo.appendingPathComponent("topologies/probe-lab.ranlab.yaml").path
        let r = try lab.ranlab(["deploy", file], environment: ["PROBE_SECONDS": "1s"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdoutText.contains("lab probe-lab deployed: 5 nodes ACTIVE"))
        #expect(r.stdoutText.contains("lab probe-lab completed: every node finished"))
        let state = try lab.state("probe-lab")
        #expect(state.phase == .stopped)
        #expect(state.nodes.allSatisfy { $0.status == "FINISHED" && $0.restarts == 0 })
        #expect(try lab.record.runs().last?.outcome == "completed")
        // The captured, impaired link wrote its pcap.
        let captures = try FileManager.default.contentsOfDirectory(atPath: LabDirectory(root: lab.home.url.path, name: "probe-lab").capturesDirectory.path)
        #expect(captures == ["fh-peer-fh--hub-fh.pcap"])
    }

    @Test("Deploying a lab that is already up is refused; runs lists both outcomes")
    func secondDeployRefused() throws {
        let lab = try LabHarness()
        #expect(try deploy(lab).status == 0)
        let again = try deploy(lab)
        #expect(again.status == 5)
        #expect(again.stderr.contains("already deployed"))
        #expect(try lab.ranlab(["destroy", "probes"]).status == 0)
        let runs = try lab.ranlab(["runs", "-f", "json"])
        struct Run: Decodable { var lab: String; var outcome: String?; var kpiSamples: Int }
        let list = try JSONDecoder().decode([Run].self, from: runs.stdout)
        #expect(list.count == 1 && list[0].outcome == "destroyed" && list[0].kpiSamples > 0)
    }
}
