import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

@Suite("SCTP channels")
struct SCTPChannelTests {
    /// A `ranlab bus peer --role echo` listening on a fresh port, and our association to it.
    private func echoPeer(query: String = "") throws -> (PeerProcess, SCTPChannel) {
        let ep = "sctp://127.0.0.1:\(TestPorts.next())"
        let peer = try PeerProcess(["--role", "echo", "--endpoint", ep + "?streams=8"])
        let channel = try SCTPChannel.connect(ep + "?streams=8" + query)
        return (peer, channel)
    }

    @Test("The backend is chosen at run time and the override is honoured")
    func backendChoice() throws {
        #expect(try SCTPBackend.resolve(["RANLAB_SCTP_BACKEND": "usrsctp"]) == .usrsctp)
        #expect(try SCTPBackend.resolve(["RANLAB_SCTP_BACKEND": "kernel"]) == .kernel)
        #expect(throws: BusError.self) { try SCTPBackend.resolve(["RANLAB_SCTP_BACKEND": "quic"]) }
        // This kernel has no SCTP, so automatic choice must be usrsctp here; with SCTP it is the kernel.
        let kernelHasSCTP = socket(AF_INET, Int32(SOCK_STREAM.rawValue), Int32(IPPROTO_SCTP)).closingIfOpen()
        #expect(try SCTPBackend.resolve([:]) == (kernelHasSCTP ? .kernel : .usrsctp))
    }

