/// One measurement a VNF reports: Prometheus-style name, labels and value.
public struct KPISample: Sendable, Hashable, Codable {
    public var name: String
    public var value: Double
    public var labels: [String: String]
    /// Slot the value belongs to, when the VNF is slot-driven.
    public var slot: Int?
    /// Unix time in seconds when it was measured.
    public var time: Double?

    public init(name: String, value: Double, labels: [String: String] = [:], slot: Int? = nil, time: Double? = nil) {
        self.name = name; self.value = value; self.labels = labels; self.slot = slot; self.time = time
    }

    private enum CodingKeys: String, CodingKey { case name, value, labels, slot, time }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        value = try c.decode(Double.self, forKey: .value)
        labels = try c.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
        slot = try c.decodeIfPresent(Int.self, forKey: .slot)
        time = try c.decodeIfPresent(Double.self, forKey: .time)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(value, forKey: .value)
        if !labels.isEmpty { try c.encode(labels, forKey: .labels) }
        try c.encodeIfPresent(slot, forKey: .slot)
        try c.encodeIfPresent(time, forKey: .time)
    }
}
