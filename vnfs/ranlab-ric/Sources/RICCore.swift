import APER
import Bus
import E2AP
import Foundation
import Synchronization
import VNFKit

/// The RIC's state and rules, used by the RIC loop (and KPI publishing): which E2
/// nodes are up, which xApps are connected, and which subscription belongs to whom. Every entry
/// point takes the lock briefly; sends to nodes (SCTP) happen outside it.
final class RICCore: @unchecked Sendable {
    struct Node {
        var name: String
        var id: GlobalE2nodeID
        var channel: SCTPChannel
        var setup: [UInt8]
        var functions: [RANfunctionItem]
        var generation: Int
        var since: Date
    }
    struct XApp {
        var identity: [UInt8]
        var name: String
        var requestor: Int
        var lastSeen: Double
    }
    struct SubscriptionKey: Hashable { var node: String; var request: RICrequestID }
    struct Subscription {
        var xapp: [UInt8]
        var functionID: Int
        var active = false
    }
    struct Counters {
        var indications = 0, controls = 0, errorIndications = 0, setups = 0, refused = 0, nodesLost = 0, dropped = 0
    }

    let config: RICConfig
    let runtime: VNFRuntime
    let ricID: GlobalRICID
    private let lock = NSLock()
    private var nodes: [String: Node] = [:]
    private var setups: [String: Int] = [:]
    private var xapps: [[UInt8]: XApp] = [:]
    private var requestorByName: [String: Int] = [:]
    private var identityByRequestor: [Int: [UInt8]] = [:]
    private var subscriptions: [SubscriptionKey: Subscription] = [:]
    private(set) var counters = Counters()
    /// Set by main once the xApp port exists.
    var port: XAppPort!
    private var dirty = true

