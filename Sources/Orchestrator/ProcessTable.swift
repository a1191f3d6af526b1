import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Questions about processes by pid and process group, from /proc and kill(2).
public enum ProcessTable {
    /// The process exists and is not a zombie.
    public static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return kill(pid, 0) == 0 || errno == EPERM }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// Live (non-zombie) processes whose process group is `pgid`.
    public static func members(ofGroup pgid: Int32) -> [Int32] {
        guard pgid > 0, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var out: [Int32] = []
        for e in entries {
            guard let pid = Int32(e), let stat = try? String(contentsOfFile: "/proc/\(e)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // fields: state ppid pgrp …
            guard fields.count > 2, fields[0] != "Z", Int32(fields[2]) == pgid else { continue }
            out.append(pid)
        }
        return out
    }

    /// The environment a process started with (empty when it cannot be read).
    public static func environment(of pid: Int32) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return [:] }
        var env: [String: String] = [:]
        for entry in data.split(separator: 0) {
            let text = String(decoding: entry, as: UTF8.self)
            if let eq = text.firstIndex(of: "=") { env[String(text[..<eq])] = String(text[text.index(after: eq)...]) }
        }
        return env
    }

    /// Sends `signal` to every process of group `pgid`; false when the group no longer exists.
    @discardableResult
    public static func signalGroup(_ pgid: Int32, _ signal: Int32) -> Bool {
        guard pgid > 1 else { return false }
        return kill(-pgid, signal) == 0
    }
}
