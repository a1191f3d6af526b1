/// What `ranlab run` reports at the end: per cell and the best and worst UEs, from the KPIs the
/// VNFs sent (means over the run's report periods), plus the speed of the run.
public struct ScenarioSummary: Sendable, Codable {
    public struct Cell: Sendable, Codable {
        public var node: String
        public var cell: String
        public var downlinkBitsPerSecond: Double
        public var uplinkBitsPerSecond: Double
        public var downlinkPRBUtilization: Double
        public var downlinkBLER: Double
        public var uplinkBLER: Double
        public var harqRetransmissions: Double
        public var connectedUEs: Double
        public var schedulerMicrosecondsPerSlot: Double
    }
    public struct UE: Sendable, Codable {
        public var ue: String
        public var node: String
        public var downlinkBitsPerSecond: Double
        public var packetLatencyMilliseconds: Double?
    }

    public var lab: String
    public var run: Int64
    public var outcome: String
    public var slots: Int
    public var simulatedSeconds: Double
    public var wallSeconds: Double
    /// simulated / wall time.
    public var speed: Double
    public var cells: [Cell]
    public var worstUEs: [UE]
    public var bestUEs: [UE]
    public var captures: [String]
    public var metricsURL: String?

    public init(lab: String, run: Int64, outcome: String, slots: Int, slotSeconds: Double, wallSeconds: Double,
                kpis: [(KPIStore.Series, KPIStore.Value)], captures: [String], metricsURL: String?, listed: Int = 3) {
        self.lab = lab; self.run = run; self.outcome = outcome; self.slots = slots
        simulatedSeconds = Double(slots) * slotSeconds
        self.wallSeconds = wallSeconds
        speed = wallSeconds > 0 ? simulatedSeconds / wallSeconds : 0
        self.captures = captures; self.metricsURL = metricsURL
        func mean(_ name: String, node: String, cell: String, extra: (String, String)? = nil) -> Double {
            kpis.first { s, _ in s.name == name && s.label("node") == node && s.label("cell") == cell && (extra.map { s.label($0.0) == $0.1 } ?? true) }?.1.mean ?? 0
        }
        func last(_ name: String, node: String, cell: String, extra: (String, String)? = nil) -> Double {
            kpis.first { s, _ in s.name == name && s.label("node") == node && s.label("cell") == cell && (extra.map { s.label($0.0) == $0.1 } ?? true) }?.1.value ?? 0
        }
        cells = kpis.filter { $0.0.name == "ranlab_cell_downlink_throughput_bits_per_second" }.map { s, v in
            let node = s.label("node") ?? "", cell = s.label("cell") ?? ""
            return Cell(node: node, cell: cell, downlinkBitsPerSecond: v.mean,
                        uplinkBitsPerSecond: mean("ranlab_cell_uplink_throughput_bits_per_second", node: node, cell: cell),
                        downlinkPRBUtilization: mean("ranlab_cell_downlink_prb_utilization_ratio", node: node, cell: cell),
                        downlinkBLER: mean("ranlab_cell_downlink_bler_ratio", node: node, cell: cell),
                        uplinkBLER: mean("ranlab_cell_uplink_bler_ratio", node: node, cell: cell),
                        harqRetransmissions: last("ranlab_cell_harq_retransmissions_total", node: node, cell: cell, extra: ("direction", "downlink"))
                            + last("ranlab_cell_harq_retransmissions_total", node: node, cell: cell, extra: ("direction", "uplink")),
                        connectedUEs: last("ranlab_cell_connected_ues", node: node, cell: cell),
                        schedulerMicrosecondsPerSlot: mean("ranlab_du_scheduler_seconds_per_slot", node: node, cell: cell) * 1e6)
        }
        // UEs: what the UE emulator delivered over the whole run.
        let seconds = simulatedSeconds
        let latency = Dictionary(kpis.filter { $0.0.name == "ranlab_ue_packet_latency_seconds" }.map { ($0.0.label("ue") ?? "", $0.1.mean) }, uniquingKeysWith: { a, _ in a })
        let ues = kpis.filter { $0.0.name == "ranlab_ue_downlink_delivered_bytes_total" }.map { s, v in
            UE(ue: s.label("ue") ?? "", node: s.label("node") ?? "", downlinkBitsPerSecond: seconds > 0 ? v.value * 8 / seconds : 0,
               packetLatencyMilliseconds: latency[s.label("ue") ?? ""].map { $0 * 1000 })
        }.sorted { ($0.downlinkBitsPerSecond, $1.ue) < ($1.downlinkBitsPerSecond, $0.ue) }
        worstUEs = Array(ues.prefix(listed))
        bestUEs = Array(ues.reversed().prefix(listed))
    }
}
