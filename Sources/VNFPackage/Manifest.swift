import Foundation
import Yams

/// Protocol spoken on a VNF interface; the Topology module only links equal protocols.
public enum InterfaceProtocol: String, Sendable, Hashable, CaseIterable, Codable {
    case e2, f1c, f1u, fh, xapp, ctl
}

/// Transport an interface can be carried over (docs/bus.md).
public enum InterfaceTransport: String, Sendable, Hashable, CaseIterable, Codable {
    case zmq, sctp
}

/// One interface a VNF offers: what the Topology module checks links against.
public struct VNFInterface: Sendable, Hashable {
    public var name: String
    public var `protocol`: InterfaceProtocol
    public var transports: [InterfaceTransport]

    public init(name: String, protocol: InterfaceProtocol, transports: [InterfaceTransport]) {
        self.name = name
        self.protocol = `protocol`
        self.transports = transports
    }
}

/// A file of the package and its expected SHA-256 (lowercase hex), if the manifest gives one.
public struct VNFArtifact: Sendable, Hashable {
    /// Path relative to the package directory (no `..`, not absolute).
    public var path: String
    public var sha256: String?

    public init(path: String, sha256: String?) {
        self.path = path
        self.sha256 = sha256
    }
}

/// The contents of `vnfs/<name>/vnf.yaml` (docs/vnf-packages.md).
public struct VNFManifest: Sendable, Hashable {
    public var provider: String
    public var product: String
    public var version: String
    public var role: String
    public var interfaces: [VNFInterface]
    /// argv; an element holding a `/` that is not absolute is a path relative to the package.
    public var launch: [String]
    public var artifacts: [VNFArtifact]

    public init(provider: String, product: String, version: String, role: String,
                interfaces: [VNFInterface], launch: [String], artifacts: [VNFArtifact]) {
        self.provider = provider
        self.product = product
        self.version = version
        self.role = role
        self.interfaces = interfaces
        self.launch = launch
        self.artifacts = artifacts
    }

    static let topKeys = ["provider", "product", "version", "role", "interfaces", "launch", "artifacts"]

    /// Parses manifest text strictly; `file` names the source in every issue.
    public static func parse(_ text: String, file: String) throws(ManifestError) -> VNFManifest {
        var reader = ManifestReader(file: file)
        let manifest = reader.manifest(text)
        if !reader.issues.isEmpty || manifest == nil {
            throw ManifestError(issues: reader.issues.isEmpty
                ? [.init(file: file, line: nil, column: nil, message: "invalid manifest")] : reader.issues)
        }
        return manifest!
    }

    /// Whether an argv element of `launch` is a path inside the package.
    public static func isPackagePath(_ argument: String) -> Bool {
        argument.contains("/") && !argument.hasPrefix("/") && !argument.hasPrefix("@")
    }

    /// The canonical YAML text of this manifest (what `VNFPackageSigner` writes).
    public func yaml() -> String {
        func s(_ v: String) -> Node { Node(v) }
        var top: [(Node, Node)] = [
            (s("provider"), s(provider)), (s("product"), s(product)),
            (s("version"), Node(version, .implicit, .doubleQuoted)), (s("role"), s(role)),
        ]
        let ifaces = interfaces.map { i -> Node in
            Node([
                (s("name"), s(i.name)),
                (s("protocol"), s(i.protocol.rawValue)),
                (s("transports"), Node(i.transports.map { s($0.rawValue) }, .implicit, .flow)),
            ])
        }
        top.append((s("interfaces"), Node(ifaces)))
        top.append((s("launch"), Node(launch.map(s), .implicit, .flow)))
        let arts = artifacts.map { a -> Node in
            var pairs = [(s("path"), s(a.path))]
            if let h = a.sha256 { pairs.append((s("sha256"), s(h))) }
            return Node(pairs)
        }
        top.append((s("artifacts"), Node(arts)))
        // Serializing a tree of plain strings cannot fail.
        return (try? Yams.serialize(node: Node(top), width: -1, allowUnicode: true)) ?? ""
    }
}

/// Walks the composed YAML tree, collecting every issue with its mark.
struct ManifestReader {
    let file: String
    var issues: [ManifestError.Issue] = []

