import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

/// A peer written in another language (Python + pyzmq) sees exactly the bytes ranlab sends.
@Suite("Foreign peer", .enabled(if: PythonZMQ.python != nil, "python3 with pyzmq is missing (scripts/setup.sh installs it)"))
struct ForeignPeerTests {
    @Test("A pyzmq PAIR receives ranlab's frames byte for byte and its echo comes back intact")
    func pythonPeer() throws {
        let port = TestPorts.next()
        let script = repositoryRoot.appendingPathComponent("scripts/zmq_echo_peer.py").path
        let peer = try PeerProcess(executable: try #require(PythonZMQ.python),
                                   arguments: ["python3", script, "tcp://127.0.0.1:\(port)"])
        let channel = try ZMQChannel.connect("zmq+tcp://127.0.0.1:\(port)", .pair)
        defer { channel.close() }
        let frames: [[UInt8]] = [[0x00, 0x01], [], Array("hello".utf8), pattern(70_000)]
        try channel.sendMultipart(frames)
        let report = try #require(peer.readLine())
        let expected = "GOT " + frames.map { $0.isEmpty ? "-" : $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: " ")
        #expect(report == expected)
        #expect(try channel.receiveMultipart(timeout: .seconds(10)) == frames)
        try channel.send("STOP")
    }
}
