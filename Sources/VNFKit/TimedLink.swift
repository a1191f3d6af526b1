import Bus
import DequeModule

/// A link of a time-driven VNF: a Bus channel whose messages the ``SlotClock`` counts. In virtual
/// time the clock fills ``inbox`` at the start of every epoch with exactly the messages the peer
/// sent up to the end of the previous epoch, so what a node sees does not depend on machine speed.
/// Send only through ``send(_:info:)`` (it counts); read only from ``inbox``.
public final class TimedLink {
    public let link: NodeConfig.Link
    public let channel: any BusChannel
    /// Messages sent on this link since the clock started.
    public private(set) var sent: UInt64 = 0
    /// Messages received since the clock started.
    public private(set) var received: UInt64 = 0
    /// Messages delivered and not yet consumed, oldest first.
    public var inbox = Deque<Message>()
    /// False once the slot barrier has said the peer is not (or no longer) clocked.
    public internal(set) var peerClocked = true

    /// Messages queued for the next flush (ZeroMQ links): the clock sends them as one multipart
    /// batch per epoch (per slot in real time), which wakes the transport once instead of per message.
    private var pending: [[UInt8]] = []
    private let batches: Bool

    public init(link: NodeConfig.Link, channel: any BusChannel) {
        self.link = link
        self.channel = channel
        batches = link.transport == "zmq"
    }

    public var id: String { link.id }

    /// Sends one message (on ZeroMQ: at the clock's next flush, in order) and counts it.
    public func send(_ bytes: [UInt8], info: MessageInfo = .none) throws(BusError) {
        if batches { pending.append(bytes) } else { try channel.send(bytes, info: info) }
        sent &+= 1
    }

    /// Messages dropped because the peer could not take them (real time only: a peer that has
    /// ended or fallen behind does not stall this node).
    public private(set) var dropped: UInt64 = 0

    /// Sends the queued messages as one multipart batch (each part stays one message to the peer).
    /// With `dropWhenBusy`, a batch the transport cannot queue at once is dropped and counted
    /// instead of waiting (ZeroMQ queues a multipart message whole or not at all).
    public func flush(dropWhenBusy: Bool = false) throws(BusError) {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        let last = pending.count - 1
        for (i, frame) in pending.enumerated() {
            do {
                try channel.send(frame, info: MessageInfo(more: i < last, dontWait: dropWhenBusy && i == 0))
            } catch .timedOut where dropWhenBusy && i == 0 {
                dropped &+= UInt64(pending.count)
                return
            }
        }
    }

    /// Receives one message into the inbox, waiting at most `timeout`; false on timeout.
    @discardableResult
    func pull(timeout: Duration?) throws(BusError) -> Bool {
        guard let m = try channel.receive(timeout: timeout) else { return false }
        inbox.append(m)
        received &+= 1
        return true
    }

    /// Everything already waiting, without blocking.
    func drain() throws(BusError) {
        while try pull(timeout: .zero) {}
    }
}
