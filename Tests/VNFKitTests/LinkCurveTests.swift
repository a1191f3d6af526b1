import Bus
import Foundation
import Testing
import VNFKit

/// The CURVE keys the orchestrator writes into a link's two ends really secure the link.
struct LinkCurveTests {
    func ends(_ path: String) throws -> (bind: NodeConfig.Link, connect: NodeConfig.Link, stranger: NodeConfig.Link) {
        let server = try CurveKeyPair.generate(), client = try CurveKeyPair.generate(), other = try CurveKeyPair.generate()
        let ep = "zmq+ipc://\(path)"
        func link(_ side: NodeConfig.Link.Side, _ curve: NodeConfig.Curve) -> NodeConfig.Link {
            .init(id: "l0", interface: "fh", peer: "x:fh", transport: "zmq", side: side, endpoint: ep, address: "ipc://\(path)", curve: curve)
        }
        return (link(.bind, .init(publicKey: server.publicKey, secretKey: server.secretKey, peerPublicKey: client.publicKey)),
                link(.connect, .init(publicKey: client.publicKey, secretKey: client.secretKey, peerPublicKey: server.publicKey)),
                link(.connect, .init(publicKey: other.publicKey, secretKey: other.secretKey, peerPublicKey: server.publicKey)))
    }

    func deliver(from sender: NodeConfig.Link?, to receiver: NodeConfig.Link, endpoint: String) throws -> Bool {
        let serverCurve = try receiver.curveOptions()
        let pull = try ZMQChannel.bind(endpoint, .pull) { if let serverCurve { $0.curve = serverCurve } }
        defer { pull.close() }
        let clientCurve = try sender?.curveOptions()
        let push = try ZMQChannel.connect(endpoint, .push) { o in
            if let clientCurve { o.curve = clientCurve }
            o.sendTimeout = .milliseconds(500)
            o.linger = .zero
        }
        defer { push.close() }
        try? push.send(Array("hello".utf8))
        return try pull.receive(timeout: .seconds(2))?.bytes == Array("hello".utf8)
    }

    @Test("The client end gets through; no keys, or keys the server was not told of, do not")
    func curveSecuresTheLink() throws {
        let path = "/tmp/ranlab-curve-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        defer { unlink(path) }
        let (bind, connect, stranger) = try ends(path)
        #expect(try bind.curveOptions() != nil && connect.curveOptions() != nil)
        #expect(try deliver(from: connect, to: bind, endpoint: "zmq+ipc://\(path)"))
        #expect(try !deliver(from: nil, to: bind, endpoint: "zmq+ipc://\(path)"))
        #expect(try !deliver(from: stranger, to: bind, endpoint: "zmq+ipc://\(path)"))
    }
}
