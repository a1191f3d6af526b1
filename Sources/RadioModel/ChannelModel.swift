/// A per-slot source of CQI values (0…15, table-agnostic): a fixed CQI, a bounded random walk
/// driven by a seeded SplitMix64, or a trace parsed from caller-supplied text. Call `next()` once
/// per slot; it allocates nothing.
public struct ChannelModel: Sendable {
    private enum Kind: Sendable {
        case fixed(Int)
        case randomWalk(bounds: ClosedRange<Int>, stepThreshold: UInt64, generator: SplitMix64, current: Int)
        case trace(slots: [Int], cqis: [Int], loops: Bool)
    }

    private var kind: Kind
    /// The slot whose CQI the next call to `next()` returns (starts at 0).
    public private(set) var slot: Int = 0

    private init(kind: Kind) { self.kind = kind }

    /// Always reports `cqi` (0…15).
    public static func fixed(cqi: Int) throws(RadioModelError) -> ChannelModel {
        guard (0...15).contains(cqi) else { throw .outOfRange(parameter: "CQI", value: cqi, allowed: 0...15) }
        return ChannelModel(kind: .fixed(cqi))
    }

    /// A lazy random walk: slot 0 reports `start`; on each later slot, with probability
    /// `stepProbability` the CQI moves one step up or down (equally likely), clamped to `bounds`
    /// (within 0…15); otherwise it stays. Deterministic from `seed`.
    public static func randomWalk(
        start: Int, bounds: ClosedRange<Int> = 1...15, stepProbability: Double = 0.1, seed: UInt64
    ) throws(RadioModelError) -> ChannelModel {
        guard bounds.lowerBound >= 0, bounds.upperBound <= 15 else {
            throw .outOfRange(
                parameter: "random walk bound", value: bounds.lowerBound < 0 ? bounds.lowerBound : bounds.upperBound,
                allowed: 0...15)
        }
        guard bounds.contains(start) else { throw .outOfRange(parameter: "start CQI", value: start, allowed: bounds) }
        guard stepProbability.isFinite, (0.0...1.0).contains(stepProbability) else {
            throw .realOutOfRange(parameter: "step probability", value: stepProbability, allowed: 0.0...1.0)
        }
        // P(step) = threshold / 2^63, compared against 63 random bits; p = 1 always steps.
        let threshold = stepProbability >= 1 ? UInt64.max : UInt64(stepProbability * 0x1.0p63)
        return ChannelModel(
            kind: .randomWalk(
                bounds: bounds, stepThreshold: threshold, generator: SplitMix64(seed: seed), current: start))
    }

    /// Parses a CQI trace: one "slot cqi" pair per line (whitespace or a comma between them), slots
    /// strictly increasing and ≥ 0, CQI 0…15; blank lines and text after `#` are ignored. Each
    /// value holds until the next listed slot; slots before the first entry take the first value.
    /// After the last entry the last value holds, or with `loops` the trace repeats with period
    /// last slot + 1. Throws `badTraceLine` naming the 1-based line, or `emptyTrace`.
    public init(trace text: String, loops: Bool = false) throws(RadioModelError) {
        var slots: [Int] = []
        var cqis: [Int] = []
        var lineNumber = 0
        // Character.isNewline covers "\n", "\r" and the single grapheme "\r\n".
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }) {
            lineNumber += 1
            var content = rawLine
            if let hash = content.firstIndex(of: "#") { content = content[..<hash] }
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            if fields.isEmpty { continue }
            let shown = String(rawLine)
            guard fields.count == 2 else {
                throw .badTraceLine(line: lineNumber, text: shown, problem: .fieldCount(found: fields.count))
            }
            guard let slot = Int(fields[0]) else {
                throw .badTraceLine(line: lineNumber, text: shown, problem: .notAnInteger(field: String(fields[0])))
            }
            guard let cqi = Int(fields[1]) else {
                throw .badTraceLine(line: lineNumber, text: shown, problem: .notAnInteger(field: String(fields[1])))
            }
            guard slot >= 0 else { throw .badTraceLine(line: lineNumber, text: shown, problem: .negativeSlot(slot)) }
            guard (0...15).contains(cqi) else {
                throw .badTraceLine(line: lineNumber, text: shown, problem: .cqiOutOfRange(cqi))
            }
            if let previous = slots.last, slot <= previous {
                throw .badTraceLine(
                    line: lineNumber, text: shown, problem: .slotNotIncreasing(slot: slot, previous: previous))
            }
            slots.append(slot)
            cqis.append(cqi)
        }
        guard !slots.isEmpty else { throw .emptyTrace }
        kind = .trace(slots: slots, cqis: cqis, loops: loops)
    }

    /// Parses a trace from UTF-8 bytes (see `init(trace:loops:)`).
    public init(traceBytes bytes: some Sequence<UInt8>, loops: Bool = false) throws(RadioModelError) {
        try self.init(trace: String(decoding: Array(bytes), as: UTF8.self), loops: loops)
    }

    /// The CQI of the current slot; then advances to the next slot.
    public mutating func next() -> Int {
        defer { slot += 1 }
        switch kind {
        case let .fixed(cqi):
            return cqi
        case .randomWalk(let bounds, let threshold, var generator, let current):
            if slot == 0 { return current }
            let draw = generator.next()
            var value = current
            if (draw >> 1) < threshold || threshold == .max {
                value += (draw & 1) == 0 ? 1 : -1
                value = min(max(value, bounds.lowerBound), bounds.upperBound)
            }
            kind = .randomWalk(bounds: bounds, stepThreshold: threshold, generator: generator, current: value)
            return value
        case let .trace(slots, cqis, loops):
            return ChannelModel.lookup(slot: slot, slots: slots, cqis: cqis, loops: loops)
        }
    }

    /// For fixed and trace models, the CQI at any slot without advancing; nil for a random walk.
    public func cqi(atSlot slot: Int) -> Int? {
        switch kind {
        case let .fixed(cqi): return cqi
        case .randomWalk: return nil
        case let .trace(slots, cqis, loops): return ChannelModel.lookup(slot: slot, slots: slots, cqis: cqis, loops: loops)
        }
    }

    /// Number of entries of a trace model (0 for the others).
    public var traceEntryCount: Int {
        if case let .trace(slots, _, _) = kind { return slots.count }
        return 0
    }

    /// Sample-and-hold lookup by binary search.
    private static func lookup(slot: Int, slots: [Int], cqis: [Int], loops: Bool) -> Int {
        var s = slot
        if loops {
            let period = slots[slots.count - 1] + 1
            s = ((s % period) + period) % period
        }
        if s < slots[0] { return cqis[0] }
        var low = 0
        var high = slots.count - 1
        while low < high {  // last index with slots[i] ≤ s
            let mid = (low + high + 1) / 2
            if slots[mid] <= s { low = mid } else { high = mid - 1 }
        }
        return cqis[low]
    }
}
