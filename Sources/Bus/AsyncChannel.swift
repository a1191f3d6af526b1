import DequeModule
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A ``BusChannel`` for Swift concurrency: `await send`, `for try await` over ``messages``
/// and ``events``. A dedicated I/O thread owns the channel's receive side (and, for ZeroMQ,
/// its sends too, since ZeroMQ sockets are single-threaded), so no cooperative-pool thread
/// ever blocks in a socket call.
public final class AsyncChannel: Sendable {
    public let channel: any BusChannel
    /// Every received message, in order; ends with the channel, or throws when the peer is lost.
    public let messages: AsyncThrowingStream<Message, any Error>
    /// Connection events as they happen.
    public let events: AsyncStream<ChannelEvent>

    private let messageSink: AsyncThrowingStream<Message, any Error>.Continuation
    private let eventSink: AsyncStream<ChannelEvent>.Continuation
    private let outbox = Mutex<Deque<Outgoing>>([])
    private let running = Atomic<Bool>(true)
    private let closed = Atomic<Bool>(false)
    private let thread = Mutex<pthread_t?>(nil)

    private struct Outgoing: @unchecked Sendable {
        var message: Message
        var done: CheckedContinuation<Void, any Error>
    }

    /// Takes over `channel`; use only the async API from now on.
    public init(_ channel: any BusChannel) {
        self.channel = channel
        (messages, messageSink) = AsyncThrowingStream.makeStream(of: Message.self)
        (events, eventSink) = AsyncStream.makeStream(of: ChannelEvent.self)
        let box = Unmanaged.passRetained(self).toOpaque()
        var tid = pthread_t()
        pthread_create(&tid, nil, { arg in
            let me = Unmanaged<AsyncChannel>.fromOpaque(arg!).takeRetainedValue()
            me.run()
            return nil
        }, box)
        thread.withLock { $0 = tid }
    }

    /// Sends one message; returns when the transport has accepted it.
    public func send(_ message: Message) async throws {
        guard running.load(ordering: .acquiring) else { throw BusError.closed(endpoint: channel.endpoint.description) }
        if channel.isSendThreadSafe {
            try channel.send(message)
            return
        }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            // Checked under the outbox lock so a concurrent close() cannot strand the continuation.
            let queued = outbox.withLock { box -> Bool in
                guard running.load(ordering: .acquiring) else { return false }
                box.append(Outgoing(message: message, done: done))
                return true
            }
            if queued { channel.interrupt() } else { done.resume(throwing: BusError.closed(endpoint: channel.endpoint.description)) }
        }
    }

    public func send(_ bytes: [UInt8], info: MessageInfo = .none) async throws {
        try await send(Message(bytes, info: info))
    }

    /// Stops the I/O thread, closes the channel and ends both streams. Idempotent.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        outbox.withLock { _ in running.store(false, ordering: .releasing) }
        channel.interrupt()
        if let tid = thread.withLock({ t -> pthread_t? in defer { t = nil }; return t }), !pthread_equal(tid, pthread_self()).isTrue {
            pthread_join(tid, nil)
        }
        channel.close()
        failPending(BusError.closed(endpoint: channel.endpoint.description))
        messageSink.finish()
        eventSink.finish()
    }

    private func run() {
        var canReceive = true
        defer {
            // The channel is gone: later sends fail at once instead of waiting for this thread.
            outbox.withLock { _ in running.store(false, ordering: .releasing) }
            failPending(BusError.closed(endpoint: channel.endpoint.description))
        }
        while running.load(ordering: .acquiring) {
            if !channel.isSendThreadSafe { flushOutbox() }
            guard canReceive else {
                // Send-only socket (PUSH, PUB): wait for interrupts and connection events only.
                if let e = channel.nextEvent(timeout: .milliseconds(250)) { eventSink.yield(e) }
                continue
            }
            do {
                if let m = try channel.receive(timeout: .milliseconds(250)) { messageSink.yield(m) }
            } catch {
                drainEvents()
                switch error {
                case .closed:
                    messageSink.finish()
                    return
                case .peerLost:
                    messageSink.finish(throwing: error)
                    return
                case .unsupported:
                    canReceive = false
                    messageSink.finish()
                default:
                    // One bad message (e.g. over max-message) does not end the stream.
                    SCTPBackend.logger.warning("\(channel.endpoint): \(error)")
                }
            }
            drainEvents()
        }
        drainEvents()
    }

    private func flushOutbox() {
        while let item = outbox.withLock({ $0.popFirst() }) {
            do {
                try channel.send(item.message)
                item.done.resume()
            } catch {
                item.done.resume(throwing: error)
            }
        }
    }

    private func failPending(_ error: BusError) {
        while let item = outbox.withLock({ $0.popFirst() }) { item.done.resume(throwing: error) }
    }

    private func drainEvents() {
        while let e = channel.nextEvent(timeout: .zero) { eventSink.yield(e) }
    }

    deinit { close() }
}

private extension Int32 {
    var isTrue: Bool { self != 0 }
}
