import Foundation

/// `.ranlab/<lab>/state.json`: what is running, written by the orchestrator whenever something
/// changes (atomically: a new file renamed over the old). `inspect` reads it, and `destroy`
/// works from it alone, so a lab can be torn down even after its topology file changed.
public struct LabState: Sendable, Hashable, Codable {
    public enum Phase: String, Sendable, Hashable, Codable {
        /// Starting nodes.
        case deploying
        /// Every node reached ACTIVE (or finished).
        case running
        case stopping
        /// Torn down.
        case stopped
        /// Deployment failed; the lab was torn down.
        case failed
    }

    public var lab: String
    public var topology: String
    public var run: Int64
    public var runRecord: String
    public var supervisorPID: Int32
    public var startedAt: Double
    public var phase: Phase
    public var detail: String?
    public var socketDirectory: String
    public var controlAddress: String
    /// Seconds from start to every node ACTIVE, once reached.
    public var deployedIn: Double?
    public var nodes: [NodeState]

    public struct NodeState: Sendable, Hashable, Codable {
        public var name: String
        public var role: String
        public var vnf: String
        public var provider: String
        public var version: String
        /// A VNF status (BOOTING…ERROR) or PENDING, STARTING, RESTARTING, STOPPED.
        public var status: String
        public var detail: String?
        public var pid: Int32?
        /// Process groups of this node that may still have members (a group is dropped once its
        /// leader was reaped and the group killed): `destroy` kills what is left of them.
        public var processGroups: [Int32]
        public var restarts: Int
        /// This node's link ends, as Bus endpoint URLs.
        public var endpoints: [String]
        public var kpiSamples: Int
    }

    public func node(_ name: String) -> NodeState? { nodes.first { $0.name == name } }

    public func write(to url: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try e.encode(self)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".state.json.\(getpid()).tmp")
        try data.write(to: tmp)
        guard rename(tmp.path, url.path) == 0 else { throw OrchestratorError.io("cannot replace \(url.path): errno \(errno)") }
    }

    public static func read(from url: URL) throws(OrchestratorError) -> LabState {
        do { return try JSONDecoder().decode(LabState.self, from: Data(contentsOf: url)) }
        catch { throw .io("cannot read lab state \(url.path): \(error)") }
    }

    /// True when this lab is not torn down but its orchestrator no longer holds the lab's lock.
    public func isOrphaned(in directory: LabDirectory) -> Bool {
        phase != .stopped && phase != .failed && !directory.orchestratorAlive
    }
}
