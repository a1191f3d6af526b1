import Testing

import RadioModel

@Suite("HARQ")
struct HARQEntityTests {
    @Test func lifecycle() throws {
        var h = try HARQEntity(processCount: 4, maxRetransmissions: 2)
        #expect(h.processCount == 4 && h.firstIdleProcess() == 0)
        #expect(try h.startNewTransmission(process: 0, transportBlockBits: 8712, mcs: 20) == true)
        #expect(h.firstIdleProcess() == 1)
        #expect(h.processes[0].state == .waitingForFeedback(retransmissions: 0))
        #expect(try h.receiveFeedback(process: 0, ack: false) == .retransmissionNeeded(retransmissions: 0))
        #expect(h.firstProcessNeedingRetransmission() == 0)
        #expect(try h.startRetransmission(process: 0) == 1)
        #expect(h.processes[0].newDataIndicator == true)  // unchanged by a retransmission
        #expect(try h.receiveFeedback(process: 0, ack: false) == .retransmissionNeeded(retransmissions: 1))
        #expect(try h.startRetransmission(process: 0) == 2)
        #expect(try h.receiveFeedback(process: 0, ack: false) == .dropped(retransmissions: 2))
        #expect(h.processes[0].state == .idle && h.droppedCount == 1)
        // The next new transmission toggles NDI back.
        #expect(try h.startNewTransmission(process: 0, transportBlockBits: 24, mcs: 0) == false)
        #expect(try h.receiveFeedback(process: 0, ack: true) == .delivered(retransmissions: 0))
        #expect(h.deliveredCount == 1)
        #expect(h.processes[0].transportBlockBits == 24)
    }

    @Test func invalidTransitions() throws {
        var h = try HARQEntity(processCount: 2, maxRetransmissions: 1)
        #expect(throws: RadioModelError.harqInvalidTransition(process: 1, state: .idle, operation: "retransmit")) {
            try h.startRetransmission(process: 1)
        }
        #expect(throws: RadioModelError.harqInvalidTransition(process: 1, state: .idle, operation: "take feedback")) {
            try h.receiveFeedback(process: 1, ack: true)
        }
        try h.startNewTransmission(process: 1, transportBlockBits: 100, mcs: 3)
        #expect(
            throws: RadioModelError.harqInvalidTransition(
                process: 1, state: .waitingForFeedback(retransmissions: 0), operation: "start a new transmission")
        ) { try h.startNewTransmission(process: 1, transportBlockBits: 100, mcs: 3) }
        #expect(throws: RadioModelError.outOfRange(parameter: "HARQ process", value: 2, allowed: 0...1)) {
            try h.receiveFeedback(process: 2, ack: true)
        }
        #expect(throws: RadioModelError.outOfRange(parameter: "HARQ processes", value: 0, allowed: 1...32)) {
            try HARQEntity(processCount: 0)
        }
        h.reset()
        #expect(h.firstIdleProcess() == 0 && h.processes[1].state == .idle)
    }

    @Test func zeroRetransmissionsDropsOnFirstNack() throws {
        var h = try HARQEntity(processCount: 1, maxRetransmissions: 0)
        try h.startNewTransmission(process: 0, transportBlockBits: 1000, mcs: 5)
        #expect(try h.receiveFeedback(process: 0, ack: false) == .dropped(retransmissions: 0))
        #expect(h.firstIdleProcess() == nil ? false : true)
    }

    /// A closed loop of the models: seeded, so two runs agree exactly.
    @Test func deterministicLoop() throws {
        func run() throws -> (Int, Int, Int) {
            var channel = try ChannelModel.randomWalk(start: 9, stepProbability: 0.2, seed: 11)
            var traffic = try TrafficModel.poisson(meanPacketsPerSlot: 2, packetBytes: 1500, seed: 12)
            var harq = try HARQEntity(processCount: 8, maxRetransmissions: 3)
            var rng = SplitMix64(seed: 13)
            let bler = BLERModel.standard
            var backlog = 0
            for slot in 0..<2000 {
                let cqi = channel.next()
                if case let .bytes(b) = traffic.next() { backlog += b }
                if let p = harq.firstProcessNeedingRetransmission() {
                    let retx = try harq.startRetransmission(process: p)
                    let e = try MCSTable.qam256.entry(harq.processes[p].mcs)
                    let ok = BLERModel.decodes(bler: try bler.bler(mcs: e, cqi: cqi, transmissions: retx + 1), using: &rng)
                    _ = try harq.receiveFeedback(process: p, ack: ok)
                } else if backlog > 0, let p = harq.firstIdleProcess(), let mcs = try CQITable.table2.mcsIndex(forCQI: cqi) {
                    let tbs = try TransportBlockSize(table: .qam256, mcs: mcs, prbs: 51, symbols: 12, dmrsREsPerPRB: 12)
                    try harq.startNewTransmission(process: p, transportBlockBits: tbs.bits, mcs: mcs)
                    backlog = max(0, backlog - tbs.bytes)
                    let ok = BLERModel.decodes(bler: try bler.bler(mcs: MCSTable.qam256.entry(mcs), cqi: cqi), using: &rng)
                    _ = try harq.receiveFeedback(process: p, ack: ok)
                }
                _ = slot
            }
            return (harq.deliveredCount, harq.droppedCount, backlog)
        }
        let first = try run()
        #expect(first == (try run()))
        #expect(first.0 > 0)
    }
}
