import Foundation
import Orchestrator
import RadioModel
import RanlabTestSupport
import Testing
import VNFKit
#if canImport(Glibc)
import Glibc
#endif

/// The cell in a box end to end: `ranlab run` of the shipped topologies with real CU, DU and
/// RU/UE-emulator processes over SCTP and ZeroMQ, checked from the run record, the summary and
/// the captures (decoded by pycrate and tshark, which are independent of ranlab's codecs).
@Suite(.serialized)
struct CellTests {
    static let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func topology(_ name: String) -> String { repo.appendingPathComponent("topologies/\(name).ranlab.yaml").path }
    static let fullBuffer = repo.appendingPathComponent("Tests/CellTests/labs/full-buffer.ranlab.yaml").path

    /// A finished `ranlab run -f json` with its lab home.
    struct Run {
        let home: TemporaryDirectory
        let result: CommandResult
        let summary: ScenarioSummary?
        var record: RunRecord { get throws { try RunRecord(path: home.url.appendingPathComponent("runs.sqlite").path) } }

        func samples(_ name: String? = nil, node: String? = nil) throws -> [RunRecord.Sample] {
            guard let run = summary?.run else { return [] }
            return try record.samples(run: run, node: node, name: name)
        }
    }

    static func run(_ topology: String, _ args: [String] = [], environment: [String: String] = [:]) throws -> Run {
        let home = try TemporaryDirectory()
        let result = try RanlabBinary.run(["run", topology, "-f", "json", "--home", home.url.path, "--vnfs", repo.appendingPathComponent("vnfs").path] + args,
                                          environment: environment)
        let summary = try? JSONDecoder().decode(ScenarioSummary.self, from: result.stdout)
        return Run(home: home, result: result, summary: summary)
    }

    /// `ranlab run … -f json` in the background, for tests that act on the lab while it runs;
    /// interrupted (SIGINT) if the test leaves before it ends.
    final class BackgroundRun {
        let home: TemporaryDirectory
        let process = Process()
        private let out = Pipe()

        init(_ topology: String, _ args: [String], environment: [String: String] = [:]) throws {
            home = try TemporaryDirectory()
            process.executableURL = URL(fileURLWithPath: try #require(RanlabBinary.path))
            process.arguments = ["run", topology, "-f", "json", "--home", home.url.path, "--vnfs", CellTests.repo.appendingPathComponent("vnfs").path] + args
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, n in n }
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
        }
        deinit { if process.isRunning { kill(process.processIdentifier, SIGINT) } }

        func record() throws -> RunRecord { try RunRecord(path: home.url.appendingPathComponent("runs.sqlite").path) }
        func lab(_ name: String) -> LabDirectory { LabDirectory(root: home.url.path, name: name) }
        /// Waits for the end; the JSON summary (nil if there is none).
        func finish() -> ScenarioSummary? {
            process.waitUntilExit()
            return try? JSONDecoder().decode(ScenarioSummary.self, from: out.fileHandleForReading.readDataToEndOfFile())
        }
    }

