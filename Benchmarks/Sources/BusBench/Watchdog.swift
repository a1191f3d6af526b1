#if canImport(Glibc)
import Glibc
#endif

/// Ends the process if one measurement hangs (a lost message would block a receive forever):
/// the benchmark loops wait without timeouts, as the raw baselines do, so that their hot paths
/// stay free of deadline bookkeeping.
enum Watchdog {
    /// Seconds one measurement may take.
    static let limit: UInt32 = 120

    static func install() {
        signal(SIGALRM) { _ in
            let message = "BusBench: a measurement hung for \(Watchdog.limit) s; giving up\n"
            message.withCString { _ = write(2, $0, strlen($0)) }
            _exit(3)
        }
    }

    /// Runs `body` with the watchdog armed.
    static func guarding<T>(_ body: () throws(BenchFailure) -> T) throws(BenchFailure) -> T {
        alarm(limit)
        defer { alarm(0) }
        return try body()
    }
}
