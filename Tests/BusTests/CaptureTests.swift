import RanlabTestSupport
import Foundation
import Testing

@testable import Bus

/// pcap capture: checksums, file format, SCTP/UDP/Ethernet framing, and an end-to-end check with tshark.
@Suite("Capture")
struct CaptureTests {
    // MARK: Checksums

    @Test("CRC32c matches the standard check value")
    func crc32cKnownVector() {
        let crc = Array("123456789".utf8).withUnsafeBytes { PacketBuilder.crc32c($0) }
        #expect(crc == 0xE306_9283)
    }

    @Test("Internet checksum matches RFC 1071's example")
    func internetChecksum() {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to 0xddf2; the checksum is its complement.
        let sum = [UInt8]([0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7]).withUnsafeBytes {
            PacketBuilder.internetChecksum($0)
        }
        #expect(sum == ~UInt16(0xDDF2))
    }

    // MARK: File format

    @Test("pcap file header and records read back, oversized frames truncated")
    func pcapFileFormat() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("format.pcap")
        let writer = try PcapWriter(path: path)
        let sizes = [60, 1514, PcapWriter.snapLength + 1000]
        for size in sizes {
            [UInt8](repeating: 0xAB, count: size).withUnsafeBytes {
                writer.write(frame: $0, timestamp: timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789))
            }
        }
        writer.close()
        writer.close()  // idempotent
        #expect(writer.failure == nil)

        let file = try PcapFile(path: path)
        #expect(file.magicBytes == [0x4D, 0x3C, 0xB2, 0xA1])  // nanosecond magic, little-endian
        #expect(file.versionMajor == 2 && file.versionMinor == 4)
        #expect(file.snapLength == UInt32(PcapWriter.snapLength))
        #expect(file.linkType == 1)
        #expect(file.records.map(\.originalLength) == sizes)
        #expect(file.records.map(\.data.count) == sizes.map { min($0, PcapWriter.snapLength) })
        #expect(file.records.allSatisfy { $0.seconds == 1_700_000_000 && $0.nanoseconds == 123_456_789 })
    }

    @Test("Opening a capture in a missing directory names the path")
    func cannotOpen() {
        let path = "/nonexistent-ranlab-dir/x.pcap"
        do throws(CaptureError) {
            _ = try PcapWriter(path: path)
            Issue.record("expected PcapWriter(path:) to throw")
        } catch {
            guard case let .cannotOpen(failedPath, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(failedPath == path)
            #expect(error.description.contains("writable"))
        }
    }

    @Test("Dotted-quad parsing")
    func parseIPv4() {
        #expect(CaptureAddress.parseIPv4("10.0.0.1") == 0x0A00_0001)
        #expect(CaptureAddress.parseIPv4("127.0.0.1") == CaptureAddress.loopbackIPv4)
        #expect(CaptureAddress.parseIPv4("256.0.0.1") == nil)
        #expect(CaptureAddress.parseIPv4("/tmp/bus.ipc") == nil)
        #expect(CaptureAddress.parseIPv4("") == nil)
    }

    // MARK: Framing (parsed by hand)

    @Test("A large SCTP message becomes DATA chunks with consecutive TSNs, one SSN and B/E flags")
    func sctpFragmentation() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("sctp.pcap")
        let capture = try makeCapture(path: path, encapsulation: .sctp)
        let message = testBytes(200_000)
        capture.record([1, 2, 3], info: MessageInfo(stream: 3, ppid: 70), direction: .outbound)
        capture.record(message, info: MessageInfo(stream: 3, ppid: 70), direction: .outbound)
        capture.record([4, 5], info: MessageInfo(stream: 3, ppid: 70, unordered: true), direction: .outbound)
        capture.record([6], info: MessageInfo(stream: 3, ppid: 62), direction: .inbound)
        capture.writer.close()

        let chunks = try PcapFile(path: path).records.map { try SCTPDataFrame($0.data) }
        try #require(chunks.count == 7)
        let fragments = Array(chunks[1...4])
        #expect(fragments.map(\.flags) == [0x02, 0x00, 0x00, 0x01])
        #expect(fragments.map(\.tsn) == [1001, 1002, 1003, 1004])
        #expect(fragments.allSatisfy { $0.stream == 3 && $0.streamSequence == 1 && $0.ppid == 70 })
        #expect(fragments.flatMap(\.payload) == message)
        // Unordered: U flag, SSN 0, does not advance the stream's sequence.
        #expect(chunks[5].flags == 0x07)
        #expect(chunks[5].streamSequence == 0)
        // The other direction has its own TSN space, tag and sequence numbers.
        #expect(chunks[6].tsn == 5000)
        #expect(chunks[6].streamSequence == 0)
        #expect(chunks[6].verificationTag != chunks[0].verificationTag)
        #expect(chunks.allSatisfy { $0.checksumIsValid })
        #expect(chunks.allSatisfy { $0.sctpPacketLength % 4 == 0 })  // DATA chunks are padded
    }

    // MARK: End to end with tshark

    @Test(
        "tshark reads PPIDs, streams, checksums and reassembles without errors",
        .enabled(if: Tshark.path != nil, "tshark is not installed (apt-get install tshark)")
    )
    func tsharkEndToEnd() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("e2e.pcap")
        let sctp = try makeCapture(path: path, encapsulation: .sctp)
        let writer = sctp.writer
        var expected: [(ppid: Int, stream: Int)] = []
        for stream: UInt16 in 0...3 {
            for (ppid, direction) in [(UInt32(62), CaptureDirection.outbound), (70, .inbound)] {
                sctp.record(testBytes(40 + Int(stream)), info: MessageInfo(stream: stream, ppid: ppid), direction: direction)
                expected.append((Int(ppid), Int(stream)))
            }
        }
        sctp.record(testBytes(9), info: MessageInfo(stream: 1, ppid: 62, unordered: true), direction: .outbound)
        expected.append((62, 1))
        sctp.record(testBytes(200_000), info: MessageInfo(stream: 2, ppid: 70), direction: .outbound)
        expected += Array(repeating: (70, 2), count: 4)

        let udpLocal = CaptureAddress(ipv4: CaptureAddress.loopbackIPv4, port: 5555)
        let udpRemote = CaptureAddress(ipv4: CaptureAddress.loopbackIPv4, port: 5556)
        let udp = LinkCapture(writer: writer, encapsulation: .udp, local: udpLocal, remote: udpRemote)
        udp.record(testBytes(100_000), info: .none, direction: .outbound)  // two datagrams
        let smallMTU = LinkCapture(
            writer: writer, encapsulation: .udp, local: udpLocal, remote: udpRemote, ipMTU: 1000)
        smallMTU.record(testBytes(2400), info: .none, direction: .inbound)  // IP fragments of 976, 976, 456 bytes
        let fronthaul = LinkCapture(
            writer: writer, encapsulation: .ethernet(etherType: 0xAEFE),
            local: CaptureAddress(ipv4: 0x0A00_0001, port: 0), remote: CaptureAddress(ipv4: 0x0A00_0002, port: 0))
        let iq = testBytes(32)
        // eCPRI header: revision 1, IQ data, payload size, PC_ID, SEQ_ID.
        fronthaul.record([0x10, 0x00, 0x00, UInt8(4 + iq.count), 0x12, 0x34, 0x00, 0x80] + iq, info: .none, direction: .outbound)
        writer.close()
        #expect(writer.failure == nil)

        let checks = ["-o", "sctp.checksum:CRC 32c", "-o", "ip.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE"]
        let rows = try Tshark.run(
            ["-r", path] + checks + ["-T", "fields", "-E", "separator=/t"]
                + ["-e", "sctp.data_payload_proto_id", "-e", "sctp.data_sid", "-e", "sctp.checksum.status"]
                + ["-e", "ip.checksum.status", "-e", "udp.checksum.status", "-e", "udp.length", "-e", "eth.type"]
        ).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        try #require(rows.count == expected.count + 2 + 3 + 1)

        let sctpRows = rows.prefix(expected.count)
        #expect(sctpRows.map { Tshark.number($0[0]) } == expected.map(\.ppid))
        #expect(sctpRows.map { Tshark.number($0[1]) } == expected.map(\.stream))
        #expect(sctpRows.allSatisfy { $0[2] == "1" && $0[3] == "1" })  // 1 = Good
        // Two whole datagrams, then three IP fragments that tshark reassembles on the last one.
        let udpRows = rows.dropFirst(expected.count).prefix(5)
        #expect(udpRows.allSatisfy { $0[3] == "1" })
        #expect(udpRows.map { $0[4] } == ["1", "1", "", "", "1"])
        #expect(udpRows.map { $0[5] } == ["65515", "34501", "", "", "2408"])
        #expect(rows.last?[6] == "0xaefe")

        // Random payloads are not valid F1AP/E2AP/O-RAN U-plane, so those dissectors are disabled:
        // whatever expert info remains comes from the Ethernet/IPv4/UDP/SCTP/eCPRI framing.
        let expert = try Tshark.run(
            ["-r", path] + checks
                + ["--disable-protocol", "f1ap", "--disable-protocol", "e2ap", "--disable-protocol", "oran_fh_cus"]
                + ["-z", "expert", "-q"])
        #expect(!expert.contains("Malformed"), "\(expert)")
        #expect(!expert.contains("Errors"), "\(expert)")
        #expect(!expert.contains("Warnings"), "\(expert)")
    }

    // MARK: Helpers

    private func makeCapture(path: String, encapsulation: CaptureEncapsulation) throws -> LinkCapture {
        LinkCapture(
            writer: try PcapWriter(path: path), encapsulation: encapsulation,
            local: CaptureAddress(ipv4: 0x0A00_0001, port: 38472), remote: CaptureAddress(ipv4: 0x0A00_0002, port: 38472))
    }

    private func testBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }
}

