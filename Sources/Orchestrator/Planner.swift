import Bus
import Foundation
import Topology
import VNFKit
#if canImport(Glibc)
import Glibc
#endif

/// Turns a validated topology into a ``LabPlan``: resolves and verifies every VNF package
/// (nothing is started when one fails), orders nodes by `wait-for`, and allocates each link's
/// endpoints — an ipc socket for ZeroMQ, a free loopback port for SCTP.
///
/// Link direction: in `endpoints: [a, b]` the second end (`b`) binds or listens and the first
/// connects, the way a client names its server.
public struct Planner: Sendable {
    public var packagesDirectory: String
    public var trustStorePath: String
    /// Where `@bin/NAME` in a launch command points: the folder of ranlab's own programs.
    public var binDirectory: String

    public init(packagesDirectory: String, trustStorePath: String? = nil, binDirectory: String) {
        self.packagesDirectory = packagesDirectory
        self.trustStorePath = trustStorePath ?? (packagesDirectory as NSString).appendingPathComponent("trust")
        self.binDirectory = binDirectory
    }

    /// Loads and validates a topology file against the packages' interfaces.
    public func loadTopology(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(OrchestratorError) -> Topology {
        let check = try packageCheck()
        do {
            return try TopologyFile.load(path: path, environment: environment, catalog: { check.interfaces(ofVNF: $0) })
        } catch { throw .topology(error) }
    }

    func packageCheck() throws(OrchestratorError) -> PackageCheck {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: packagesDirectory, isDirectory: &isDir), isDir.boolValue else {
            throw .package("VNF package folder \(packagesDirectory) does not exist (set --vnfs or RANLAB_VNFS)")
        }
        return PackageCheck(catalog: .init(root: packagesDirectory), trust: try PackageCheck.loadTrustStore(trustStorePath))
    }

