import Bus
import Foundation
import Testing
import VNFKit

/// Real time: a clocked link whose peer has ended (or cannot keep up) drops and counts the
/// batch instead of stalling the node for its send timeout.
struct TimedLinkDropTests {
    func link(_ path: String) -> NodeConfig.Link {
        .init(id: "l0", interface: "fh", peer: "x:fh", transport: "zmq", side: .connect, endpoint: "zmq+ipc://\(path)", address: "ipc://\(path)")
    }

    @Test func batchToAnAbsentPeerIsDroppedAndCountedWhenAsked() throws {
        let path = NSTemporaryDirectory() + "ranlab-drop-\(UUID().uuidString).sock"
        // A bound PUSH socket with no peer connected (the peer ended) cannot queue anything.
        let push = try ZMQChannel.bind("zmq+ipc://\(path)", .push) { $0.sendTimeout = .milliseconds(200); $0.linger = .zero }
        defer { push.close() }
        let l = TimedLink(link: link(path), channel: push)
        for i in 0..<3 { try l.send([UInt8(i)]) }
        try l.flush(dropWhenBusy: true)
        #expect(l.dropped == 3)
        #expect(l.sent == 3)
        // Without it the send waits for the channel's timeout and fails (what virtual time wants:
        // a counted message must never vanish).
        try l.send([9])
        #expect(throws: BusError.self) { try l.flush() }
        #expect(l.dropped == 3)
    }

    @Test func batchToAPresentPeerIsDeliveredWhole() throws {
        let path = NSTemporaryDirectory() + "ranlab-drop-\(UUID().uuidString).sock"
        let pull = try ZMQChannel.bind("zmq+ipc://\(path)", .pull)
        defer { pull.close() }
        let push = try ZMQChannel.connect("zmq+ipc://\(path)", .push) { $0.sendTimeout = .seconds(5); $0.linger = .zero }
        defer { push.close() }
        let l = TimedLink(link: link(path), channel: push)
        for i in 0..<3 { try l.send([UInt8(i)]) }
        try l.flush(dropWhenBusy: true)
        #expect(l.dropped == 0)
        var got: [[UInt8]] = []
        while got.count < 3, let m = try pull.receive(timeout: .seconds(5)) { got.append(m.bytes) }
        #expect(got == [[0], [1], [2]])
    }
}
