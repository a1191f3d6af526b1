import Bus
import Foundation
import Synchronization
import VNFKit

/// The lab's slot clock (the coordinator side of ``SlotClock``): a ROUTER socket on its own thread.
///
/// Virtual time: every node that joined runs epoch e, reports `done` with its per-link send counts;
/// when all have, the barrier starts epoch e+1 and tells each node, per link, how many messages the
/// peer had sent by the end of epoch e — the node receives exactly those before it runs the epoch.
/// Real time: one `go` with a common CLOCK_MONOTONIC start; the nodes pace themselves.
///
/// A node that goes away (``remove(_:)``, called by the supervisor when the process ends) is dropped;
/// its links are unclocked from then on (also if it comes back: what it sent before dying is unknown).
public final class SlotBarrier: Sendable {
    public struct Settings: Sendable, Hashable {
        public var mode: SlotClock.Mode
        public var slotNanoseconds: Int
        public var lookahead: Int
        public var totalSlots: Int?
        public init(mode: SlotClock.Mode, slotNanoseconds: Int, lookahead: Int, totalSlots: Int?) {
            self.mode = mode; self.slotNanoseconds = slotNanoseconds; self.lookahead = lookahead; self.totalSlots = totalSlots
        }
    }

    /// What the CLI shows.
    public struct Progress: Sendable, Hashable {
        /// Slots completed by every node (virtual) or elapsed (real time).
        public var slot: Int
        public var totalSlots: Int?
        public var participants: Int
        public var released: Bool
        /// The scenario's last slot is done (never true for a lab without clocked nodes).
        public var finished: Bool
        /// Epochs run (virtual).
        public var epochs: UInt64
        /// Every node that ever joined.
        public var joined: Set<String>

        /// No clock running.
        public static let idle = Progress(slot: 0, totalSlots: nil, participants: 0, released: false, finished: false, epochs: 0, joined: [])
    }

    public let settings: Settings
    public let address: String
    private let socket: ZMQChannel
    private let shared = Mutex(Shared())

    private struct Shared {
        var release = false
        var removed: [String] = []
        var stop = false
        var progress = Progress(slot: 0, totalSlots: nil, participants: 0, released: false, finished: false, epochs: 0, joined: [])
    }

    /// Binds the ROUTER at `ipcPath`.
    public init(ipcPath: String, settings: Settings) throws(OrchestratorError) {
        self.settings = settings
        address = "ipc://\(ipcPath)"
        do {
            socket = try ZMQChannel.bind("zmq+\(address)", .router) { o in
                o.linger = .zero
                o.routerHandover = true
            }
        } catch { throw .bus(error) }
        shared.withLock { $0.progress.totalSlots = settings.totalSlots }
    }

    public func start() {
        let t = Thread { [self] in self.loop() }
        t.name = "slot-barrier"
        t.start()
    }

    /// Starts the first epoch (call when every node is ACTIVE). Idempotent.
    public func release() { shared.withLock { $0.release = true } }

    /// The node's process ended.
    public func remove(_ node: String) { shared.withLock { $0.removed.append(node) } }

    public var progress: Progress { shared.withLock { $0.progress } }

    public func stop() {
        shared.withLock { $0.stop = true }
        socket.interrupt()
    }

    // MARK: - the barrier thread

    private struct Participant {
        var links: [String]
        var sent: [UInt64]
        var done = false
    }