    @Test("1 B, 64 KiB and 4 MiB round-trip through a peer process; 0 B is refused as SCTP requires")
    func roundTrip() throws {
        let (peer, channel) = try echoPeer()
        defer { channel.close() }
        for (i, size) in [1, 64 * 1024, 4 * 1024 * 1024].enumerated() {
            let sent = pattern(size, seed: UInt8(i))
            try channel.send(sent, info: MessageInfo(stream: 1, ppid: 62))
            let back = try #require(try channel.receive(timeout: .seconds(30)), "no echo for \(size) B")
            #expect(back.bytes.count == size)
            #expect(back.bytes == sent)
            #expect(back.info.stream == 1 && back.info.ppid == 62)
        }
        // An SCTP DATA chunk carries at least one byte (RFC 9260 §3.3.1): empty messages cannot exist on the wire.
        #expect {
            try channel.send([], info: MessageInfo(ppid: 62))
        } throws: { error in
            guard case let .unsupported(_, what) = error as? BusError else { return false }
            return what.contains("empty message")
        }
        _ = peer
    }

    @Test("Several streams and PPIDs arrive intact with per-stream order kept; unordered is flagged")
    func streamsAndPPIDs() throws {
        let (peer, channel) = try echoPeer()
        defer { channel.close() }
        let perStream = 200
        var expected: [UInt16: [UInt32]] = [:]
        for i in 0..<perStream {
            for stream: UInt16 in 0..<4 {
                let ppid = stream % 2 == 0 ? UInt32(62) : 70
                var bytes = pattern(100 + i % 50, seed: UInt8(stream))
                bytes[0] = UInt8(i & 255)
                bytes[1] = UInt8(i >> 8)
                try channel.send(bytes, info: MessageInfo(stream: stream, ppid: ppid))
                expected[stream, default: []].append(UInt32(i))
            }
        }
        try channel.send(pattern(10), info: MessageInfo(stream: 5, ppid: 0xDEAD_BEEF, unordered: true))
        var seen: [UInt16: [UInt32]] = [:]
        var unorderedSeen = false
        for _ in 0..<(perStream * 4 + 1) {
            let m = try #require(try channel.receive(timeout: .seconds(10)))
            if m.info.stream == 5 {
                #expect(m.info.unordered && m.info.ppid == 0xDEAD_BEEF)
                unorderedSeen = true
                continue
            }
            #expect(m.info.ppid == (m.info.stream % 2 == 0 ? 62 : 70))
            #expect(!m.info.unordered)
            seen[m.info.stream, default: []].append(UInt32(m.bytes[0]) | UInt32(m.bytes[1]) << 8)
        }
        #expect(unorderedSeen)
        #expect(seen == expected, "per-stream order broken")
        _ = peer
    }

    @Test("Killing the peer process surfaces association lost")
    func associationLost() throws {
        let (peer, channel) = try echoPeer(query: "&heartbeat=200ms")
        defer { channel.close() }
        #expect(channel.nextEvent() == .up(peer: "127.0.0.1:\(channel.endpoint.port)"))
        try channel.send([1, 2, 3], info: MessageInfo(ppid: 70))
        #expect(try channel.receive(timeout: .seconds(5))?.bytes == [1, 2, 3])
        peer.kill()
        // Nothing arrives any more; the heartbeat failure ends the association.
        let error = #expect(throws: BusError.self) { _ = try channel.receive(timeout: .seconds(20)) }
        guard case .peerLost = error else {
            Issue.record("expected peerLost, got \(String(describing: error))")
            return
        }
        #expect(channel.nextEvent().map { if case .lost = $0 { true } else { false } } == true)
        #expect(throws: BusError.self) { try channel.send([1], info: .none) }
    }

    @Test("interrupt() releases a blocked SCTP receive and accept")
    func interruptSCTP() throws {
        let listener = try SCTPListener.listen("sctp://127.0.0.1:\(TestPorts.next())")
        defer { listener.close() }
        let accepting = TestThread<Bool> { try listener.accept(timeout: nil) == nil }
        usleep(100_000)
        listener.interrupt()
        #expect(try accepting.join())
        let udp = listener.udpEncapsulationPort.map { "?udp=\($0)" } ?? ""
        let client = try SCTPChannel.connect("sctp://127.0.0.1:\(listener.endpoint.port)\(udp)")
        defer { client.close() }
        _ = client.nextEvent()  // .up
        let receiving = TestThread<Bool> { try client.receive(timeout: nil) == nil }
        usleep(100_000)
        client.interrupt()
        #expect(try receiving.join())
    }

    @Test("A graceful close on the far side is reported as shutdown")
    func gracefulShutdown() throws {
        let listener = try SCTPListener.listen("sctp://127.0.0.1:\(TestPorts.next())")
        let port = listener.endpoint.port
        let udp = listener.udpEncapsulationPort.map { "?udp=\($0)" } ?? ""
        let client = try SCTPChannel.connect("sctp://127.0.0.1:\(port)\(udp)")
        defer { client.close() }
        let server = try #require(try listener.accept(timeout: .seconds(5)))
        try server.send([9], info: MessageInfo(ppid: 70))
        server.close()
        #expect(try client.receive(timeout: .seconds(5))?.bytes == [9])
        #expect(throws: BusError.self) { _ = try client.receive(timeout: .seconds(5)) }
        let events = [client.nextEvent(), client.nextEvent()].compactMap { $0 }
        #expect(events.contains { if case .shutdown = $0 { true } else { false } }, "\(events)")
        listener.close()
    }

    @Test("Connecting where nobody listens is unreachable; a taken port is in use; bad streams are refused")
    func typedErrors() throws {
        let port = TestPorts.next()
        #expect {
            _ = try SCTPChannel.connect("sctp://127.0.0.1:\(port)")
        } throws: { ($0 as? BusError).map { if case .unreachable = $0 { true } else { false } } ?? false }
        let listener = try SCTPListener.listen("sctp://127.0.0.1:\(port)?udp=\(TestPorts.next())")
        defer { listener.close() }
        #expect(throws: BusError.addressInUse(endpoint: "sctp://127.0.0.1:\(port)")) {
            _ = try SCTPListener.listen("sctp://127.0.0.1:\(port)")
        }
        let udp = listener.udpEncapsulationPort.map { "&udp=\($0)" } ?? ""
        let client = try SCTPChannel.connect("sctp://127.0.0.1:\(port)?streams=2&max-message=1000\(udp)")
        defer { client.close() }
        #expect(throws: BusError.self) { try client.send([1], info: MessageInfo(stream: 2)) }
        #expect(throws: BusError.messageTooLarge(size: 1001, limit: 1000, endpoint: client.endpoint.description)) {
            try client.send(pattern(1001), info: .none)
        }
    }

    @Test("Many associations in one process share one usrsctp stack")
    func manyAssociations() throws {
        let listener = try SCTPListener.listen("sctp://127.0.0.1:\(TestPorts.next())")
        defer { listener.close() }
        let udp = listener.udpEncapsulationPort.map { "?udp=\($0)" } ?? ""
        let url = "sctp://127.0.0.1:\(listener.endpoint.port)\(udp)"
        let clients = try (0..<8).map { _ in try SCTPChannel.connect(url) }
        let servers = try (0..<8).map { _ in try #require(try listener.accept(timeout: .seconds(5))) }
        for (i, c) in clients.enumerated() { try c.send([UInt8(i)], info: MessageInfo(ppid: 62)) }
        var got = Set<UInt8>()
        for s in servers { if let m = try s.receive(timeout: .seconds(5)) { got.insert(m.bytes[0]) } }
        #expect(got == Set(0..<8))
        clients.forEach { $0.close() }
        servers.forEach { $0.close() }
        // usrsctp runs once per process: a second listener on another SCTP port reuses the same UDP port.
        if listener.backend == "usrsctp" {
            let second = try SCTPListener.listen("sctp://127.0.0.1:\(TestPorts.next())")
            defer { second.close() }
            #expect(second.udpEncapsulationPort == listener.udpEncapsulationPort)
        }
    }
}

private extension Int32 {
    /// True when this is an open descriptor (which is then closed).
    func closingIfOpen() -> Bool {
        if self < 0 { return false }
        close(self)
        return true
    }
}
