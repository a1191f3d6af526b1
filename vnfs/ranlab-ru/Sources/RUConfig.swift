import RadioModel
import VNFKit

/// The RU/UE emulator's settings: how many UEs, when they arrive, their channels and UL traffic.
struct RUConfig {
    struct Rule {
        var ues: ClosedRange<Int>
        var channel: String?
        var uplink: String?
    }
    var ues = 16
    /// Number of the first UE (UE numbers are lab-wide: give each RU its own range).
    var ueBase = 0
    var arrivalStart = 10
    var arrivalInterval = 2
    var channel = "walk 5-15"
    var uplink = "cbr 200kbit"
    var rules: [Rule] = []
    var mcsTable: MCSTable = .qam256
    var cqiPeriod = 10
    var bsrPeriod = 4
    var kpiPeriod = 1000
    /// dB added to a CQI's threshold SINR for CQI-driven channels (the UE reports conservatively).
    var sinrOffsetDB = 1.0
    /// UEs whose attach steps go to the node log.
    var traceUEs: [ClosedRange<Int>] = []

    init(_ c: [String: JSONValue]) throws(VNFError) {
        func int(_ k: String, _ range: ClosedRange<Int>) throws(VNFError) -> Int? {
            guard let v = c[k] else { return nil }
            guard let i = v.intValue, range.contains(i) else { throw .config("config \(k) = \(v): an integer in \(range.lowerBound)…\(range.upperBound)") }
            return i
        }
        if let v = try int("ues", 0...4096) { ues = v }
        if let v = try int("ue-base", 0...1_000_000) { ueBase = v }
        if let v = try int("arrival-start", 0...10_000_000) { arrivalStart = v }
        if let v = try int("arrival-interval", 0...1_000_000) { arrivalInterval = v }
        if let v = try int("cqi-period", 1...10_000) { cqiPeriod = v }
        if let v = try int("bsr-period", 1...10_000) { bsrPeriod = v }
        if let v = try int("kpi-period", 1...10_000_000) { kpiPeriod = v }
        if let v = c["channel"]?.stringValue { channel = v }
        if let v = c["ul-traffic"]?.stringValue { uplink = v }
        if let v = c["sinr-offset-db"] {
            guard case .double(let d) = v else { if let i = v.intValue { sinrOffsetDB = Double(i) }; return }
            sinrOffsetDB = d
        }
        if let v = c["trace-ues"]?.stringValue {
            guard let r = Self.range(v) else { throw .config("config trace-ues = \(v): a UE number or range such as 3-5") }
            traceUEs = [r]
        }
        if let v = c["mcs-table"]?.stringValue {
            guard let t = MCSTable(rawValue: v) else { throw .config("config mcs-table = \(v): qam64 or qam256") }
            mcsTable = t
        }
        if case .array(let list)? = c["groups"] {
            for (i, item) in list.enumerated() {
                guard case .object(let o) = item, let s = o["ues"]?.stringValue, let r = Self.range(s) else {
                    throw .config("config groups[\(i)]: a map with ues (e.g. 0-7) and channel and/or ul-traffic")
                }
                rules.append(Rule(ues: r, channel: o["channel"]?.stringValue, uplink: o["ul-traffic"]?.stringValue))
            }
        }
    }

    static func range(_ s: String) -> ClosedRange<Int>? {
        let parts = s.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 1, let a = parts[0], a >= 0 { return a...a }
        if parts.count == 2, let a = parts[0], let b = parts[1], a >= 0, a <= b { return a...b }
        return nil
    }

    func channelSpec(ue: Int) -> String { rules.first { $0.ues.contains(ue) && $0.channel != nil }?.channel ?? channel }
    func uplinkSpec(ue: Int) -> String { rules.first { $0.ues.contains(ue) && $0.uplink != nil }?.uplink ?? uplink }
}
