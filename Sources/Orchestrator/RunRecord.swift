import Foundation
import GRDB
import VNFKit

/// The run record: one SQLite file (default `.ranlab/runs.sqlite`) holding every deployment, its
/// nodes, every status event and every KPI sample. Writes are committed as they happen (WAL
/// journal, one transaction per batch the supervisor collects in one loop turn), so a crash of any
/// process — the orchestrator's included — loses nothing already recorded. Several labs may share
/// one file: SQLite's locking serialises their writes.
public final class RunRecord: Sendable {
    public let path: String
    private let db: DatabaseQueue

    /// Opens (creating if needed) the run record at `path`.
    public init(path: String) throws(OrchestratorError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            db = try DatabaseQueue(path: path, configuration: config)
            try db.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
            try Self.migrator.migrate(db)
        } catch {
            throw .runRecord("cannot open the run record \(path): \(error)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("lab", .text).notNull()
                t.column("topology", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("supervisorPID", .integer).notNull()
                t.column("startedAt", .double).notNull()
                t.column("endedAt", .double)
                t.column("outcome", .text)
            }
            try db.create(table: "node") { t in
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("role", .text).notNull()
                t.column("vnf", .text).notNull()
                t.column("provider", .text).notNull()
                t.column("product", .text).notNull()
                t.column("version", .text).notNull()
                t.primaryKey(["runId", "name"])
            }
            try db.create(table: "statusEvent") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("node", .text).notNull()
                t.column("time", .double).notNull()
                t.column("status", .text).notNull()
                t.column("detail", .text)
                t.column("pid", .integer)
                t.column("instance", .integer).notNull()
                t.column("source", .text).notNull()
            }
            try db.create(table: "kpiSample") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("runId", .integer).notNull().references("run", onDelete: .cascade)
                t.column("node", .text).notNull()
                t.column("time", .double).notNull()
                t.column("slot", .integer)
                t.column("name", .text).notNull()
                t.column("labels", .text).notNull()
                t.column("value", .double).notNull()
            }
            try db.create(index: "kpiSample_run_node_name", on: "kpiSample", columns: ["runId", "node", "name"])
            try db.create(index: "statusEvent_run_node", on: "statusEvent", columns: ["runId", "node"])
        }
        return m
    }

    // MARK: writing

    public struct NodeRow: Sendable, Hashable, Codable {
        public var name, role, vnf, provider, product, version: String
        public init(name: String, role: String, vnf: String, provider: String, product: String, version: String) {
            self.name = name; self.role = role; self.vnf = vnf; self.provider = provider; self.product = product; self.version = version
        }
    }

    /// Starts a run and records its nodes; returns the run id.
    public func beginRun(lab: String, topology: String, seed: UInt64, nodes: [NodeRow]) throws(OrchestratorError) -> Int64 {
        do {
            return try db.write { db in
                try db.execute(sql: "INSERT INTO run (lab, topology, seed, supervisorPID, startedAt) VALUES (?, ?, ?, ?, ?)",
                               arguments: [lab, topology, Int64(bitPattern: seed), Int(getpid()), Date().timeIntervalSince1970])
                let id = db.lastInsertedRowID
                for n in nodes {
                    try db.execute(sql: "INSERT INTO node (runId, name, role, vnf, provider, product, version) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [id, n.name, n.role, n.vnf, n.provider, n.product, n.version])
                }
                return id
            }
        } catch { throw .runRecord("cannot start a run in \(path): \(error)") }
    }

    public struct StatusEvent: Sendable, Hashable, Codable {
        public var node: String
        public var time: Double
        /// A VNF status (BOOTING…ERROR) or one the orchestrator sets (PENDING, STARTING, RESTARTING, STOPPED).
        public var status: String
        public var detail: String?
        public var pid: Int32?
        public var instance: Int
        /// `vnf` when the VNF reported it, `orchestrator` when derived (exit status, silence, launch).
        public var source: String
        public init(node: String, time: Double, status: String, detail: String?, pid: Int32?, instance: Int, source: String) {
            self.node = node; self.time = time; self.status = status; self.detail = detail; self.pid = pid
            self.instance = instance; self.source = source
        }
    }

    public struct Sample: Sendable, Hashable {
        public var node: String
        public var sample: KPISample
        public init(node: String, sample: KPISample) { self.node = node; self.sample = sample }
    }

    /// Writes a batch of events and samples in one transaction.
    public func record(run: Int64, events: [StatusEvent], samples: [Sample]) throws(OrchestratorError) {
        guard !events.isEmpty || !samples.isEmpty else { return }
        do {
            try db.write { db in
                let ev = try db.makeStatement(sql: "INSERT INTO statusEvent (runId, node, time, status, detail, pid, instance, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                for e in events {
                    try ev.execute(arguments: [run, e.node, e.time, e.status, e.detail, e.pid.map { Int($0) }, e.instance, e.source])
                }
                let kp = try db.makeStatement(sql: "INSERT INTO kpiSample (runId, node, time, slot, name, labels, value) VALUES (?, ?, ?, ?, ?, ?, ?)")
                let now = Date().timeIntervalSince1970
                for s in samples {
                    try kp.execute(arguments: [run, s.node, s.sample.time ?? now, s.sample.slot, s.sample.name,
                                               Self.labelsJSON(s.sample.labels), s.sample.value])
                }
            }
        } catch { throw .runRecord("cannot write to the run record \(path): \(error)") }
    }

    /// Marks a run finished with an outcome (`completed`, `destroyed`, `failed`, `crashed`…).
    public func endRun(_ run: Int64, outcome: String) throws(OrchestratorError) {
        do {
            try db.write { db in
                try db.execute(sql: "UPDATE run SET endedAt = ?, outcome = ? WHERE id = ? AND endedAt IS NULL",
                               arguments: [Date().timeIntervalSince1970, outcome, run])
            }
        } catch { throw .runRecord("cannot end run \(run) in \(path): \(error)") }
    }

    static func labelsJSON(_ labels: [String: String]) -> String {
        guard !labels.isEmpty, let d = try? JSONSerialization.data(withJSONObject: labels, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: d, as: UTF8.self)
    }

    // MARK: reading

    public struct RunSummary: Sendable, Hashable, Codable {
        public var id: Int64
        public var lab: String
        public var topology: String
        public var seed: UInt64
        public var supervisorPID: Int32
        public var startedAt: Double
        public var endedAt: Double?
        /// nil while the run is going on (or when its orchestrator died without ending it).
        public var outcome: String?
        public var nodes: Int
        public var statusEvents: Int
        public var kpiSamples: Int
    }

    public func runs(lab: String? = nil) throws(OrchestratorError) -> [RunSummary] {
        do {
            return try db.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT r.*, (SELECT COUNT(*) FROM node n WHERE n.runId = r.id) AS nodes,
                           (SELECT COUNT(*) FROM statusEvent e WHERE e.runId = r.id) AS events,
                           (SELECT COUNT(*) FROM kpiSample k WHERE k.runId = r.id) AS samples
                    FROM run r \(lab == nil ? "" : "WHERE r.lab = ?") ORDER BY r.id
                    """, arguments: lab.map { [$0] } ?? [])
                return rows.map { r in
                    RunSummary(id: r["id"], lab: r["lab"], topology: r["topology"], seed: UInt64(bitPattern: r["seed"] as Int64),
                               supervisorPID: Int32(r["supervisorPID"] as Int), startedAt: r["startedAt"], endedAt: r["endedAt"],
                               outcome: r["outcome"], nodes: r["nodes"], statusEvents: r["events"], kpiSamples: r["samples"])
                }
            }
        } catch { throw .runRecord("cannot read \(path): \(error)") }
    }

    public func statusEvents(run: Int64, node: String? = nil) throws(OrchestratorError) -> [StatusEvent] {
        do {
            return try db.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM statusEvent WHERE runId = ? \(node == nil ? "" : "AND node = ?") ORDER BY id",
                                 arguments: StatementArguments([run] + (node.map { [$0 as any DatabaseValueConvertible] } ?? [])))
                .map { r in
                    StatusEvent(node: r["node"], time: r["time"], status: r["status"], detail: r["detail"],
                                pid: (r["pid"] as Int?).map { Int32($0) }, instance: r["instance"], source: r["source"])
                }
            }
        } catch { throw .runRecord("cannot read \(path): \(error)") }
    }

    public func samples(run: Int64, node: String? = nil, name: String? = nil) throws(OrchestratorError) -> [Sample] {
        do {
            return try db.read { db in
                var sql = "SELECT * FROM kpiSample WHERE runId = ?"
                var args: [any DatabaseValueConvertible] = [run]
                if let node { sql += " AND node = ?"; args.append(node) }
                if let name { sql += " AND name = ?"; args.append(name) }
                return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: StatementArguments(args)).map { r in
                    let labelsText: String = r["labels"]
                    let labels = (try? JSONSerialization.jsonObject(with: Data(labelsText.utf8)) as? [String: String]) ?? [:]
                    return Sample(node: r["node"], sample: KPISample(name: r["name"], value: r["value"], labels: labels,
                                                                        slot: r["slot"], time: r["time"]))
                }
            }
        } catch { throw .runRecord("cannot read \(path): \(error)") }
    }
}
