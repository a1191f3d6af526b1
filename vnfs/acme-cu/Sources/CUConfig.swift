import RadioModel
import VNFKit

/// The acme CU's settings: PLMN, name, and the downlink traffic of each UE.
struct CUConfig {
    struct TrafficRule {
        var ues: ClosedRange<Int>
        var downlink: String
        /// Slots after attach when the CU releases the UE (nil: never).
        var session: Int?
        var fiveQI = 9
    }

    var name = "acme-cu"
    var plmn: [UInt8] = [0x00, 0xF1, 0x10]
    var rules: [TrafficRule] = []
    var defaultDownlink = "cbr 1Mbit"
    /// User packet size on F1-U (an Ethernet MTU); a UE's bytes wait until a packet is full.
    var packetBytes = 1500
    /// Packet size for full-buffer UEs (jumbo frames: they always have more, and it keeps the message rate sane).
    var fullBufferPacketBytes = 9000
    var kpiPeriod = 1000
    /// gNB ID (22 bits): the CU's E2 node ID is gnb:<plmn>:<gnb-id>.
    var gnbID: UInt64 = 1

    init(_ c: [String: JSONValue]) throws(VNFError) {
        if let v = c["name"]?.stringValue { name = v }
        if let v = c["default-traffic"]?.stringValue { defaultDownlink = v }
        if let v = c["packet-bytes"] {
            guard let n = v.intValue, (100...65_000).contains(n) else { throw .config("config packet-bytes = \(v): 100…65000") }
            packetBytes = n
        }
        if let v = c["full-buffer-packet-bytes"] {
            guard let n = v.intValue, (100...65_000).contains(n) else { throw .config("config full-buffer-packet-bytes = \(v): 100…65000") }
            fullBufferPacketBytes = n
        }
        if let v = c["kpi-period"]?.intValue { kpiPeriod = max(1, v) }
        if let v = c["gnb-id"] {
            guard let n = v.intValue, (0..<(1 << 22)).contains(n) else { throw .config("config gnb-id = \(v): 0…4194303 (22 bits)") }
            gnbID = UInt64(n)
        }
        if case .array(let list)? = c["traffic"] {
            for (i, item) in list.enumerated() {
                guard case .object(let o) = item else { throw .config("config traffic[\(i)] is not a map with ues and dl") }
                guard let ues = o["ues"]?.stringValue, let range = Self.range(ues) else {
                    throw .config("config traffic[\(i)].ues: a UE number or a range such as 0-7")
                }
                var rule = TrafficRule(ues: range, downlink: o["dl"]?.stringValue ?? defaultDownlink)
                if let s = o["session"]?.stringValue {
                    guard let n = Int(s.hasSuffix("slots") ? String(s.dropLast(5)) : s) else { throw .config("config traffic[\(i)].session = \(s): a number of slots") }
                    rule.session = n
                }
                if let q = o["5qi"]?.intValue { rule.fiveQI = q }
                rules.append(rule)
            }
        } else if c["traffic"] != nil {
            throw .config("config traffic is a list of {ues, dl, session}")
        }
    }

    static func range(_ s: String) -> ClosedRange<Int>? {
        let parts = s.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 1, let a = parts[0], a >= 0 { return a...a }
        if parts.count == 2, let a = parts[0], let b = parts[1], a >= 0, a <= b { return a...b }
        return nil
    }

    func rule(for ue: Int) -> TrafficRule {
        rules.first { $0.ues.contains(ue) } ?? TrafficRule(ues: ue...ue, downlink: defaultDownlink)
    }

    /// Checks every traffic string once, so a typo fails at start-up rather than at attach.
    func validate(numerology: Numerology) throws(VNFError) {
        for r in rules + [TrafficRule(ues: 0...0, downlink: defaultDownlink)] {
            do { _ = try TrafficModel(spec: r.downlink, numerology: numerology, seed: 1) } catch { throw .config("config traffic: \(error)") }
        }
    }
}
