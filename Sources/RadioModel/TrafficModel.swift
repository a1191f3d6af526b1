import RealModule
/// A per-slot traffic source for one flow: full buffer, constant bit rate, Poisson packet
/// arrivals, or on/off. Call `next()` once per slot for the bytes arriving in that slot; it
/// allocates nothing, and random models are deterministic from their seed.
public struct TrafficModel: Sendable {
    /// What arrives in one slot.
    public enum Arrival: Sendable, Hashable {
        /// Full buffer: there is always more data than can be sent.
        case saturated
        /// This many bytes arrive.
        case bytes(Int)
    }

    private enum Kind: Sendable, Hashable {
        case fullBuffer
        /// Exact rate `numerator/denominator` bytes per slot; `credit` carries the remainder.
        case constantRate(numerator: Int, denominator: Int, credit: Int)
        /// Poisson process with `rate` packets per slot; `nextArrival` is in slots.
        case poisson(rate: Double, packetBytes: Int, generator: SplitMix64, nextArrival: Double)
        case onOff(onSlots: Int, offSlots: Int, bytesPerSlot: Int)
    }

    private var kind: Kind
    /// The slot the next call to `next()` describes (starts at 0).
    public private(set) var slot: Int = 0

    private init(_ kind: Kind) { self.kind = kind }

    /// Always saturated.
    public static let fullBuffer = TrafficModel(.fullBuffer)

    /// `bytesPerSlot` (≥ 0) bytes every slot.
    public static func constantBitRate(bytesPerSlot: Int) throws(RadioModelError) -> TrafficModel {
        guard bytesPerSlot >= 0 else {
            throw .outOfRange(parameter: "bytes per slot", value: bytesPerSlot, allowed: 0...Int.max)
        }
        return TrafficModel(.constantRate(numerator: bytesPerSlot, denominator: 1, credit: 0))
    }

    /// A constant `bitsPerSecond` (0…10^11) at `numerology`'s slot rate. The rate in bytes per slot
    /// is the exact fraction bitsPerSecond·slotNs / (8·10^9); fractional bytes carry over, so every
    /// window of slots delivers the rate to within one byte.
    public static func constantBitRate(bitsPerSecond: Int, numerology: Numerology) throws(RadioModelError)
        -> TrafficModel
    {
        guard (0...100_000_000_000).contains(bitsPerSecond) else {
            throw .outOfRange(parameter: "bits per second", value: bitsPerSecond, allowed: 0...100_000_000_000)
        }
        return TrafficModel(
            .constantRate(
                numerator: bitsPerSecond * numerology.slotDurationNanoseconds, denominator: 8_000_000_000, credit: 0))
    }

    /// Poisson arrivals of `packetBytes`-byte packets (1…10^9) with mean `meanPacketsPerSlot`
    /// (0 < λ ≤ 10^4): exponential inter-arrival times with mean 1/λ slots, drawn from SplitMix64.
    public static func poisson(meanPacketsPerSlot lambda: Double, packetBytes: Int, seed: UInt64)
        throws(RadioModelError) -> TrafficModel
    {
        guard lambda.isFinite, lambda > 0, lambda <= 10_000 else {
            throw .realOutOfRange(parameter: "mean packets per slot", value: lambda, allowed: 0x1p-1022...10_000)
        }
        guard (1...1_000_000_000).contains(packetBytes) else {
            throw .outOfRange(parameter: "packet bytes", value: packetBytes, allowed: 1...1_000_000_000)
        }
        var generator = SplitMix64(seed: seed)
        let first = exponential(rate: lambda, using: &generator)
        return TrafficModel(.poisson(rate: lambda, packetBytes: packetBytes, generator: generator, nextArrival: first))
    }

    /// On for `onSlots` slots with `bytesPerSlot` bytes each, then off (nothing) for `offSlots`
    /// slots, repeating; slot 0 starts an on period. Needs onSlots ≥ 1, offSlots ≥ 0.
    public static func onOff(onSlots: Int, offSlots: Int, bytesPerSlot: Int) throws(RadioModelError) -> TrafficModel {
        guard onSlots >= 1 else { throw .outOfRange(parameter: "on slots", value: onSlots, allowed: 1...Int.max) }
        guard offSlots >= 0 else { throw .outOfRange(parameter: "off slots", value: offSlots, allowed: 0...Int.max) }
        guard bytesPerSlot >= 0 else {
            throw .outOfRange(parameter: "bytes per slot", value: bytesPerSlot, allowed: 0...Int.max)
        }
        return TrafficModel(.onOff(onSlots: onSlots, offSlots: offSlots, bytesPerSlot: bytesPerSlot))
    }

    /// True for the full-buffer model.
    public var isFullBuffer: Bool { kind == .fullBuffer }

    /// What arrives in the current slot; then advances to the next slot.
    public mutating func next() -> Arrival {
        defer { slot += 1 }
        switch kind {
        case .fullBuffer:
            return .saturated
        case let .constantRate(numerator, denominator, credit):
            let total = credit + numerator
            kind = .constantRate(numerator: numerator, denominator: denominator, credit: total % denominator)
            return .bytes(total / denominator)
        case .poisson(let rate, let packetBytes, var generator, var nextArrival):
            let end = Double(slot + 1)
            var packets = 0
            while nextArrival < end {
                packets += 1
                nextArrival += TrafficModel.exponential(rate: rate, using: &generator)
            }
            kind = .poisson(rate: rate, packetBytes: packetBytes, generator: generator, nextArrival: nextArrival)
            return .bytes(packets * packetBytes)
        case let .onOff(on, off, bytes):
            return .bytes(slot % (on + off) < on ? bytes : 0)
        }
    }

    /// Exponential variate with the given rate: −ln(1 − U)/rate, U uniform in [0, 1).
    private static func exponential(rate: Double, using generator: inout SplitMix64) -> Double {
        -Double.log(1 - generator.nextUnitDouble()) / rate
    }
}
