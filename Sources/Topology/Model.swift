/// A parsed, validated ranlab topology (`*.ranlab.yaml`). See docs/topology.md.
public struct Topology: Sendable, Hashable {
    public var name: String
    /// The file it was loaded from (as given to `TopologyFile.load`).
    public var file: String
    public var defaults: Defaults
    /// Nodes in file order.
    public var nodes: [Node]
    public var links: [Link]
    public var scenario: Scenario
    public var trust: TrustPolicy

    public init(name: String, file: String, defaults: Defaults = .init(), nodes: [Node], links: [Link],
                scenario: Scenario = .init(), trust: TrustPolicy = .init()) {
        self.name = name; self.file = file; self.defaults = defaults; self.nodes = nodes; self.links = links
        self.scenario = scenario; self.trust = trust
    }

    public func node(named name: String) -> Node? { nodes.first { $0.name == name } }

    /// Values applied to every node / link that does not set its own.
    public struct Defaults: Sendable, Hashable {
        public var restart: RestartPolicy
        public var env: [String: String]
        public var transport: Transport
        public var security: LinkSecurity
        public init(restart: RestartPolicy = .init(), env: [String: String] = [:], transport: Transport = .zmq,
                    security: LinkSecurity = .init()) {
            self.restart = restart; self.env = env; self.transport = transport; self.security = security
        }
    }
}

/// One RAN function run as a process.
public struct Node: Sendable, Hashable {
    public var name: String
    public var role: Role
    /// VNF package name (resolved by the package catalogue).
    public var vnf: String
    /// Free-form parameters handed to the VNF.
    public var config: [String: ConfigValue]
    /// Environment of the process (defaults.env merged under the node's own).
    public var env: [String: String]
    public var restart: RestartPolicy
    /// Nodes that must be up before this one starts.
    public var waitFor: [String]

    public init(name: String, role: Role, vnf: String, config: [String: ConfigValue] = [:], env: [String: String] = [:],
                restart: RestartPolicy = .init(), waitFor: [String] = []) {
        self.name = name; self.role = role; self.vnf = vnf; self.config = config; self.env = env
        self.restart = restart; self.waitFor = waitFor
    }

    public enum Role: String, Sendable, Hashable, CaseIterable {
        case ric, xapp, core, cu, cuCP = "cu-cp", cuUP = "cu-up", du, ru, ue, emulator, tool
    }
}

/// A free-form configuration value.
public indirect enum ConfigValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ConfigValue])
    case map([String: ConfigValue])
}

public struct RestartPolicy: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case never, onFailure = "on-failure", always
    }
    public var mode: Mode
    /// Wait before a restart (nil: the orchestrator's default).
    public var backoff: Duration?
    public init(mode: Mode = .never, backoff: Duration? = nil) { self.mode = mode; self.backoff = backoff }
}

public enum Transport: String, Sendable, Hashable, CaseIterable {
    case zmq, sctp
}

/// `node:interface` (optionally `node:interface:port`).
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public var node: String
    public var interface: String
    public var port: Int?
    public init(node: String, interface: String, port: Int? = nil) {
        self.node = node; self.interface = interface; self.port = port
    }
    public var description: String { "\(node):\(interface)" + (port.map { ":\($0)" } ?? "") }
}

/// Link impairments in the Bus's vocabulary (`Bus.Impairment`); nil fields are not set.
public struct ImpairmentSpec: Sendable, Hashable {
    public var delay: Duration?
    public var jitter: Duration?
    public var loss: Double?
    public var duplicate: Double?
    public var reorder: Double?
    public var rateBitsPerSecond: UInt64?
    public init(delay: Duration? = nil, jitter: Duration? = nil, loss: Double? = nil, duplicate: Double? = nil,
                reorder: Double? = nil, rateBitsPerSecond: UInt64? = nil) {
        self.delay = delay; self.jitter = jitter; self.loss = loss; self.duplicate = duplicate
        self.reorder = reorder; self.rateBitsPerSecond = rateBitsPerSecond
    }
    /// The same settings as Bus endpoint query options (`delay=5ms&loss=0.01`).
    public var queryItems: [(String, String)] {
        var q: [(String, String)] = []
        func dur(_ d: Duration) -> String {
            let ns = d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
            if ns % 1_000_000 == 0 { return "\(ns / 1_000_000)ms" }
            if ns % 1_000 == 0 { return "\(ns / 1_000)us" }
            return "\(ns)ns"
        }
        if let delay { q.append(("delay", dur(delay))) }
        if let jitter { q.append(("jitter", dur(jitter))) }
        if let loss { q.append(("loss", "\(loss)")) }
        if let duplicate { q.append(("duplicate", "\(duplicate)")) }
        if let reorder { q.append(("reorder", "\(reorder)")) }
        if let rateBitsPerSecond { q.append(("rate", "\(rateBitsPerSecond)bit")) }
        return q
    }
}

