import Foundation
import Bus
import Yams

/// One problem in a topology file, at FILE:LINE:COL.
public struct TopologyDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Every problem found in a topology file (all of them, in file order).
public struct TopologyErrors: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [TopologyDiagnostic]
    public init(_ diagnostics: [TopologyDiagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

public enum TopologyFile {
    /// Reads, expands `${VAR}`/`${VAR:=default}`, parses and validates a topology file.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                            catalog: any VNFInterfaceCatalog) throws(TopologyErrors) -> Topology {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TopologyErrors([.init(file: path, line: 1, column: 1, message: "cannot read the file")])
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path, environment: environment, catalog: catalog)
    }

    /// `load` with the catalogue as a closure.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                            catalog: @escaping @Sendable (String) -> [(name: String, protocol: String, transports: Set<String>)]?)
        throws(TopologyErrors) -> Topology {
        try load(path: path, environment: environment, catalog: ClosureCatalog(catalog))
    }

    /// Parses topology text; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String, environment: [String: String],
                             catalog: any VNFInterfaceCatalog) throws(TopologyErrors) -> Topology {
        var p = TopologyParser(file: file, environment: environment, catalog: catalog)
        let topology = p.run(text)
        if !p.diags.isEmpty || topology == nil {
            let sorted = p.diags.enumerated().sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }.map(\.element)
            throw TopologyErrors(sorted)
        }
        return topology!
    }
}

/// `${VAR}` and `${VAR:=default}`; `$${` is a literal `${`.
func expandVariables(_ s: String, _ env: [String: String]) -> Result<String, ExpansionError> {
    guard s.contains("${") else { return .success(s) }
    var out = ""
    var i = s.startIndex
    while i < s.endIndex {
        if s[i...].hasPrefix("$${") { out += "${"; i = s.index(i, offsetBy: 3); continue }
        if s[i...].hasPrefix("${") {
            let start = s.index(i, offsetBy: 2)
            guard let close = s[start...].firstIndex(of: "}") else { return .failure(.unterminated) }
            let body = s[start..<close]
            let name: Substring, fallback: Substring?
            if let r = body.range(of: ":=") { name = body[..<r.lowerBound]; fallback = body[r.upperBound...] } else { name = body; fallback = nil }
            guard let f = name.first, f == "_" || f.isLetter, name.allSatisfy({ $0 == "_" || $0.isLetter || $0.isNumber }) else {
                return .failure(.badName(String(name)))
            }
            if let v = env[String(name)] { out += v } else if let fallback { out += fallback } else { return .failure(.unset(String(name))) }
            i = s.index(after: close)
            continue
        }
        out.append(s[i]); i = s.index(after: i)
    }
    return .success(out)
}

enum ExpansionError: Error, Equatable {
    case unterminated, badName(String), unset(String)
    var message: String {
        switch self {
        case .unterminated: "unterminated ${ (write ${VAR} or ${VAR:=default})"
        case .badName(let n): "invalid variable name \"\(n)\" in ${}; allowed: letters, digits and '_', not starting with a digit"
        case .unset(let n): "environment variable \"\(n)\" is not set and has no default (write ${\(n):=value})"
        }
    }
}

private let dupMarker = "__ranlab_duplicate_"

struct TopologyParser {
    let file: String
    let environment: [String: String]
    let catalog: any VNFInterfaceCatalog
    var diags: [TopologyDiagnostic] = []

    init(file: String, environment: [String: String], catalog: any VNFInterfaceCatalog) {
        self.file = file; self.environment = environment; self.catalog = catalog
    }

