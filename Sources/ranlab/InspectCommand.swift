import ArgumentParser
import Foundation
import Orchestrator

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show labs, or one lab's nodes (status, pid, restarts, endpoints) and its E2 state.",
        discussion: "Exit 5 when the named lab does not exist."
    )

    @Argument(help: "Lab name (default: every lab under --home).") var name: String?
    @Option(name: [.customShort("f"), .long], help: "table or json (env RANLAB_FORMAT).")
    var format: OutputFormat = OutputFormat(rawValue: ProcessInfo.processInfo.environment["RANLAB_FORMAT"] ?? "") ?? .table
    @OptionGroup var lab: LabOptions

    /// A lab's state plus what only the living system can tell (is its orchestrator there).
    struct LabView: Encodable {
        var state: LabState
        var orchestratorAlive: Bool
        var phase: String
        /// What the lab's RIC(s) report: E2 nodes, subscriptions, xApps.
        var e2: [E2State]
        enum CodingKeys: String, CodingKey { case orchestratorAlive, phase, e2 }
        func encode(to encoder: any Encoder) throws {
            try state.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(orchestratorAlive, forKey: .orchestratorAlive)
            try c.encode(phase, forKey: .phase)
            try c.encode(e2, forKey: .e2)
        }
        init(_ s: LabState, _ dir: LabDirectory) {
            state = s
            orchestratorAlive = dir.orchestratorAlive
            phase = Self.phase(s, dir)
            e2 = E2State.read(in: dir)
        }
        /// The recorded phase, or `orphaned` when the orchestrator died without tearing down.
        static func phase(_ s: LabState, _ dir: LabDirectory) -> String {
            s.isOrphaned(in: dir) ? "orphaned" : s.phase.rawValue
        }
    }

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            if let name {
                let dir = LabDirectory(root: lab.home, name: name)
                guard FileManager.default.fileExists(atPath: dir.stateFile.path) else { throw .noSuchLab(name) }
                let state = try LabState.read(from: dir.stateFile)
                if format == .json { printJSON(LabView(state, dir)); return }
                emit("lab \(state.lab)  \(LabView.phase(state, dir))  run \(state.run)  orchestrator pid \(state.supervisorPID)  \(state.topology)")
                emit(Self.nodeTable(state))
                for ric in E2State.read(in: dir) { emit(Self.e2Tables(ric)) }
                return
            }
            let labs = LabDirectory.labs(root: lab.home).compactMap { name -> (LabState, LabDirectory)? in
                let dir = LabDirectory(root: lab.home, name: name)
                return (try? LabState.read(from: dir.stateFile)).map { ($0, dir) }
            }
            if format == .json { printJSON(labs.map { LabView($0.0, $0.1) }); return }
            if labs.isEmpty { emit("no labs under \(lab.home)"); return }
            emit(table(["LAB", "PHASE", "NODES", "ACTIVE", "RUN", "ORCHESTRATOR", "TOPOLOGY"], labs.map { s, dir in
                [s.lab, LabView.phase(s, dir), "\(s.nodes.count)", "\(s.nodes.filter { $0.status == "ACTIVE" }.count)", "\(s.run)",
                 "\(s.supervisorPID)", s.topology]
            }))
        }
    }

    /// E2 nodes as the RIC sees them, then the subscriptions.
    static func e2Tables(_ e: E2State) -> String {
        var out = "\nE2 at RIC \(e.ric) (xApps connect to \(e.xappAddress); \(e.xapps.count) connected: \(e.xapps.map { "\($0.name) #\($0.requestor)" }.joined(separator: ", ")))\n"
        out += table(["E2 NODE", "GLOBAL E2 NODE ID", "STATE", "SETUPS", "RAN FUNCTIONS", "SUBSCRIPTIONS"], e.nodes.map { n in
            [n.name, n.id, n.state, "\(n.setups)", n.functions.isEmpty ? "-" : n.functions.map { "\($0.id) \(Self.e2smName($0.oid))" }.joined(separator: ", "),
             "\(n.subscriptions.count)"]
        })
        let subs = e.nodes.flatMap { n in n.subscriptions.map { (n.name, $0) } }
        if !subs.isEmpty {
            out += "\n" + table(["E2 NODE", "RIC REQUEST ID", "RAN FUNCTION", "XAPP", "STATE"], subs.map { n, s in
                [n, "\(s.requestor)/\(s.instance)", "\(s.function)", s.xapp, s.state]
            })
        }
        return out
    }

    static func e2smName(_ oid: String) -> String {
        switch oid {
        case "1.3.6.1.4.1.53148.1.1.2.2", "1.3.6.1.4.1.53148.1.2.2.2": "(KPM)"
        case "1.3.6.1.4.1.53148.1.1.2.3": "(RC)"
        default: "(\(oid))"
        }
    }

    static func nodeTable(_ s: LabState) -> String {
        table(["NODE", "ROLE", "VNF", "PROVIDER", "VERSION", "STATUS", "PID", "RESTARTS", "KPIS", "ENDPOINTS"], s.nodes.map { n in
            [n.name, n.role, n.vnf, n.provider, n.version, n.status, n.pid.map { "\($0)" } ?? "-", "\(n.restarts)", "\(n.kpiSamples)",
             n.endpoints.isEmpty ? "-" : n.endpoints.map { $0.split(separator: "?").first.map(String.init) ?? $0 }.joined(separator: " ")]
        })
    }
}

