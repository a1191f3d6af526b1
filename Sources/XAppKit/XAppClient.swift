import APER
import Bus
import E2AP

/// A Swift xApp's connection to a ranlab RIC (docs/xapp-api.md): a DEALER socket, the `hello`
/// handshake, keepalive pings, and a new `hello` by itself when the RIC restarted (`reset`).
/// Subscribe again on every ``Event/nodeUp(node:setup:raw:)``: that is also how a restarted node
/// or RIC shows.
///
///     let x = try XAppClient(address: "ipc:///…/sock/ric-xapp.sock", name: "my-xapp")
///     while let event = try x.next(timeout: .seconds(1)) { … }
public final class XAppClient {
    public enum Event {
        /// The RIC accepted the xApp; use `requestor` as ricRequestorID.
        case welcome(requestor: Int)
        /// A node completed E2 Setup (its E2setupRequest as it sent it; nil if it did not decode).
        case nodeUp(node: String, setup: E2setupRequest?, raw: [UInt8])
        case nodeDown(node: String, reason: String)
        /// An E2AP PDU from a node (nil when it does not decode; `raw` has the bytes).
        case e2(node: String, pdu: E2APPDU?, raw: [UInt8])
        /// The RIC refused something this xApp sent.
        case error(node: String, text: String)
        /// The RIC had forgotten this xApp (it restarted); the client said `hello` again.
        case reset
    }

    public let name: String
    public let channel: ZMQChannel
    /// The ricRequestorID the RIC assigned (after ``Event/welcome(requestor:)``).
    public private(set) var requestor: Int?
    public var pingInterval: Duration = .milliseconds(500)
    private var lastPing = ContinuousClock.now

    /// Connects to the RIC at a libzmq `address` (`ipc://…` or `tcp://127.0.0.1:…`) and says hello.
    public init(address: String, name: String) throws(BusError) {
        self.name = name
        channel = try ZMQChannel.connect(address.hasPrefix("zmq+") ? address : "zmq+" + address, .dealer) { o in
            o.linger = .milliseconds(100)    // lets `bye` leave on close
            o.sendHighWaterMark = 100_000
            o.receiveHighWaterMark = 100_000
        }
        try hello()
    }

    private func hello() throws(BusError) {
        try post("hello", "", Array(name.utf8))
    }

    private func post(_ kind: String, _ node: String, _ payload: [UInt8]) throws(BusError) {
        try channel.sendMultipart([Array(kind.utf8), Array(node.utf8), payload])
    }

    /// Sends one E2AP message (subscription, deletion or control) to `node`.
    public func send(_ body: some E2APMessageBody, to node: String) throws {
        try sendRaw(E2APPDU(body).aperBytes(), to: node)
    }

    /// Sends an encoded E2AP PDU to `node`.
    public func sendRaw(_ pdu: [UInt8], to node: String) throws(BusError) {
        try post("e2", node, pdu)
    }

    /// The next event, waiting at most `timeout`; nil on timeout. Pings the RIC as due.
    public func next(timeout: Duration) throws(BusError) -> Event? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if ContinuousClock.now - lastPing >= pingInterval {
                try post("ping", "", [])
                lastPing = ContinuousClock.now
            }
            let left = min(deadline - ContinuousClock.now, pingInterval)
            guard let frames = try channel.receiveMultipart(timeout: max(left, .zero)) else {
                if ContinuousClock.now >= deadline { return nil }
                continue
            }
            guard frames.count == 3 else { continue }
            let node = String(decoding: frames[1], as: UTF8.self), payload = frames[2]
            switch String(decoding: frames[0], as: UTF8.self) {
            case "welcome":
                requestor = Int(String(decoding: payload, as: UTF8.self))
                if let r = requestor { return .welcome(requestor: r) }
            case "node-up":
                var setup: E2setupRequest?
                if case let .e2setupRequest(r)? = (try? E2APPDU(aperBytes: payload))?.message { setup = r }
                return .nodeUp(node: node, setup: setup, raw: payload)
            case "node-down": return .nodeDown(node: node, reason: String(decoding: payload, as: UTF8.self))
            case "e2": return .e2(node: node, pdu: try? E2APPDU(aperBytes: payload), raw: payload)
            case "error": return .error(node: node, text: String(decoding: payload, as: UTF8.self))
            case "reset":
                requestor = nil
                try hello()
                return .reset
            default: continue    // pong and kinds of later versions
            }
        }
    }

    /// Says `bye` (the RIC deletes this xApp's subscriptions) and closes the socket.
    public func close() {
        try? post("bye", "", [])
        channel.close()
    }
}
