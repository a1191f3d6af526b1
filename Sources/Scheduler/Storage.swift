import RadioModel

/// A fixed-size, zero-initialised buffer allocated once and freed with its owner. The scheduler
/// keeps all per-UE and per-slot state in these, so the slot path touches only preallocated,
/// contiguous memory (and, being `let` pointers, pays no exclusivity checks).
@usableFromInline
struct FixedBuffer<Element> {
    @usableFromInline let base: UnsafeMutablePointer<Element>
    @usableFromInline let count: Int

    init(count: Int, initial: Element) {
        self.count = max(count, 1)
        base = .allocate(capacity: self.count)
        base.initialize(repeating: initial, count: self.count)
    }

    @inline(__always) subscript(_ i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    func fill(_ value: Element, count n: Int) { base.update(repeating: value, count: n) }

    func free() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// Per-direction state of every UE.
final class LinkState {
    let buffer: FixedBuffer<Int>
    let cqi: FixedBuffer<UInt8>
    let mcs: FixedBuffer<Int8>  // -1: CQI 0, nothing can be sent
    let rate: FixedBuffer<Double>  // TBS bits of the whole carrier in a full slot at `mcs`
    /// EWMA of bits per slot, stored divided by `averageScale` (true value = stored × scale).
    let average: FixedBuffer<Double>
    var averageScale = 1.0
    let gbr: FixedBuffer<Double>
    let retxPending: FixedBuffer<UInt8>
    let idleProcesses: FixedBuffer<UInt8>
    let harqPRBs: FixedBuffer<Int16>  // ue * processes + id
    let harqSymbols: FixedBuffer<UInt8>
    /// HARQ entities in a fixed buffer: mutated in place through the pointer, no exclusivity checks.
    let harq: FixedBuffer<HARQEntity>
    let processes: Int

    init(maxUEs: Int, processes: Int, harqTemplate: HARQEntity) {
        buffer = .init(count: maxUEs, initial: 0)
        cqi = .init(count: maxUEs, initial: 0)
        mcs = .init(count: maxUEs, initial: -1)
        rate = .init(count: maxUEs, initial: 0)
        average = .init(count: maxUEs, initial: 0)
        gbr = .init(count: maxUEs, initial: 0)
        retxPending = .init(count: maxUEs, initial: 0)
        idleProcesses = .init(count: maxUEs, initial: 0)
        harqPRBs = .init(count: maxUEs * processes, initial: 0)
        harqSymbols = .init(count: maxUEs * processes, initial: 0)
        harq = .init(count: maxUEs, initial: harqTemplate)
        // Give every UE its own process array now, so that the slot path never copies one.
        for i in 0..<maxUEs { harq.base[i].reset() }
        self.processes = processes
    }

    deinit {
        buffer.free(); cqi.free(); mcs.free(); rate.free(); average.free(); gbr.free()
        retxPending.free(); idleProcesses.free(); harqPRBs.free(); harqSymbols.free(); harq.free()
    }
}
