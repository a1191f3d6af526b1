import Bus
#if canImport(Glibc)
import Glibc
#endif

/// A plain POSIX thread running one closure, joined for its result. Benchmarks need real
/// threads (a sender and a receiver busy at once), not tasks on a cooperative pool.
final class BenchThread<Value: Sendable>: @unchecked Sendable {
    private var thread = pthread_t()
    private var result: Result<Value, BusError>?

    /// Starts `body` on a new thread.
    init(_ body: @escaping @Sendable () throws(BusError) -> Value) {
        // The thread keeps `self` alive until it has stored the result.
        let start = ThreadStart {
            do throws(BusError) { self.result = .success(try body()) } catch { self.result = .failure(error) }
        }
        let rc = pthread_create(&thread, nil, { arg in
            Unmanaged<ThreadStart>.fromOpaque(arg!).takeRetainedValue().run()
            return nil
        }, Unmanaged.passRetained(start).toOpaque())
        precondition(rc == 0, "pthread_create failed: \(rc)")
    }

    /// Waits for the thread to end and returns what its closure returned or threw.
    func join() throws(BusError) -> Value {
        pthread_join(thread, nil)
        return try result!.get()
    }
}

/// The closure a new thread runs; non-generic because a C entry point cannot capture generics.
private final class ThreadStart {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
