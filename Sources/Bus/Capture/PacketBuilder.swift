import Synchronization

/// Builds complete Ethernet frames for capture files: Ethernet II / IPv4 / UDP or SCTP, or a raw EtherType.
///
/// Builders write into caller-owned scratch buffers and hand each finished frame to `emit`, so once the
/// buffers have grown to the largest frame a steady stream of messages allocates nothing.
/// All multi-byte header fields are written in network byte order.
enum PacketBuilder {
    static let etherTypeIPv4: UInt16 = 0x0800
    static let ipProtocolUDP: UInt8 = 17
    static let ipProtocolSCTP: UInt8 = 132

    static let ethernetHeaderSize = 14
    static let ipv4HeaderSize = 20
    static let udpHeaderSize = 8
    static let sctpCommonHeaderSize = 12
    static let sctpDataChunkHeaderSize = 16

    /// Largest IPv4 packet: the 16-bit total-length field.
    static let maxIPv4PacketSize = 65_535
    /// Largest UDP payload one IPv4 datagram can carry (65 535 − 20 − 8).
    static let maxUDPPayload = maxIPv4PacketSize - ipv4HeaderSize - udpHeaderSize
    /// Largest piece of a user message carried in one SCTP DATA chunk.
    static let maxSCTPChunkPayload = 65_000

    /// DATA chunk flag bits (RFC 4960 §3.3.1).
    static let sctpFlagUnordered: UInt8 = 0x04
    static let sctpFlagBeginning: UInt8 = 0x02
    static let sctpFlagEnding: UInt8 = 0x01

    /// Process-wide IPv4 identification counter, so datagrams of different captures sharing one file
    /// (and possibly one address pair) never mix up during IP reassembly.
    private static let ipIdentification = Atomic<UInt16>(1)

    /// Consumer of one finished frame; the bytes are only valid during the call.
    typealias Emit = (UnsafeRawBufferPointer) -> Void

    /// Reusable buffers: the transport segment (UDP or SCTP packet) and the frame being emitted.
    struct Scratch {
        var segment: [UInt8] = []
        var frame: [UInt8] = []

        init() {
            segment.reserveCapacity(PacketBuilder.maxIPv4PacketSize)
            frame.reserveCapacity(PacketBuilder.ethernetHeaderSize + PacketBuilder.maxIPv4PacketSize)
        }
    }

    /// Fields of one SCTP user message that every DATA chunk of it repeats.
    struct SCTPMessage {
        var sourcePort: UInt16
        var destinationPort: UInt16
        var verificationTag: UInt32
        var stream: UInt16
        var streamSequence: UInt16
        /// Payload protocol identifier in host byte order.
        var ppid: UInt32
        var unordered: Bool
    }

    // MARK: Frames

    /// Builds `ethernet header + payload` into `frame` (no padding to the 60-byte minimum).
    static func ethernetFrame(
        payload: UnsafeRawBufferPointer, etherType: UInt16,
        sourceIPv4: UInt32, destinationIPv4: UInt32, into frame: inout [UInt8]
    ) {
        frame.removeAll(keepingCapacity: true)
        appendEthernetHeader(to: &frame, sourceIPv4: sourceIPv4, destinationIPv4: destinationIPv4, etherType: etherType)
        frame.append(contentsOf: payload)
    }

    /// Emits `payload` as UDP datagram(s). A payload too large for one IPv4 datagram (over 65 507 bytes)
    /// is carried by consecutive datagrams, since neither UDP nor IPv4 can describe a larger one.
    static func udpFrames(
        payload: UnsafeRawBufferPointer, source: CaptureAddress, destination: CaptureAddress,
        mtu: Int, scratch: inout Scratch, emit: Emit
    ) {
        forEachPiece(of: payload, maxSize: maxUDPPayload) { piece, _, _ in
            scratch.segment.removeAll(keepingCapacity: true)
            appendUDP(to: &scratch.segment, payload: piece, source: source, destination: destination)
            ipv4Frames(
                segment: scratch.segment, protocol: ipProtocolUDP,
                sourceIPv4: source.ipv4, destinationIPv4: destination.ipv4,
                mtu: mtu, frame: &scratch.frame, emit: emit)
        }
    }

