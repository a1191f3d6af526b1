import Foundation
import Testing
@testable import Fronthaul

/// Writes the catalog samples as pcap files (Ethernet, EtherType 0xAEFE) and checks that Wireshark's
/// `ecpri` and `oran_fh_cus` dissectors (tshark 4.0.17) decode the same field values, with no expert
/// info or malformed packets.
@Suite struct TsharkTests {
    static let tshark: String? = ["/usr/bin/tshark", "/usr/local/bin/tshark", "/opt/homebrew/bin/tshark"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A classic pcap (microsecond timestamps, LINKTYPE_ETHERNET) holding `frames` behind an Ethernet header.
    static func pcap(_ frames: [[UInt8]]) -> Data {
        var out = Data()
        func le32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func le16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        le32(0xA1B2_C3D4); le16(2); le16(4); le32(0); le32(0); le32(262_144); le32(1)
        for (i, f) in frames.enumerated() {
            let frame: [UInt8] = [0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02, 0xAE, 0xFE] + f
            le32(UInt32(1_700_000_000 + i)); le32(0); le32(UInt32(frame.count)); le32(UInt32(frame.count))
            out.append(contentsOf: frame)
        }
        return out
    }

    /// Runs tshark with `prefs` and returns, for the single packet, field name → occurrences.
    static func fields(_ tshark: String, _ file: URL, prefs: [String], fields: [String]) throws -> [String: [String]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tshark)
        p.arguments = ["-n", "-r", file.path] + prefs.flatMap { ["-o", $0] } + ["-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"]
            + fields.flatMap { ["-e", $0] }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard p.terminationStatus == 0, lines.count == 1 else { return [:] }
        let cols = lines[0].split(separator: "|", omittingEmptySubsequences: false)
        var result: [String: [String]] = [:]
        for (name, col) in zip(fields, cols) { result[name] = col.isEmpty ? [] : col.split(separator: ",").map(String.init) }
        return result
    }

    static func num(_ s: String) -> Int {
        s.hasPrefix("0x") ? Int(s.dropFirst(2), radix: 16) ?? -1 : Int(s) ?? (s == "True" ? 1 : s == "False" ? 0 : -1)
    }

    static let commonFields = ["ecpri.revision", "ecpri.type", "ecpri.size", "oran_fh_cus.du_port_id", "oran_fh_cus.bandsector_id",
                               "oran_fh_cus.cc_id", "oran_fh_cus.ru_port_id", "oran_fh_cus.sequence_id", "oran_fh_cus.e_bit",
                               "oran_fh_cus.subsequence_id", "oran_fh_cus.data_direction", "oran_fh_cus.payloadVersion",
                               "oran_fh_cus.filterIndex", "oran_fh_cus.frameId", "oran_fh_cus.subframe_id", "oran_fh_cus.slotId",
                               "oran_fh_cus.startSymbolId", "oran_fh_cus.sectionId", "oran_fh_cus.rb", "oran_fh_cus.symInc",
                               "_ws.expert", "_ws.malformed", "_ws.expert.severity"]
    static let cFields = ["oran_fh_cus.numberOfSections", "oran_fh_cus.sectionType", "oran_fh_cus.startPrbc", "oran_fh_cus.numPrbc",
                          "oran_fh_cus.reMask", "oran_fh_cus.numSymbol", "oran_fh_cus.ef", "oran_fh_cus.beamId", "oran_fh_cus.timeOffset",
                          "oran_fh_cus.frameStructure.fft", "oran_fh_cus.frameStructure.spacing", "oran_fh_cus.cpLength",
                          "oran_fh_cus.freqOffset", "oran_fh_cus.udCompHdrWidth", "oran_fh_cus.udCompHdrMeth"]
    static let uFields = ["oran_fh_cus.startPrbu", "oran_fh_cus.numPrbu", "oran_fh_cus.udCompHdrWidth", "oran_fh_cus.udCompHdrMeth",
                          "oran_fh_cus.exponent", "oran_fh_cus.iSample", "oran_fh_cus.qSample"]

    static let layoutPrefs = ["oran_fh_cus.oran.du_port_id_bits:4", "oran_fh_cus.oran.bandsector_id_bits:4",
                              "oran_fh_cus.oran.cc_id_bits:4", "oran_fh_cus.oran.ru_port_id_bits:4"]

    /// The dissector's U-plane preferences for `c` in `direction` (udCompHdr present in the sections).
    static func uPlanePrefs(_ direction: DataDirection, _ c: UdCompHdr) -> [String] {
        let d = direction == .uplink ? "up" : "down"
        let method = c.method == .none ? "No Compression" : "Block Floating Point Compression"
        return ["oran_fh_cus.oran.ud_comp_hdr_\(d):TRUE", "oran_fh_cus.oran.iq_bitwidth_\(d):\(c.iqWidth)", "oran_fh_cus.oran.ud_comp_\(d):\(method)"]
    }