    mutating func fail(_ mark: Mark?, _ message: String) {
        issues.append(.init(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    mutating func manifest(_ text: String) -> VNFManifest? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                fail(mark, "YAML: \(problem)")
            default:
                fail(nil, "YAML: \(error)")
            }
            return nil
        } catch {
            fail(nil, "YAML: \(error)")
            return nil
        }
        guard let root else {
            fail(nil, "empty manifest")
            return nil
        }
        guard let fields = mapping(root, what: "manifest", keys: VNFManifest.topKeys) else { return nil }

        let provider = requiredString(fields, "provider", in: root)
        let product = requiredString(fields, "product", in: root)
        let version = requiredString(fields, "version", in: root)
        let role = requiredString(fields, "role", in: root)
        var interfaces: [VNFInterface] = []
        if let node = required(fields, "interfaces", in: root), let items = sequence(node, what: "interfaces") {
            var seen = Set<String>()
            for item in items {
                guard let f = mapping(item, what: "interface", keys: ["name", "protocol", "transports"]) else { continue }
                let name = requiredString(f, "name", in: item)
                if let name, !seen.insert(name).inserted { fail(f["name"]?.mark, "duplicate interface name '\(name)'") }
                let proto: InterfaceProtocol? = requiredString(f, "protocol", in: item).flatMap { raw in
                    if let p = InterfaceProtocol(rawValue: raw) { return p }
                    fail(f["protocol"]?.mark, "unknown protocol '\(raw)' (allowed: \(InterfaceProtocol.allCases.map(\.rawValue).joined(separator: ", ")))")
                    return nil
                }
                var transports: [InterfaceTransport] = []
                if let tnode = required(f, "transports", in: item), let tlist = sequence(tnode, what: "transports") {
                    if tlist.isEmpty { fail(tnode.mark, "transports must not be empty") }
                    for t in tlist {
                        guard let raw = string(t, what: "transport") else { continue }
                        guard let tr = InterfaceTransport(rawValue: raw) else {
                            fail(t.mark, "unknown transport '\(raw)' (allowed: \(InterfaceTransport.allCases.map(\.rawValue).joined(separator: ", ")))")
                            continue
                        }
                        if transports.contains(tr) { fail(t.mark, "duplicate transport '\(raw)'") } else { transports.append(tr) }
                    }
                }
                if let name, let proto { interfaces.append(VNFInterface(name: name, protocol: proto, transports: transports)) }
            }
        }
        var launch: [String] = []
        if let node = required(fields, "launch", in: root), let items = sequence(node, what: "launch") {
            if items.isEmpty { fail(node.mark, "launch must hold at least the program") }
            for item in items {
                if let arg = string(item, what: "launch argument") { launch.append(arg) }
            }
        }
        var artifacts: [VNFArtifact] = []
        if let node = fields["artifacts"], let items = sequence(node, what: "artifacts") {
            var seen = Set<String>()
            for item in items {
                guard let f = mapping(item, what: "artifact", keys: ["path", "sha256"]) else { continue }
                guard let path = requiredString(f, "path", in: item) else { continue }
                let mark = f["path"]?.mark
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                if path.hasPrefix("/") || parts.contains("..") || parts.contains("") {
                    fail(mark, "artifact path '\(path)' must be relative to the package, without '..' or empty parts")
                    continue
                }
                let normal = normalize(path)
                if !seen.insert(normal).inserted { fail(mark, "duplicate artifact '\(path)'") }
                var digest: String?
                if let h = f["sha256"] {
                    if let raw = string(h, what: "sha256") {
                        if raw.count == 64, raw.allSatisfy(\.isHexDigit) { digest = raw.lowercased() } else {
                            fail(h.mark, "sha256 must be 64 hex digits")
                        }
                    }
                }
                artifacts.append(VNFArtifact(path: normal, sha256: digest))
            }
        }
        guard let provider, let product, let version, let role, issues.isEmpty else { return nil }
        return VNFManifest(provider: provider, product: product, version: version, role: role,
                           interfaces: interfaces, launch: launch, artifacts: artifacts)
    }

    /// A mapping with string keys among `keys`; unknown and duplicate keys are issues at the key's mark.
    mutating func mapping(_ node: Node, what: String, keys: [String]) -> [String: Node]? {
        guard case let .mapping(m) = node else {
            fail(node.mark, "\(what) must be a mapping")
            return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard case let .scalar(ks) = k else {
                fail(k.mark, "\(what) keys must be strings")
                continue
            }
            guard keys.contains(ks.string) else {
                fail(k.mark, "unknown key '\(ks.string)' in \(what) (allowed: \(keys.joined(separator: ", ")))")
                continue
            }
            if out[ks.string] != nil {
                fail(k.mark, "duplicate key '\(ks.string)' in \(what)")
                continue
            }
            out[ks.string] = v
        }
        return out
    }

    mutating func sequence(_ node: Node, what: String) -> [Node]? {
        guard case let .sequence(s) = node else {
            fail(node.mark, "\(what) must be a list")
            return nil
        }
        return Array(s)
    }

    mutating func string(_ node: Node, what: String) -> String? {
        guard case let .scalar(s) = node else {
            fail(node.mark, "\(what) must be a string")
            return nil
        }
        if s.string.isEmpty || (s.style == .plain && (s.string == "~" || s.string == "null")) {
            fail(node.mark, "\(what) must not be empty")
            return nil
        }
        return s.string
    }

    mutating func required(_ fields: [String: Node], _ key: String, in parent: Node) -> Node? {
        guard let node = fields[key] else {
            fail(parent.mark, "missing required key '\(key)'")
            return nil
        }
        return node
    }

    mutating func requiredString(_ fields: [String: Node], _ key: String, in parent: Node) -> String? {
        required(fields, key, in: parent).flatMap { string($0, what: key) }
    }
}

/// `./a//b/./c` → `a/b/c`.
func normalize(_ path: String) -> String {
    path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
}