    init(config: RICConfig, runtime: VNFRuntime) {
        self.config = config
        self.runtime = runtime
        let plmn = PLMNIdentity(mcc: config.mcc, mnc: config.mnc) ?? PLMNIdentity(octets: [0x00, 0xF1, 0x10])
        ricID = GlobalRICID(plmnIdentity: plmn, ricID: BitString(value: config.ricID, length: 20))
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func envelope(_ kind: String, _ node: [UInt8], _ payload: [UInt8]) -> [[UInt8]] { [Array(kind.utf8), node, payload] }

    static func now() -> Double { Double(MonotonicClock.now()) / 1e9 }

    // MARK: E2 nodes

    enum Admission { case admitted(name: String, generation: Int), refused(String) }

    /// E2 Setup from an association: admitted when its ID is one the topology lists. A node that
    /// is already up under that name (it restarted before its old association was seen to end)
    /// replaces it.
    func admit(_ request: E2setupRequest, bytes: [UInt8], channel: SCTPChannel) -> Admission {
        let text = request.globalE2nodeID.text
        guard let name = config.admitted[text] else {
            locked { counters.refused += 1 }
            return .refused(text)
        }
        var old: Node?
        let generation: Int = locked {
            old = nodes[name]
            setups[name, default: 0] += 1
            counters.setups += 1
            nodes[name] = Node(name: name, id: request.globalE2nodeID, channel: channel, setup: bytes,
                               functions: request.ranFunctionsAdded, generation: setups[name]!, since: Date())
            dirty = true
            return setups[name]!
        }
        if let old, old.channel !== channel {
            dropSubscriptions(of: name, reason: "E2 node \(name) set up again")
            old.channel.abort()
        }
        port.broadcast(envelope("node-up", Array(name.utf8), bytes))
        runtime.emit("ranlab_ric_e2_setup_total", Double(generation), labels: ["e2_node": name, "e2_node_id": text])
        return .admitted(name: name, generation: generation)
    }

    /// The association of `name` (of that `generation`) ended.
    func lost(_ name: String, generation: Int, reason: String) {
        let gone: Bool = locked {
            guard let n = nodes[name], n.generation == generation else { return false }
            nodes[name] = nil
            counters.nodesLost += 1
            dirty = true
            return true
        }
        guard gone else { return }
        dropSubscriptions(of: name, reason: reason)
        port.broadcast(envelope("node-down", Array(name.utf8), Array(reason.utf8)))
        runtime.emit("ranlab_ric_e2_node_lost_total", 1, labels: ["e2_node": name])
    }

    private func dropSubscriptions(of node: String, reason: String) {
        locked {
            subscriptions = subscriptions.filter { $0.key.node != node }
            dirty = true
        }
    }

    /// A PDU from node `name`: route it to the xApp that owns its RIC request ID.
    func fromNode(_ name: String, pdu: E2APPDU, bytes: [UInt8]) -> Bool {
        let request: RICrequestID
        var remove = false, activate = false
        switch pdu.message {
        case let .ricIndication(m): request = m.ricRequestID; locked { counters.indications += 1 }
        case let .ricSubscriptionResponse(m): request = m.ricRequestID; activate = true
        case let .ricSubscriptionFailure(m): request = m.fields.ricRequestID; remove = true
        case let .ricSubscriptionDeleteResponse(m): request = m.fields.ricRequestID; remove = true
        case let .ricSubscriptionDeleteFailure(m): request = m.fields.ricRequestID; remove = true
        case let .ricControlAcknowledge(m): request = m.ricRequestID
        case let .ricControlFailure(m): request = m.ricRequestID
        default: return false
        }
        let identity: [UInt8]? = locked {
            let key = SubscriptionKey(node: name, request: request)
            if remove, subscriptions.removeValue(forKey: key) != nil { dirty = true }
            if activate, subscriptions[key] != nil { subscriptions[key]!.active = true; dirty = true }
            return identityByRequestor[request.ricRequestorID]
        }
        if let identity { port.send(identity, envelope("e2", Array(name.utf8), bytes)) } else { locked { counters.dropped += 1 } }
        return true
    }

    func countErrorIndication() { locked { counters.errorIndications += 1 } }

    // MARK: xApps

    /// One message from an xApp: [identity, kind, node, payload].
    func fromXApp(_ frames: [[UInt8]]) {
        guard let identity = frames.first else { return }
        guard frames.count == 4 else {
            return port.send(identity, envelope("error", [], Array("expected 3 frames (kind, node, payload), got \(frames.count - 1)".utf8)))
        }
        let kind = String(decoding: frames[1], as: UTF8.self), node = String(decoding: frames[2], as: UTF8.self), payload = frames[3]
        let now = Self.now()
        let known: Bool = locked {
            guard xapps[identity] != nil else { return false }
            xapps[identity]!.lastSeen = now
            return true
        }
        switch kind {
        case "hello":
            hello(identity, name: String(decoding: payload, as: UTF8.self), now: now)
        case "ping":
            port.send(identity, known ? envelope("pong", [], []) : envelope("reset", [], []))
        case "bye":
            if known { forget(identity, reason: "bye") }
        case "e2":
            guard known else { return port.send(identity, envelope("reset", [], [])) }
            request(identity, node: node, bytes: payload)
        default:
            port.send(identity, envelope("error", frames[2], Array("unknown kind '\(kind)' (hello, e2, ping, bye)".utf8)))
        }
    }

    private func hello(_ identity: [UInt8], name: String, now: Double) {
        let (requestor, up): (Int, [(String, [UInt8])]) = locked {
            let requestor: Int
            if let r = requestorByName[name] { requestor = r } else {
                requestor = requestorByName.count + 1
                requestorByName[name] = requestor
            }
            // The same xApp reconnecting from another socket: the new one takes over.
            if let old = identityByRequestor[requestor], old != identity { xapps[old] = nil }
            xapps[identity] = XApp(identity: identity, name: name, requestor: requestor, lastSeen: now)
            identityByRequestor[requestor] = identity
            dirty = true
            return (requestor, nodes.values.sorted { $0.name < $1.name }.map { ($0.name, $0.setup) })
        }
        port.send(identity, envelope("welcome", [], Array(String(requestor).utf8)))
        for (n, setup) in up { port.send(identity, envelope("node-up", Array(n.utf8), setup)) }
    }

    private func request(_ identity: [UInt8], node: String, bytes: [UInt8]) {
        func refuse(_ text: String) { port.send(identity, envelope("error", Array(node.utf8), Array(text.utf8))) }
        let pdu: E2APPDU
        do { pdu = try E2APPDU(aperBytes: bytes) } catch { return refuse("the payload is not an E2AP PDU: \(error)") }
        let request: RICrequestID, functionID: Int
        var subscribe = false
        switch pdu.message {
        case let .ricSubscriptionRequest(m): request = m.ricRequestID; functionID = m.ranFunctionID; subscribe = true
        case let .ricSubscriptionDeleteRequest(m): request = m.fields.ricRequestID; functionID = m.fields.ranFunctionID
        case let .ricControlRequest(m): request = m.ricRequestID; functionID = m.ranFunctionID; locked { counters.controls += 1 }
        default: return refuse("\(pdu.message.name) is not something an xApp sends (RICsubscriptionRequest, RICsubscriptionDeleteRequest, RICcontrolRequest)")
        }
        var problem: String?
        let channel: SCTPChannel? = locked {
            guard let x = xapps[identity] else { problem = "unknown xApp"; return nil }
            guard request.ricRequestorID == x.requestor else {
                problem = "ricRequestorID must be \(x.requestor) (yours), not \(request.ricRequestorID)"; return nil
            }
            guard let n = nodes[node] else { problem = "unknown E2 node '\(node)'"; return nil }
            let key = SubscriptionKey(node: node, request: request)
            if subscribe {
                guard subscriptions[key] == nil else { problem = "ricInstanceID \(request.ricInstanceID) is in use on \(node)"; return nil }
                subscriptions[key] = Subscription(xapp: identity, functionID: functionID)
                dirty = true
            }
            return n.channel
        }
        guard let channel else { return refuse(problem ?? "refused") }
        do { try channel.send(bytes, info: MessageInfo(stream: 0, ppid: 70)) } catch {
            if subscribe { locked { _ = subscriptions.removeValue(forKey: SubscriptionKey(node: node, request: request)) } }
            refuse("sending to \(node) failed: \(error)")
        }
    }

    /// An xApp left (bye or silence): delete its subscriptions at the nodes and forget it.
    private func forget(_ identity: [UInt8], reason: String) {
        let deletions: [(SCTPChannel, [UInt8])] = locked {
            guard let x = xapps.removeValue(forKey: identity) else { return [] }
            if identityByRequestor[x.requestor] == identity { identityByRequestor[x.requestor] = nil }
            var out: [(SCTPChannel, [UInt8])] = []
            for (key, s) in subscriptions where s.xapp == identity {
                subscriptions[key] = nil
                if let n = nodes[key.node], let b = try? E2APPDU(RICsubscriptionDeleteRequest(ricRequestID: key.request, ranFunctionID: s.functionID)).aperBytes() {
                    out.append((n.channel, b))
                }
            }
            dirty = true
            return out
        }
        for (c, b) in deletions { try? c.send(b, info: MessageInfo(stream: 0, ppid: 70)) }
    }

    /// Forgets xApps silent for longer than the timeout.
    func expireXApps() {
        let limit = Self.now() - config.xappTimeout
        let silent = locked { xapps.values.filter { $0.lastSeen < limit }.map(\.identity) }
        for s in silent { forget(s, reason: "silent") }
    }

    var xappIdentities: [[UInt8]] { locked { Array(xapps.keys) } }

    // MARK: reporting

    /// KPIs and the state file `ranlab inspect` reads (written when something changed).
    func publish(stateFile: String) {
        let (snapshot, c, changed): ([String: Any], Counters, Bool) = locked {
            let changed = dirty
            dirty = false
            var nodeList: [[String: Any]] = []
            for n in nodes.values.sorted(by: { $0.name < $1.name }) {
                let subs = subscriptions.filter { $0.key.node == n.name }.map { k, s -> [String: Any] in
                    ["requestor": k.request.ricRequestorID, "instance": k.request.ricInstanceID, "function": s.functionID,
                     "xapp": xapps[s.xapp]?.name ?? "?", "state": s.active ? "active" : "pending"]
                }.sorted { ($0["requestor"] as! Int, $0["instance"] as! Int) < ($1["requestor"] as! Int, $1["instance"] as! Int) }
                nodeList.append(["name": n.name, "id": n.id.text, "state": "set up", "setups": n.generation,
                                 "functions": n.functions.map { ["id": $0.ranFunctionID, "oid": $0.ranFunctionOID] },
                                 "subscriptions": subs])
            }
            for name in config.admitted.values.sorted() where nodes[name] == nil {
                nodeList.append(["name": name, "id": config.admitted.first { $0.value == name }!.key,
                                 "state": setups[name] == nil ? "not connected" : "lost", "setups": setups[name] ?? 0, "functions": [Any](), "subscriptions": [Any]()])
            }
            let xs = xapps.values.sorted { $0.requestor < $1.requestor }.map { ["name": $0.name, "requestor": $0.requestor] as [String: Any] }
            return (["ric": runtime.config.node, "ric-id": ricID.ricID.value ?? 0, "xapp-address": port.externalAddress,
                     "nodes": nodeList, "xapps": xs], counters, changed)
        }
        let up = (snapshot["nodes"] as! [[String: Any]]).filter { $0["state"] as? String == "set up" }.count
        runtime.emit([
            KPISample(name: "ranlab_ric_e2_nodes_connected", value: Double(up)),
            KPISample(name: "ranlab_ric_xapps_connected", value: Double((snapshot["xapps"] as! [Any]).count)),
            KPISample(name: "ranlab_ric_subscriptions_active", value: Double(locked { subscriptions.count })),
            KPISample(name: "ranlab_ric_indications_total", value: Double(c.indications)),
            KPISample(name: "ranlab_ric_controls_total", value: Double(c.controls)),
            KPISample(name: "ranlab_ric_error_indications_sent_total", value: Double(c.errorIndications)),
            KPISample(name: "ranlab_ric_e2_setup_refused_total", value: Double(c.refused)),
            KPISample(name: "ranlab_ric_e2_nodes_lost_total", value: Double(c.nodesLost)),
            KPISample(name: "ranlab_ric_unrouted_total", value: Double(c.dropped)),
            KPISample(name: "ranlab_ric_xapp_dropped_total", value: Double(port.dropped + port.overflowed.load(ordering: .relaxed))),
        ])
        guard changed, let data = try? JSONSerialization.data(withJSONObject: snapshot, options: [.prettyPrinted, .sortedKeys]) else { return }
        let tmp = stateFile + ".tmp"
        if FileManager.default.createFile(atPath: tmp, contents: data) { _ = rename(tmp, stateFile) }
    }
}
