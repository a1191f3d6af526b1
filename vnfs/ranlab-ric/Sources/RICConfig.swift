import E2AP
import VNFKit

/// The RIC's settings from the topology.
///
///     config:
///       e2-nodes: {cu: "gnb:001-01:1", du: "gnb:001-01:1:du1"}   # admitted E2 nodes: name → Global E2 node ID
///       ric-id: 1             # Global RIC ID (20 bits), PLMN from `plmn`
///       plmn: "00101"
///       xapp-port: 36422      # optional: also serve xApps on tcp://127.0.0.1:PORT
///       xapp-timeout: 3       # seconds of xApp silence before its subscriptions are deleted
///       e2-listen: 36421      # optional: also accept E2 nodes from outside the topology on
///                             # sctp://127.0.0.1:PORT (an srsRAN/OAI gNB, a load generator)
struct RICConfig {
    /// Admitted Global E2 node IDs (text form, see `GlobalE2nodeID.text`) → topology node name.
    var admitted: [String: String] = [:]
    var ricID: UInt64 = 1
    var mcc = "001", mnc = "01"
    var xappPort: Int?
    var xappTimeout = 3.0
    var e2Listen: Int?

    init(_ c: [String: JSONValue]) throws(VNFError) {
        if let v = c["e2-nodes"] {
            guard case .object(let o) = v else { throw .config("config e2-nodes is a map: node name → Global E2 node ID such as gnb:001-01:1:du1") }
            for (name, id) in o {
                guard let text = id.stringValue, !text.isEmpty else { throw .config("config e2-nodes.\(name): a Global E2 node ID such as gnb:001-01:1:du1") }
                if let other = admitted[text] { throw .config("config e2-nodes: \(name) and \(other) have the same ID \(text)") }
                admitted[text] = name
            }
        }
        if let v = c["ric-id"] {
            guard let n = v.intValue, (0..<(1 << 20)).contains(n) else { throw .config("config ric-id = \(v): 0…1048575 (20 bits)") }
            ricID = UInt64(n)
        }
        if let v = c["plmn"] {
            guard let s = v.stringValue, s.count == 5 || s.count == 6, s.allSatisfy(\.isNumber) else { throw .config("config plmn = \(v): MCC and MNC digits, e.g. 00101") }
            mcc = String(s.prefix(3)); mnc = String(s.dropFirst(3))
        }
        if let v = c["xapp-port"] {
            guard let n = v.intValue, (1...65535).contains(n) else { throw .config("config xapp-port = \(v): 1…65535") }
            xappPort = n
        }
        if let v = c["e2-listen"] {
            guard let n = v.intValue, (1...65535).contains(n) else { throw .config("config e2-listen = \(v): 1…65535") }
            e2Listen = n
        }
        if let v = c["xapp-timeout"] {
            guard let n = v.doubleValue, n > 0 else { throw .config("config xapp-timeout = \(v): seconds > 0") }
            xappTimeout = n
        }
    }
}
