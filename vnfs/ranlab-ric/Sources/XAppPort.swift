import Bus
import DequeModule
import Foundation
import Synchronization

/// The RIC's xApp side: one ZeroMQ ROUTER (bound to the lab's external xApp address, each
/// topology link to the RIC's `xapp` interface and optionally a loopback TCP port), owned by one
/// thread. Other threads hand it messages through ``send(_:_:)``; it wakes, sends them in order,
/// and never blocks on a slow xApp (a message its queue cannot take is dropped and counted).
final class XAppPort: @unchecked Sendable {
    let router: ZMQChannel
    let externalAddress: String
    private let outbox = Mutex(Deque<[[UInt8]]>())
    private let stopFlag = Atomic<Bool>(false)
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

    /// Queues `frames` (kind, node, payload) for the xApp with routing id `identity`.
    /// Queues `frames` (kind, node, payload) for the xApp with routing id `identity`. Beyond
    /// `outboxLimit` waiting messages (xApps not keeping up with their nodes) the message is
    /// dropped and counted: memory stays bounded and the E2 side never waits.
    func send(_ identity: [UInt8], _ frames: [[UInt8]]) {
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

    func stop() {
        stopFlag.store(true, ordering: .releasing)
        router.interrupt()
    }

    /// The port's loop: receive from xApps, send what is queued, housekeeping every `every`.
    func run(onMessage: ([[UInt8]]) -> Void, every: Double, housekeeping: () -> Void) {
        var next = RICCore.now() + every
        while !stopFlag.load(ordering: .acquiring) {
            if let frames = try? router.receiveMultipart(timeout: .milliseconds(20)) { onMessage(frames) }
            flush()
            if RICCore.now() >= next {
                housekeeping()
                next = RICCore.now() + every
            }
        }
        flush()
        router.close()
    }

    private func flush() {
        while true {
            let batch: [[[UInt8]]] = outbox.withLock { q in
                defer { q.removeAll(keepingCapacity: true) }
                return Array(q)
            }
            if batch.isEmpty { return }
            for frames in batch {
                do {
                    for (i, f) in frames.enumerated() {
                        try router.send(f, info: MessageInfo(more: i < frames.count - 1, dontWait: true))
                    }
                } catch {
                    dropped += 1    // gone (unknown routing id) or not reading: never stall the RIC
                }
            }
        }
    }
}
