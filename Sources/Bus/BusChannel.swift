/// One end of a bus link, whatever the transport.
///
/// Two ways to use it:
/// * **Synchronous, allocation-free** (per-slot code): ``send(_:info:)`` from a buffer and
///   ``receive(into:timeout:)`` into a buffer. A channel is used by one thread at a time,
///   like a ZeroMQ socket; ``interrupt()`` is the only call safe from any thread.
/// * **Swift concurrency**: wrap it in an ``AsyncChannel``.
public protocol BusChannel: AnyObject, Sendable {
    var endpoint: Endpoint { get }
    var options: ChannelOptions { get }

    /// Sends one message (one frame when `info.more` is set on ZeroMQ). Blocks while the
    /// transport applies back-pressure. Allocation-free on the direct (unimpaired) path.
    func send(_ bytes: UnsafeRawBufferPointer, info: MessageInfo) throws(BusError)

    /// Receives the next message into `buffer`, waiting at most `timeout` (nil = forever).
    /// Returns nil on timeout or ``interrupt()``. A message larger than `buffer` is consumed and
    /// reported as ``BusError/messageTooLarge(size:limit:endpoint:)``.
    func receive(into buffer: UnsafeMutableRawBufferPointer, timeout: Duration?) throws(BusError) -> Received?

    /// Receives the next message as owned bytes (allocates). Nil on timeout or interrupt.
    func receive(timeout: Duration?) throws(BusError) -> Message?

    /// The next connection event, waiting at most `timeout` for one (`.zero` = only look).
    /// Does not consume data messages.
    func nextEvent(timeout: Duration) -> ChannelEvent?

    /// Makes a receive blocked on another thread return nil soon. Safe from any thread.
    func interrupt()

    /// True when `send` may be called from a thread other than the receiving one.
    var isSendThreadSafe: Bool { get }

    /// Closes the channel; further calls throw ``BusError/closed(endpoint:)``. Idempotent.
    func close()
}

extension BusChannel {
    public func send(_ bytes: [UInt8], info: MessageInfo = .none) throws(BusError) {
        try withBytes(bytes) { (b: UnsafeRawBufferPointer) throws(BusError) in try send(b, info: info) }
    }

    public func send(_ message: Message) throws(BusError) {
        try send(message.bytes, info: message.info)
    }

    public func send(_ text: String, info: MessageInfo = .none) throws(BusError) {
        try send(Array(text.utf8), info: info)
    }

    /// The next connection event that already happened, if any.
    public func nextEvent() -> ChannelEvent? { nextEvent(timeout: .zero) }

    /// Waits up to `timeout` for an event that `matches`; other events seen meanwhile are discarded.
    public func waitForEvent(timeout: Duration, where matches: (ChannelEvent) -> Bool = { _ in true }) -> ChannelEvent? {
        let deadline = MonotonicClock.deadline(after: timeout)!
        while true {
            let now = MonotonicClock.now()
            if now >= deadline { return nextEvent().flatMap { matches($0) ? $0 : nil } }
            if let e = nextEvent(timeout: .nanoseconds(Int64(clamping: deadline - now))), matches(e) { return e }
        }
    }
}

/// `Array.withUnsafeBytes` with a typed error.
@inline(__always)
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(BusError) -> R) throws(BusError) -> R {
    let result: Result<R, BusError> = bytes.withUnsafeBytes { b in
        do throws(BusError) { return .success(try body(b)) } catch { return .failure(error) }
    }
    return try result.get()
}
