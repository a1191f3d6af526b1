import Foundation

/// One message on the control channel between the orchestrator and a VNF, either way: a UTF-8
/// JSON object with a `type` (docs/plugin-contract.md §3). Decoding is total: any bytes give a
/// message or a ``ControlMessageError``.
public enum ControlMessage: Sendable, Hashable {
    // VNF → orchestrator
    case hello(node: String, pid: Int32, instance: Int, contract: Int)
    case status(VNFStatus, detail: String?)
    case kpis([KPISample])
    case nack(command: String, reason: String)
    // both ways
    case heartbeat
    // orchestrator → VNF
    case stop(reason: String, grace: Double)
    case fault(Fault)
    /// Answer to a terminal status (FINISHED or ERROR): the orchestrator has it, the VNF may exit.
    case ack(VNFStatus)

    /// Fault injection commands.
    public enum Fault: Sendable, Hashable {
        /// Die at once (SIGABRT), as a bug would.
        case crash
        /// Exit with this code without reporting.
        case exit(code: Int32)
        /// Report ERROR with this detail, then exit 1.
        case error(detail: String)
        /// Stop reading and heartbeating but stay alive.
        case hang
        /// Close one link.
        case linkDown(link: String)
        /// A fault this side does not know; answered with `nack`.
        case other(name: String)

        public var name: String {
            switch self {
            case .crash: "crash"
            case .exit: "exit"
            case .error: "error"
            case .hang: "hang"
            case .linkDown: "link-down"
            case .other(let n): n
            }
        }
    }

    public var type: String {
        switch self {
        case .hello: "hello"
        case .status: "status"
        case .kpis: "kpis"
        case .nack: "nack"
        case .heartbeat: "heartbeat"
        case .stop: "stop"
        case .fault: "fault"
        case .ack: "ack"
        }
    }

    /// The JSON bytes of this message.
    public func encoded() -> [UInt8] {
        // KPI batches are the bulk of the traffic: written directly (Foundation's JSON writer
        // costs tens of µs per sample). Same JSON as the general path below, keys sorted.
        if case .kpis(let samples) = self { return Self.encodeKPIs(samples) }
        var o: [String: Any] = ["type": type]
        switch self {
        case .hello(let node, let pid, let instance, let contract):
            o["node"] = node; o["pid"] = Int(pid); o["instance"] = instance; o["contract"] = contract
        case .status(let s, let detail):
            o["status"] = s.rawValue
            if let detail { o["detail"] = detail }
        case .kpis(let samples):
            // JSON has no NaN or infinity: such a sample is not sent rather than sent as a lie.
            o["samples"] = samples.filter(\.value.isFinite).map { s -> [String: Any] in
                var k: [String: Any] = ["name": s.name, "value": s.value]
                if !s.labels.isEmpty { k["labels"] = s.labels }
                if let slot = s.slot { k["slot"] = slot }
                if let t = s.time, t.isFinite { k["time"] = t }
                return k
            }
        case .nack(let command, let reason):
            o["command"] = command; o["reason"] = reason
        case .heartbeat:
            break
        case .stop(let reason, let grace):
            o["reason"] = reason; o["grace"] = grace
        case .ack(let s):
            o["status"] = s.rawValue
        case .fault(let f):
            o["fault"] = f.name
            switch f {
            case .exit(let code): o["code"] = Int(code)
            case .error(let detail): o["detail"] = detail
            case .linkDown(let link): o["link"] = link
            default: break
            }
        }
        let data = (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Array(data)
    }

    static func encodeKPIs(_ samples: [KPISample]) -> [UInt8] {
        var out = "{\"samples\":["
        var first = true
        for s in samples where s.value.isFinite {
            if !first { out += "," }
            first = false
            out += "{"
            if !s.labels.isEmpty {
                out += "\"labels\":{"
                for (i, (k, v)) in s.labels.sorted(by: { $0.key < $1.key }).enumerated() {
                    if i > 0 { out += "," }
                    jsonString(k, into: &out); out += ":"; jsonString(v, into: &out)
                }
                out += "},"
            }
            out += "\"name\":"; jsonString(s.name, into: &out)
            if let slot = s.slot { out += ",\"slot\":\(slot)" }
            if let t = s.time, t.isFinite { out += ",\"time\":\(t)" }
            out += ",\"value\":\(s.value)}"
        }
        out += "],\"type\":\"kpis\"}"
        return Array(out.utf8)
    }

    static func jsonString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }

    /// Parses one control message. Unknown keys are ignored (later contract versions add keys).
    public static func decode(_ bytes: some Collection<UInt8>) throws(ControlMessageError) -> ControlMessage {
        guard bytes.count <= 4 << 20 else { throw .init("message of \(bytes.count) bytes is larger than 4 MiB") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) }
        catch { throw .init("not JSON: \(error.localizedDescription)") }
        guard let o = object as? [String: Any] else { throw .init("not a JSON object") }
        guard let type = o["type"] as? String else { throw .init("missing string field 'type'") }
        func string(_ k: String) throws(ControlMessageError) -> String {
            guard let v = o[k] as? String else { throw .init("\(type): missing string field '\(k)'") }
            return v
        }
        func number(_ k: String) -> Double? { numeric(o[k]) }
        func integer(_ k: String) throws(ControlMessageError) -> Int {
            guard let d = number(k), d.isFinite, d.rounded() == d, abs(d) < 9e15 else { throw .init("\(type): field '\(k)' must be an integer") }
            return Int(d)
        }
        switch type {
        case "hello":
            let pid = try integer("pid")
            guard let pid32 = Int32(exactly: pid) else { throw .init("hello: pid \(pid) out of range") }
            return .hello(node: try string("node"), pid: pid32, instance: try integer("instance"),
                          contract: o["contract"] == nil ? 1 : try integer("contract"))
        case "status":
            let s = try string("status")
            guard let status = VNFStatus(rawValue: s) else {
                throw .init("status: unknown status '\(s)' (allowed: \(VNFStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .status(status, detail: o["detail"] as? String)
        case "kpi":
            return .kpis([try sample(o, type)])
        case "kpis":
            guard let list = o["samples"] as? [Any] else { throw .init("kpis: missing list field 'samples'") }
            var samples: [KPISample] = []
            samples.reserveCapacity(list.count)
            for item in list {
                guard let d = item as? [String: Any] else { throw .init("kpis: every sample must be an object") }
                samples.append(try sample(d, type))
            }
            return .kpis(samples)
        case "nack":
            return .nack(command: try string("command"), reason: (o["reason"] as? String) ?? "")
        case "heartbeat":
            return .heartbeat
        case "stop":
            let grace = number("grace") ?? 2
            guard grace.isFinite, grace >= 0 else { throw .init("stop: grace must be a non-negative number") }
            return .stop(reason: (o["reason"] as? String) ?? "", grace: grace)
        case "ack":
            let s = try string("status")
            guard let status = VNFStatus(rawValue: s) else { throw .init("ack: unknown status '\(s)'") }
            return .ack(status)
        case "fault":
            let name = try string("fault")
            switch name {
            case "crash": return .fault(.crash)
            case "exit":
                let code = try integer("code")
                guard (0...255).contains(code), let c = Int32(exactly: code) else { throw .init("fault exit: code \(code) is not in 0...255") }
                return .fault(.exit(code: c))
            case "error": return .fault(.error(detail: (o["detail"] as? String) ?? "injected fault"))
            case "hang": return .fault(.hang)
            case "link-down": return .fault(.linkDown(link: try string("link")))
            default: return .fault(.other(name: name))
            }
        default:
            throw .init("unknown message type '\(type)'")
        }
    }

    private static func sample(_ d: [String: Any], _ type: String) throws(ControlMessageError) -> KPISample {
        guard let name = d["name"] as? String, !name.isEmpty else { throw .init("\(type): sample without a 'name'") }
        guard let value = numeric(d["value"]), value.isFinite else {
            throw .init("\(type): sample '\(name)' needs a finite number 'value'")
        }
        var labels: [String: String] = [:]
        if let l = d["labels"] {
            guard let m = l as? [String: Any] else { throw .init("\(type): labels of '\(name)' must be an object") }
            for (k, v) in m { labels[k] = (v as? String) ?? "\(v)" }
        }
        var slot: Int?
        if let s = numeric(d["slot"]), s.isFinite, s.rounded() == s, abs(s) < 9e15 { slot = Int(s) }
        let time = numeric(d["time"]).flatMap { $0.isFinite ? $0 : nil }
        return KPISample(name: name, value: value, labels: labels, slot: slot, time: time)
    }

    /// A JSON number as JSONSerialization hands it out, never a boolean. (On Linux every number,
    /// true and false included, is an NSNumber and 0 and 1 even pass `is Bool`; booleans are the
    /// `__NSCFBoolean` subclass.)
    private static func numeric(_ v: Any?) -> Double? {
        guard let v, v is NSNumber, !String(describing: Swift.type(of: v)).contains("Boolean") else { return nil }
        return v as? Double
    }
}

/// A control message that could not be understood.
public struct ControlMessageError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "bad control message: \(reason)" }
}
