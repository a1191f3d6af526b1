/// Options of one channel. Every option can be written in the endpoint's query
/// (`?hwm=1000&loss=1%&delay=5ms`) or set in code; code wins over the query.
///
/// | key | meaning | example |
/// |---|---|---|
/// | `hwm`, `sndhwm`, `rcvhwm` | ZMQ high-water marks (messages) | `hwm=10000` |
/// | `max-message` | largest message accepted, bytes | `max-message=8388608` |
/// | `heartbeat` | ZMQ heartbeat / SCTP heartbeat interval | `heartbeat=500ms` |
/// | `send-timeout` | ZMQ: longest a send may block at the high-water mark | `send-timeout=100ms` |
/// | `streams` | SCTP outbound/inbound streams | `streams=4` |
/// | `udp` | usrsctp UDP encapsulation port (listen: own; connect: peer's) | `udp=9899` |
/// | `delay`, `jitter`, `loss`, `duplicate`, `reorder`, `reorder-gap`, `rate`, `queue-limit`, `seed` | impairments | `loss=10%&rate=100Mbit` |
/// | `capture` | pcap file to write | `capture=/tmp/f1.pcap` |
/// | `encap` | capture framing: `sctp`, `udp`, `ecpri` (EtherType 0xAEFE) | `encap=ecpri` |
/// | `capture-port` | UDP port both ends show in a capture of an ipc link (e.g. 2152 so Wireshark decodes GTP-U) | `capture-port=2152` |
/// | `subscribe` | SUB prefix (may be empty) | `subscribe=kpi.` |
/// | `routing-id` | ZMQ routing id of a DEALER/REQ/ROUTER socket (1–255 bytes, UTF-8) | `routing-id=du1` |
public struct ChannelOptions: Sendable, Equatable {
    public var sendHighWaterMark: Int32 = 1000
    public var receiveHighWaterMark: Int32 = 1000
    public var maxMessageSize: Int = 8 << 20
    /// Heartbeat interval; nil = transport default (ZMQ: off; SCTP: 1 s).
    public var heartbeat: Duration?
    /// Heartbeat timeout for ZMQ (default 3 × interval).
    public var heartbeatTimeout: Duration?
    public var sctpStreams: UInt16 = 4
    public var sctpUDPPort: UInt16?
    public var impairment = Impairment()
    public var capturePath: String?
    public var captureEncapsulation: CaptureEncapsulation?
    /// Port both ends of an ipc/inproc link show in a capture (default: 5555 and 49152).
    public var capturePort: UInt16?
    public var subscriptions: [[UInt8]] = [[]]
    /// CURVE security (ZeroMQ only).
    public var curve: CurveOptions?
    /// How long a ZMQ send may block at the high-water mark before ``BusError/timedOut(endpoint:operation:)`` (nil = forever).
    public var sendTimeout: Duration?
    /// Linger on close, ZMQ.
    public var linger: Duration = .milliseconds(200)
    /// ZMQ_ROUTING_ID: how a ROUTER peer addresses this socket (nil: ZeroMQ picks one).
    public var routingID: [UInt8]?
    /// ZMQ_ROUTER_HANDOVER: on a ROUTER, a new peer with a routing id already in use takes it
    /// over (a restarted process reconnecting under its old name) instead of being ignored.
    public var routerHandover = false

    public init() {}

    public static let knownKeys: [String] = [
        "hwm", "sndhwm", "rcvhwm", "max-message", "heartbeat", "heartbeat-timeout", "send-timeout", "streams", "udp",
        "delay", "jitter", "loss", "duplicate", "reorder", "reorder-gap", "rate", "queue-limit", "seed",
        "capture", "encap", "capture-port", "subscribe", "routing-id",
    ]