    static func checkCaptures(_ paths: [String], clean: Bool = true) throws -> [String: Any] {
        let out = try shell(["python3", repo.appendingPathComponent("scripts/check_capture.py").path] + paths)
        if clean { #expect(out.status == 0, "scripts/check_capture.py: \(out.text)") }
        return (try JSONSerialization.jsonObject(with: Data(out.text.utf8)) as? [String: Any]) ?? [:]
    }

    static func shell(_ args: [String]) throws -> (status: Int32, text: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Every UE attaches through the F1 flow, F1 Setup happens once, the captures decode.
    @Test(arguments: ["acme-du", "bravo-du"])
    func singleCellRunsToCompletionWithEveryUEAttachedOverF1(du: String) throws {
        let ues = 8
        let run = try Self.run(Self.topology("single-cell"), ["--slots", "1500", "--capture"], environment: ["UES": "\(ues)", "DU_VNF": du])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let summary = try #require(run.summary)
        #expect(summary.outcome == "completed")
        #expect(summary.slots == 1500)
        #expect(summary.cells.count == 1)
        #expect(summary.cells.first?.connectedUEs == Double(ues))
        // The CU saw every UE finish RRCReconfigurationComplete, each UE once.
        let attached = try run.samples("ranlab_cu_ue_attach_slot", node: "cu").map { $0.sample.labels["ue"] ?? "" }
        #expect(Set(attached) == Set((0..<ues).map(String.init)))
        #expect(attached.count == ues)
        // The captures: F1AP (and E2AP) decoded and re-encoded identically by pycrate, GTP-U and eCPRI present.
        #expect(summary.captures.count == 4)
        let check = try Self.checkCaptures(summary.captures)
        let procedures = check["procedures"] as? [String: Int] ?? [:]
        #expect(procedures["F1SetupRequest"] == 1)
        #expect(procedures["F1SetupResponse"] == 1)
        #expect(procedures["InitialULRRCMessageTransfer"] == ues)
        #expect(procedures["DLRRCMessageTransfer"] == ues)
        #expect(procedures["UEContextSetupRequest"] == ues)
        #expect(procedures["UEContextSetupResponse"] == ues)
        #expect(procedures["ULRRCMessageTransfer"] == 2 * ues)
        #expect((check["gtpu"] as? Int ?? 0) > 0)
        #expect((check["ecpri"] as? Int ?? 0) > 1500)
        // tshark dissects every F1AP packet (and the RRC inside) without an error.
        let f1c = try #require(summary.captures.first { $0.contains("f1c") })
        let expert = try Self.shell(["tshark", "-r", f1c, "-q", "-z", "expert,error"])
        #expect(!expert.text.contains("Malformed"), "\(expert.text)")
        let decoded = try Self.shell(["tshark", "-r", f1c, "-Y", "f1ap", "-T", "fields", "-e", "f1ap.procedureCode"])
        #expect(decoded.text.split(separator: "\n").count == procedures.values.reduce(0, +))
    }

    @Test func twoVendorLabSetsUpF1OncePerDUAndServesBothCells() throws {
        let run = try Self.run(Self.topology("two-vendor"), ["--slots", "1200", "--capture"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let summary = try #require(run.summary)
        #expect(Set(summary.cells.map(\.node)) == ["du-acme", "du-bravo"])
        #expect(summary.cells.allSatisfy { $0.connectedUEs == 16 && $0.downlinkBitsPerSecond > 0 })
        let check = try Self.checkCaptures(summary.captures)
        let procedures = check["procedures"] as? [String: Int] ?? [:]
        // One listener on one port takes both DUs: both associations are in its capture.
        #expect(procedures["F1SetupRequest"] == 2)
        #expect(procedures["InitialULRRCMessageTransfer"] == 32)
        let setups = try run.samples("ranlab_cu_f1_setup_total", node: "cu").map { $0.sample.labels["du"] ?? "" }
        #expect(setups.sorted() == ["du-acme", "du-bravo"])
    }

    @Test func largeLabAttachesAllFourCells() throws {
        let run = try Self.run(Self.topology("large"), ["--slots", "800"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let summary = try #require(run.summary)
        #expect(summary.cells.count == 4)
        let attached = try run.samples("ranlab_cu_ue_attach_slot", node: "cu")
        #expect(attached.count == 1024)
    }

    /// With a large lookahead the RU gets a whole epoch of DL slots at once; it answers each in
    /// its own UL slot (air slot + lookahead). Answering all in one UL record, as it once did,
    /// outgrew an eCPRI message (startPrbu past 10 bits) with 64 UEs and failed the run.
    @Test func largeLookaheadKeepsOneSlotOfFeedbackPerUplinkRecord() throws {
        let run = try Self.run(Self.topology("single-cell"), ["--slots", "2000"], environment: ["UES": "64", "LOOKAHEAD": "32"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let decodeErrors = try run.samples("ranlab_ru_fronthaul_decode_errors_total", node: "ru")
        #expect(!decodeErrors.isEmpty && decodeErrors.allSatisfy { $0.sample.value == 0 })
        let attached = try run.samples("ranlab_cu_ue_attach_slot", node: "cu")
        #expect(attached.count == 64)
    }

    /// What a test compares: every KPI derived from slots (the wall-clock ones — processing time
    /// per slot, time waiting at the barrier — are the documented exceptions).
    static func deterministicRows(_ run: Run) throws -> [String] {
        // The RIC is not time-driven and E2 setup happens when the association is up: both wall-clock.
        try run.samples().filter { !$0.sample.name.contains("seconds_per_slot") && !$0.sample.name.contains("wait_seconds")
            && $0.node != "ric" && !$0.sample.name.hasPrefix("ranlab_e2_") }
            .map { s in "\(s.node) \(s.sample.name) \(s.sample.labels.sorted { $0.key < $1.key }) \(s.sample.slot ?? -1) \(s.sample.value)" }
            .sorted()
    }

    @Test func sameSeedGivesIdenticalKPIsAndAnotherSeedDiffers() throws {
        let env = ["UES": "6"]
        let a = try Self.run(Self.topology("single-cell"), ["--slots", "1200", "--seed", "3"], environment: env)
        let b = try Self.run(Self.topology("single-cell"), ["--slots", "1200", "--seed", "3"], environment: env)
        let c = try Self.run(Self.topology("single-cell"), ["--slots", "1200", "--seed", "4"], environment: env)
        for r in [a, b, c] { #expect(r.result.status == 0, "\(r.result.stderr)") }
        let ra = try Self.deterministicRows(a), rb = try Self.deterministicRows(b), rc = try Self.deterministicRows(c)
        #expect(ra.count > 100)
        #expect(ra == rb, "first difference: \(zip(ra, rb).first { $0 != $1 }.map { "\($0) vs \($1)" } ?? "lengths \(ra.count) vs \(rb.count)")")
        #expect(ra != rc)
    }

    /// Full buffer at a fixed, clean channel: the UE gets the TBS of the whole carrier in every slot.
    @Test(arguments: ["acme-du", "bravo-du"])
    func fullBufferUEGetsTheThroughputTheTBSPredicts(du: String) throws {
        let run = try Self.run(Self.fullBuffer, [], environment: ["DU_VNF": du])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        // CQI 15 → MCS 27 (256QAM table); 106 PRBs (20 MHz, 15 kHz); 12 PDSCH symbols after the 2-symbol CORESET; 12 DMRS REs per PRB.
        let mcs = try #require(try CQITable.table2.mcsIndex(forCQI: 15))
        let tbs = try TransportBlockSize(table: .qam256, mcs: mcs, prbs: 106, symbols: 12, dmrsREsPerPRB: 12)
        let expected = Double(tbs.bits) * 1000   // every slot of an FDD carrier, 1000 slots per second
        let measured = try run.samples("ranlab_ue_downlink_delivered_bits_per_second", node: "ru").filter { ($0.sample.slot ?? 0) >= 1999 }
        #expect(measured.count == 2)
        for m in measured {
            #expect(abs(m.sample.value - expected) / expected < 0.01, "slot \(m.sample.slot ?? -1): \(m.sample.value) bit/s, TBS predicts \(expected)")
        }
    }

    /// Kill the RU mid-run: the DU reports it and keeps going; everything up to that slot stays in
    /// the run record. The Prometheus endpoint serves the lab's KPIs while it runs.
    @Test func killingTheRUMidRunIsReportedAndNothingBeforeItIsLost() throws {
        let port = try #require(LoopbackPort.ephemeral())
        let lab = try BackgroundRun(Self.topology("single-cell"), ["--slots", "6000", "--metrics-port", "\(port)"], environment: ["UES": "4"])
        let record = { try lab.record() }
        // Wait (bounded) until the RU has reported its second KPI period.
        var ruSlots: [Int] = []
        let reached = try eventually(120) {
            guard let r = try? record(), let run = try? r.runs(lab: "single-cell").first?.id else { return false }
            ruSlots = try r.samples(run: run, node: "ru", name: "ranlab_ru_connected_ues").compactMap(\.sample.slot)
            return ruSlots.contains(1999)
        }
        #expect(reached)
        // Prometheus text format, served while the lab runs, with node and cell labels.
        let metrics = try Self.httpGet(port: port, path: "/metrics")
        #expect(metrics.hasPrefix("HTTP/1.1 200"))
        #expect(metrics.contains("# TYPE ranlab_cell_downlink_throughput_bits_per_second gauge"))
        #expect(metrics.contains("ranlab_cell_downlink_throughput_bits_per_second{cell=\"1\",node=\"du\"} "))
        #expect(metrics.contains("ranlab_ue_downlink_delivered_bytes_total{node=\"ru\",ue=\"0\"} "))
        #expect(try Self.httpGet(port: port, path: "/other").hasPrefix("HTTP/1.1 404"))

        let state = try LabState.read(from: lab.lab("single-cell").stateFile)
        let ruPID = try #require(state.nodes.first { $0.name == "ru" }?.pid)
        kill(ruPID, SIGKILL)
        _ = lab.finish()
        #expect(lab.process.terminationStatus == 4)   // a node ended with ERROR

        let r = try record()
        let run = try #require(try r.runs(lab: "single-cell").first?.id)
        let finalRU = try r.samples(run: run, node: "ru", name: "ranlab_ru_connected_ues").compactMap(\.sample.slot)
        // Every RU report period up to the kill is there, without a gap.
        #expect(!finalRU.isEmpty)
        #expect(finalRU == Array(stride(from: 999, through: finalRU.last!, by: 1000)))
        // The DU noticed and said so, and carried on to the end of the scenario.
        let duEvents = try r.statusEvents(run: run, node: "du")
        #expect(duEvents.contains { ($0.detail ?? "").contains("RU ru:fh lost") })
        #expect(try !r.samples(run: run, node: "du", name: "ranlab_du_ru_lost").isEmpty)
        let duSlots = try r.samples(run: run, node: "du", name: "ranlab_cell_connected_ues").compactMap(\.sample.slot)
        #expect(duSlots.last == 5999)
        #expect(try r.statusEvents(run: run, node: "ru").contains { $0.status == "ERROR" && ($0.detail ?? "").contains("signal 9") })
    }

    func eventually(_ limit: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            if try condition() { return true }
            usleep(50_000)
        }
        return try condition()
    }

    static func httpGet(port: Int, path: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else { return "connect failed" }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var response = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            response += buf[0..<n]
        }
        return String(decoding: response, as: UTF8.self)
    }
}

extension CellTests {
    /// Real time: no slot barrier (no barrier-wait KPI), late slots counted and reported, the
    /// scenario still completes with every UE attached.
    @Test func realtimeRunCompletesWithLateSlotsReported() throws {
        let run = try Self.run(Self.topology("single-cell"), ["--slots", "1500", "--realtime"], environment: ["UES": "4"])
        #expect(run.result.status == 0, "\(run.result.stderr)")
        #expect(run.summary?.outcome == "completed")
        #expect(try run.samples("ranlab_cu_ue_attach_slot", node: "cu").count == 4)
        #expect(try run.samples("ranlab_du_late_slots_total", node: "du").count == 1)
        #expect(try run.samples("ranlab_du_barrier_wait_seconds_total", node: "du").isEmpty)
        // Fronthaul a peer could not take in time (it ended first or fell behind) is dropped and
        // counted, never a stall: both ends report the count.
        for node in ["du", "ru"] { #expect(try run.samples("ranlab_clock_dropped_messages_total", node: node).count == 1) }
        // The virtual-time run of the same scenario does wait at the barrier.
        let virtual = try Self.run(Self.topology("single-cell"), ["--slots", "200"], environment: ["UES": "4"])
        #expect(try virtual.samples("ranlab_du_barrier_wait_seconds_total", node: "du").count == 1)
    }
}
