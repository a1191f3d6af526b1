import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

/// Capture from live channels (not just the packet builder): what crossed the socket is what tshark reads.
@Suite("Channel capture", .enabled(if: Tshark.path != nil, "tshark is not installed (apt-get install tshark)"))
struct ChannelCaptureTests {
    private let payloadDissectors = ["--disable-protocol", "f1ap", "--disable-protocol", "e2ap", "--disable-protocol", "oran_fh_cus"]

    @Test("An SCTP channel's pcap shows the true ports, streams and PPIDs, with no malformed packets")
    func sctpChannelCapture() throws {
        let dir = try TemporaryDirectory()
        let pcap = dir.path("f1.pcap")
        let port = TestPorts.next()
        let peer = try PeerProcess(["--role", "echo", "--endpoint", "sctp://127.0.0.1:\(port)?streams=4"])
        let channel = try SCTPChannel.connect("sctp://127.0.0.1:\(port)?streams=4&capture=\(pcap)")
        let sent: [(UInt16, UInt32, Int)] = [(0, 62, 100), (1, 70, 2000), (2, 62, 70_000), (3, 70, 5)]
        for (stream, ppid, size) in sent {
            try channel.send(pattern(size), info: MessageInfo(stream: stream, ppid: ppid))
            _ = try #require(try channel.receive(timeout: .seconds(10)))
        }
        channel.close()
        _ = peer

        let rows = try Tshark.run(["-r", pcap] + payloadDissectors + ["-T", "fields", "-E", "separator=/t",
                                   "-e", "sctp.srcport", "-e", "sctp.dstport", "-e", "sctp.data_sid", "-e", "sctp.data_payload_proto_id",
                                   "-e", "sctp.data_e_bit", "-Y", "sctp.data_e_bit == 1"])
            .split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        // Each message out and its echo back, in order; the last fragment (E bit) stands for the message.
        try #require(rows.count == sent.count * 2, "\(rows)")
        for (i, (stream, ppid, _)) in sent.enumerated() {
            let out = rows[2 * i], back = rows[2 * i + 1]
            #expect(Int(out[1]) == Int(port) && Int(back[0]) == Int(port))
            #expect(Tshark.number(out[2]) == Int(stream) && Tshark.number(back[2]) == Int(stream))
            #expect(Int(out[3]) == Int(ppid) && Int(back[3]) == Int(ppid))
        }
        let expert = try Tshark.run(["-r", pcap, "-o", "sctp.checksum:CRC 32c"] + payloadDissectors + ["-z", "expert", "-q"])
        #expect(!expert.contains("Malformed") && !expert.contains("Errors"), "\(expert)")
    }

    @Test("A fronthaul ZMQ channel captures eCPRI Ethernet frames; other ZMQ links capture as UDP")
    func zmqChannelCapture() throws {
        let dir = try TemporaryDirectory()
        let fh = dir.path("fh.pcap")
        let ctl = dir.path("ctl.pcap")
        let port = TestPorts.next()
        let pull = try ZMQChannel.bind("zmq+tcp://127.0.0.1:\(port)?capture=\(fh)&encap=ecpri", .pull)
        let push = try ZMQChannel.connect("zmq+tcp://127.0.0.1:\(port)", .push)
        // eCPRI common header: revision 1, type 0 (IQ data), payload size, PC_ID, SEQ_ID; then IQ bytes.
        let iq = pattern(64)
        let frame: [UInt8] = [0x10, 0x00, 0x00, UInt8(4 + iq.count), 0x00, 0x01, 0x07, 0x80] + iq
        for _ in 0..<3 { try push.send(frame) }
        for _ in 0..<3 { _ = try #require(try pull.receive(timeout: .seconds(5))) }
        pull.close()
        push.close()
        let types = try Tshark.run(["-r", fh] + payloadDissectors + ["-T", "fields", "-e", "eth.type", "-e", "ecpri.revision", "-e", "ecpri.size"])
        #expect(types.split(separator: "\n").map(String.init) == Array(repeating: "0xaefe\t1\t68", count: 3))

        let a = try ZMQChannel.bind("zmq+inproc://cap-\(port)?capture=\(ctl)", .pair)
        let b = try ZMQChannel.connect("zmq+inproc://cap-\(port)", .pair)
        try b.send("hello")
        _ = try a.receive(timeout: .seconds(5))
        try a.send("world")
        a.close()
        b.close()
        let udp = try Tshark.run(["-r", ctl, "-T", "fields", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "data.data"])
        #expect(udp.split(separator: "\n").map(String.init) == ["49152\t5555\t68656c6c6f", "5555\t49152\t776f726c64"])
    }
}
