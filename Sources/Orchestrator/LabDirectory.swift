import Foundation

/// Where one lab keeps its files: `<root>/<lab>/` (root `.ranlab` by default) with
/// `state.json`, `orchestrator.log`, `nodes/<node>/{<node>.log, node.json}` and `captures/`.
/// ipc sockets live in ``socketDirectory``: inside the lab folder when the path is short enough
/// for a Unix socket name (107 bytes), else in a per-lab folder under /tmp.
public struct LabDirectory: Sendable, Hashable {
    public let root: URL
    public let name: String

    public init(root: String, name: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        self.name = name
    }

    public var url: URL { root.appendingPathComponent(name, isDirectory: true) }
    public var stateFile: URL { url.appendingPathComponent("state.json") }
    public var orchestratorLog: URL { url.appendingPathComponent("orchestrator.log") }
    public var capturesDirectory: URL { url.appendingPathComponent("captures", isDirectory: true) }
    public func nodeDirectory(_ node: String) -> URL { url.appendingPathComponent("nodes/\(node)", isDirectory: true) }
    public func nodeLog(_ node: String) -> URL { nodeDirectory(node).appendingPathComponent("\(node).log") }
    public func nodeConfig(_ node: String) -> URL { nodeDirectory(node).appendingPathComponent("node.json") }
    /// The run record shared by every lab under this root.
    public var runRecordPath: String { root.appendingPathComponent("runs.sqlite").path }

    /// Folder for the control socket and the links' ipc sockets.
    public var socketDirectory: URL {
        let inside = url.appendingPathComponent("sock", isDirectory: true)
        // longest name used inside: "/l9999.sock" / "/control.sock"
        if inside.path.utf8.count + 14 <= 100 { return inside }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in url.path.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return URL(fileURLWithPath: "/tmp/ranlab-\(getuid())-\(String(h, radix: 16))", isDirectory: true)
    }

    public var controlAddress: String { "ipc://" + socketDirectory.appendingPathComponent("control.sock").path }

    /// Labs that have a state file under `root`, sorted.
    public static func labs(root: String) -> [String] {
        let r = URL(fileURLWithPath: root, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: r.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: r.appendingPathComponent("\($0)/state.json").path) }.sorted()
    }
}
