import Bus
import Foundation
import Orchestrator
import RanlabTestSupport
import Testing
import VNFKit

/// The slot barrier on real ZeroMQ sockets, with two hand-driven "nodes" speaking its protocol.
@Suite struct SlotBarrierTests {
    final class FakeNode {
        let socket: ZMQChannel
        init(_ name: String, address: String) throws {
            socket = try ZMQChannel.connect("zmq+\(address)", .dealer) { o in
                o.routingID = Array(name.utf8)
                o.linger = .zero
            }
        }
        func send(_ m: ClockMessage) throws { try socket.send(m.encoded()) }
        func next() throws -> ClockMessage? {
            guard let m = try socket.receive(timeout: .seconds(10)) else { return nil }
            return try ClockMessage(bytes: m.bytes)
        }
        func nothingFor(_ d: Duration) throws -> Bool { try socket.receive(timeout: d) == nil }
    }

    func barrier(total: Int?, lookahead: Int = 4) throws -> (SlotBarrier, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let b = try SlotBarrier(ipcPath: dir.path("clock.sock"), settings: .init(mode: .virtual, slotNanoseconds: 1_000_000, lookahead: lookahead, totalSlots: total))
        b.start()
        return (b, dir)
    }

    @Test func epochsCarryThePeersSendCountsAndEndAtTheScenarioLength() throws {
        let (b, dir) = try barrier(total: 10)
        defer { b.stop(); _ = dir }
        let du = try FakeNode("du", address: b.address), ru = try FakeNode("ru", address: b.address)
        try du.send(.join(node: "du", links: ["l0", "l9"]))   // l9: a link whose peer never joins
        try ru.send(.join(node: "ru", links: ["l0"]))
        #expect(try du.next() == .welcome)
        #expect(try ru.next() == .welcome)
        // Nothing runs before the lab is deployed.
        #expect(try du.nothingFor(.milliseconds(100)))
        b.release()
        #expect(try du.next() == .go(epoch: 0, firstSlot: 0, slotCount: 4, startTime: 0, expected: [0, ClockMessage.unclocked]))
        #expect(try ru.next() == .go(epoch: 0, firstSlot: 0, slotCount: 4, startTime: 0, expected: [0]))
        // The DU sent 3 messages on l0 in epoch 0; the RU 5. Nobody moves until both are done.
        try du.send(.done(epoch: 0, sent: [3, 0]))
        #expect(try du.nothingFor(.milliseconds(100)))
        try ru.send(.done(epoch: 0, sent: [5]))
        #expect(try du.next() == .go(epoch: 1, firstSlot: 4, slotCount: 4, startTime: 0, expected: [5, ClockMessage.unclocked]))
        #expect(try ru.next() == .go(epoch: 1, firstSlot: 4, slotCount: 4, startTime: 0, expected: [3]))
        // A stale `done` (wrong epoch) is ignored.
        try du.send(.done(epoch: 0, sent: [99, 0]))
        try du.send(.done(epoch: 1, sent: [7, 0]))
        try ru.send(.done(epoch: 1, sent: [6]))
        // The last epoch is cut to the scenario's 10 slots.
        #expect(try du.next() == .go(epoch: 2, firstSlot: 8, slotCount: 2, startTime: 0, expected: [6, ClockMessage.unclocked]))
        #expect(try ru.next() == .go(epoch: 2, firstSlot: 8, slotCount: 2, startTime: 0, expected: [7]))
        #expect(b.progress.slot == 8)
        #expect(!b.progress.finished)
        try du.send(.done(epoch: 2, sent: [8, 0]))
        try ru.send(.done(epoch: 2, sent: [6]))
        #expect(try du.next() == .end(slot: 10))
        #expect(try ru.next() == .end(slot: 10))
        #expect(b.progress.finished)
        #expect(b.progress.joined == ["du", "ru"])
    }

    @Test func aNodeThatGoesAwayIsDroppedAndItsLinksUnclocked() throws {
        let (b, dir) = try barrier(total: nil)
        defer { b.stop(); _ = dir }
        let du = try FakeNode("du", address: b.address), ru = try FakeNode("ru", address: b.address)
        try du.send(.join(node: "du", links: ["l0"]))
        try ru.send(.join(node: "ru", links: ["l0"]))
        _ = try du.next(); _ = try ru.next()
        b.release()
        _ = try du.next(); _ = try ru.next()
        try du.send(.done(epoch: 0, sent: [1]))
        // The RU dies mid-epoch: the DU is not held back, and l0 is no longer counted.
        b.remove("ru")
        #expect(try du.next() == .go(epoch: 1, firstSlot: 4, slotCount: 4, startTime: 0, expected: [ClockMessage.unclocked]))
        #expect(b.progress.participants == 1)
    }

    @Test func clockMessagesRoundTripAndAnyBytesDecodeOrFail() throws {
        let messages: [ClockMessage] = [.join(node: "dü", links: ["l0", "l1"]), .welcome, .end(slot: 1 << 40),
                                        .go(epoch: 7, firstSlot: 28, slotCount: 4, startTime: 123_456_789, expected: [0, .max, 3]),
                                        .done(epoch: 7, sent: [1, 2, 3])]
        for m in messages { #expect(try ClockMessage(bytes: m.encoded()) == m) }
        #expect(throws: ClockMessage.DecodeError.empty) { try ClockMessage(bytes: []) }
        #expect(throws: ClockMessage.DecodeError.unknownType(9)) { try ClockMessage(bytes: [9]) }
        #expect(throws: ClockMessage.DecodeError.trailingBytes(offset: 1)) { try ClockMessage(bytes: [5, 0]) }
        // A count that promises more than the bytes hold fails without allocating for it.
        #expect(throws: ClockMessage.DecodeError.truncated(field: "sent counts", offset: 11)) { try ClockMessage(bytes: [3, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) }
        var state: UInt64 = 42
        func random() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9; return z ^ (z >> 27) }
        for i in 0..<20_000 {
            var bytes = i % 2 == 0 ? messages[i % messages.count].encoded() : (0..<Int(random() % 40)).map { _ in UInt8(truncatingIfNeeded: random()) }
            if !bytes.isEmpty, i % 2 == 0 { bytes[Int(random() % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: random() | 1) }
            _ = try? ClockMessage(bytes: bytes)   // a value or a typed error, never a trap
        }
    }
}

extension SlotBarrierTests {
    /// A node restarted mid-run joins at the next epoch instead of holding the others back.
    @Test func aNodeJoiningARunningClockStartsAtTheNextEpoch() throws {
        let (b, dir) = try barrier(total: nil)
        defer { b.stop(); _ = dir }
        let du = try FakeNode("du", address: b.address)
        try du.send(.join(node: "du", links: ["l0"]))
        _ = try du.next()
        b.release()
        #expect(try du.next() == .go(epoch: 0, firstSlot: 0, slotCount: 4, startTime: 0, expected: [ClockMessage.unclocked]))
        let ru = try FakeNode("ru", address: b.address)
        try ru.send(.join(node: "ru", links: ["l0"]))
        #expect(try ru.next() == .welcome)
        try du.send(.done(epoch: 0, sent: [2]))
        // Epoch 1 includes the newcomer; their shared link stays unclocked.
        #expect(try du.next() == .go(epoch: 1, firstSlot: 4, slotCount: 4, startTime: 0, expected: [ClockMessage.unclocked]))
        #expect(try ru.next() == .go(epoch: 1, firstSlot: 4, slotCount: 4, startTime: 0, expected: [ClockMessage.unclocked]))
    }
}
