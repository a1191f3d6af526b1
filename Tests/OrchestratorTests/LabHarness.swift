import Foundation
import Orchestrator
import RanlabTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A lab home in a temporary folder and the `ranlab` commands run against it.
final class LabHarness {
    static let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let probesTopology = repo.appendingPathComponent("Tests/OrchestratorTests/labs/probes.ranlab.yaml").path

    let home: TemporaryDirectory
    var vnfs: String

    init(vnfs: String = LabHarness.repo.appendingPathComponent("vnfs").path) throws {
        home = try TemporaryDirectory()
        self.vnfs = vnfs
    }

    /// `ranlab ARGS --home HOME --vnfs VNFS`.
    func ranlab(_ args: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try RanlabBinary.run(args + ["--home", home.url.path, "--vnfs", vnfs], environment: environment)
    }

    func state(_ lab: String = "probes") throws -> LabState {
        try LabState.read(from: LabDirectory(root: home.url.path, name: lab).stateFile)
    }

    var record: RunRecord { get throws { try RunRecord(path: LabDirectory(root: home.url.path, name: "_").runRecordPath) } }

    /// Polls `condition` every 20 ms until it holds or `limit` passes; returns whether it held.
    /// (A bound on waiting, not a timing assertion: the limits are far above what is expected.)
    static func eventually(_ limit: Double = 30, _ condition: () throws -> Bool) rethrows -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    /// Every process of every group the lab ever used, alive (not a zombie).
    func liveProcesses(_ state: LabState) -> [Int32] {
        state.nodes.flatMap(\.processGroups).flatMap { ProcessTable.members(ofGroup: $0) }
    }

    deinit {
        // Never leave a lab running behind a failed test.
        if let labs = try? FileManager.default.contentsOfDirectory(atPath: home.url.path) {
            for lab in labs where FileManager.default.fileExists(atPath: home.url.appendingPathComponent("\(lab)/state.json").path) {
                _ = try? LabTeardown(directory: LabDirectory(root: home.url.path, name: lab)).destroy(timeout: 5, cleanup: false)
            }
        }
    }
}
