import Foundation
import Orchestrator
import Testing
import VNFKit

@Suite struct MetricsTests {
    @Test func exposition() {
        let store = KPIStore()
        store.record(node: "du", [KPISample(name: "ranlab_cell_downlink_throughput_bits_per_second", value: 1.5e6, labels: ["cell": "1"], slot: 99),
                                  KPISample(name: "ranlab_cell_harq_retransmissions_total", value: 12, labels: ["cell": "1", "direction": "downlink"], slot: 99)])
        store.record(node: "du", [KPISample(name: "ranlab_cell_downlink_throughput_bits_per_second", value: 2.5e6, labels: ["cell": "1"], slot: 199)])
        // A plug-in's odd names and values: made valid, escaped, never a crash.
        store.record(node: "py", [KPISample(name: "9bad-name.x", value: .infinity, labels: ["a b": "q\"u\\o\nte"]),
                                  KPISample(name: "9bad-name.x", value: 1, labels: [:])])
        let text = PrometheusExposition.render(store.snapshot())
        #expect(text.contains("# TYPE ranlab_cell_downlink_throughput_bits_per_second gauge\nranlab_cell_downlink_throughput_bits_per_second{cell=\"1\",node=\"du\"} 2500000\n"))
        #expect(text.contains("# TYPE ranlab_cell_harq_retransmissions_total counter\nranlab_cell_harq_retransmissions_total{cell=\"1\",direction=\"downlink\",node=\"du\"} 12\n"))
        #expect(text.contains("_bad_name_x{a_b=\"q\\\"u\\\\o\\nte\",node=\"py\"} +Inf\n"))
        #expect(text.contains("_bad_name_x{node=\"py\"} 1\n"))
        // The mean over the run is kept for the summary.
        let series = store.snapshot().first { $0.0.name == "ranlab_cell_downlink_throughput_bits_per_second" }
        #expect(series?.1.mean == 2e6)
        #expect(series?.1.slot == 199)
    }
}
