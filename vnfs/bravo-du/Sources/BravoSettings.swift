import F1AP
import Fronthaul
import RadioModel
import Scheduler
import VNFKit

/// bravo's settings: the node's `config` map checked key by key against what bravo supports, with
/// bravo's defaults. A bad value fails with the key, the value and what is allowed; keys bravo does
/// not know are reported once on stderr and otherwise ignored (topologies written for other DUs
/// still start).
struct BravoSettings {
    enum Policy: String, CaseIterable { case rr, pf, maxci, qos }

    var duID: Int64 = 1
    /// The gNB this DU belongs to: its E2 node ID is gnb:<plmn>:<gnb-id>:du<du-id>.
    var gnbID: UInt64 = 1
    var cellID: UInt64 = 1
    var pci: Int64 = 1
    var plmn: [UInt8] = [0x00, 0xF1, 0x10]   // 001/01
    var bandwidthMHz = 20
    var tdd: TDDPattern?
    var policy = Policy.rr
    var mcsTable = MCSTable.qam64
    var maxUEs = 256
    var compression = UdCompHdr.bfp(12)
    var iqSymbols = 1
    var kpiPeriod = 100
    var ueKPIPeriod = 1000
    var maxGrants = 8
    var harqProcesses = 8

    // Fixed vendor behaviour (not configurable). The timers add two lookaheads: in virtual time a
    // round trip to the RU takes L+1…2L slots.
    /// Slots without a fronthaul message before the RU counts as lost.
    var ruSilenceSlots = 600
    /// Slots a DL transport block or UL grant waits for its HARQ outcome before it counts as NACK.
    var harqTimeoutSlots = 80
    /// Slots a UE may stay between RAR and Msg3 before its context is dropped (contention resolution).
    var msg3TimeoutSlots = 60
    /// Slots between UE Context Release Command and removing the UE from the cell.
    let releaseDelaySlots = 30
    /// NR-U flow control: a DL DATA DELIVERY STATUS per UE every this many slots, asking the CU for
    /// what the UE's recent DL rate drains in `flowWindowSlots` (at least `minimumDesiredBytes`);
    /// SDUs beyond twice that are dropped, so an overloaded cell does not queue for seconds.
    let deliveryStatusPeriod = 10
    let flowWindowSlots = 50
    let minimumDesiredBytes = 48_000
    /// The second PLMN bravo's cell always broadcasts (999/70, a test network) besides `plmn`.
    let secondaryPLMN: [UInt8] = [0x99, 0xF9, 0x07]

    static let knownKeys: Set<String> = ["du-id", "gnb-id", "cell-id", "pci", "plmn", "bandwidth-mhz", "tdd", "policy", "mcs-table", "max-ues",
                                         "compression", "iq-symbols", "kpi-period", "ue-kpi-period", "max-grants", "harq-processes"]

    /// The keys of `c` bravo ignores, sorted.
    static func unknownKeys(_ c: [String: JSONValue]) -> [String] { c.keys.filter { !knownKeys.contains($0) }.sorted() }