    /// In CI (CI=true) a missing tshark fails the check instead of skipping it.
    static let runCheck = tshark != nil || ProcessInfo.processInfo.environment["CI"] != nil

    @Test(.enabled(if: runCheck, "tshark is not installed: skipping the Wireshark cross-check (CI installs it and never skips)"),
          arguments: FronthaulCatalog.samples().map(\.name))
    func wiresharkAgrees(_ name: String) throws {
        let tshark = try #require(Self.tshark)
        let value = FronthaulCatalog.samples().first { $0.name == name }!.value
        let bytes = try value.encode(options: .default)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ranlab-fh-\(getpid())-\(name)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("\(name).pcap")
        try Self.pcap([bytes]).write(to: file)

        var prefs = Self.layoutPrefs + ["oran_fh_cus.oran.show_iq_samples:TRUE"]
        var extra = Self.cFields
        if case let .uPlane(u) = try FronthaulMessage(bytes: bytes), let first = u.sections.first?.header.udCompHdr {
            prefs += Self.uPlanePrefs(u.header.dataDirection, first)
            extra = Self.uFields
        }
        let f = try Self.fields(tshark, file, prefs: prefs, fields: Self.commonFields + extra)
        try #require(!f.isEmpty, "tshark produced no output for \(name)")
        func ints(_ k: String) -> [Int] { (f[k] ?? []).map(Self.num) }
        func one(_ k: String) -> Int? { ints(k).first }

        #expect(f["_ws.expert"] ?? [] == [], "expert info in \(name): \(f["_ws.expert.severity"] ?? [])")
        #expect(f["_ws.malformed"] ?? [] == [], "malformed \(name)")
        #expect(one("ecpri.revision") == 1)
        #expect(one("ecpri.size") == bytes.count - 4)

        func checkCommon(_ id: EAxCID, _ seq: SequenceID, type: Int, dir: DataDirection, pv: UInt8, filter: UInt8, frame: UInt8, sf: UInt8, slot: UInt8, symbol: UInt8) {
            #expect(one("ecpri.type") == type)
            #expect(one("oran_fh_cus.du_port_id") == Int(id.duPort))
            #expect(one("oran_fh_cus.bandsector_id") == Int(id.bandSector))
            #expect(one("oran_fh_cus.cc_id") == Int(id.ccId))
            #expect(one("oran_fh_cus.ru_port_id") == Int(id.ruPort))
            #expect(one("oran_fh_cus.sequence_id") == Int(seq.sequenceId))
            #expect(one("oran_fh_cus.e_bit") == (seq.eBit ? 1 : 0))
            #expect(one("oran_fh_cus.subsequence_id") == Int(seq.subsequenceId))
            #expect(one("oran_fh_cus.data_direction") == Int(dir.rawValue))
            #expect(one("oran_fh_cus.payloadVersion") == Int(pv))
            #expect(one("oran_fh_cus.filterIndex") == Int(filter))
            #expect(one("oran_fh_cus.frameId") == Int(frame))
            #expect(one("oran_fh_cus.subframe_id") == Int(sf))
            #expect(one("oran_fh_cus.slotId") == Int(slot))
            #expect(one("oran_fh_cus.startSymbolId") == Int(symbol))
        }

        switch value {
        case let m as CPlaneMessage:
            checkCommon(m.eAxC, m.sequence, type: 2, dir: m.dataDirection, pv: m.payloadVersion, filter: m.filterIndex, frame: m.frameId,
                        sf: m.subframeId, slot: m.slotId, symbol: m.startSymbolId)
            #expect(one("oran_fh_cus.numberOfSections") == m.sections.count)
            #expect(one("oran_fh_cus.sectionType") == Int(m.sectionType.rawValue))
            #expect(ints("oran_fh_cus.sectionId") == m.sections.map { Int($0.sectionId) })
            #expect(ints("oran_fh_cus.rb") == m.sections.map { $0.rb ? 1 : 0 })
            #expect(ints("oran_fh_cus.symInc") == m.sections.map { $0.symInc ? 1 : 0 })
            #expect(ints("oran_fh_cus.startPrbc") == m.sections.map { Int($0.startPrbc) })
            #expect(ints("oran_fh_cus.numPrbc") == m.sections.map { Int($0.numPrbc) })
            #expect(ints("oran_fh_cus.reMask") == m.sections.map { Int($0.reMask) })
            #expect(ints("oran_fh_cus.numSymbol") == m.sections.map { Int($0.numSymbol) })
            #expect(ints("oran_fh_cus.ef") == m.sections.map { $0.ef ? 1 : 0 })
            #expect(ints("oran_fh_cus.beamId") == m.sections.map { Int($0.beamId) })
            switch m.sectionType {
            case let .type1(h):
                #expect(one("oran_fh_cus.udCompHdrWidth") == h.iqWidth % 16)
                #expect(one("oran_fh_cus.udCompHdrMeth") == Int(h.method.rawValue))
            case let .type3(timeOffset, fs, cpLength, h):
                #expect(one("oran_fh_cus.timeOffset") == Int(timeOffset))
                #expect(one("oran_fh_cus.frameStructure.fft") == Int(fs.fftSize))
                #expect(one("oran_fh_cus.frameStructure.spacing") == Int(fs.subcarrierSpacing))
                #expect(one("oran_fh_cus.cpLength") == Int(cpLength))
                #expect(one("oran_fh_cus.udCompHdrWidth") == h.iqWidth % 16)
                #expect(ints("oran_fh_cus.freqOffset") == m.sections.map { Int(UInt32(bitPattern: $0.freqOffset!) & 0xFF_FFFF) })
            }
        case let m as UPlaneMessage:
            let h = m.header
            checkCommon(m.eAxC, m.sequence, type: 0, dir: h.dataDirection, pv: h.payloadVersion, filter: h.filterIndex, frame: h.frameId,
                        sf: h.subframeId, slot: h.slotId, symbol: h.symbolId)
            #expect(ints("oran_fh_cus.sectionId") == m.sections.map { Int($0.header.sectionId) })
            #expect(ints("oran_fh_cus.startPrbu") == m.sections.map { Int($0.header.startPrbu) })
            #expect(ints("oran_fh_cus.numPrbu") == m.sections.map { $0.header.numPrbu })
            #expect(ints("oran_fh_cus.udCompHdrWidth") == m.sections.map { $0.header.udCompHdr!.iqWidth % 16 })
            #expect(ints("oran_fh_cus.udCompHdrMeth") == m.sections.map { Int($0.header.udCompHdr!.method.rawValue) })
            let c = m.sections[0].header.udCompHdr!
            if c.method == .blockFloatingPoint {
                let exps = m.sections.flatMap { s in (0 ..< s.header.numPrbu).map { Int(s.payload[$0 * c.bytesPerPRB] & 0xF) } }
                #expect(ints("oran_fh_cus.exponent") == exps)
            }
            // Wireshark shows samples as floats on its own scale: check ours are one constant multiple of them
            let ours = try (0 ..< m.sections.count).flatMap { try m.iqSamples(section: $0) }
            let i = (f["oran_fh_cus.iSample"] ?? []).compactMap(Double.init), q = (f["oran_fh_cus.qSample"] ?? []).compactMap(Double.init)
            #expect(i.count == ours.count / 2 && q.count == ours.count / 2)
            var theirs: [Double] = []
            for k in 0 ..< min(i.count, q.count) { theirs += [i[k], q[k]] }
            let ref = zip(ours, theirs).first { $0.0 != 0 && $0.1 != 0 }
            let scale = ref.map { Double($0.0) / $0.1 } ?? 1
            var mismatches = 0
            for (a, b) in zip(ours, theirs) where abs(Double(a) - b * scale) > max(0.5, abs(Double(a)) * 1e-4) { mismatches += 1 }
            #expect(mismatches == 0, "IQ samples of \(name) differ from Wireshark's (scale \(scale))")
        default:
            Issue.record("unexpected sample type \(type(of: value))")
        }
    }

