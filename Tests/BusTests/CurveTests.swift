import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

@Suite("CURVE security")
struct CurveTests {
    /// A CURVE server PULL on tcp with an allow-list, and a client PUSH with the given keys.
    private func attempt(clientKeys: CurveKeyPair, serverKeyGiven: String, serverKeys: CurveKeyPair,
                         allowed: Set<String>?) throws -> (delivered: Bool, events: [ChannelEvent]) {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let server = try ZMQChannel.bind(ep, .pull) { $0.curve = .server(keys: serverKeys, allowedClients: allowed) }
        defer { server.close() }
        let client = try ZMQChannel.connect(ep, .push) {
            $0.curve = .client(keys: clientKeys, serverPublicKey: serverKeyGiven)
            $0.sendTimeout = .milliseconds(500)
        }
        defer { client.close() }
        // PUSH queues until a peer is ready; an unauthenticated client never gets one.
        try? client.send("secret kpi")
        let delivered = try server.receive(timeout: .seconds(2)) != nil
        var events: [ChannelEvent] = []
        while let e = client.nextEvent() { events.append(e) }
        return (delivered, events)
    }

    @Test("An allowed client with the server's key gets through")
    func allowed() throws {
        let server = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        let r = try attempt(clientKeys: client, serverKeyGiven: server.publicKey, serverKeys: server, allowed: [client.publicKey])
        #expect(r.delivered)
    }

    @Test("A client not on the allow-list gets nothing through")
    func notAllowed() throws {
        let server = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        let other = try CurveKeyPair.generate()
        let r = try attempt(clientKeys: client, serverKeyGiven: server.publicKey, serverKeys: server, allowed: [other.publicKey])
        #expect(!r.delivered)
        #expect(r.events.contains { if case .authenticationFailed = $0 { true } else { false } })
    }

    @Test("A client without the server's key gets nothing through")
    func wrongServerKey() throws {
        let server = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        let impostor = try CurveKeyPair.generate()
        let r = try attempt(clientKeys: client, serverKeyGiven: impostor.publicKey, serverKeys: server, allowed: nil)
        #expect(!r.delivered)
    }

    @Test("A plain (no CURVE) client cannot talk to a CURVE server")
    func plainClient() throws {
        let ep = "zmq+tcp://127.0.0.1:\(TestPorts.next())"
        let keys = try CurveKeyPair.generate()
        let server = try ZMQChannel.bind(ep, .pull) { $0.curve = .server(keys: keys, allowedClients: nil) }
        defer { server.close() }
        let client = try ZMQChannel.connect(ep, .push) { $0.sendTimeout = .milliseconds(500) }
        defer { client.close() }
        try? client.send("hello")
        #expect(try server.receive(timeout: .seconds(1)) == nil)
    }

    @Test("Malformed keys are rejected before any socket opens")
    func badKeys() {
        #expect(throws: BusError.self) { _ = try CurveKeyPair(publicKey: "short", secretKey: "short") }
    }
}
