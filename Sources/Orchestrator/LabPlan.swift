import Foundation
import VNFKit

/// Everything decided before a process starts: verified packages and their launch commands,
/// start order, and every link's endpoints (ports and ipc paths allocated). `ranlab deploy
/// --dry-run` prints it.
public struct LabPlan: Sendable {
    public var lab: String
    public var topologyPath: String
    public var directory: LabDirectory
    public var seed: UInt64
    public var timeMode: String
    public var slots: Int?
    public var seconds: Double?
    /// NR numerology of the slot clock.
    public var numerology: Int = 0
    /// Virtual time: slots per barrier epoch.
    public var lookahead: Int = 4
    /// Nodes in start order (every node after the ones it waits for).
    public var nodes: [PlannedNode]
    public var links: [PlannedLink]

    public struct PlannedNode: Sendable {
        public var name: String
        public var role: String
        public var package: String
        public var provider: String
        public var product: String
        public var version: String
        public var packageDirectory: String
        /// How the package's trust was established.
        public var signature: String
        public var arguments: [String]
        /// The environment the topology adds (defaults.env under the node's env).
        public var environment: [String: String]
        public var restart: RestartSpec
        public var waitFor: [String]
        public var config: [String: JSONValue]
        public var links: [NodeConfig.Link]
    }

    public struct RestartSpec: Sendable, Hashable {
        public enum Mode: String, Sendable, Hashable { case never, onFailure = "on-failure", always }
        public var mode: Mode
        public var backoff: Duration
    }

    public struct PlannedLink: Sendable, Hashable {
        public var id: String
        public var a: String
        public var b: String
        public var transport: String
        /// Endpoint of the bind side (`b`) and the connect side (`a`).
        public var bindEndpoint: String
        public var connectEndpoint: String
        public var port: Int?
        public var ipcPath: String?
        public var capture: String?
    }

    public func node(_ name: String) -> PlannedNode? { nodes.first { $0.name == name } }

    /// Slot duration of the lab's clock.
    public var slotNanoseconds: Int { 1_000_000 >> numerology }

    /// Slots the scenario runs: `slots`, or `seconds` converted at the numerology; nil = until stopped.
    public var totalSlots: Int? {
        if let slots { return slots }
        if let seconds { return Int((seconds * 1e9 / Double(slotNanoseconds)).rounded()) }
        return nil
    }

    /// Ports the plan reserved for its links.
    public var ports: [Int] { links.compactMap(\.port) }
    /// ipc socket files the plan will create.
    public var ipcPaths: [String] { links.compactMap(\.ipcPath) }

    /// The human-readable plan (`--dry-run`).
    public var description: String {
        var out = "lab \(lab) from \(topologyPath)\n"
        out += "  directory \(directory.url.path), run record \(directory.runRecordPath)\n"
        out += "  scenario: seed \(seed), \(timeMode) time"
        if let slots { out += ", \(slots) slots" }
        if let seconds { out += ", \(seconds) s" }
        out += "\n  packages:\n"
        var seen = Set<String>()
        for n in nodes where seen.insert(n.package).inserted {
            out += "    \(n.package): \(n.product) \(n.version) by \(n.provider), \(n.signature)\n"
        }
        out += "  start order:\n"
        let width = nodes.map(\.name.count).max() ?? 4
        for (i, n) in nodes.enumerated() {
            let pad = String(repeating: " ", count: width - n.name.count)
            out += "    \(i + 1). \(n.name)\(pad)  \(n.role)  \(n.arguments.joined(separator: " "))"
            if !n.waitFor.isEmpty { out += "  (after \(n.waitFor.joined(separator: ", ")))" }
            out += "  restart \(n.restart.mode.rawValue)\n"
        }
        if !links.isEmpty {
            out += "  links:\n"
            for l in links {
                out += "    \(l.id)  \(l.a) → \(l.b)  \(l.transport)  \(l.bindEndpoint)"
                if let c = l.capture { out += "  capture \(c)" }
                out += "\n"
            }
        }
        return out
    }
}
