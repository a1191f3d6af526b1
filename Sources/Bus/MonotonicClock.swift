#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds on the monotonic clock; cheap, allocation-free. Every interval in ranlab (deadlines,
/// heartbeats, backoffs) is measured on it, so a wall-clock step never shortens or stretches one.
public enum MonotonicClock {
    @inline(__always)
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// The same clock in seconds.
    public static func seconds() -> Double { Double(now()) / 1e9 }

    /// Absolute deadline in ns for a timeout (nil = forever).
    static func deadline(after timeout: Duration?) -> UInt64? {
        guard let timeout else { return nil }
        let (sum, overflow) = now().addingReportingOverflow(timeout.nanoseconds)
        return overflow ? .max : sum
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// Whole nanoseconds, saturating at 0 for negative values.
    /// Whole nanoseconds, saturating at 0 for negative and at ~292 years for huge values.
    var nanoseconds: UInt64 {
        let (s, a) = components
        if s < 0 { return 0 }
        if s >= Int64.max / 1_000_000_000 { return UInt64(Int64.max) }
        return UInt64(s) * 1_000_000_000 + UInt64(a / 1_000_000_000)
    }
}