    /// Emits `payload` as SCTP packets with one DATA chunk each. Messages over 65 000 bytes are fragmented
    /// the way SCTP does it: consecutive TSNs, one stream sequence number, B on the first and E on the last chunk.
    /// `tsn` is the next TSN to use and is advanced by the number of chunks.
    static func sctpFrames(
        payload: UnsafeRawBufferPointer, message: SCTPMessage, sourceIPv4: UInt32, destinationIPv4: UInt32,
        tsn: inout UInt32, mtu: Int, scratch: inout Scratch, emit: Emit
    ) {
        forEachPiece(of: payload, maxSize: maxSCTPChunkPayload) { piece, isFirst, isLast in
            var flags: UInt8 = message.unordered ? sctpFlagUnordered : 0
            if isFirst { flags |= sctpFlagBeginning }
            if isLast { flags |= sctpFlagEnding }
            scratch.segment.removeAll(keepingCapacity: true)
            appendSCTPData(to: &scratch.segment, piece: piece, message: message, tsn: tsn, flags: flags)
            tsn &+= 1
            ipv4Frames(
                segment: scratch.segment, protocol: ipProtocolSCTP,
                sourceIPv4: sourceIPv4, destinationIPv4: destinationIPv4,
                mtu: mtu, frame: &scratch.frame, emit: emit)
        }
    }

    /// Emits `segment` in one IPv4 packet, or in several fragments (MF flag, offsets in 8-byte units)
    /// when it does not fit in `mtu` bytes of IPv4 packet. Every call takes a new identification value.
    static func ipv4Frames(
        segment: [UInt8], protocol ipProtocol: UInt8, sourceIPv4: UInt32, destinationIPv4: UInt32,
        mtu: Int, frame: inout [UInt8], emit: Emit
    ) {
        let id = ipIdentification.wrappingAdd(1, ordering: .relaxed).oldValue
        // Fragment payloads other than the last must be multiples of 8 bytes.
        let clampedMTU = min(max(mtu, 68), maxIPv4PacketSize)
        let maxFragment = segment.count + ipv4HeaderSize <= clampedMTU
            ? segment.count : (clampedMTU - ipv4HeaderSize) & ~7
        var offset = 0
        repeat {
            let end = min(offset + maxFragment, segment.count)
            frame.removeAll(keepingCapacity: true)
            appendEthernetHeader(
                to: &frame, sourceIPv4: sourceIPv4, destinationIPv4: destinationIPv4, etherType: etherTypeIPv4)
            appendIPv4Header(
                to: &frame, payloadLength: end - offset, protocol: ipProtocol,
                sourceIPv4: sourceIPv4, destinationIPv4: destinationIPv4, identification: id,
                moreFragments: end < segment.count, fragmentOffset: offset)
            frame.append(contentsOf: segment[offset..<end])
            frame.withUnsafeBytes(emit)
            offset = end
        } while offset < segment.count
    }

    // MARK: Headers

    /// Locally administered MAC 02:00:a:b:c:d for IPv4 address a.b.c.d.
    static func appendMAC(to bytes: inout [UInt8], ipv4: UInt32) {
        bytes.append(0x02)
        bytes.append(0x00)
        bytes.appendBigEndian(ipv4)
    }

    /// Ethernet II header: destination MAC, source MAC, EtherType.
    static func appendEthernetHeader(
        to frame: inout [UInt8], sourceIPv4: UInt32, destinationIPv4: UInt32, etherType: UInt16
    ) {
        appendMAC(to: &frame, ipv4: destinationIPv4)
        appendMAC(to: &frame, ipv4: sourceIPv4)
        frame.appendBigEndian(etherType)
    }

    /// 20-byte IPv4 header (no options, TTL 64, DF clear) with its header checksum.
    /// `fragmentOffset` is in bytes and must be a multiple of 8.
    static func appendIPv4Header(
        to frame: inout [UInt8], payloadLength: Int, protocol ipProtocol: UInt8,
        sourceIPv4: UInt32, destinationIPv4: UInt32, identification: UInt16,
        moreFragments: Bool, fragmentOffset: Int
    ) {
        let start = frame.count
        frame.append(0x45)  // version 4, IHL 5 words
        frame.append(0x00)  // DSCP/ECN
        frame.appendBigEndian(UInt16(ipv4HeaderSize + payloadLength))
        frame.appendBigEndian(identification)
        frame.appendBigEndian(UInt16(fragmentOffset / 8) | (moreFragments ? 0x2000 : 0))
        frame.append(64)  // TTL
        frame.append(ipProtocol)
        frame.appendBigEndian(UInt16(0))  // checksum, filled below
        frame.appendBigEndian(sourceIPv4)
        frame.appendBigEndian(destinationIPv4)
        let checksum = frame.withUnsafeBytes {
            internetChecksum(UnsafeRawBufferPointer(rebasing: $0[start..<start + ipv4HeaderSize]))
        }
        frame.storeBigEndian(checksum, at: start + 10)
    }

