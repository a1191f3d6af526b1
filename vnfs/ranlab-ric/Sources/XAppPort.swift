import Bus
import DequeModule
import Foundation
import Synchronization

/// The RIC's xApp side: one ZeroMQ ROUTER (bound to the lab's external xApp address, each
/// topology link to the RIC's `xapp` interface and optionally a loopback TCP port), used by the
/// ``RICLoop`` thread only. On that thread ``send(_:_:)`` writes to the socket at once; from any
/// other thread it queues and wakes the loop. It never blocks on a slow xApp: a message the
/// socket or the queue cannot take is dropped and counted.
final class XAppPort: @unchecked Sendable {
    let router: ZMQChannel
    let externalAddress: String
    private let outbox = Mutex(Deque<[[UInt8]]>())
    private let stopFlag = Atomic<Bool>(false)
    /// The serving thread (pthread_t as an integer; 0 before it starts).
    private let owner = Atomic<UInt>(0)
    /// Messages the socket refused (unknown routing id, or the xApp not reading).
    private(set) var dropped = 0

    init(external: String, extra: [String]) throws(BusError) {
        router = try ZMQChannel.bind("zmq+" + external, .router) { o in
            o.linger = .zero
            o.routerHandover = true
            o.sendHighWaterMark = 100_000
            o.receiveHighWaterMark = 100_000
        }
        for a in extra { try router.addBinding(a) }
        externalAddress = external
    }

    /// Makes the calling thread the one that owns the socket.
    func adoptCurrentThread() { owner.store(UInt(pthread_self()), ordering: .releasing) }
    private var onOwner: Bool { owner.load(ordering: .acquiring) == UInt(pthread_self()) }

    /// Sends `frames` (kind, node, payload) to the xApp with routing id `identity`. Off the
    /// owning thread the message is queued; beyond `outboxLimit` waiting messages it is dropped
    /// and counted: memory stays bounded and the E2 side never waits.
    func send(_ identity: [UInt8], _ frames: [[UInt8]]) {
        if onOwner { return write(identity, frames) }
        let (wasEmpty, accepted) = outbox.withLock { q -> (Bool, Bool) in
            guard q.count < Self.outboxLimit else { return (false, false) }
            let e = q.isEmpty
            q.append([identity] + frames)
            return (e, true)
        }
        if !accepted { overflowed.add(1, ordering: .relaxed) }
        if wasEmpty { router.interrupt() }
    }
    static let outboxLimit = 100_000
    /// Messages dropped because the outbox was full.
    let overflowed = Atomic<Int>(0)

    /// Queues `frames` for every connected xApp (the core knows who).
    var broadcastTargets: () -> [[UInt8]] = { [] }
    func broadcast(_ frames: [[UInt8]]) {
        for id in broadcastTargets() { send(id, frames) }
    }

    var stopRequested: Bool { stopFlag.load(ordering: .acquiring) }
    func stop() {
        stopFlag.store(true, ordering: .releasing)
        router.interrupt()
    }

    private func write(_ identity: [UInt8], _ frames: [[UInt8]]) {
        do {
            try router.send(identity, info: MessageInfo(more: true, dontWait: true))
            for (i, f) in frames.enumerated() {
                try router.send(f, info: MessageInfo(more: i < frames.count - 1, dontWait: true))
            }
        } catch {
            dropped += 1    // gone (unknown routing id) or not reading: never stall the RIC
        }
    }

    /// Sends what other threads queued (owning thread only).
    func flush() {
        while true {
            let batch: [[[UInt8]]] = outbox.withLock { q in
                defer { q.removeAll(keepingCapacity: true) }
                return Array(q)
            }
            if batch.isEmpty { return }
            for frames in batch { write(frames[0], Array(frames.dropFirst())) }
        }
    }

    func close() {
        flush()
        router.close()
    }
}
