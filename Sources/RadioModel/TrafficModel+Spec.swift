extension TrafficModel {
    /// The grammar of ``init(spec:numerology:seed:)``.
    public static let specGrammar = "full-buffer | none | cbr RATE (e.g. cbr 2Mbit) | poisson PACKETS_PER_SLOT BYTES | on-off ON_SLOTS OFF_SLOTS BYTES_PER_SLOT"

    /// A model from a topology's traffic string: `full-buffer`, `none`, `cbr 2Mbit` (rates in
    /// bit/s with k, M or G and an optional `bit`/`bps` suffix), `poisson 0.5 1500` (mean packets per
    /// slot, packet bytes), `on-off 100 300 2000` (on slots, off slots, bytes per on slot).
    public init(spec: String, numerology: Numerology, seed: UInt64) throws(RadioModelError) {
        let words = spec.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        func bad() -> RadioModelError { .badSpec(kind: "traffic", text: spec, expected: Self.specGrammar) }
        switch words.first?.lowercased() {
        case "full-buffer"? where words.count == 1:
            self = .fullBuffer
        case "none"? where words.count == 1:
            self = try .constantBitRate(bytesPerSlot: 0)
        case "cbr"? where words.count == 2:
            guard let rate = Self.parseRate(words[1]) else { throw bad() }
            self = try .constantBitRate(bitsPerSecond: rate, numerology: numerology)
        case "poisson"? where words.count == 3:
            guard let lambda = Double(words[1]), let bytes = Int(words[2]) else { throw bad() }
            self = try .poisson(meanPacketsPerSlot: lambda, packetBytes: bytes, seed: seed)
        case "on-off"? where words.count == 4:
            guard let on = Int(words[1]), let off = Int(words[2]), let bytes = Int(words[3]) else { throw bad() }
            self = try .onOff(onSlots: on, offSlots: off, bytesPerSlot: bytes)
        default:
            throw bad()
        }
    }

    /// "2Mbit", "500k", "1.5Gbps", "64000" → bits per second.
    static func parseRate(_ text: String) -> Int? {
        var t = text.lowercased()
        for suffix in ["bit/s", "bps", "bit"] where t.hasSuffix(suffix) { t.removeLast(suffix.count); break }
        var scale = 1.0
        switch t.last {
        case "k": scale = 1e3; t.removeLast()
        case "m": scale = 1e6; t.removeLast()
        case "g": scale = 1e9; t.removeLast()
        default: break
        }
        guard let v = Double(t), v.isFinite, v >= 0, v * scale <= 1e11 else { return nil }
        return Int((v * scale).rounded())
    }
}