    /// Options from an endpoint's query; unknown keys and bad values are typed errors naming the key.
    public init(endpoint: Endpoint) throws(BusError) {
        self.init()
        let text = endpoint.description
        func fail(_ key: String, _ value: String, _ allowed: String) -> BusError {
            .invalidEndpoint(input: text, reason: "option \(key)=\(value) is invalid; expected \(allowed)")
        }
        var subscriptions: [[UInt8]] = []
        for (key, value) in endpoint.query {
            switch key {
            case "hwm", "sndhwm", "rcvhwm":
                guard let n = Int32(value), n >= 0 else { throw fail(key, value, "a message count ≥ 0") }
                if key != "rcvhwm" { sendHighWaterMark = n }
                if key != "sndhwm" { receiveHighWaterMark = n }
            case "max-message":
                guard let n = Int(value), n > 0, n <= 1 << 30 else { throw fail(key, value, "bytes in 1...1073741824") }
                maxMessageSize = n
            case "heartbeat", "heartbeat-timeout", "send-timeout":
                guard let d = Self.parseDuration(value), d > .zero else { throw fail(key, value, "a duration such as 500ms") }
                switch key {
                case "heartbeat": heartbeat = d
                case "heartbeat-timeout": heartbeatTimeout = d
                default: sendTimeout = d
                }
            case "streams":
                guard let n = UInt16(value), n >= 1 else { throw fail(key, value, "a stream count in 1...65535") }
                sctpStreams = n
            case "udp":
                guard let n = UInt16(value), n >= 1 else { throw fail(key, value, "a UDP port in 1...65535") }
                sctpUDPPort = n
            case "delay", "jitter", "reorder-gap":
                guard let d = Self.parseDuration(value) else { throw fail(key, value, "a duration such as 5ms, 200us or 1s") }
                switch key {
                case "delay": impairment.delay = d
                case "jitter": impairment.jitter = d
                default: impairment.reorderGap = d
                }
            case "loss", "duplicate", "reorder":
                guard let p = Self.parseProbability(value) else { throw fail(key, value, "a probability such as 10% or 0.1") }
                switch key {
                case "loss": impairment.loss = p
                case "duplicate": impairment.duplicate = p
                default: impairment.reorder = p
                }
            case "rate":
                guard let r = Self.parseRate(value) else { throw fail(key, value, "a rate such as 100Mbit, 1Gbit or 500kbit") }
                impairment.rateBitsPerSecond = r
            case "queue-limit":
                guard let n = Int(value), n > 0 else { throw fail(key, value, "a message count > 0") }
                impairment.queueLimit = n
            case "seed":
                guard let n = UInt64(value) else { throw fail(key, value, "an unsigned integer") }
                impairment.seed = n
            case "capture":
                guard !value.isEmpty else { throw fail(key, value, "a file path") }
                capturePath = value
            case "encap":
                switch value {
                case "sctp": captureEncapsulation = .sctp
                case "udp": captureEncapsulation = .udp
                case "ecpri": captureEncapsulation = .ethernet(etherType: 0xAEFE)
                default: throw fail(key, value, "sctp, udp or ecpri")
                }
            case "capture-port":
                guard let n = UInt16(value), n > 0 else { throw fail(key, value, "a port 1…65535") }
                capturePort = n
            case "routing-id":
                guard (1...255).contains(value.utf8.count), value.utf8.first != 0 else { throw fail(key, value, "1 to 255 bytes, not starting with a zero byte") }
                routingID = Array(value.utf8)
            case "subscribe":
                subscriptions.append(Array(value.utf8))
            default:
                throw .invalidEndpoint(input: text, reason: "unknown option '\(key)' (known: \(Self.knownKeys.joined(separator: ", ")))")
            }
        }
        if !subscriptions.isEmpty { self.subscriptions = subscriptions }
    }

    /// "5ms", "200us", "1.5s", "100ns", "0" → Duration.
    public static func parseDuration(_ s: String) -> Duration? {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1)]
        if s == "0" { return .zero }
        for (suffix, scale) in units where s.hasSuffix(suffix) {
            guard let v = Double(s.dropLast(suffix.count)), v.isFinite, v >= 0, v < 1e6 else { return nil }
            return .nanoseconds(Int64((v * scale * 1e9).rounded()))
        }
        return nil
    }

    /// "10%" or "0.1" → 0.1; nil outside 0...1.
    public static func parseProbability(_ s: String) -> Double? {
        let v: Double?
        if s.hasSuffix("%") { v = Double(s.dropLast()).map { $0 / 100 } } else { v = Double(s) }
        guard let p = v, p.isFinite, p >= 0, p <= 1 else { return nil }
        return p
    }

    /// "100Mbit", "1Gbit", "500kbit", "64000bit", "10Mbps" → bits per second.
    public static func parseRate(_ s: String) -> UInt64? {
        var t = s.lowercased()
        for suffix in ["bps", "bit"] where t.hasSuffix(suffix) { t.removeLast(suffix.count); break }
        var scale = 1.0
        if let last = t.last, let m = ["k": 1e3, "m": 1e6, "g": 1e9][String(last)] { scale = m; t.removeLast() }
        guard let v = Double(t), v.isFinite, v > 0, v * scale < 1e13 else { return nil }
        return UInt64((v * scale).rounded())
    }
}
