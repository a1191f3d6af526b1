import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

@Suite("ZeroMQ channels")
struct ZMQChannelTests {
    static let sizes = [0, 1, 64 * 1024, 4 * 1024 * 1024]

    private func roundTrip(_ channel: ZMQChannel) throws {
        for (i, size) in Self.sizes.enumerated() {
            let sent = pattern(size, seed: UInt8(i))
            try channel.send(sent)
            let back = try #require(try channel.receive(timeout: .seconds(20)), "no echo for \(size) B")
            #expect(back.bytes.count == size)
            #expect(back.bytes == sent, "\(size) B came back altered")
            #expect(back.info.more == false)
        }
    }

    @Test("0 B, 1 B, 64 KiB and 4 MiB round-trip through a peer process", arguments: ["ipc", "tcp"])
    func peerProcessRoundTrip(transport: String) throws {
        let dir = try TemporaryDirectory()
        let ep = transport == "ipc" ? "zmq+ipc://\(dir.path("echo.sock"))" : "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let peer = try PeerProcess(["--role", "echo", "--endpoint", ep, "--type", "pair"])
        let channel = try ZMQChannel.connect(ep, .pair)
        defer { channel.close() }
        try channel.waitForPeer(timeout: .seconds(10))
        try roundTrip(channel)
        _ = peer
    }

    @Test("0 B, 1 B, 64 KiB and 4 MiB cross inproc between threads with boundaries intact")
    func inprocRoundTrip() throws {
        // inproc exists only inside one process, so the peer is a second thread.
        let ep = "zmq+inproc://rt-\(UUID().uuidString)"
        let server = try ZMQChannel.bind(ep, .pair)
        let echo = TestThread<Int> {
            var n = 0
            while n < Self.sizes.count, let m = try server.receive(timeout: .seconds(20)) {
                try server.send(m)
                n += 1
            }
            server.close()
            return n
        }
        let client = try ZMQChannel.connect(ep, .pair)
        defer { client.close() }
        try roundTrip(client)
        #expect(try echo.join() == Self.sizes.count)
    }

    @Test("Multipart frames arrive together and in order, ROUTER sees the DEALER's identity")
    func multipartDealerRouter() throws {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let router = try ZMQChannel.bind(ep, .router)
        defer { router.close() }
        let dealer = try ZMQChannel.connect(ep, .dealer)
        defer { dealer.close() }
        try dealer.sendMultipart([Array("hdr".utf8), [], pattern(3000)])
        let frames = try #require(try router.receiveMultipart(timeout: .seconds(10)))
        #expect(frames.count == 4)  // identity + 3
        #expect(frames[1] == Array("hdr".utf8) && frames[2].isEmpty && frames[3] == pattern(3000))
        // Reply through the identity; an unknown identity is reported, not dropped silently.
        try router.sendMultipart([frames[0], Array("ack".utf8)])
        #expect(try dealer.receive(timeout: .seconds(10))?.bytes == Array("ack".utf8))
        #expect(throws: BusError.self) { try router.sendMultipart([Array("nobody".utf8), [1]]) }
    }

    @Test("A DEALER's routing-id option is the identity its ROUTER peer sees and addresses")
    func routingID() throws {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let router = try ZMQChannel.bind(ep, .router)
        defer { router.close() }
        let dealer = try ZMQChannel.connect(ep + "?routing-id=du-7", .dealer)
        defer { dealer.close() }
        try dealer.send(Array("hello".utf8))
        let frames = try #require(try router.receiveMultipart(timeout: .seconds(10)))
        #expect(frames.first == Array("du-7".utf8))
        try router.sendMultipart([Array("du-7".utf8), Array("stop".utf8)])
        #expect(try dealer.receive(timeout: .seconds(10))?.bytes == Array("stop".utf8))
        #expect(throws: BusError.self) { try ZMQChannel.connect(ep + "?routing-id=", .dealer) }
    }

    @Test("PUB/SUB delivers only subscribed prefixes")
    func pubSub() throws {
        let ep = "zmq+inproc://ps-\(UUID().uuidString)"
        let pub = try ZMQChannel.bind(ep, .pub)
        defer { pub.close() }
        let sub = try ZMQChannel.connect(ep + "?subscribe=kpi.", .sub)
        defer { sub.close() }
        // Subscriptions propagate asynchronously: publish until the first one lands.
        var got: Message?
        for _ in 0..<200 where got == nil {
            try pub.send("log.noise")
            try pub.send("kpi.prb 42")
            got = try sub.receive(timeout: .milliseconds(10))
        }
        #expect(got?.bytes == Array("kpi.prb 42".utf8))
        while let m = try sub.receive(timeout: .milliseconds(50)) {
            #expect(m.bytes.starts(with: Array("kpi.".utf8)))
        }
    }

    @Test("A PUSH blocks at its high-water mark instead of queueing without bound")
    func highWaterMark() throws {
        let ep = "zmq+inproc://hwm-\(UUID().uuidString)"
        let pull = try ZMQChannel.bind(ep + "?rcvhwm=5", .pull)
        defer { pull.close() }
        let push = try ZMQChannel.connect(ep + "?sndhwm=5", .push) { $0.sendTimeout = .milliseconds(100) }
        defer { push.close() }
        var sent = 0
        while sent < 1000 {
            do { try push.send([UInt8(sent & 255)]) } catch {
                guard case .timedOut = error else { throw error }
                break
            }
            sent += 1
        }
        // inproc queues are the sum of both sides' marks: far fewer than 1000.
        #expect(sent >= 5 && sent <= 20, "sent \(sent) before blocking")
        var received = 0
        while try pull.receive(timeout: .milliseconds(100)) != nil { received += 1 }
        #expect(received == sent)
    }

