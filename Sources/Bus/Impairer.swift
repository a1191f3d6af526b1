import HeapModule

/// Applies an ``Impairment`` on a channel's receive side: messages pulled from the
/// transport wait in a release-time queue and come out when their time has come.
/// A ZeroMQ multipart message is impaired as one unit.
struct Impairer {
    private var shaper: ImpairmentShaper
    private var heap = Heap<Entry>()
    private var sequence: UInt64 = 0
    private var pending: [Message] = []
    private var pendingIndex = 0
    /// Messages dropped because the queue was full (tail drop).
    private(set) var overflowDrops = 0
    /// Messages dropped by the loss setting.
    private(set) var lossDrops = 0

    private struct Entry: Comparable {
        var due: UInt64
        var seq: UInt64
        var frames: [Message]
        static func < (a: Entry, b: Entry) -> Bool { a.due != b.due ? a.due < b.due : a.seq < b.seq }
        static func == (a: Entry, b: Entry) -> Bool { a.due == b.due && a.seq == b.seq }
    }

    /// True while messages wait in the queue (delayed, or the rest of a multipart unit).
    var isHolding: Bool { pendingIndex < pending.count || !heap.isEmpty }

    init(_ impairment: Impairment) {
        shaper = ImpairmentShaper(impairment)
    }

    /// Next message, waiting at most until `deadline` (ns, monotonic; nil = forever).
    /// `pull(deadline)` receives one whole (possibly multipart) unit from the transport or nil on timeout.
    mutating func receive(deadline: UInt64?, pull: (UInt64?) throws(BusError) -> [Message]?) throws(BusError) -> Message? {
        if pendingIndex < pending.count {
            defer { pendingIndex += 1 }
            return pending[pendingIndex]
        }
        // A zero (or already passed) timeout still takes what the transport holds right now,
        // without waiting: otherwise a polling caller would never see a message.
        var pulled = false
        while true {
            let now = MonotonicClock.now()
            if let head = heap.min, head.due <= now {
                pending = heap.removeMin().frames
                pendingIndex = 1
                return pending[0]
            }
            var wait = deadline
            if let head = heap.min { wait = min(wait ?? head.due, head.due) }
            if let d = deadline, now >= d, pulled, (heap.min.map { $0.due > now } ?? true) { return nil }
            pulled = true
            guard let frames = try pull(wait) else {
                // Returning before the wait ended means interrupt(): pass it on to the caller.
                if MonotonicClock.now() < (wait ?? .max) { return nil }
                continue
            }
            let size = frames.reduce(0) { $0 + $1.bytes.count }
            let r = shaper.admit(size: size, now: MonotonicClock.now())
            if r.count == 0 { lossDrops += 1 }
            if r.count >= 1 { push(frames, due: r.first) }
            if r.count == 2 { push(frames, due: r.second) }
        }
    }

    private mutating func push(_ frames: [Message], due: UInt64) {
        guard heap.count < shaper.impairment.queueLimit else { overflowDrops += 1; return }
        sequence += 1
        heap.insert(Entry(due: due, seq: sequence, frames: frames))
    }
}
