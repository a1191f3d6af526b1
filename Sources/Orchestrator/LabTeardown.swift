import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ranlab destroy`: ends a lab from its state file alone. With its orchestrator alive, asks it
/// to stop (SIGTERM: it runs the graceful stop) and waits; with the orchestrator gone, kills every
/// process group the lab recorded, removes its sockets and closes its run in the run record.
public struct LabTeardown: Sendable {
    public let directory: LabDirectory

    public init(directory: LabDirectory) { self.directory = directory }

    public struct Report: Sendable, Hashable, Codable {
        public var lab: String
        /// `stopped by its orchestrator`, `cleaned up after a dead orchestrator`, or `already stopped`.
        public var how: String
        public var killedProcesses: Int
        public var removedDirectory: Bool
    }

    public func destroy(timeout: Double = 15, cleanup: Bool) throws(OrchestratorError) -> Report {
        guard FileManager.default.fileExists(atPath: directory.stateFile.path) else { throw .noSuchLab(directory.name) }
        var state = try LabState.read(from: directory.stateFile)
        var how = "already stopped"
        if state.supervisorAlive && state.supervisorPID != getpid() && state.phase != .stopped && state.phase != .failed {
            kill(state.supervisorPID, SIGTERM)
            let deadline = Date().addingTimeInterval(timeout)
            while state.supervisorAlive && Date() < deadline { usleep(20_000) }
            if state.supervisorAlive {
                kill(state.supervisorPID, SIGKILL)
                how = "orchestrator did not stop in \(Int(timeout)) s; killed it and cleaned up"
            } else {
                how = "stopped by its orchestrator"
            }
            state = (try? LabState.read(from: directory.stateFile)) ?? state
        } else if state.phase != .stopped && state.phase != .failed {
            how = "cleaned up after a dead orchestrator (pid \(state.supervisorPID))"
        }
        // Whatever happened above, nothing of the lab survives this.
        var killed = 0
        for n in state.nodes {
            for g in n.processGroups {
                killed += ProcessTable.members(ofGroup: g).count
                ProcessTable.signalGroup(g, SIGKILL)
            }
        }
        let sockets = URL(fileURLWithPath: state.socketDirectory)
        if let files = try? FileManager.default.contentsOfDirectory(atPath: sockets.path) {
            for f in files where f.hasSuffix(".sock") { unlink(sockets.appendingPathComponent(f).path) }
        }
        rmdir(sockets.path)
        if state.phase != .stopped && state.phase != .failed {
            if let record = try? RunRecord(path: state.runRecord) { try? record.endRun(state.run, outcome: "crashed") }
            state.phase = .stopped
            state.detail = "destroyed after its orchestrator died"
            for i in state.nodes.indices where state.nodes[i].pid != nil {
                state.nodes[i].pid = nil
                state.nodes[i].status = "STOPPED"
            }
            try? state.write(to: directory.stateFile)
        }
        var removed = false
        if cleanup {
            do { try FileManager.default.removeItem(at: directory.url); removed = true }
            catch { throw .io("cannot remove \(directory.url.path): \(error.localizedDescription)") }
        }
        return Report(lab: state.lab, how: how, killedProcesses: killed, removedDirectory: removed)
    }
}
