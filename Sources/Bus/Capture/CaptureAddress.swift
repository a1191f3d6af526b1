#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 address and port as shown in a capture (the fake Ethernet MAC is derived from the address).
public struct CaptureAddress: Sendable, Hashable {
    /// IPv4 address in host byte order, e.g. `0x7F00_0001` for 127.0.0.1.
    public var ipv4: UInt32
    /// UDP/SCTP port (ignored for raw Ethernet).
    public var port: UInt16

    public init(ipv4: UInt32, port: UInt16) {
        self.ipv4 = ipv4
        self.port = port
    }

    /// 127.0.0.1 in host byte order.
    public static let loopbackIPv4: UInt32 = 0x7F00_0001

    /// Parses a dotted-quad IPv4 address ("10.0.0.1") into host byte order; nil for anything else.
    public static func parseIPv4(_ s: String) -> UInt32? {
        var address = in_addr()
        guard inet_pton(AF_INET, s, &address) == 1 else { return nil }
        return UInt32(bigEndian: address.s_addr)
    }
}
