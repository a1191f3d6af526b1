import Foundation

/// The shape of a value in a topology file. The parser's key tables *are* these shapes, and
/// `TopologySchema.jsonSchema()` turns them into docs/topology.schema.json, so the two cannot drift.
indirect enum Shape: Sendable {
    case string(pattern: String?, hint: String)
    case enumeration([String])
    case integer(min: Int, max: Int)
    case bool
    case duration
    case probability
    case rate
    /// A mapping with fixed keys.
    case object(name: String, fields: [Field], required: [String])
    /// A mapping from names (matching namePattern) to values of one shape.
    case mapOf(Shape, keyPattern: String?, keyHint: String)
    case list(Shape, unique: Bool, minItems: Int, maxItems: Int?)
    /// Any YAML value (free-form configuration).
    case any
    /// The first alternative whose kind (scalar or mapping) matches.
    case oneOf([Shape])

    var hint: String {
        switch self {
        case .string(_, let hint): hint
        case .enumeration(let values): values.joined(separator: ", ")
        case .integer(let min, let max): "an integer from \(min) to \(max)"
        case .bool: "true or false"
        case .duration: "a duration such as 5ms, 200us or 1s"
        case .probability: "a probability such as 10% or 0.1"
        case .rate: "a rate such as 100Mbit, 1Gbit or 500kbit"
        case .object(_, let fields, _): "a mapping with keys \(fields.map(\.key).joined(separator: ", "))"
        case .mapOf: "a mapping"
        case .list: "a list"
        case .any: "any value"
        case .oneOf(let shapes): shapes.map(\.hint).joined(separator: " or ")
        }
    }
}

struct Field: Sendable {
    var key: String
    var shape: Shape
    var doc: String
    init(_ key: String, _ shape: Shape, _ doc: String) { self.key = key; self.shape = shape; self.doc = doc }
}

/// The key tables of the topology format.
public enum TopologySchema {
    static let namePattern = "^[A-Za-z][A-Za-z0-9_-]*$"
    static let nameHint = "a name of letters, digits, '-' and '_', starting with a letter"
    static let endpointPattern = "^[A-Za-z][A-Za-z0-9_-]*:[A-Za-z][A-Za-z0-9_-]*(:[0-9]+)?$"
    static let durationPattern = "^(0|[0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s))$"
    static let probabilityPattern = "^([0-9]+(\\.[0-9]+)?%|[0-9]+(\\.[0-9]+)?)$"
    static let ratePattern = "^[0-9]+(\\.[0-9]+)?[kKmMgG]?([bB][iI][tT]|[bB][pP][sS])?$"
    static let lengthPattern = "^([0-9]+ ?slots|0|[0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s))$"

    static let restartMode = Shape.enumeration(RestartPolicy.Mode.allCases.map(\.rawValue))
    static let restart = Shape.oneOf([
        restartMode,
        .object(name: "restart", fields: [
            Field("policy", restartMode, "never, on-failure or always"),
            Field("backoff", .duration, "wait before restarting"),
        ], required: ["policy"]),
    ])
    static let env = Shape.mapOf(.string(pattern: nil, hint: "a string"), keyPattern: "^[A-Za-z_][A-Za-z0-9_]*$",
                                 keyHint: "an environment variable name")
    static let transport = Shape.enumeration(Transport.allCases.map(\.rawValue))
    static let security = Shape.object(name: "security", fields: [
        Field("curve", .bool, "ZeroMQ CURVE encryption and authentication"),
    ], required: [])

    static let defaults = Shape.object(name: "defaults", fields: [
        Field("restart", restart, "restart policy of nodes that set none"),
        Field("env", env, "environment of every node (a node's own env wins)"),
        Field("transport", transport, "transport of links that set none"),
        Field("security", security, "security of links that set none"),
    ], required: [])

