import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    /// Held (flock, exclusive) by the lab's orchestrator for its whole life: the one test of
    /// "is this lab's orchestrator alive" that a reused pid cannot fool.
    public var lockFile: URL { url.appendingPathComponent("lock") }

    /// True while some process holds the lab's lock.
    public var orchestratorAlive: Bool {
        let fd = open(lockFile.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { flock(fd, LOCK_UN); return false }
        return errno == EWOULDBLOCK
    }

    /// Takes the lab's lock for this process (kept until exit); false when another process has it.
    public func acquireLock() -> Bool {
        let fd = open(lockFile.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }   // fd stays open: the lock lives with the process
        close(fd)
        return false
    }
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
        // Created 0700 and checked to be ours and not a symlink (LabSupervisor), since /tmp is shared.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in url.path.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return URL(fileURLWithPath: "/tmp/ranlab-\(getuid())-\(String(h, radix: 16))", isDirectory: true)
    }

    public var controlAddress: String { "ipc://" + socketDirectory.appendingPathComponent("control.sock").path }
    /// The slot barrier's ipc socket.
    public var clockSocketPath: String { socketDirectory.appendingPathComponent("clock.sock").path }

    /// Labs that have a state file under `root`, sorted.
    public static func labs(root: String) -> [String] {
        let r = URL(fileURLWithPath: root, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: r.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: r.appendingPathComponent("\($0)/state.json").path) }.sorted()
    }
}
