import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

@Suite("Async channel API")
struct AsyncChannelTests {
    @Test("async send and for-await receive over ZeroMQ with a peer process")
    func zmqAsync() async throws {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let peer = try PeerProcess(["--role", "echo", "--endpoint", ep, "--type", "pair"])
        let channel = AsyncChannel(try ZMQChannel.connect(ep, .pair))
        defer { channel.close() }
        for i in 0..<50 { try await channel.send(pattern(100 + i, seed: UInt8(i))) }
        var n = 0
        for try await m in channel.messages {
            #expect(m.bytes == pattern(100 + n, seed: UInt8(n)))
            n += 1
            if n == 50 { break }
        }
        #expect(n == 50)
        _ = peer
    }

    @Test("A send-only channel (PUSH) works async without a busy receive loop")
    func sendOnly() async throws {
        let ep = "zmq+inproc://async-push-\(UUID().uuidString)"
        let pull = try ZMQChannel.bind(ep, .pull)
        defer { pull.close() }
        let push = AsyncChannel(try ZMQChannel.connect(ep, .push))
        defer { push.close() }
        for i in 0..<10 { try await push.send([UInt8(i)]) }
        for i in 0..<10 { #expect(try pull.receive(timeout: .seconds(5))?.bytes == [UInt8(i)]) }
        // The messages stream ends (PUSH cannot receive) instead of spinning on errors.
        var it = push.messages.makeAsyncIterator()
        #expect(try await it.next() == nil)
    }

    @Test("async over SCTP: messages in order, and peer loss ends the stream with peerLost")
    func sctpAsync() async throws {
        let ep = "sctp://127.0.0.1:\(TestPorts.next())"
        let peer = try PeerProcess(["--role", "echo", "--endpoint", ep])
        let channel = AsyncChannel(try SCTPChannel.connect(ep + "?heartbeat=200ms"))
        defer { channel.close() }
        for i in 0..<20 { try await channel.send(pattern(10 + i), info: MessageInfo(stream: 1, ppid: 70)) }
        var iterator = channel.messages.makeAsyncIterator()
        for i in 0..<20 {
            let m = try #require(try await iterator.next())
            #expect(m.bytes == pattern(10 + i) && m.info.ppid == 70)
        }
        peer.kill()
        do {
            while try await iterator.next() != nil {}
            Issue.record("the stream ended without an error")
        } catch {
            guard case .peerLost = error as? BusError else {
                Issue.record("expected peerLost, got \(error)")
                return
            }
        }
    }
}