    static let node = Shape.object(name: "node", fields: [
        Field("role", .enumeration(Node.Role.allCases.map(\.rawValue)), "what the node is"),
        Field("vnf", .string(pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", hint: "a VNF package name"), "VNF package to run"),
        Field("config", .mapOf(.any, keyPattern: nil, keyHint: "a string"), "parameters handed to the VNF"),
        Field("env", env, "environment variables of the process"),
        Field("restart", restart, "restart policy"),
        Field("wait-for", .list(.string(pattern: namePattern, hint: nameHint), unique: true, minItems: 0, maxItems: nil),
              "nodes that must be up first"),
    ], required: ["role", "vnf"])

    static let impairment = Shape.object(name: "impairment", fields: [
        Field("delay", .duration, "fixed one-way delay"),
        Field("jitter", .duration, "uniform jitter around the delay"),
        Field("loss", .probability, "drop probability"),
        Field("duplicate", .probability, "duplication probability"),
        Field("reorder", .probability, "reordering probability"),
        Field("rate", .rate, "serialisation rate limit"),
    ], required: [])

    static let link = Shape.object(name: "link", fields: [
        Field("endpoints", .list(.string(pattern: endpointPattern, hint: "node:interface or node:interface:port"),
                                 unique: false, minItems: 2, maxItems: 2), "the two ends"),
        Field("transport", transport, "zmq or sctp"),
        Field("impairment", impairment, "link impairments (Bus syntax)"),
        Field("capture", .oneOf([.bool, .string(pattern: nil, hint: "a pcap file path")]), "pcap capture"),
        Field("security", security, "link security"),
    ], required: ["endpoints"])

    static let scenario = Shape.object(name: "scenario", fields: [
        Field("duration", .string(pattern: lengthPattern, hint: "a number of slots such as 20000slots, or a duration such as 10s"),
              "how long the run lasts"),
        Field("seed", .integer(min: 0, max: Int.max), "seed of every random decision"),
        Field("time", .enumeration(Scenario.TimeMode.allCases.map(\.rawValue)), "virtual or realtime clock"),
        Field("numerology", .integer(min: 0, max: 4), "NR numerology μ of the lab's slots (slot = 1 ms / 2^μ)"),
        Field("lookahead", .integer(min: 1, max: 64), "virtual time: slots each node runs between two barriers"),
    ], required: [])

    static let trust = Shape.object(name: "trust", fields: [
        Field("providers", .list(.string(pattern: nil, hint: "a provider name"), unique: true, minItems: 0, maxItems: nil),
              "VNF package providers allowed"),
        Field("require-hashes", .bool, "refuse packages without content hashes"),
        Field("require-signatures", .bool, "refuse unsigned packages"),
    ], required: [])

    static let topology = Shape.object(name: "topology", fields: [
        Field("name", .string(pattern: namePattern, hint: nameHint), "name of the lab"),
        Field("defaults", defaults, "defaults for nodes and links"),
        Field("nodes", .mapOf(node, keyPattern: namePattern, keyHint: nameHint), "the RAN functions, by name"),
        Field("links", .list(link, unique: false, minItems: 0, maxItems: nil), "connections between node interfaces"),
        Field("scenario", scenario, "run length, seed, clock"),
        Field("trust", trust, "which VNF packages may run"),
    ], required: ["name", "nodes"])

    /// The JSON Schema (draft 2020-12) of the format, as committed in docs/topology.schema.json.
    public static func jsonSchema() -> String {
        var root = json(topology)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://ranlab.dev/topology.schema.json"
        root["title"] = "ranlab topology (*.ranlab.yaml), after ${VAR} expansion"
        let data = try! JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func json(_ shape: Shape, doc: String? = nil) -> [String: Any] {
        var s: [String: Any]
        switch shape {
        case .string(let pattern, _):
            s = ["type": "string"]
            if let pattern { s["pattern"] = pattern }
        case .enumeration(let values): s = ["type": "string", "enum": values]
        case .integer(let min, let max): s = ["type": "integer", "minimum": min, "maximum": max]
        case .bool: s = ["type": "boolean"]
        case .duration: s = ["type": "string", "pattern": durationPattern]
        case .probability:
            s = ["oneOf": [["type": "number", "minimum": 0, "maximum": 1], ["type": "string", "pattern": probabilityPattern]]]
        case .rate: s = ["type": "string", "pattern": ratePattern]
        case .object(_, let fields, let required):
            var props: [String: Any] = [:]
            for f in fields { props[f.key] = json(f.shape, doc: f.doc) }
            s = ["type": "object", "properties": props, "additionalProperties": false]
            if !required.isEmpty { s["required"] = required }
        case .mapOf(let value, let keyPattern, _):
            s = ["type": ["object", "null"], "additionalProperties": json(value)]
            if let keyPattern { s["propertyNames"] = ["pattern": keyPattern] }
        case .list(let item, let unique, let minItems, let maxItems):
            s = ["type": ["array", "null"], "items": json(item)]
            if unique { s["uniqueItems"] = true }
            if minItems > 0 { s["minItems"] = minItems; s["type"] = "array" }
            if let maxItems { s["maxItems"] = maxItems }
        case .any: s = [:]
        case .oneOf(let shapes): s = ["oneOf": shapes.map { json($0) }]
        }
        if let doc { s["description"] = doc }
        return s
    }
}