    /// UDP header and payload with the checksum over the IPv4 pseudo-header.
    static func appendUDP(
        to segment: inout [UInt8], payload: UnsafeRawBufferPointer,
        source: CaptureAddress, destination: CaptureAddress
    ) {
        let start = segment.count
        let length = UInt16(udpHeaderSize + payload.count)
        segment.appendBigEndian(source.port)
        segment.appendBigEndian(destination.port)
        segment.appendBigEndian(length)
        segment.appendBigEndian(UInt16(0))  // checksum, filled below
        segment.append(contentsOf: payload)
        let pseudoHeader = (source.ipv4 >> 16) + (source.ipv4 & 0xFFFF)
            + (destination.ipv4 >> 16) + (destination.ipv4 & 0xFFFF)
            + UInt32(ipProtocolUDP) + UInt32(length)
        var checksum = segment.withUnsafeBytes {
            internetChecksum(UnsafeRawBufferPointer(rebasing: $0[start...]), initial: UInt64(pseudoHeader))
        }
        if checksum == 0 { checksum = 0xFFFF }  // 0 means "no checksum" in UDP
        segment.storeBigEndian(checksum, at: start + 6)
    }

    /// SCTP common header plus one DATA chunk carrying `piece`, padded to 4 bytes, with the CRC32c checksum.
    static func appendSCTPData(
        to segment: inout [UInt8], piece: UnsafeRawBufferPointer, message: SCTPMessage, tsn: UInt32, flags: UInt8
    ) {
        let start = segment.count
        segment.appendBigEndian(message.sourcePort)
        segment.appendBigEndian(message.destinationPort)
        segment.appendBigEndian(message.verificationTag)
        segment.appendBigEndian(UInt32(0))  // checksum, filled below
        segment.append(0)  // chunk type DATA
        segment.append(flags)
        segment.appendBigEndian(UInt16(sctpDataChunkHeaderSize + piece.count))  // length excludes padding
        segment.appendBigEndian(tsn)
        segment.appendBigEndian(message.stream)
        segment.appendBigEndian(message.streamSequence)
        segment.appendBigEndian(message.ppid)
        segment.append(contentsOf: piece)
        segment.append(contentsOf: repeatElement(0, count: (4 - piece.count % 4) % 4))
        let crc = segment.withUnsafeBytes { crc32c(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        // RFC 4960 appendix B: the CRC's least significant byte goes first on the wire.
        withUnsafeBytes(of: crc.littleEndian) { bytes in
            for i in 0..<4 { segment[start + 8 + i] = bytes[i] }
        }
    }

    // MARK: Checksums

    /// RFC 1071 one's-complement checksum of `bytes` (odd length padded with zero), plus an optional
    /// pre-summed `initial` (e.g. a pseudo-header).
    static func internetChecksum(_ bytes: UnsafeRawBufferPointer, initial: UInt64 = 0) -> UInt16 {
        var sum = initial
        var i = 0
        while i + 1 < bytes.count {
            sum &+= UInt64(bytes[i]) << 8 | UInt64(bytes[i + 1])
            i += 2
        }
        if i < bytes.count { sum &+= UInt64(bytes[i]) << 8 }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    /// CRC32c (Castagnoli, reflected polynomial 0x82F63B78) as used by SCTP (RFC 3309).
    static func crc32c(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let table = crc32cTable
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
        }
        return ~crc
    }

    /// Byte-wise lookup table for `crc32c`, computed once.
    static let crc32cTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = crc & 1 != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1
        }
        return crc
    }

    // MARK: Helpers

    /// Calls `body` for consecutive pieces of at most `maxSize` bytes (once, with an empty piece, for an
    /// empty payload), telling it whether the piece is the first and the last.
    private static func forEachPiece(
        of payload: UnsafeRawBufferPointer, maxSize: Int,
        _ body: (_ piece: UnsafeRawBufferPointer, _ isFirst: Bool, _ isLast: Bool) -> Void
    ) {
        var offset = 0
        repeat {
            let end = min(offset + maxSize, payload.count)
            body(UnsafeRawBufferPointer(rebasing: payload[offset..<end]), offset == 0, end == payload.count)
            offset = end
        } while offset < payload.count
    }
}
