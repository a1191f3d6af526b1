import Testing

import RadioModel

@Suite("Channel models")
struct ChannelModelTests {
    @Test func fixed() throws {
        var c = try ChannelModel.fixed(cqi: 9)
        for _ in 0..<5 { #expect(c.next() == 9) }
        #expect(c.slot == 5)
        #expect(throws: RadioModelError.outOfRange(parameter: "CQI", value: 16, allowed: 0...15)) {
            try ChannelModel.fixed(cqi: 16)
        }
    }

    @Test func randomWalkIsBoundedSeededAndStepsByOne() throws {
        var a = try ChannelModel.randomWalk(start: 8, bounds: 4...12, stepProbability: 0.3, seed: 42)
        var b = try ChannelModel.randomWalk(start: 8, bounds: 4...12, stepProbability: 0.3, seed: 42)
        var previous = a.next()
        #expect(previous == 8)
        _ = b.next()
        var changes = 0
        var seen = Set<Int>()
        for _ in 0..<20_000 {
            let x = a.next()
            #expect(x == b.next())
            #expect((4...12).contains(x))
            #expect(abs(x - previous) <= 1)
            if x != previous { changes += 1 }
            seen.insert(x)
            previous = x
        }
        #expect(seen == Set(4...12))
        #expect((4000...6500).contains(changes))  // ≈ 0.3 minus clamped steps at the bounds
        var other = try ChannelModel.randomWalk(start: 8, bounds: 4...12, stepProbability: 0.3, seed: 43)
        var c = try ChannelModel.randomWalk(start: 8, bounds: 4...12, stepProbability: 0.3, seed: 42)
        #expect((0..<200).map { _ in c.next() } != (0..<200).map { _ in other.next() })
        var frozen = try ChannelModel.randomWalk(start: 3, stepProbability: 0, seed: 1)
        #expect((0..<100).allSatisfy { _ in frozen.next() == 3 })
        #expect(throws: RadioModelError.outOfRange(parameter: "start CQI", value: 0, allowed: 1...15)) {
            try ChannelModel.randomWalk(start: 0, seed: 1)
        }
    }

    @Test func trace() throws {
        let text = """
            # slot cqi
            0 5
            3, 9   # comment
            \t7\t15\r
            
            10 0
            """
        var c = try ChannelModel(trace: text)
        #expect(c.traceEntryCount == 4)
        #expect((0..<12).map { _ in c.next() } == [5, 5, 5, 9, 9, 9, 9, 15, 15, 15, 0, 0])
        #expect(c.cqi(atSlot: 1_000) == 0)
        let looping = try ChannelModel(trace: text, loops: true)
        #expect(looping.cqi(atSlot: 11) == 5 && looping.cqi(atSlot: 14) == 9 && looping.cqi(atSlot: 21) == 0)
        let late = try ChannelModel(traceBytes: Array("5 7\n9 8\n".utf8))
        #expect(late.cqi(atSlot: 0) == 7 && late.cqi(atSlot: 9) == 8)
    }

    @Test func traceErrors() {
        #expect(throws: RadioModelError.badTraceLine(line: 2, text: "1 2 3", problem: .fieldCount(found: 3))) {
            try ChannelModel(trace: "0 1\n1 2 3\n")
        }
        #expect(throws: RadioModelError.badTraceLine(line: 1, text: "zero 1", problem: .notAnInteger(field: "zero"))) {
            try ChannelModel(trace: "zero 1")
        }
        #expect(throws: RadioModelError.badTraceLine(line: 3, text: "5 16", problem: .cqiOutOfRange(16))) {
            try ChannelModel(trace: "0 1\n# c\n5 16")
        }
        #expect(throws: RadioModelError.badTraceLine(line: 2, text: "4 3", problem: .slotNotIncreasing(slot: 4, previous: 4))) {
            try ChannelModel(trace: "4 1\n4 3")
        }
        #expect(throws: RadioModelError.badTraceLine(line: 1, text: "-1 3", problem: .negativeSlot(-1))) {
            try ChannelModel(trace: "-1 3")
        }
        #expect(throws: RadioModelError.emptyTrace) { try ChannelModel(trace: "# nothing\n\n") }
    }
}