    @Test("Zero-copy send hands the buffer to libzmq and the bytes arrive intact")
    func zeroCopySend() throws {
        let ep = "zmq+inproc://zc-\(UUID().uuidString)"
        let pull = try ZMQChannel.bind(ep, .pull)
        defer { pull.close() }
        let push = try ZMQChannel.connect(ep, .push)
        defer { push.close() }
        weak var released: MessageBuffer?
        do {
            let buffer = MessageBuffer(pattern(100_000, seed: 9))
            released = buffer
            try push.send(buffer)
        }
        // Not copied: libzmq still holds our buffer while the message waits in the queue.
        #expect(released != nil)
        let m = try #require(try pull.receive(timeout: .seconds(5)))
        #expect(m.bytes == pattern(100_000, seed: 9))
        // libzmq released the buffer once the message was consumed.
        for _ in 0..<100 where released != nil { usleep(1000) }
        #expect(released == nil)
    }

    @Test("Allocation-free receive fills the caller's buffer and refuses one too small")
    func receiveIntoBuffer() throws {
        let ep = "zmq+inproc://rx-\(UUID().uuidString)"
        let pull = try ZMQChannel.bind(ep, .pull)
        defer { pull.close() }
        let push = try ZMQChannel.connect(ep, .push)
        defer { push.close() }
        try push.send(pattern(500))
        try push.send(pattern(5000))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 8)
        defer { buffer.deallocate() }
        let r = try #require(try pull.receive(into: buffer, timeout: .seconds(5)))
        #expect(r.count == 500 && Array(buffer[0..<500]) == pattern(500))
        #expect(throws: BusError.messageTooLarge(size: 5000, limit: 1000, endpoint: pull.endpoint.description)) {
            _ = try pull.receive(into: buffer, timeout: .seconds(5))
        }
    }

    @Test("Oversized sends and misuse give typed errors")
    func typedErrors() throws {
        let ep = "zmq+inproc://err-\(UUID().uuidString)"
        let pull = try ZMQChannel.bind(ep + "?max-message=100", .pull)
        defer { pull.close() }
        #expect(throws: BusError.messageTooLarge(size: 101, limit: 100, endpoint: pull.endpoint.description)) {
            try pull.send(pattern(101))
        }
        #expect(throws: BusError.self) { try pull.send([1]) }
        #expect(throws: BusError.addressInUse(endpoint: ep)) {
            _ = try ZMQChannel.bind(ep, .pull)
        }
        pull.close()
        #expect(throws: BusError.closed(endpoint: pull.endpoint.description)) { _ = try pull.receive(timeout: .zero) }
    }

    @Test("A tcp port already bound gives addressInUse")
    func tcpAddressInUse() throws {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let a = try ZMQChannel.bind(ep, .pull)
        defer { a.close() }
        #expect(throws: BusError.addressInUse(endpoint: ep)) { _ = try ZMQChannel.bind(ep, .pull) }
    }

    @Test("Waiting for an absent peer reports it unreachable")
    func unreachablePeer() throws {
        let channel = try ZMQChannel.connect("zmq+tcp://127.0.0.1:\(TestPorts.next())", .dealer)
        defer { channel.close() }
        #expect(throws: BusError.self) { try channel.waitForPeer(timeout: .milliseconds(300)) }
    }

    @Test("A frozen peer (SIGSTOP, no FIN/RST) is detected by heartbeats")
    func heartbeatTimeout() throws {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let peer = try PeerProcess(["--role", "echo", "--endpoint", ep, "--type", "pair"])
        defer { peer.kill() }
        let channel = try ZMQChannel.connect(ep + "?heartbeat=100ms&heartbeat-timeout=300ms", .pair)
        defer { channel.close() }
        try channel.waitForPeer(timeout: .seconds(10))
        kill(peer.process.processIdentifier, SIGSTOP)
        defer { kill(peer.process.processIdentifier, SIGCONT) }
        let lost = channel.waitForEvent(timeout: .seconds(10)) { if case .lost = $0 { return true }; return false }
        #expect(lost != nil, "no heartbeat timeout reported for a frozen peer")
    }

    @Test("interrupt() releases a receive blocked forever, impaired or not", arguments: ["", "?delay=1ms&loss=1%"])
    func interruptReceive(query: String) throws {
        let ep = "zmq+inproc://int-\(UUID().uuidString)"
        let pull = try ZMQChannel.bind(ep + query, .pull)
        let waiting = TestThread<Bool> { try pull.receive(timeout: nil) == nil }
        usleep(100_000)
        pull.interrupt()
        #expect(try waiting.join())
        pull.close()
    }

    @Test("Killing the peer process surfaces a lost event")
    func peerLost() throws {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let peer = try PeerProcess(["--role", "echo", "--endpoint", ep, "--type", "pair"])
        let channel = try ZMQChannel.connect(ep + "?heartbeat=100ms", .pair)
        defer { channel.close() }
        try channel.waitForPeer(timeout: .seconds(10))
        try channel.send("ping")
        #expect(try channel.receive(timeout: .seconds(5))?.bytes == Array("ping".utf8))
        peer.kill()
        let lost = channel.waitForEvent(timeout: .seconds(10)) { if case .lost = $0 { return true }; return false }
        #expect(lost != nil)
    }
}