    public func plan(_ topology: Topology, root: String) throws(OrchestratorError) -> LabPlan {
        let directory = LabDirectory(root: root, name: topology.name)
        let packages = try packageCheck().resolve(topology.nodes.map(\.vnf), allowedProviders: topology.trust.allowedProviders,
                                                  requireHashes: topology.trust.requireHashes,
                                                  requireSignatures: topology.trust.requireSignatures)

        // Links and their endpoints.
        let sockets = directory.socketDirectory.path
        var ports = PortAllocator()
        var sctpPorts: [String: Int] = [:]
        var links: [LabPlan.PlannedLink] = []
        var nodeLinks: [String: [NodeConfig.Link]] = [:]
        for (i, link) in topology.links.enumerated() {
            let id = "l\(i)"
            let a = link.a, b = link.b
            if topology.scenario.time == .virtual, let imp = link.impairment, imp.loss != nil || imp.duplicate != nil || imp.reorder != nil {
                throw .plan("link \(a) – \(b): loss, duplicate and reorder impairments act on wall-clock delivery, which virtual time's slot barrier must count exactly; use `scenario: {time: realtime}` for them (delay, jitter and rate are allowed)")
            }
            var query = link.impairment?.queryItems ?? []
            var capture: String?
            switch link.capture {
            case .off: break
            case .automatic: capture = directory.capturesDirectory.appendingPathComponent("\(a.node)-\(a.interface)--\(b.node)-\(b.interface).pcap").path
            case .path(let p): capture = p.hasPrefix("/") ? p : directory.url.appendingPathComponent(p).path
            }
            let base: String, address: String
            var port: Int?, ipc: String?
            switch link.transport {
            case .zmq:
                ipc = "\(sockets)/\(id).sock"
                base = "zmq+ipc://\(ipc!)"
                address = "ipc://\(ipc!)"
            case .sctp:
                // One SCTP listener per interface: every link to the same node:interface shares its port
                // (an F1-C server takes many DUs on one port, as a real CU does).
                let key = "\(b.node):\(b.interface)"
                let p: Int
                if let shared = sctpPorts[key] {
                    if let fixed = b.port, fixed != shared {
                        throw .plan("links to \(key) ask for ports \(shared) and \(fixed); an interface listens on one SCTP port")
                    }
                    p = shared
                } else {
                    p = try ports.take(b.port, for: "\(b)")
                    sctpPorts[key] = p
                }
                port = p
                base = "sctp://127.0.0.1:\(p)"
                address = "127.0.0.1:\(p)"
            }
            func url(_ items: [(String, String)]) -> String {
                items.isEmpty ? base : base + "?" + items.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
            }
            let connectURL = url(query)
            if let capture {
                query.append(("capture", capture))
                let proto = packages[topology.node(named: b.node)?.vnf ?? ""]?.protocols[b.interface]
                if link.transport == .zmq && proto == "fh" { query.append(("encap", "ecpri")) }
                if link.transport == .zmq && proto == "f1u" { query.append(("encap", "udp")); query.append(("capture-port", "2152")) }
            }
            let bindURL = url(query)
            var serverCurve: NodeConfig.Curve?, clientCurve: NodeConfig.Curve?
            if link.security.curve {
                guard link.transport == .zmq else {
                    throw .plan("link \(a) – \(b): security.curve is ZeroMQ CURVE and this link is SCTP; use transport zmq or drop curve")
                }
                do {
                    let server = try CurveKeyPair.generate(), client = try CurveKeyPair.generate()
                    serverCurve = .init(publicKey: server.publicKey, secretKey: server.secretKey, peerPublicKey: client.publicKey)
                    clientCurve = .init(publicKey: client.publicKey, secretKey: client.secretKey, peerPublicKey: server.publicKey)
                } catch { throw .bus(error) }
            }
            links.append(.init(id: id, a: a.description, b: b.description, transport: link.transport.rawValue,
                               bindEndpoint: bindURL, connectEndpoint: connectURL, port: port, ipcPath: ipc, capture: capture))
            nodeLinks[a.node, default: []].append(.init(id: id, interface: a.interface, peer: "\(b.node):\(b.interface)",
                                                        transport: link.transport.rawValue, side: .connect, endpoint: connectURL, address: address,
                                                        curve: clientCurve))
            nodeLinks[b.node, default: []].append(.init(id: id, interface: b.interface, peer: "\(a.node):\(a.interface)",
                                                        transport: link.transport.rawValue, side: .bind, endpoint: bindURL, address: address,
                                                        curve: serverCurve))
        }

        // Nodes in start order: Kahn's algorithm over wait-for, file order among equals.
        var remaining = topology.nodes
        var placed = Set<String>()
        var ordered: [Node] = []
        while !remaining.isEmpty {
            guard let i = remaining.firstIndex(where: { $0.waitFor.allSatisfy(placed.contains) }) else {
                throw .plan("wait-for cycle among \(remaining.map(\.name).joined(separator: ", "))")
            }
            let n = remaining.remove(at: i)
            placed.insert(n.name)
            ordered.append(n)
        }

        var nodes: [LabPlan.PlannedNode] = []
        for n in ordered {
            guard let pkg = packages[n.vnf] else { throw .package("node \(n.name): no VNF package '\(n.vnf)'") }
            var args = pkg.launch
            for (i, arg) in args.enumerated() where arg.hasPrefix("@bin/") {
                let program = (binDirectory as NSString).appendingPathComponent(String(arg.dropFirst(5)))
                guard access(program, X_OK) == 0 else {
                    throw .plan("node \(n.name): \(arg) is ranlab's own program \(program), which does not exist: run `swift build` (or set RANLAB_BIN_DIR)")
                }
                args[i] = program
            }
            let mode: LabPlan.RestartSpec.Mode = switch n.restart.mode {
            case .never: .never
            case .onFailure: .onFailure
            case .always: .always
            }
            nodes.append(.init(name: n.name, role: n.role.rawValue, package: n.vnf, provider: pkg.provider, product: pkg.product,
                               version: pkg.version, packageDirectory: pkg.directory, signature: pkg.signature, arguments: args,
                               environment: n.env, restart: .init(mode: mode, backoff: n.restart.backoff ?? .milliseconds(200)),
                               waitFor: n.waitFor, config: n.config.mapValues(Self.json), links: nodeLinks[n.name] ?? []))
        }

        var slots: Int?, seconds: Double?
        switch topology.scenario.duration {
        case .slots(let s)?: slots = s
        case .time(let d)?: seconds = d.inSeconds
        case nil: break
        }
        let topologyPath = URL(fileURLWithPath: topology.file).standardizedFileURL.path
        var plan = LabPlan(lab: topology.name, topologyPath: topologyPath, directory: directory, seed: topology.scenario.seed,
                           timeMode: topology.scenario.time.rawValue, slots: slots, seconds: seconds, nodes: nodes, links: links)
        plan.numerology = topology.scenario.numerology
        plan.lookahead = topology.scenario.lookahead
        return plan
    }

    static func json(_ v: ConfigValue) -> JSONValue {
        switch v {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .list(let l): .array(l.map(json))
        case .map(let m): .object(m.mapValues(json))
        }
    }
}