    @Test(.enabled(if: runCheck, "tshark is not installed"))
    func otherEAxCLayout() throws {
        let tshark = try #require(Self.tshark)
        var m = FronthaulCatalog.samples()[0].value as! CPlaneMessage
        m.eAxC = EAxCID(duPort: 2, bandSector: 45, ccId: 9, ruPort: 14)
        var options = FronthaulOptions.default
        options.eAxCLayout = .wireshark40
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ranlab-fh-\(getpid())-layout.pcap")
        defer { try? FileManager.default.removeItem(at: file) }
        try Self.pcap([try m.encode(options: options)]).write(to: file)
        // Wireshark 4.0's own defaults are 2/6/4/4: no layout preferences needed
        let f = try Self.fields(tshark, file, prefs: [], fields: ["oran_fh_cus.du_port_id", "oran_fh_cus.bandsector_id", "oran_fh_cus.cc_id",
                                                                   "oran_fh_cus.ru_port_id", "_ws.expert"])
        #expect(f["oran_fh_cus.du_port_id"] == ["2"] && f["oran_fh_cus.bandsector_id"] == ["45"])
        #expect(f["oran_fh_cus.cc_id"] == ["9"] && f["oran_fh_cus.ru_port_id"] == ["14"])
        #expect(f["_ws.expert"] ?? [] == [])
    }
}
