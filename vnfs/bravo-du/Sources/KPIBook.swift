import VNFKit

/// The cell's counters and the KPI samples made from them. Names and labels are the lab's common
/// ones (the run summary reads them from any DU); bravo's own extras are prefixed `bravo_`.
struct KPIBook {
    let cellLabel: String
    let slotSeconds: Double

    // Since the last cell report.
    var dlAckedBits = 0, ulGoodBits = 0
    /// Since the start, never reset (E2SM-KPM differences them): bits, PRBs used, PRBs offered.
    var totalDLBits = 0.0, totalULBits = 0.0, totalDLPRBs = 0.0, totalULPRBs = 0.0, totalDLCapacity = 0.0, totalULCapacity = 0.0
    var dlPRBs = 0, ulPRBs = 0, dlPRBCapacity = 0, ulPRBCapacity = 0
    var dlAcks = 0, dlNacks = 0, ulAcks = 0, ulNacks = 0
    var schedulerNs: UInt64 = 0, slotNs: UInt64 = 0, slots = 0
    // Since the start.
    var dlRetransmissions = 0, ulRetransmissions = 0
    var attached = 0, harqTimeouts = 0, msg3Timeouts = 0, f1apErrors = 0, droppedSDUBytes = 0

    init(cellID: UInt64, numerology: Int) {
        cellLabel = String(cellID)
        slotSeconds = 1e-3 / Double(1 << numerology)
    }

    private static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    /// The cell report for the period ending at `slot`; starts the next period.
    mutating func cellSamples(slot: Int, connectedUEs: Int) -> [KPISample] {
        let seconds = Double(max(1, slots)) * slotSeconds
        let perSlot = 1e-9 / Double(max(1, slots))
        func s(_ name: String, _ v: Double, _ extra: [String: String] = [:]) -> KPISample {
            KPISample(name: name, value: v, labels: extra.merging(["cell": cellLabel]) { a, _ in a }, slot: slot)
        }
        let out = [
            s("ranlab_cell_downlink_throughput_bits_per_second", Double(dlAckedBits) / seconds),
            s("ranlab_cell_uplink_throughput_bits_per_second", Double(ulGoodBits) / seconds),
            s("ranlab_cell_downlink_prb_utilization_ratio", Self.ratio(dlPRBs, dlPRBCapacity)),
            s("ranlab_cell_uplink_prb_utilization_ratio", Self.ratio(ulPRBs, ulPRBCapacity)),
            s("ranlab_cell_downlink_bler_ratio", Self.ratio(dlNacks, dlAcks + dlNacks)),
            s("ranlab_cell_uplink_bler_ratio", Self.ratio(ulNacks, ulAcks + ulNacks)),
            s("ranlab_cell_harq_retransmissions_total", Double(dlRetransmissions), ["direction": "downlink"]),
            s("ranlab_cell_harq_retransmissions_total", Double(ulRetransmissions), ["direction": "uplink"]),
            s("ranlab_cell_connected_ues", Double(connectedUEs)),
            s("ranlab_du_scheduler_seconds_per_slot", Double(schedulerNs) * perSlot),
            s("ranlab_du_slot_processing_seconds_per_slot", Double(slotNs) * perSlot),
        ]
        dlAckedBits = 0; ulGoodBits = 0; dlPRBs = 0; ulPRBs = 0; dlPRBCapacity = 0; ulPRBCapacity = 0
        dlAcks = 0; dlNacks = 0; ulAcks = 0; ulNacks = 0; schedulerNs = 0; slotNs = 0; slots = 0
        return out
    }

    /// One report per UE (in handle order) for the `period` slots ending at `slot`; clears the UEs' period counters.
    func ueSamples(slot: Int, period: Int, table: inout UETable) -> [KPISample] {
        let seconds = Double(period) * slotSeconds
        var out: [KPISample] = []
        out.reserveCapacity(6 * table.count)
        for r in table.rows {
            let l = ["cell": cellLabel, "ue": String(table.tag[r])]
            func s(_ name: String, _ v: Double) { out.append(KPISample(name: name, value: v, labels: l, slot: slot)) }
            s("ranlab_ue_downlink_throughput_bits_per_second", Double(table.dlAckedBits[r]) / seconds)
            s("ranlab_ue_uplink_throughput_bits_per_second", Double(table.ulGoodBits[r]) / seconds)
            s("ranlab_ue_downlink_bler_ratio", Self.ratio(table.dlNacks[r], table.dlAcks[r] + table.dlNacks[r]))
            s("ranlab_ue_harq_retransmissions_total", Double(table.retransmissions[r]))
            s("ranlab_ue_downlink_cqi", Double(max(0, table.reportedCQI[2 * r])))
            s("ranlab_ue_downlink_buffer_bytes", Double(table.dlBytes(r)))
            table.dlAckedBits[r] = 0; table.ulGoodBits[r] = 0; table.dlAcks[r] = 0; table.dlNacks[r] = 0
        }
        return out
    }

    /// The end-of-run totals.
    func finalSamples(slot: Int, lateSlots: Int, fronthaulErrors: Int) -> [KPISample] {
        let l = ["cell": cellLabel]
        return [
            KPISample(name: "ranlab_du_late_slots_total", value: Double(lateSlots), labels: l, slot: slot),
            KPISample(name: "ranlab_du_ues_attached_total", value: Double(attached), labels: l, slot: slot),
            KPISample(name: "bravo_du_harq_feedback_timeouts_total", value: Double(harqTimeouts), labels: l, slot: slot),
            KPISample(name: "bravo_du_msg3_timeouts_total", value: Double(msg3Timeouts), labels: l, slot: slot),
            KPISample(name: "bravo_du_f1ap_decode_errors_total", value: Double(f1apErrors), labels: l, slot: slot),
            KPISample(name: "bravo_du_fronthaul_decode_errors_total", value: Double(fronthaulErrors), labels: l, slot: slot),
            KPISample(name: "bravo_du_dropped_sdu_bytes_total", value: Double(droppedSDUBytes), labels: l, slot: slot),
        ]
    }
}
