import Bus
import Foundation

/// What the orchestrator tells a VNF about itself: the JSON file named by `RANLAB_NODE_CONFIG`
/// (docs/plugin-contract.md §2). The orchestrator writes it, every VNF reads it.
public struct NodeConfig: Sendable, Hashable, Codable {
    public static let contractVersion = 1
    public static let environmentKey = "RANLAB_NODE_CONFIG"

    public var contract: Int
    public var lab: String
    public var node: String
    public var role: String
    /// Run record id of this deployment.
    public var run: Int64
    /// 0 for the first start, +1 per restart.
    public var instance: Int
    public var package: Package
    public var control: Control
    public var orchestratorPID: Int32
    public var labDirectory: String
    public var scenario: Scenario
    /// The node's `config` map from the topology.
    public var config: [String: JSONValue]
    public var links: [Link]
    /// The lab's slot clock; nil when the lab has none (then a time-driven VNF cannot run).
    public var clock: Clock?

    /// Where and how a time-driven VNF gets its slots (see ``SlotClock``).
    public struct Clock: Sendable, Hashable, Codable {
        /// `virtual` (slot barrier, deterministic) or `realtime` (paced by CLOCK_MONOTONIC).
        public var mode: String
        /// libzmq address of the lab's slot barrier (ROUTER).
        public var address: String
        /// Slot duration in nanoseconds (the lab's numerology).
        public var slotNanoseconds: Int
        /// NR numerology μ of the lab's slots.
        public var numerology: Int
        /// Slots per barrier epoch in virtual time: a message sent in one epoch is delivered at the
        /// start of the next, so this is how far ahead nodes may run (NR's K1/K2 give the room).
        public var lookahead: Int
        /// Slots to run; nil = until stopped.
        public var slots: Int?
        public init(mode: String, address: String, slotNanoseconds: Int, numerology: Int, lookahead: Int, slots: Int?) {
            self.mode = mode; self.address = address; self.slotNanoseconds = slotNanoseconds
            self.numerology = numerology; self.lookahead = lookahead; self.slots = slots
        }
    }

    public struct Package: Sendable, Hashable, Codable {
        public var name: String
        public var provider: String
        public var product: String
        public var version: String
        public var directory: String
        public init(name: String, provider: String, product: String, version: String, directory: String) {
            self.name = name; self.provider = provider; self.product = product; self.version = version; self.directory = directory
        }
    }

    public struct Control: Sendable, Hashable, Codable {
        /// libzmq address of the orchestrator's ROUTER socket.
        public var address: String
        /// Seconds between heartbeats, both ways.
        public var heartbeatInterval: Double
        /// Seconds of silence after which the other side is taken as gone.
        public var heartbeatTimeout: Double
        public init(address: String, heartbeatInterval: Double, heartbeatTimeout: Double) {
            self.address = address; self.heartbeatInterval = heartbeatInterval; self.heartbeatTimeout = heartbeatTimeout
        }
    }

    public struct Scenario: Sendable, Hashable, Codable {
        public var seed: UInt64
        public var time: String
        public var slots: Int?
        public var seconds: Double?
        public init(seed: UInt64, time: String, slots: Int? = nil, seconds: Double? = nil) {
            self.seed = seed; self.time = time; self.slots = slots; self.seconds = seconds
        }
    }

    /// One end of a topology link, owned by this node.
    public struct Link: Sendable, Hashable, Codable {
        public enum Side: String, Sendable, Hashable, Codable { case bind, connect }
        public var id: String
        /// This node's interface name.
        public var interface: String
        /// `node:interface` at the far end.
        public var peer: String
        /// `zmq` or `sctp`.
        public var transport: String
        public var side: Side
        /// Bus endpoint URL, with impairment and capture options in its query.
        public var endpoint: String
        /// The same place for plain libraries: a libzmq address, or HOST:PORT for SCTP.
        public var address: String
        /// ZeroMQ CURVE keys when the topology asks for `security: {curve: true}`.
        public var curve: Curve?
        public init(id: String, interface: String, peer: String, transport: String, side: Side, endpoint: String, address: String,
                    curve: Curve? = nil) {
            self.id = id; self.interface = interface; self.peer = peer; self.transport = transport
            self.side = side; self.endpoint = endpoint; self.address = address; self.curve = curve
        }
    }

    /// CURVE keys of one link end (Z85). The bind side is the CURVE server and admits only
    /// `peerPublicKey`; the connect side is the client and must see the server's `peerPublicKey`.
    public struct Curve: Sendable, Hashable, Codable {
        public var publicKey: String
        public var secretKey: String
        public var peerPublicKey: String
        public init(publicKey: String, secretKey: String, peerPublicKey: String) {
            self.publicKey = publicKey; self.secretKey = secretKey; self.peerPublicKey = peerPublicKey
        }
    }

    public init(lab: String, node: String, role: String, run: Int64, instance: Int, package: Package, control: Control,
                orchestratorPID: Int32, labDirectory: String, scenario: Scenario, config: [String: JSONValue], links: [Link], clock: Clock? = nil) {
        self.contract = Self.contractVersion
        self.lab = lab; self.node = node; self.role = role; self.run = run; self.instance = instance
        self.package = package; self.control = control; self.orchestratorPID = orchestratorPID
        self.labDirectory = labDirectory; self.scenario = scenario; self.config = config; self.links = links
        self.clock = clock
    }

    public func links(onInterface name: String) -> [Link] { links.filter { $0.interface == name } }

    /// Reads and checks a node config file.
    public static func load(path: String) throws(VNFError) -> NodeConfig {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) }
        catch { throw .config("cannot read node config \(path): \(error.localizedDescription)") }
        return try decode(data, file: path)
    }

    public static func decode(_ data: Data, file: String) throws(VNFError) -> NodeConfig {
        let config: NodeConfig
        do { config = try JSONDecoder().decode(NodeConfig.self, from: data) }
        catch { throw .config("node config \(file) is not valid: \(Self.describe(error))") }
        guard config.contract <= contractVersion else {
            throw .config("node config \(file) uses plug-in contract \(config.contract); this VNFKit knows up to \(contractVersion)")
        }
        return config
    }

    public func encoded() -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(self)) ?? Data()
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing key '\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(let type, let ctx), DecodingError.valueNotFound(let type, let ctx):
            return "'\(ctx.codingPath.map(\.stringValue).joined(separator: "."))' should be \(type)"
        case DecodingError.dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "not JSON" : "'\(ctx.codingPath.map(\.stringValue).joined(separator: "."))': \(ctx.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

extension NodeConfig.Link {
    /// The Bus's CURVE settings for this end: server admitting only its peer on the bind side,
    /// client of the peer's key on the connect side; nil without `curve`.
    public func curveOptions() throws(BusError) -> CurveOptions? {
        guard let c = curve else { return nil }
        let keys = try CurveKeyPair(publicKey: c.publicKey, secretKey: c.secretKey)
        return side == .bind ? .server(keys: keys, allowedClients: [c.peerPublicKey]) : .client(keys: keys, serverPublicKey: c.peerPublicKey)
    }
}