/// Minimal reader of a little-endian classic pcap file.
private struct PcapFile {
    struct Record {
        var seconds: UInt32
        var nanoseconds: UInt32
        var originalLength: Int
        var data: [UInt8]
    }

    var magicBytes: [UInt8]
    var versionMajor: UInt16
    var versionMinor: UInt16
    var snapLength: UInt32
    var linkType: UInt32
    var records: [Record] = []

    init(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try #require(bytes.count >= 24)
        magicBytes = Array(bytes[0..<4])
        versionMajor = UInt16(bytes.littleEndian(at: 4, size: 2))
        versionMinor = UInt16(bytes.littleEndian(at: 6, size: 2))
        snapLength = bytes.littleEndian(at: 16, size: 4)
        linkType = bytes.littleEndian(at: 20, size: 4)
        var offset = 24
        while offset < bytes.count {
            try #require(offset + 16 <= bytes.count)
            let included = Int(bytes.littleEndian(at: offset + 8, size: 4))
            try #require(offset + 16 + included <= bytes.count)
            records.append(Record(
                seconds: bytes.littleEndian(at: offset, size: 4),
                nanoseconds: bytes.littleEndian(at: offset + 4, size: 4),
                originalLength: Int(bytes.littleEndian(at: offset + 12, size: 4)),
                data: Array(bytes[offset + 16..<offset + 16 + included])))
            offset += 16 + included
        }
    }
}

