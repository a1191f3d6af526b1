import Synchronization
import VNFKit

/// The latest value of every KPI series of a lab (name + labels, the node's name added as label
/// `node`), for the Prometheus endpoint and the run summary. Safe from any thread.
public final class KPIStore: Sendable {
    public struct Series: Sendable, Hashable, Comparable {
        public var name: String
        /// Sorted by label name.
        public var labels: [Label]
        public struct Label: Sendable, Hashable, Comparable {
            public var name: String
            public var value: String
            public static func < (a: Label, b: Label) -> Bool { (a.name, a.value) < (b.name, b.value) }
        }
        public static func < (a: Series, b: Series) -> Bool {
            a.name != b.name ? a.name < b.name : a.labels.lexicographicallyPrecedes(b.labels)
        }
        public func label(_ name: String) -> String? { labels.first { $0.name == name }?.value }
    }

    public struct Value: Sendable, Hashable {
        public var value: Double
        public var slot: Int?
        /// Samples received for the series.
        public var count: Int
        /// Sum of every sample (for the run's mean).
        public var sum: Double
        public var mean: Double { count == 0 ? 0 : sum / Double(count) }
    }

    private let values = Mutex<[Series: Value]>([:])

    public init() {}

    public func record(node: String, _ samples: [KPISample]) {
        values.withLock { v in
            for s in samples {
                var labels = s.labels.map { Series.Label(name: $0.key, value: $0.value) }
                labels.append(.init(name: "node", value: node))
                labels.sort()
                let key = Series(name: s.name, labels: labels)
                v[key, default: Value(value: 0, slot: nil, count: 0, sum: 0)].value = s.value
                v[key]!.slot = s.slot
                v[key]!.count += 1
                v[key]!.sum += s.value
            }
        }
    }

    /// Every series with its latest value, sorted by name and labels.
    public func snapshot() -> [(Series, Value)] {
        values.withLock { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}
