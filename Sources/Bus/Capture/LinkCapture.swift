import Synchronization

/// Records the messages of one channel endpoint into a `PcapWriter`, wrapped as SCTP, UDP or raw Ethernet.
///
/// Outbound messages go local → remote, inbound ones remote → local. For SCTP each direction has its own
/// verification tag, TSN counter and per-stream sequence numbers, so Wireshark sees a plausible association
/// (no INIT handshake is synthesized). Thread-safe; several captures may share one writer.
public final class LinkCapture: Sendable {
    public let writer: PcapWriter
    public let encapsulation: CaptureEncapsulation
    public let local: CaptureAddress
    public let remote: CaptureAddress
    /// Largest IPv4 packet before IP fragmentation kicks in (68...65 535; the default never fragments).
    public let ipMTU: Int
    private let state: Mutex<State>

    /// SCTP numbering of one direction of the association.
    private struct SCTPDirection {
        let verificationTag: UInt32
        var nextTSN: UInt32
        /// Next stream sequence number per stream id.
        var streamSequences: [UInt16: UInt16] = [:]

        /// The sequence number for a new message; unordered messages carry 0 and advance nothing.
        mutating func takeStreamSequence(stream: UInt16, unordered: Bool) -> UInt16 {
            if unordered { return 0 }
            let sequence = streamSequences[stream, default: 0]
            streamSequences[stream] = sequence &+ 1
            return sequence
        }
    }

    private struct State {
        var scratch = PacketBuilder.Scratch()
        var outbound = SCTPDirection(verificationTag: 0x5241_4E31, nextTSN: 1000)  // "RAN1"
        var inbound = SCTPDirection(verificationTag: 0x5241_4E32, nextTSN: 5000)  // "RAN2"
    }

    public init(
        writer: PcapWriter, encapsulation: CaptureEncapsulation,
        local: CaptureAddress, remote: CaptureAddress, ipMTU: Int = 65_535
    ) {
        self.writer = writer
        self.encapsulation = encapsulation
        self.local = local
        self.remote = remote
        self.ipMTU = min(max(ipMTU, 68), PacketBuilder.maxIPv4PacketSize)
        state = Mutex(State())
    }

    /// Records one message (all its frames get the same current timestamp).
    public func record(_ payload: UnsafeRawBufferPointer, info: MessageInfo, direction: CaptureDirection) {
        let (source, destination) = direction == .outbound ? (local, remote) : (remote, local)
        let writer = self.writer
        state.withLock { state in
            let timestamp = PcapWriter.now()
            let emit: PacketBuilder.Emit = { writer.write(frame: $0, timestamp: timestamp) }
            switch encapsulation {
            case .udp:
                PacketBuilder.udpFrames(
                    payload: payload, source: source, destination: destination,
                    mtu: ipMTU, scratch: &state.scratch, emit: emit)
            case .sctp:
                switch direction {
                case .outbound: recordSCTP(payload, info, source, destination, &state.outbound, &state.scratch, emit)
                case .inbound: recordSCTP(payload, info, source, destination, &state.inbound, &state.scratch, emit)
                }
            case .ethernet(let etherType):
                PacketBuilder.ethernetFrame(
                    payload: payload, etherType: etherType, sourceIPv4: source.ipv4,
                    destinationIPv4: destination.ipv4, into: &state.scratch.frame)
                state.scratch.frame.withUnsafeBytes(emit)
            }
        }
    }

    /// Convenience for callers holding an array.
    public func record(_ payload: [UInt8], info: MessageInfo, direction: CaptureDirection) {
        payload.withUnsafeBytes { record($0, info: info, direction: direction) }
    }

    private func recordSCTP(
        _ payload: UnsafeRawBufferPointer, _ info: MessageInfo,
        _ source: CaptureAddress, _ destination: CaptureAddress,
        _ numbering: inout SCTPDirection, _ scratch: inout PacketBuilder.Scratch, _ emit: PacketBuilder.Emit
    ) {
        let message = PacketBuilder.SCTPMessage(
            sourcePort: source.port, destinationPort: destination.port,
            verificationTag: numbering.verificationTag, stream: info.stream,
            streamSequence: numbering.takeStreamSequence(stream: info.stream, unordered: info.unordered),
            ppid: info.ppid, unordered: info.unordered)
        PacketBuilder.sctpFrames(
            payload: payload, message: message, sourceIPv4: source.ipv4, destinationIPv4: destination.ipv4,
            tsn: &numbering.nextTSN, mtu: ipMTU, scratch: &scratch, emit: emit)
    }
}
