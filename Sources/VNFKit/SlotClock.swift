import Bus
import Foundation

/// Slot time for a time-driven VNF, in one of two modes (docs/plugin-contract.md §7):
///
/// * **virtual**: a lab-wide barrier. The node runs an *epoch* of `lookahead` slots, tells the
///   barrier how many messages it sent on each link, and waits. When every clocked node is done,
///   the barrier starts the next epoch and tells each node how many messages to expect per link;
///   ``next()`` receives exactly those into the links' inboxes before it returns. A message sent in
///   epoch e is therefore seen at the start of epoch e+1, whatever the machine's speed: the same
///   topology and seed give the same results bit for bit.
/// * **realtime**: slots paced by CLOCK_MONOTONIC from a start time the barrier gives every node.
///   A slot whose work starts after its end time is counted in ``lateSlots``; it is still run,
///   never skipped. Links are drained without waiting.
///
/// Use: open the links, wrap them in ``TimedLink``s, create the clock (it joins the barrier), then
/// `while let epoch = try clock.next() { for slot in epoch.slots { … } }`.
public final class SlotClock {
    public enum Mode: String, Sendable { case virtual, realtime }

    /// Slots to run before the next barrier.
    public struct Epoch: Sendable, Hashable {
        public let index: UInt64
        public let slots: Range<Int>
    }

    public let mode: Mode
    public let slotNanoseconds: Int
    public let numerology: Int
    public let lookahead: Int
    /// Total slots of the scenario, nil = until stopped.
    public let totalSlots: Int?
    /// Real time: slots whose work began after the slot had already ended.
    public private(set) var lateSlots = 0
    /// Real time: the most a slot started behind its schedule, in nanoseconds.
    public private(set) var worstLatenessNanoseconds: UInt64 = 0
    public let links: [TimedLink]
    /// Real time: messages dropped on the clocked links because the peer could not take them.
    public var droppedMessages: UInt64 { links.reduce(0) { $0 &+ $1.dropped } }
    /// Virtual time: nanoseconds spent waiting for the barrier and the counted messages.
    public private(set) var waitNanoseconds: UInt64 = 0

    private let runtime: VNFRuntime
    private let socket: ZMQChannel
    private var epoch: UInt64?
    private var startTime: UInt64 = 0
    private var nextSlot = 0
    /// How long to wait for messages the barrier counted before giving up.
    public var deliveryTimeout: Duration = .seconds(30)

