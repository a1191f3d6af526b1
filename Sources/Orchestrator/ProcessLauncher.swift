import CProcessSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a VNF process with posix_spawn: its own process group, stdin from /dev/null,
/// stdout and stderr appended to its log, a clean descriptor table (nothing of the
/// orchestrator's leaks in), the working directory and environment given.
///
/// Written on posix_spawn rather than Foundation's `Process` or swift-subprocess because the
/// supervisor needs all of: a new process group per child, closing inherited descriptors, and
/// reaping by pid from its own loop (waitpid) without a thread per child.
public enum ProcessLauncher {
    /// Starts `arguments` and returns its pid. `newSession`: a new session instead of only a new
    /// process group (for a detached orchestrator, so it outlives the terminal).
    public static func spawn(arguments: [String], environment: [String: String], directory: String, log: String,
                             newSession: Bool = false) throws(OrchestratorError) -> Int32 {
        guard let program = arguments.first else { throw .launch(node: "?", reason: "empty launch command") }
        let path = try resolve(program, environment: environment)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }

        let group = newSession ? Int32(ranlab_spawn_setsid_flag()) : Int32(POSIX_SPAWN_SETPGROUP)
        posix_spawnattr_setflags(&attr, Int16(group | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)))
        posix_spawnattr_setpgroup(&attr, 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGTERM, SIGINT, SIGPIPE, SIGCHLD, SIGHUP] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attr, &defaults)

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        ranlab_spawn_add_closefrom(&actions, 3)
        ranlab_spawn_add_chdir(&actions, directory)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attr, argv, envp)
        guard rc == 0 else {
            throw .launch(node: "?", reason: "posix_spawn \(path): \(String(cString: strerror(rc)))")
        }
        return pid
    }

    /// An absolute or relative path as is; a bare name looked up in PATH.
    static func resolve(_ program: String, environment: [String: String]) throws(OrchestratorError) -> String {
        if program.contains("/") {
            guard access(program, X_OK) == 0 else { throw .launch(node: "?", reason: "\(program) is not an executable file") }
            return program
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw .launch(node: "?", reason: "'\(program)' not found in PATH")
    }
}
