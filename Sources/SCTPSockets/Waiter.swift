import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A condition variable with a generation counter: callbacks `signal()`, waiters
/// `wait(since:deadline:)` until the generation moves. Used to turn the stacks'
/// readiness callbacks into blocking calls with deadlines. On request it also mirrors
/// `signal()` into an eventfd.
public final class Waiter: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var cond = pthread_cond_t()
    private var generation: UInt64 = 0
    private var wakeups: UInt64 = 0
    /// -1 unless ``mirrorSignals(to:)`` was called (most waiters are never polled).
    private let eventFD = Atomic<Int32>(-1)

    public init() {
        pthread_mutex_init(&mutex, nil)
        var attr = pthread_condattr_t()
        pthread_condattr_init(&attr)
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
        pthread_cond_init(&cond, &attr)
        pthread_condattr_destroy(&attr)
    }

    deinit {
        pthread_cond_destroy(&cond)
        pthread_mutex_destroy(&mutex)
    }

    /// From now on every ``signal()`` also writes 1 to `fd` (an eventfd the caller owns and
    /// keeps open for the waiter's lifetime), so one thread can poll(2) many waiters at once.
    public func mirrorSignals(to fd: Int32) { eventFD.store(fd, ordering: .releasing) }

    /// The current generation; read it before trying the operation that may block.
    public var current: UInt64 {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return generation
    }

    /// The current wake-up count (see ``wake()``).
    public var wakeCount: UInt64 {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return wakeups
    }

    public func signal() {
        pthread_mutex_lock(&mutex)
        generation &+= 1
        pthread_cond_broadcast(&cond)
        pthread_mutex_unlock(&mutex)
        let fd = eventFD.load(ordering: .acquiring)
        if fd >= 0 {
            var one: UInt64 = 1
            _ = write(fd, &one, 8)
        }
    }

    /// Signals and counts a deliberate wake-up (interrupt).
    public func wake() {
        pthread_mutex_lock(&mutex)
        wakeups &+= 1
        generation &+= 1
        pthread_cond_broadcast(&cond)
        pthread_mutex_unlock(&mutex)
    }

    /// Waits until the generation differs from `since` or `deadline` (monotonic ns) passes.
    /// Returns false on timeout.
    public func wait(since: UInt64, deadline: UInt64?) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        while generation == since {
            if let d = deadline {
                var ts = timespec(tv_sec: Int(d / 1_000_000_000), tv_nsec: Int(d % 1_000_000_000))
                if pthread_cond_timedwait(&cond, &mutex, &ts) == ETIMEDOUT { return generation != since }
            } else {
                pthread_cond_wait(&cond, &mutex)
            }
        }
        return true
    }

    /// Monotonic clock, ns.
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