    mutating func error(_ mark: Mark?, _ message: String) {
        diags.append(.init(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }
    mutating func error(_ node: Yams.Node?, _ message: String) { error(node?.mark, message) }
    mutating func error(line: Int, column: Int, _ message: String) {
        diags.append(.init(file: file, line: line, column: column, message: message))
    }

    // MARK: YAML, with duplicate keys reported and skipped

    mutating func compose(_ original: String) -> Yams.Node? {
        var text = original
        var count = 0
        while true {
            do {
                return try Yams.compose(yaml: text)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                // Yams stops at the first mapping with duplicates; find each later occurrence, report it,
                // rename it so parsing goes on, and skip it when walking.
                var lines = text.components(separatedBy: "\n")
                var fixed = false
                for key in duplicates {
                    let col = context.mark.column - 1
                    var firstSeen = false
                    for l in (context.mark.line - 1)..<lines.count {
                        let line = lines[l]
                        let chars = Array(line)
                        guard chars.count > col else { continue }
                        let indent = chars.prefix(while: { $0 == " " || $0 == "-" }).count
                        if l > context.mark.line - 1 && indent < col && !line.trimmingCharacters(in: .whitespaces).isEmpty
                            && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { break }
                        let rest = String(chars[col...])
                        let candidates = [key + ":", "\"\(key)\":", "'\(key)':"]
                        guard let hit = candidates.first(where: { rest.hasPrefix($0) }) else { continue }
                        if !firstSeen { firstSeen = true; continue }
                        error(line: l + 1, column: col + 1, "duplicate key \"\(key)\"; it is already defined at line \(context.mark.line)")
                        count += 1
                        lines[l] = String(chars[..<col]) + "\(dupMarker)\(count):" + String(rest.dropFirst(hit.count))
                        fixed = true
                    }
                }
                if !fixed {
                    error(context.mark, "duplicate keys \(duplicates.map { "\"\($0)\"" }.joined(separator: ", "))")
                    return nil
                }
                text = lines.joined(separator: "\n")
            } catch let e as YamlError {
                switch e {
                case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                    error(mark, "YAML syntax: \(problem)")
                default:
                    error(line: 1, column: 1, "YAML: \(e)")
                }
                return nil
            } catch {
                self.error(line: 1, column: 1, "YAML: \(error)")
                return nil
            }
        }
    }

    // MARK: generic walk against the key tables

    static func isNull(_ n: Yams.Node) -> Bool {
        guard case .scalar(let s) = n, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func describe(_ n: Yams.Node) -> String {
        switch n {
        case .scalar(let s): "\"\(s.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Scalar text after ${} expansion; reports failures.
    mutating func text(_ n: Yams.Node) -> String? {
        guard case .scalar(let s) = n else { return nil }
        switch expandVariables(s.string, environment) {
        case .success(let v): return v
        case .failure(let e): error(n, e.message); return nil
        }
    }

    static func pairs(_ n: Yams.Node) -> [(key: Yams.Node, value: Yams.Node)] {
        guard case .mapping(let m) = n else { return [] }
        return m.map { ($0.key, $0.value) }.filter { !($0.0.string ?? "").hasPrefix(dupMarker) }
    }

    /// Checks `n` against `shape`; `what` names it in messages.
    mutating func check(_ n: Yams.Node, _ shape: Shape, _ what: String) {
        switch shape {
        case .object(let name, let fields, let required):
            guard case .mapping = n else { error(n, "expected a mapping for \(what), got \(Self.describe(n))"); return }
            var seen = Set<String>()
            for (k, v) in Self.pairs(n) {
                let key = k.string ?? ""
                guard let f = fields.first(where: { $0.key == key }) else {
                    error(k, "unknown key \"\(key)\" in \(name); allowed: \(fields.map(\.key).joined(separator: ", "))")
                    continue
                }
                seen.insert(key)
                check(v, f.shape, key)
            }
            for r in required where !seen.contains(r) {
                error(n, "missing key \"\(r)\" in \(what); required: \(required.joined(separator: ", "))")
            }
        case .mapOf(let value, let keyPattern, let keyHint):
            if Self.isNull(n) { return }
            guard case .mapping = n else { error(n, "expected a mapping for \(what), got \(Self.describe(n))"); return }
            for (k, v) in Self.pairs(n) {
                let key = k.string ?? ""
                if let keyPattern, key.range(of: keyPattern, options: .regularExpression) == nil {
                    error(k, "invalid name \"\(key)\" in \(what); allowed: \(keyHint)")
                }
                check(v, value, what == "nodes" ? "node \"\(key)\"" : key)
            }
        case .list(let item, let unique, let minItems, let maxItems):
            if Self.isNull(n) && minItems == 0 { return }
            guard case .sequence(let seq) = n else { error(n, "expected a list for \(what), got \(Self.describe(n))"); return }
            if seq.count < minItems || seq.count > (maxItems ?? Int.max) {
                let want = maxItems == minItems ? "exactly \(minItems)" : "at least \(minItems)"
                error(n, "\(what) has \(seq.count) entries; allowed: \(want)")
            }
            var seen = Set<String>()
            for e in seq {
                check(e, item, what)
                if unique, let s = e.string, !seen.insert(s).inserted { error(e, "duplicate \"\(s)\" in \(what)") }
            }
        case .any:
            switch n {
            case .scalar: _ = text(n)
            case .sequence(let seq): for e in seq { check(e, .any, what) }
            case .mapping: for (_, v) in Self.pairs(n) { check(v, .any, what) }
            case .alias: break
            }
        case .oneOf(let shapes):
            let isMapping: Bool = if case .mapping = n { true } else { false }
            let candidates = shapes.filter { if case .object = $0 { isMapping } else { !isMapping } }
            guard !candidates.isEmpty else { error(n, "invalid \(what) \(Self.describe(n)); allowed: \(shape.hint)"); return }
            if isMapping { check(n, candidates[0], what); return }
            guard case .scalar = n else { error(n, "invalid \(what) \(Self.describe(n)); allowed: \(shape.hint)"); return }
            guard let v = text(n) else { return }
            if !candidates.contains(where: { Self.accepts(v, $0) }) {
                error(n, "invalid \(what) \"\(v)\"; allowed: \(shape.hint)")
            }
        default:
            guard case .scalar = n else { error(n, "invalid \(what) \(Self.describe(n)); allowed: \(shape.hint)"); return }
            guard let v = text(n) else { return }
            if !Self.accepts(v, shape) { error(n, "invalid \(what) \"\(v)\"; allowed: \(shape.hint)") }
        }
    }

    static func accepts(_ v: String, _ shape: Shape) -> Bool {
        switch shape {
        case .string(let pattern, _): pattern.map { v.range(of: $0, options: .regularExpression) != nil } ?? true
        case .enumeration(let values): values.contains(v)
        case .integer(let min, let max): Int(v).map { $0 >= min && $0 <= max } ?? false
        case .bool: v == "true" || v == "false"
        case .duration: parseDuration(v) != nil
        case .probability: parseProbability(v) != nil
        case .rate: parseRate(v) != nil
        default: false
        }
    }

    // The Bus's own syntax, so a topology accepts exactly what an endpoint URL does.
    static func parseDuration(_ s: String) -> Duration? { ChannelOptions.parseDuration(s) }
    static func parseProbability(_ s: String) -> Double? { ChannelOptions.parseProbability(s) }
    static func parseRate(_ s: String) -> UInt64? { ChannelOptions.parseRate(s) }

    // MARK: building (after the walk; values already checked, so failures here are silent)

    func value(_ n: Yams.Node?) -> String? {
        guard let n, case .scalar(let s) = n, case .success(let v) = expandVariables(s.string, environment) else { return nil }
        return v
    }
    static func get(_ n: Yams.Node?, _ key: String) -> Yams.Node? {
        guard let n else { return nil }
        return pairs(n).first { $0.key.string == key }?.value
    }

    func config(_ n: Yams.Node) -> ConfigValue {
        switch n {
        case .scalar(let s):
            let v = value(n) ?? s.string
            guard s.style == .plain || s.style == .any else { return .string(v) }
            if ["", "~", "null", "Null", "NULL"].contains(v) { return .null }
            if v == "true" || v == "True" { return .bool(true) }
            if v == "false" || v == "False" { return .bool(false) }
            if let i = Int(v) { return .int(i) }
            if let d = Double(v), v.first?.isNumber == true || v.first == "-" || v.first == "." { return .double(d) }
            return .string(v)
        case .sequence(let seq): return .list(seq.map(config))
        case .mapping: return .map(Dictionary(Self.pairs(n).map { ($0.key.string ?? "", config($0.value)) }, uniquingKeysWith: { a, _ in a }))
        case .alias: return .null
        }
    }

    func restart(_ n: Yams.Node?) -> RestartPolicy? {
        guard let n else { return nil }
        if case .mapping = n {
            return RestartPolicy(mode: value(Self.get(n, "policy")).flatMap(RestartPolicy.Mode.init) ?? .never,
                                 backoff: value(Self.get(n, "backoff")).flatMap(Self.parseDuration))
        }
        return value(n).flatMap(RestartPolicy.Mode.init).map { RestartPolicy(mode: $0) }
    }

    func env(_ n: Yams.Node?) -> [String: String] {
        guard let n else { return [:] }
        return Dictionary(Self.pairs(n).map { ($0.key.string ?? "", value($0.value) ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    struct PortUse { var port: Int; var owner: String; var mark: Mark? }

    static func isPortKey(_ k: String) -> Bool { k == "port" || k.hasSuffix("-port") || k.hasSuffix("_port") }

    func ports(in n: Yams.Node, path: String, node: String, into uses: inout [PortUse]) {
        for (k, v) in Self.pairs(n) {
            let key = k.string ?? ""
            let p = path.isEmpty ? key : "\(path).\(key)"
            if case .mapping = v { ports(in: v, path: p, node: node, into: &uses); continue }
            if Self.isPortKey(key), case .int(let port) = config(v) {
                uses.append(PortUse(port: port, owner: "node \"\(node)\" config \"\(p)\"", mark: v.mark))
            }
        }
    }

    mutating func run(_ text: String) -> Topology? {
        guard let root = compose(text) else {
            if diags.isEmpty { error(line: 1, column: 1, "the file is empty; required: name, nodes") }
            return nil
        }
        check(root, TopologySchema.topology, "topology")
        guard case .mapping = root else { return nil }

        let defaultsNode = Self.get(root, "defaults")
        var defaults = Topology.Defaults()
        defaults.restart = restart(Self.get(defaultsNode, "restart")) ?? defaults.restart
        defaults.env = env(Self.get(defaultsNode, "env"))
        defaults.transport = value(Self.get(defaultsNode, "transport")).flatMap(Transport.init) ?? .zmq
        defaults.security.curve = value(Self.get(Self.get(defaultsNode, "security"), "curve")) == "true"

        // nodes
        var nodes: [Node] = []
        var nodeMarks: [String: Mark?] = [:]
        var waitMarks: [String: [Mark?]] = [:]
        var portUses: [PortUse] = []
        var sharedListenPorts = Set<String>()
        for (k, v) in Self.pairs(Self.get(root, "nodes") ?? .scalar(.init(""))) {
            let name = k.string ?? ""
            nodeMarks[name] = k.mark
            var node = Node(name: name, role: value(Self.get(v, "role")).flatMap(Node.Role.init) ?? .tool,
                            vnf: value(Self.get(v, "vnf")) ?? "")
            if let c = Self.get(v, "config"), case .map(let m) = config(c) {
                node.config = m
                ports(in: c, path: "", node: name, into: &portUses)
            }
            node.env = defaults.env.merging(env(Self.get(v, "env"))) { _, own in own }
            node.restart = restart(Self.get(v, "restart")) ?? defaults.restart
            if case .sequence(let seq)? = Self.get(v, "wait-for") {
                node.waitFor = seq.compactMap { value($0) }
                waitMarks[name] = seq.map(\.mark)
            }
            nodes.append(node)
        }
        let byName = Dictionary(nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        // VNF packages
        var offered: [String: [VNFInterface]] = [:]
        for n in nodes where !n.vnf.isEmpty {
            if let ifs = catalog.interfaces(ofVNF: n.vnf) { offered[n.name] = ifs } else {
                error(Self.get(Self.get(root, "nodes").flatMap { Self.get($0, n.name) }, "vnf"),
                      "unknown VNF package \"\(n.vnf)\" for node \"\(n.name)\"")
            }
        }

        // wait-for: unknown names, self, cycles
        for n in nodes {
            for (i, w) in n.waitFor.enumerated() where byName[w] == nil {
                error(waitMarks[n.name]?[i] ?? nil,
                      "node \"\(n.name)\" waits for unknown node \"\(w)\"; defined: \(nodes.map(\.name).joined(separator: ", "))")
            }
        }
        reportCycles(nodes, waitMarks)

        // links
        var links: [Link] = []
        for l in Self.linkNodes(root) {
            guard case .sequence(let eps)? = Self.get(l, "endpoints"), eps.count == 2 else { continue }
            var ends: [Endpoint] = []
            var endMarks: [Mark?] = []
            for e in eps {
                guard let s = value(e), s.range(of: TopologySchema.endpointPattern, options: .regularExpression) != nil else { continue }
                let parts = s.split(separator: ":").map(String.init)
                ends.append(Endpoint(node: parts[0], interface: parts[1], port: parts.count > 2 ? Int(parts[2]) : nil))
                endMarks.append(e.mark)
            }
            guard ends.count == 2 else { continue }
            let transportNode = Self.get(l, "transport")
            var link = Link(a: ends[0], b: ends[1],
                            transport: value(transportNode).flatMap(Transport.init) ?? defaults.transport)
            if let imp = Self.get(l, "impairment") {
                link.impairment = ImpairmentSpec(
                    delay: value(Self.get(imp, "delay")).flatMap(Self.parseDuration),
                    jitter: value(Self.get(imp, "jitter")).flatMap(Self.parseDuration),
                    loss: value(Self.get(imp, "loss")).flatMap(Self.parseProbability),
                    duplicate: value(Self.get(imp, "duplicate")).flatMap(Self.parseProbability),
                    reorder: value(Self.get(imp, "reorder")).flatMap(Self.parseProbability),
                    rateBitsPerSecond: value(Self.get(imp, "rate")).flatMap(Self.parseRate))
            }
            switch value(Self.get(l, "capture")) {
            case nil, "false"?: link.capture = .off
            case "true"?: link.capture = .automatic
            case let p?: link.capture = .path(p)
            }
            if let c = value(Self.get(Self.get(l, "security"), "curve")) { link.security.curve = c == "true" } else { link.security = defaults.security }

            var protocols: [String] = []
            for (i, ep) in ends.enumerated() {
                // Several links may end on one listening interface (a CU's F1-C port takes many DUs).
                if let port = ep.port, sharedListenPorts.insert("\(ep.node):\(ep.interface):\(port)").inserted {
                    portUses.append(PortUse(port: port, owner: "link endpoint \"\(ep)\"", mark: endMarks[i]))
                }
                guard let node = byName[ep.node] else {
                    error(endMarks[i], "link endpoint \"\(ep)\" names undefined node \"\(ep.node)\"; defined: \(nodes.map(\.name).joined(separator: ", "))")
                    continue
                }
                guard let ifs = offered[node.name] else { continue }
                guard let iface = ifs.first(where: { $0.name == ep.interface }) else {
                    error(endMarks[i], "VNF package \"\(node.vnf)\" of node \"\(node.name)\" has no interface \"\(ep.interface)\"; offered: \(ifs.map(\.name).joined(separator: ", "))")
                    continue
                }
                protocols.append(iface.protocol)
                if !iface.transports.contains(link.transport.rawValue) {
                    error(transportNode?.mark ?? endMarks[i],
                          "interface \"\(ep)\" does not support transport \"\(link.transport.rawValue)\"; supported: \(iface.transports.sorted().joined(separator: ", "))")
                }
            }
            if protocols.count == 2, protocols[0] != protocols[1] {
                error(endMarks[1], "link joins protocol \(protocols[0]) (\(ends[0])) to \(protocols[1]) (\(ends[1]))")
            }
            links.append(link)
        }

        // ports
        var firstUse: [Int: PortUse] = [:]
        for u in portUses {
            if let f = firstUse[u.port] {
                error(u.mark, "port \(u.port) of \(u.owner) is already used by \(f.owner) at line \(f.mark?.line ?? 0)")
            } else { firstUse[u.port] = u }
        }

        // scenario, trust
        let sc = Self.get(root, "scenario")
        var scenario = Scenario()
        if let d = value(Self.get(sc, "duration")) {
            if d.hasSuffix("slots") { scenario.duration = Int(d.dropLast(5).trimmingCharacters(in: .whitespaces)).map { .slots($0) } }
            else { scenario.duration = Self.parseDuration(d).map { .time($0) } }
        }
        scenario.seed = value(Self.get(sc, "seed")).flatMap { UInt64($0) } ?? 1
        scenario.time = value(Self.get(sc, "time")).flatMap(Scenario.TimeMode.init) ?? .virtual
        scenario.numerology = value(Self.get(sc, "numerology")).flatMap { Int($0) } ?? 0
        scenario.lookahead = value(Self.get(sc, "lookahead")).flatMap { Int($0) } ?? 4
        let tr = Self.get(root, "trust")
        var trust = TrustPolicy()
        if case .sequence(let seq)? = Self.get(tr, "providers") { trust.allowedProviders = seq.compactMap { value($0) } }
        trust.requireHashes = value(Self.get(tr, "require-hashes")) == "true"
        trust.requireSignatures = value(Self.get(tr, "require-signatures")) == "true"

        return Topology(name: value(Self.get(root, "name")) ?? "", file: file, defaults: defaults, nodes: nodes,
                        links: links, scenario: scenario, trust: trust)
    }

    static func linkNodes(_ root: Yams.Node) -> [Yams.Node] {
        guard case .sequence(let seq)? = get(root, "links") else { return [] }
        return Array(seq)
    }

    /// Depth-first search; each cycle is reported once, at the wait-for entry that closes it.
    mutating func reportCycles(_ nodes: [Node], _ waitMarks: [String: [Mark?]]) {
        let byName = Dictionary(nodes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 = on stack, 2 = done
        var stack: [String] = []
        func visit(_ name: String, _ p: inout TopologyParser) {
            state[name] = 1
            stack.append(name)
            let node = byName[name]!
            for (i, w) in node.waitFor.enumerated() where byName[w] != nil {
                if state[w] == 1 {
                    let cycle = stack[stack.lastIndex(of: w)!...] + [w]
                    p.error(waitMarks[name]?[i] ?? nil, "wait-for cycle: \(cycle.joined(separator: " -> "))")
                } else if state[w] == nil {
                    visit(w, &p)
                }
            }
            stack.removeLast()
            state[name] = 2
        }
        for n in nodes where state[n.name] == nil { visit(n.name, &self) }
    }
}