public enum Capture: Sendable, Hashable {
    case off
    /// `capture: true`: the orchestrator picks the file.
    case automatic
    case path(String)
}

public struct LinkSecurity: Sendable, Hashable {
    /// ZeroMQ CURVE encryption and authentication.
    public var curve: Bool
    public init(curve: Bool = false) { self.curve = curve }
}

public struct Link: Sendable, Hashable {
    public var endpoints: (Endpoint, Endpoint) {
        get { (a, b) }
        set { a = newValue.0; b = newValue.1 }
    }
    public var a: Endpoint
    public var b: Endpoint
    public var transport: Transport
    public var impairment: ImpairmentSpec?
    public var capture: Capture
    public var security: LinkSecurity
    public init(a: Endpoint, b: Endpoint, transport: Transport = .zmq, impairment: ImpairmentSpec? = nil,
                capture: Capture = .off, security: LinkSecurity = .init()) {
        self.a = a; self.b = b; self.transport = transport; self.impairment = impairment
        self.capture = capture; self.security = security
    }
}

public struct Scenario: Sendable, Hashable {
    public enum Length: Sendable, Hashable {
        case slots(Int)
        case time(Duration)
    }
    public enum TimeMode: String, Sendable, Hashable, CaseIterable { case virtual, realtime }
    /// nil: run until stopped.
    public var duration: Length?
    public var seed: UInt64
    public var time: TimeMode
    /// NR numerology μ of the lab's slot clock (0…4).
    public var numerology: Int
    /// Virtual time: slots per barrier epoch.
    public var lookahead: Int
    public init(duration: Length? = nil, seed: UInt64 = 1, time: TimeMode = .virtual, numerology: Int = 0, lookahead: Int = 4) {
        self.duration = duration; self.seed = seed; self.time = time; self.numerology = numerology; self.lookahead = lookahead
    }
}

public struct TrustPolicy: Sendable, Hashable {
    /// VNF package providers allowed to run (empty: any).
    public var allowedProviders: [String]
    public var requireHashes: Bool
    public var requireSignatures: Bool
    public init(allowedProviders: [String] = [], requireHashes: Bool = false, requireSignatures: Bool = false) {
        self.allowedProviders = allowedProviders; self.requireHashes = requireHashes; self.requireSignatures = requireSignatures
    }
}

// MARK: - package catalogue

/// One interface a VNF package offers.
public struct VNFInterface: Sendable, Hashable {
    public var name: String
    /// Protocol on it, e.g. "E2AP", "F1AP", "eCPRI".
    public var `protocol`: String
    public var transports: Set<String>
    public init(name: String, protocol: String, transports: Set<String>) {
        self.name = name; self.protocol = `protocol`; self.transports = transports
    }
}

/// Tells which interfaces a VNF package offers; nil means the package is unknown.
public protocol VNFInterfaceCatalog: Sendable {
    func interfaces(ofVNF name: String) -> [VNFInterface]?
}

/// A catalogue given as a closure or a dictionary.
public struct ClosureCatalog: VNFInterfaceCatalog {
    let body: @Sendable (String) -> [(name: String, protocol: String, transports: Set<String>)]?
    public init(_ body: @escaping @Sendable (String) -> [(name: String, protocol: String, transports: Set<String>)]?) {
        self.body = body
    }
    public init(_ table: [String: [VNFInterface]]) {
        self.body = { table[$0]?.map { (name: $0.name, protocol: $0.protocol, transports: $0.transports) } }
    }
    public func interfaces(ofVNF name: String) -> [VNFInterface]? {
        body(name)?.map { VNFInterface(name: $0.name, protocol: $0.protocol, transports: $0.transports) }
    }
}
