import Bus
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ranlab destroy`: ends a lab from its state file alone. With its orchestrator alive (it holds
/// the lab's lock), asks it to stop (SIGTERM: it runs the graceful stop) and waits; with the
/// orchestrator gone, kills what is left of the lab's process groups, removes its sockets and
/// closes its run in the run record as `crashed`.
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
        var killed = 0
        if directory.orchestratorAlive {
            // The lock proves the pid in the state file is the orchestrator, not a reused pid.
            kill(state.supervisorPID, SIGTERM)
            let deadline = MonotonicClock.seconds() + timeout
            while directory.orchestratorAlive && MonotonicClock.seconds() < deadline { usleep(20_000) }
            if directory.orchestratorAlive {
                kill(state.supervisorPID, SIGKILL)
                while directory.orchestratorAlive { usleep(10_000) }
                how = "orchestrator did not stop in \(Int(timeout)) s; killed it and cleaned up"
            } else {
                how = "stopped by its orchestrator"
            }
            state = (try? LabState.read(from: directory.stateFile)) ?? state
        }
        if state.phase != .stopped && state.phase != .failed {
            if how == "already stopped" { how = "cleaned up after a dead orchestrator (pid \(state.supervisorPID))" }
            killed = cleanUpAfterDeadOrchestrator(state)
        }
        var removed = false
        if cleanup {
            do { try FileManager.default.removeItem(at: directory.url); removed = true }
            catch { throw .io("cannot remove \(directory.url.path): \(error.localizedDescription)") }
        }
        return Report(lab: state.lab, how: how, killedProcesses: killed, removedDirectory: removed)
    }

    /// Kills what is left of a lab whose orchestrator died, removes its sockets, closes its run as
    /// `crashed` and marks the state stopped. Only processes that carry this lab's
    /// `RANLAB_LAB` in their environment are killed, so a reused process-group id is left alone.
    /// Returns how many processes it killed.
    @discardableResult
    public func cleanUpAfterDeadOrchestrator(_ old: LabState) -> Int {
        var state = old
        var killed = 0
        for n in state.nodes {
            for g in n.processGroups {
                for pid in ProcessTable.members(ofGroup: g) where ProcessTable.environment(of: pid)["RANLAB_LAB"] == state.lab {
                    if kill(pid, SIGKILL) == 0 { killed += 1 }
                }
            }
        }
        let sockets = URL(fileURLWithPath: state.socketDirectory)
        if let files = try? FileManager.default.contentsOfDirectory(atPath: sockets.path) {
            for f in files where f.hasSuffix(".sock") { unlink(sockets.appendingPathComponent(f).path) }
        }
        rmdir(sockets.path)
        if let record = try? RunRecord(path: state.runRecord) { try? record.endRun(state.run, outcome: "crashed") }
        state.phase = .stopped
        state.detail = "torn down after its orchestrator (pid \(old.supervisorPID)) died"
        for i in state.nodes.indices {
            if state.nodes[i].pid != nil || !["FINISHED", "ERROR", "STOPPED"].contains(state.nodes[i].status) {
                state.nodes[i].status = "STOPPED"
            }
            state.nodes[i].pid = nil
            state.nodes[i].processGroups = []
        }
        try? state.write(to: directory.stateFile)
        return killed
    }
}