struct DestroyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Stop a lab (by name, or by its topology file) and everything it started.",
        discussion: "Works from the lab's state file, so it needs neither the orchestrator nor the topology file. Exit 5 when there is no such lab.",
        aliases: ["down"]
    )

    @Argument(help: "Lab name or topology file.") var target: String
    @Flag(help: "Also remove the lab directory (logs, node configs, captures); the run record keeps the run.") var cleanup = false
    @OptionGroup var lab: LabOptions

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            var name = target
            if target.hasSuffix(".yaml") || target.hasSuffix(".yml") {
                // The lab deployed from this file, found by the state files; the file's own
                // `name:` only as a fallback (the file may have changed since).
                let path = URL(fileURLWithPath: target).standardizedFileURL.path
                let byFile = LabDirectory.labs(root: lab.home).filter {
                    (try? LabState.read(from: LabDirectory(root: lab.home, name: $0).stateFile))?.topology == path
                }
                if byFile.count == 1 { name = byFile[0] }
                else if let text = try? String(contentsOfFile: target, encoding: .utf8),
                        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("name:") }) {
                    name = line.dropFirst(5).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                } else { throw .noSuchLab(target) }
            }
            let report = try LabTeardown(directory: LabDirectory(root: lab.home, name: name)).destroy(cleanup: cleanup)
            var line = "lab \(report.lab) destroyed: \(report.how)"
            if report.killedProcesses > 0 { line += ", \(report.killedProcesses) leftover processes killed" }
            if report.removedDirectory { line += ", lab directory removed" }
            emit(line)
        }
    }
}

struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Print a node's log (stdout and stderr of every start).")

    @Argument(help: "Lab name.") var name: String
    @Argument(help: "Node name, or 'orchestrator' for a detached orchestrator's own log.") var node: String
    @Flag(name: [.customShort("f"), .long], help: "Keep printing what is appended (Ctrl-C to end).") var follow = false
    @Option(help: "Only the last N lines.") var tail: Int?
    @OptionGroup var lab: LabOptions

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            let dir = LabDirectory(root: lab.home, name: name)
            guard FileManager.default.fileExists(atPath: dir.url.path) else { throw .noSuchLab(name) }
            let path = node == "orchestrator" ? dir.orchestratorLog.path : dir.nodeLog(node).path
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw .io("no log for node '\(node)' in lab \(name) (\(path)); nodes: \((try? LabState.read(from: dir.stateFile))?.nodes.map(\.name).joined(separator: ", ") ?? "?")")
            }
            var text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
            if let tail {
                text = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(tail + (text.hasSuffix("\n") ? 1 : 0)).joined(separator: "\n")
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            guard follow else { return }
            signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
            var offset = handle.offsetInFile
            while !stopRequested.load(ordering: .relaxed) {
                usleep(100_000)
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? offset
                if size < offset { offset = 0 }   // truncated or replaced
                handle.seek(toFileOffset: offset)
                let data = handle.readDataToEndOfFile()
                if !data.isEmpty { FileHandle.standardOutput.write(data); offset += UInt64(data.count) }
            }
        }
    }
}

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "runs", abstract: "List the run record: every deployment, its outcome and what it recorded.")

    @Option(help: "Only runs of this lab.") var lab: String?
    @Option(name: [.customShort("f"), .long], help: "table or json (env RANLAB_FORMAT).")
    var format: OutputFormat = OutputFormat(rawValue: ProcessInfo.processInfo.environment["RANLAB_FORMAT"] ?? "") ?? .table
    @OptionGroup var options: LabOptions

    func run() throws {
        try orchestrated { () throws(OrchestratorError) in
            let path = LabDirectory(root: options.home, name: "_").runRecordPath
            guard FileManager.default.fileExists(atPath: path) else {
                if format == .json { emit("[]") } else { emit("no run record at \(path) yet") }
                return
            }
            let runs = try RunRecord(path: path).runs(lab: lab)
            if format == .json { printJSON(runs); return }
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd HH:mm:ss"
            emit(table(["RUN", "LAB", "STARTED", "DURATION", "OUTCOME", "NODES", "EVENTS", "KPIS"], runs.map { r in
                let end = r.endedAt ?? Date().timeIntervalSince1970
                return ["\(r.id)", r.lab, f.string(from: Date(timeIntervalSince1970: r.startedAt)), String(format: "%.1f s", end - r.startedAt),
                        r.outcome ?? (LabDirectory(root: options.home, name: r.lab).orchestratorAlive ? "running" : "unfinished"), "\(r.nodes)", "\(r.statusEvents)", "\(r.kpiSamples)"]
            }))
        }
    }
}