    private func loop() {
        var participants: [String: Participant] = [:]
        var order: [String] = []          // join order, for deterministic sends
        var tainted = Set<String>()       // links of nodes that went away
        var released = false, finished = false
        var epoch: UInt64 = 0
        var firstSlot = 0
        var realtimeStart: UInt64?
        let realtime = settings.mode == .realtime

        func send(_ node: String, _ m: ClockMessage) {
            try? socket.sendMultipart([Array(node.utf8), m.encoded()])
        }
        func expected(for node: String) -> [UInt64] {
            guard let p = participants[node] else { return [] }
            return p.links.map { link in
                if tainted.contains(link) { return ClockMessage.unclocked }
                for (other, q) in participants where other != node {
                    if let i = q.links.firstIndex(of: link) { return q.sent[i] }
                }
                return ClockMessage.unclocked
            }
        }
        func publish() {
            let slot = realtime ? 0 : firstSlot
            shared.withLock {
                $0.progress.participants = participants.count
                $0.progress.released = released
                $0.progress.finished = finished
                $0.progress.epochs = epoch
                $0.progress.joined.formUnion(participants.keys)
                if !realtime { $0.progress.slot = slot }
            }
        }
        func startEpoch() {
            if let total = settings.totalSlots, firstSlot >= total {
                finished = true
                publish()   // before the nodes hear it: whoever reacts to `end` sees the progress
                for n in order where participants[n] != nil { send(n, .end(slot: UInt64(total))) }
                return
            }
            var count = settings.lookahead
            if let total = settings.totalSlots { count = min(count, total - firstSlot) }
            publish()
            for n in order where participants[n] != nil {
                participants[n]!.done = false
                send(n, .go(epoch: epoch, firstSlot: UInt64(firstSlot), slotCount: UInt32(count), startTime: 0, expected: expected(for: n)))
            }
        }
        func maybeAdvance() {
            guard released, !finished, !realtime, !participants.isEmpty, participants.values.allSatisfy(\.done) else { return }
            var count = settings.lookahead
            if let total = settings.totalSlots { count = min(count, total - firstSlot) }
            firstSlot += count
            epoch += 1
            startEpoch()
        }

        while true {
            let (stop, release, removed) = shared.withLock { s -> (Bool, Bool, [String]) in
                defer { s.removed.removeAll() }
                return (s.stop, s.release, s.removed)
            }
            if stop { break }
            for n in removed where participants[n] != nil {
                for l in participants[n]!.links { tainted.insert(l) }
                participants[n] = nil
                order.removeAll { $0 == n }
                publish()
                maybeAdvance()
            }
            if release && !released {
                released = true
                if realtime {
                    let start = MonotonicClock.now() + 100_000_000
                    for n in order { send(n, .go(epoch: 0, firstSlot: 0, slotCount: 1, startTime: start, expected: participants[n]!.links.map { _ in ClockMessage.unclocked })) }
                    realtimeStart = start
                    publish()
                } else if !participants.isEmpty {
                    startEpoch()
                }
            }
            if realtime, released, let start = realtimeStart {
                let now = MonotonicClock.now()
                let elapsed = now > start ? Int((now - start) / UInt64(settings.slotNanoseconds)) : 0
                let total = settings.totalSlots
                let done = !participants.isEmpty && total.map { elapsed >= $0 } ?? false
                shared.withLock {
                    $0.progress.slot = total.map { min(elapsed, $0) } ?? elapsed
                    if done { $0.progress.finished = true }
                }
            }
            guard let frames = try? socket.receiveMultipart(timeout: .milliseconds(10)), frames.count >= 2,
                  let node = String(validating: frames[0], as: UTF8.self),
                  let message = try? ClockMessage(bytes: frames[frames.count - 1]) else { continue }
            switch message {
            case let .join(_, links):
                if participants[node] != nil || order.contains(node) { order.removeAll { $0 == node } }
                let running = released && !realtime && !participants.isEmpty && !finished
                // A node joining a running clock (a restart) starts with the next epoch: counted as
                // done for this one, its links unclocked (what its peers sent before it came is unknown).
                participants[node] = Participant(links: links, sent: links.map { _ in 0 }, done: running)
                if running { for l in links { tainted.insert(l) } }
                order.append(node)
                send(node, .welcome)
                if released && !realtime && participants.count == 1 && !finished { startEpoch() }
                if released && realtime, let start = realtimeStart {
                    send(node, .go(epoch: 0, firstSlot: 0, slotCount: 1, startTime: start, expected: links.map { _ in ClockMessage.unclocked }))
                }
                publish()
            case let .done(e, sent):
                guard var p = participants[node], e == epoch, sent.count == p.links.count else { continue }
                p.sent = sent
                p.done = true
                participants[node] = p
                maybeAdvance()
            default:
                continue
            }
        }
        socket.close()
    }
}