/// The fields of an Ethernet/IPv4/SCTP frame carrying one DATA chunk.
private struct SCTPDataFrame {
    var verificationTag: UInt32
    var flags: UInt8
    var tsn: UInt32
    var stream: UInt16
    var streamSequence: UInt16
    var ppid: UInt32
    var payload: [UInt8]
    var checksumIsValid: Bool
    /// Bytes after the IPv4 header.
    var sctpPacketLength: Int

    init(_ frame: [UInt8]) throws {
        let ip = 14
        let sctp = ip + 20
        let chunk = sctp + 12
        try #require(frame.count >= chunk + 16)
        try #require(frame[12] == 0x08 && frame[13] == 0x00 && frame[ip + 9] == 132)
        try #require(frame[chunk] == 0)  // DATA
        verificationTag = frame.bigEndian(at: sctp + 4, size: 4)
        flags = frame[chunk + 1]
        let length = Int(frame.bigEndian(at: chunk + 2, size: 2))
        tsn = frame.bigEndian(at: chunk + 4, size: 4)
        stream = UInt16(frame.bigEndian(at: chunk + 8, size: 2))
        streamSequence = UInt16(frame.bigEndian(at: chunk + 10, size: 2))
        ppid = frame.bigEndian(at: chunk + 12, size: 4)
        payload = Array(frame[chunk + 16..<chunk + length])
        sctpPacketLength = frame.count - sctp
        var zeroed = Array(frame[sctp...])
        zeroed.replaceSubrange(8..<12, with: [0, 0, 0, 0])
        let crc = zeroed.withUnsafeBytes { PacketBuilder.crc32c($0) }
        checksumIsValid = frame.littleEndian(at: sctp + 8, size: 4) == crc
    }
}

extension Array where Element == UInt8 {
    fileprivate func bigEndian(at offset: Int, size: Int) -> UInt32 {
        self[offset..<offset + size].reduce(0) { $0 << 8 | UInt32($1) }
    }

    fileprivate func littleEndian(at offset: Int, size: Int) -> UInt32 {
        self[offset..<offset + size].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