    /// Joins the lab's slot barrier with `links` (the node's clocked links).
    public init(runtime: VNFRuntime, links: [TimedLink]) throws(VNFError) {
        guard let c = runtime.config.clock else {
            throw .clock("the node config has no clock: this VNF is time-driven and needs a lab with a slot clock")
        }
        guard let mode = Mode(rawValue: c.mode) else { throw .clock("unknown clock mode '\(c.mode)' (virtual or realtime)") }
        guard c.slotNanoseconds > 0, c.lookahead >= 1 else { throw .clock("slot duration and lookahead must be positive") }
        self.mode = mode
        self.slotNanoseconds = c.slotNanoseconds
        self.numerology = c.numerology
        self.lookahead = mode == .virtual ? c.lookahead : 1
        self.totalSlots = c.slots
        self.links = links
        self.runtime = runtime
        do {
            socket = try ZMQChannel.connect("zmq+\(c.address)", .dealer) { o in
                o.routingID = Array(runtime.config.node.utf8)
                o.linger = .zero
            }
            try socket.send(ClockMessage.join(node: runtime.config.node, links: links.map(\.id)).encoded())
        } catch { throw .bus(error) }
        // The barrier must hold the join before this node reports ACTIVE: the lab's first epoch
        // starts once every node is ACTIVE, and it must include this one.
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let frame: Message?
            do { frame = try socket.receive(timeout: .milliseconds(50)) } catch { throw .bus(error) }
            if let frame {
                guard case .welcome = try? ClockMessage(bytes: frame.bytes) else { throw .clock("the barrier answered the join with something else") }
                break
            }
            if runtime.stopRequested { break }
            if ContinuousClock.now > deadline { throw .clock("no answer from the slot barrier at \(c.address) within 10 s") }
        }
    }

    /// Slot duration in milliseconds (1 at numerology 0).
    public var slotMilliseconds: Double { Double(slotNanoseconds) / 1e6 }

    /// Slots per second of the lab's numerology.
    public var slotsPerSecond: Double { 1e9 / Double(slotNanoseconds) }

    /// The next epoch, or nil when the scenario is over or a stop was requested. In virtual time,
    /// first reports the finished epoch to the barrier and waits for the next one.
    public func next() throws(VNFError) -> Epoch? {
        if runtime.stopRequested { return nil }   // a peer may be gone already: do not wait on it
        // Real time: a peer that ended first or fell behind must not stall this node's slots.
        do { for l in links { try l.flush(dropWhenBusy: mode == .realtime) } } catch { throw .bus(error) }
        switch mode {
        case .virtual: return try nextVirtual()
        case .realtime:
            let e = try nextRealtime()
            if e == nil, !reportedDrops {
                reportedDrops = true
                runtime.emit("ranlab_clock_dropped_messages_total", Double(droppedMessages), slot: nextSlot)
            }
            return e
        }
    }
    private var reportedDrops = false

    private func nextVirtual() throws(VNFError) -> Epoch? {
        let began = MonotonicClock.now()
        defer { waitNanoseconds &+= MonotonicClock.now() &- began }
        if let e = epoch {
            do { try socket.send(ClockMessage.done(epoch: e, sent: links.map(\.sent)).encoded()) } catch { throw .bus(error) }
        }
        guard let message = try awaitBarrier() else { return nil }
        switch message {
        case .end: return nil
        case let .go(e, first, count, _, expected):
            guard expected.count == links.count else {
                throw .clock("barrier sent \(expected.count) link counts for \(links.count) links")
            }
            epoch = e
            try deliver(expected)
            return Epoch(index: e, slots: Int(first)..<Int(first) + Int(count))
        default:
            throw .clock("unexpected message from the barrier: \(message)")
        }
    }

    private func nextRealtime() throws(VNFError) -> Epoch? {
        if epoch == nil {
            guard let message = try awaitBarrier() else { return nil }
            guard case let .go(e, first, _, start, _) = message else { return nil }
            epoch = e
            startTime = start
            nextSlot = Int(first)
        }
        if let total = totalSlots, nextSlot >= total { return nil }
        let slot = nextSlot
        nextSlot += 1
        let due = startTime &+ UInt64(slot) &* UInt64(slotNanoseconds)
        var now = MonotonicClock.now()
        if now < due {
            var ts = timespec(tv_sec: Int(due / 1_000_000_000), tv_nsec: Int(due % 1_000_000_000))
            while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nil) == EINTR {}
            now = MonotonicClock.now()
        }
        if now > due {
            worstLatenessNanoseconds = max(worstLatenessNanoseconds, now - due)
            if now - due >= UInt64(slotNanoseconds) { lateSlots += 1 }
        }
        do { for l in links { try l.drain() } } catch { throw .bus(error) }
        return Epoch(index: UInt64(slot), slots: slot..<slot + 1)
    }

    /// Waits for the barrier's next message; nil when a stop is requested meanwhile.
    private func awaitBarrier() throws(VNFError) -> ClockMessage? {
        while true {
            if runtime.stopRequested { return nil }
            let frame: Message?
            do { frame = try socket.receive(timeout: .milliseconds(50)) } catch { throw .bus(error) }
            guard let frame else { continue }
            do { return try ClockMessage(bytes: frame.bytes) } catch { throw .clock("bad message from the barrier: \(error)") }
        }
    }

    /// Receives, on every clocked link, the messages the barrier counted; drains unclocked ones.
    private func deliver(_ expected: [UInt64]) throws(VNFError) {
        for (i, link) in links.enumerated() {
            do {
                if expected[i] == ClockMessage.unclocked {
                    link.peerClocked = false
                    try link.drain()
                    continue
                }
                link.peerClocked = true
                let deadline = ContinuousClock.now + deliveryTimeout
                while link.received < expected[i] {
                    if try link.pull(timeout: .milliseconds(50)) { continue }
                    if runtime.stopRequested { return }
                    if ContinuousClock.now > deadline {
                        throw VNFError.clock("link \(link.id) to \(link.link.peer): the barrier counted \(expected[i]) messages, \(link.received) arrived within \(deliveryTimeout)")
                    }
                }
            } catch let e as VNFError { throw e } catch let e as BusError { throw .bus(e) } catch { throw .clock("\(error)") }
        }
    }

    /// Leaves the barrier (closing the socket); the barrier drops the node when it notices.
    public func close() { socket.close() }
}
