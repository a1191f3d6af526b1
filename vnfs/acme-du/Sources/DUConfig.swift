import Fronthaul
import RadioModel
import Scheduler
import VNFKit

/// The acme DU's settings: the node's `config` map from the topology, with acme's defaults.
struct DUConfig {
    var duID: Int64 = 1
    var cellID: UInt64 = 1
    var pci: Int64 = 1
    var plmn: [UInt8] = [0x00, 0xF1, 0x10]
    var tac: [UInt8] = [0x00, 0x00, 0x01]
    var bandwidthMHz = 20
    var tdd: String?
    var policy = "pf"
    var mcsTable: MCSTable = .qam256
    var maxUEs = 256
    var compression: UdCompHdr = .bfp(9)
    /// U-plane data symbols sent per slot with real (compressed) I/Q; 0…12. The other symbols are
    /// described by the C-plane only, to keep the fronthaul's cost in proportion on a laptop.
    var iqSymbols = 1
    var kpiPeriod = 100
    var ueKPIPeriod = 1000
    var maxGrantsPerSlot = 16
    var harqProcesses = 16
    /// Bytes of F1-U data the DU asks the CU to keep buffered per UE (NR-U desired buffer size).
    var targetBufferBytes = 1_000_000
    var ddsInterval = 20
    /// Slots a HARQ process waits for feedback before it counts as NACK (lost fronthaul message).
    var harqTimeoutSlots = 64
    /// Slots without any fronthaul message after which the RU is reported lost.
    var ruSilenceSlots = 200

    /// The gNB this DU belongs to (its E2 node ID is gnb:<plmn>:<gnb-id>:du<du-id>).
    var gnbID: UInt64 = 1
    /// Network slices: S-NSSAI and the emulator's UE numbers in each (the first slice takes the
    /// UEs no slice names). Scheduler slice i = the i-th entry.
    var slices: [DUSlice] = []

    init(_ c: [String: JSONValue]) throws(VNFError) {
        func int(_ k: String) throws(VNFError) -> Int? {
            guard let v = c[k] else { return nil }
            guard let i = v.intValue else { throw .config("config \(k) = \(v) is not an integer") }
            return i
        }
        func string(_ k: String) throws(VNFError) -> String? {
            guard let v = c[k] else { return nil }
            guard let s = v.stringValue ?? v.intValue.map(String.init) else { throw .config("config \(k) = \(v) is not a string") }
            return s
        }
        if let v = try int("du-id") { duID = Int64(v) }
        if let v = try int("cell-id") { cellID = UInt64(max(0, v)) }
        if let v = try int("pci") { pci = Int64(v) }
        if let v = try int("bandwidth-mhz") { bandwidthMHz = v }
        tdd = try string("tdd")
        if let v = try string("policy") { policy = v }
        if let v = try string("mcs-table") {
            guard let t = MCSTable(rawValue: v) else { throw .config("config mcs-table = \(v): use \(MCSTable.allCases.map(\.rawValue).joined(separator: ", "))") }
            mcsTable = t
        }
        if let v = try int("max-ues") { maxUEs = v }
        if let v = try string("compression") { compression = try Self.compression(v) }
        if let v = try int("iq-symbols") {
            guard (0...12).contains(v) else { throw .config("config iq-symbols = \(v) is outside 0...12") }
            iqSymbols = v
        }
        if let v = try int("kpi-period") { kpiPeriod = max(1, v) }
        if let v = try int("ue-kpi-period") { ueKPIPeriod = max(1, v) }
        if let v = try int("max-grants") { maxGrantsPerSlot = v }
        if let v = try int("harq-processes") { harqProcesses = v }
        if let v = try int("target-buffer-bytes") { targetBufferBytes = v }
        if let v = try string("plmn") { plmn = try Self.plmn(v) }
        if let v = try int("gnb-id") {
            guard (0..<(1 << 22)).contains(v) else { throw .config("config gnb-id = \(v): 0…4194303 (22 bits)") }
            gnbID = UInt64(v)
        }
        if let v = c["slices"] { slices = try DUSlice.list(v) }
    }

    /// Scheduler slice of the emulator's UE number `index`.
    func slice(ofUE index: Int) -> Int {
        slices.firstIndex { $0.ues.contains(index) } ?? 0
    }

    /// "none", "bfp8", "bfp9", "bfp12", "bfp14", "bfp16".
    static func compression(_ s: String) throws(VNFError) -> UdCompHdr {
        if s == "none" { return UdCompHdr(iqWidth: 16, method: .none) }
        if s.hasPrefix("bfp"), let w = Int(s.dropFirst(3)), [8, 9, 12, 14].contains(w) { return .bfp(w) }
        throw .config("config compression = \(s): use none, bfp8, bfp9, bfp12 or bfp14")
    }

    /// "00101" → TBCD bytes of MCC 001 / MNC 01.
    static func plmn(_ s: String) throws(VNFError) -> [UInt8] {
        let d = s.compactMap { $0.wholeNumberValue }.map(UInt8.init)
        guard d.count == s.count, d.count == 5 || d.count == 6 else { throw .config("config plmn = \(s) is not MCC+MNC digits such as 00101") }
        let mnc3: UInt8 = d.count == 6 ? d[5] : 0xF
        return [d[1] << 4 | d[0], mnc3 << 4 | d[2], d[4] << 4 | d[3]]
    }

    /// The scheduler's cell.
    func cell(numerology: Int) throws(VNFError) -> CellConfig {
        do {
            let pattern: TDDPattern? = switch tdd {
            case nil, "fdd"?: nil
            case "DDDDDDDSUU"?: .dddddddsuu
            case "DDDSU"?, "srsran"?: .srsRANDefault
            case let other?: throw VNFError.config("config tdd = \(other): use fdd, DDDDDDDSUU or DDDSU")
            }
            let carrier = try CarrierConfig(bandwidth: Bandwidth(megahertz: bandwidthMHz), numerology: Numerology(numerology), tddPattern: pattern)
            var cell = CellConfig(carrier: carrier)
            cell.mcsTable = mcsTable
            cell.maxDownlinkGrantsPerSlot = maxGrantsPerSlot
            cell.maxUplinkGrantsPerSlot = maxGrantsPerSlot
            cell.harqProcesses = harqProcesses
            cell.sliceCount = max(4, slices.count)
            return cell
        } catch let e as VNFError { throw e } catch { throw .config("cell: \(error)") }
    }
}
