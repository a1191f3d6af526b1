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

    public init(link: NodeConfig.Link, channel: any BusChannel) {
        self.link = link
        self.channel = channel
    }

    public var id: String { link.id }

    /// Sends one message and counts it.
    public func send(_ bytes: [UInt8], info: MessageInfo = .none) throws(BusError) {
        try channel.send(bytes, info: info)
        sent &+= 1
    }

    /// Sends one message from a buffer and counts it.
    public func send(_ bytes: UnsafeRawBufferPointer, info: MessageInfo = .none) throws(BusError) {
        try channel.send(bytes, info: info)
        sent &+= 1
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