    init(_ c: [String: JSONValue], lookahead: Int) throws(VNFError) {
        ruSilenceSlots += 2 * lookahead
        harqTimeoutSlots += 2 * lookahead
        msg3TimeoutSlots += 2 * lookahead
        func bad(_ key: String, _ value: JSONValue, _ allowed: String) -> VNFError { .config("config \(key) = \(value): \(allowed)") }
        func int(_ key: String, _ range: ClosedRange<Int>) throws(VNFError) -> Int? {
            guard let v = c[key] else { return nil }
            guard let i = v.intValue, range.contains(i) else { throw bad(key, v, "an integer in \(range.lowerBound)…\(range.upperBound)") }
            return i
        }
        func word<T>(_ key: String, _ allowed: [String], _ make: (String) -> T?) throws(VNFError) -> T? {
            guard let v = c[key] else { return nil }
            guard let s = v.stringValue, let t = make(s) else { throw bad(key, v, "one of \(allowed.joined(separator: ", "))") }
            return t
        }
        if let v = try int("du-id", 0...(1 << 36) - 1) { duID = Int64(v) }
        if let v = try int("gnb-id", 0...(1 << 22) - 1) { gnbID = UInt64(v) }
        if let v = try int("cell-id", 0...(1 << 36) - 1) { cellID = UInt64(v) }
        if let v = try int("pci", 0...1007) { pci = Int64(v) }
        if let v = c["plmn"] {
            guard let s = v.stringValue, let b = Self.tbcd(s) else { throw bad("plmn", v, "MCC and MNC as 5 or 6 digits, e.g. 00101") }
            plmn = b
        }
        if let v = try int("bandwidth-mhz", 5...100) { bandwidthMHz = v }
        let patterns: [String: TDDPattern?] = ["fdd": nil, "DDDDDDDSUU": .dddddddsuu, "DDDSU": .srsRANDefault]
        if let p = try word("tdd", ["fdd", "DDDDDDDSUU", "DDDSU"], { patterns[$0] }) { tdd = p }
        if let p = try word("policy", Policy.allCases.map(\.rawValue), Policy.init(rawValue:)) { policy = p }
        if let t = try word("mcs-table", MCSTable.allCases.map(\.rawValue), MCSTable.init(rawValue:)) { mcsTable = t }
        if let v = try int("max-ues", 1...4096) { maxUEs = v }
        let widths = ["none": UdCompHdr.uncompressed, "bfp8": .bfp(8), "bfp9": .bfp(9), "bfp12": .bfp(12), "bfp14": .bfp(14)]
        if let h = try word("compression", ["none", "bfp8", "bfp9", "bfp12", "bfp14"], { widths[$0] }) { compression = h }
        if let v = try int("iq-symbols", 0...12) { iqSymbols = v }
        if let v = try int("kpi-period", 1...10_000_000) { kpiPeriod = v }
        if let v = try int("ue-kpi-period", 1...10_000_000) { ueKPIPeriod = v }
        if let v = try int("max-grants", 1...64) { maxGrants = v }
        if let v = try int("harq-processes", 1...16) { harqProcesses = v }
    }

    /// "00101" → the PLMN identity's TBCD octets (MCC 001, MNC 01; a 2-digit MNC is padded with F).
    static func tbcd(_ s: String) -> [UInt8]? {
        let d = s.compactMap(\.wholeNumberValue).map(UInt8.init)
        guard d.count == s.count, d.count == 5 || d.count == 6 else { return nil }
        return [d[1] << 4 | d[0], (d.count == 6 ? d[5] : 0xF) << 4 | d[2], d[4] << 4 | d[3]]
    }

    /// The scheduler's view of the cell at the lab's numerology.
    func cell(numerology: Int) throws(VNFError) -> CellConfig {
        let carrier: CarrierConfig
        do {
            carrier = try CarrierConfig(bandwidth: Bandwidth(megahertz: bandwidthMHz), numerology: Numerology(numerology), tddPattern: tdd)
        } catch {
            throw .config("config bandwidth-mhz = \(bandwidthMHz)\(tdd == nil ? "" : " (TDD)") at numerology \(numerology): \(error)")
        }
        guard NRNRB(rawValue: "nrb\(carrier.prbCount)") != nil else {
            throw .config("config bandwidth-mhz = \(bandwidthMHz): \(carrier.prbCount) PRBs has no F1AP NRNRB value")
        }
        var cell = CellConfig(carrier: carrier)
        cell.mcsTable = mcsTable
        cell.maxDownlinkGrantsPerSlot = maxGrants
        cell.maxUplinkGrantsPerSlot = maxGrants
        cell.harqProcesses = harqProcesses
        return cell
    }

    var compressionName: String { compression.method == .none ? "none" : "bfp\(compression.iqWidth)" }
}
