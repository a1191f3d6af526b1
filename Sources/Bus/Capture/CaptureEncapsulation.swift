/// How a channel's messages are wrapped into Ethernet frames in a capture.
public enum CaptureEncapsulation: Sendable, Equatable {
    /// Ethernet / IPv4 / SCTP with one DATA chunk per packet (large messages fragmented into several chunks).
    case sctp
    /// Ethernet / IPv4 / UDP, one datagram per message (messages over 65 507 bytes span several datagrams).
    case udp
    /// Ethernet with the given EtherType followed by the message bytes unchanged (e.g. 0xAEFE for eCPRI).
    case ethernet(etherType: UInt16)
}
