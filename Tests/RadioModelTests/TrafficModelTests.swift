import Testing

import RadioModel

@Suite("Traffic models")
struct TrafficModelTests {
    @Test func fullBuffer() {
        var t = TrafficModel.fullBuffer
        #expect(t.isFullBuffer)
        #expect(t.next() == .saturated)
        #expect(t.slot == 1)
    }

    @Test func constantBitRate() throws {
        var t = try TrafficModel.constantBitRate(bytesPerSlot: 125)
        #expect((0..<4).map { _ in t.next() } == Array(repeating: .bytes(125), count: 4))
        // 10 Mbit/s at μ=1 (0.5 ms slots) = 625 bytes per slot exactly.
        var u = try TrafficModel.constantBitRate(bitsPerSecond: 10_000_000, numerology: .mu1)
        #expect(u.next() == .bytes(625))
        // 1 Mbit/s at μ=3 (125 µs): 15.625 bytes per slot → 8 slots carry exactly 125 bytes.
        var v = try TrafficModel.constantBitRate(bitsPerSecond: 1_000_000, numerology: .mu3)
        var total = 0
        for _ in 0..<8 {
            guard case let .bytes(b) = v.next() else { Issue.record("saturated"); return }
            #expect(b == 15 || b == 16)
            total += b
        }
        #expect(total == 125)
    }

    @Test func poissonMeanAndDeterminism() throws {
        var a = try TrafficModel.poisson(meanPacketsPerSlot: 0.4, packetBytes: 100, seed: 5)
        var b = try TrafficModel.poisson(meanPacketsPerSlot: 0.4, packetBytes: 100, seed: 5)
        var packets = 0
        let slots = 50_000
        for _ in 0..<slots {
            let x = a.next()
            #expect(x == b.next())
            guard case let .bytes(bytes) = x else { Issue.record("saturated"); return }
            #expect(bytes % 100 == 0)
            packets += bytes / 100
        }
        let mean = Double(packets) / Double(slots)
        #expect(abs(mean - 0.4) < 0.02)
        #expect(throws: RadioModelError.self) { try TrafficModel.poisson(meanPacketsPerSlot: 0, packetBytes: 1, seed: 0) }
    }

    @Test func onOff() throws {
        var t = try TrafficModel.onOff(onSlots: 2, offSlots: 3, bytesPerSlot: 50)
        let pattern = (0..<10).map { _ in t.next() }
        let on = TrafficModel.Arrival.bytes(50)
        let off = TrafficModel.Arrival.bytes(0)
        #expect(pattern == [on, on, off, off, off, on, on, off, off, off])
        #expect(throws: RadioModelError.outOfRange(parameter: "on slots", value: 0, allowed: 1...Int.max)) {
            try TrafficModel.onOff(onSlots: 0, offSlots: 1, bytesPerSlot: 1)
        }
    }
}
