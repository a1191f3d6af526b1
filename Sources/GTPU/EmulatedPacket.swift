/// The user packets ranlab's traffic generators put in G-PDUs: a valid IPv4/UDP packet (so a
/// capture decodes as GTP-U → IP → UDP in Wireshark) whose UDP payload starts with `RLAB`, a
/// count and that many creation slots (u64, big-endian), then zero padding up to the packet size.
/// The creation slots let the far end measure per-packet latency in slots.
///
/// Downlink packets go from 10.45.0.1 to the UE's address 10.45.(ue/250).(ue%250+2); uplink ones
/// the other way. UDP port 5201 both ways (iperf's), checksum 0 (allowed for UDP over IPv4).
public enum EmulatedPacket {
    /// IPv4 + UDP headers.
    public static let headerBytes = 28
    static let magic: [UInt8] = Array("RLAB".utf8)

    /// Smallest packet that can carry `count` creation slots.
    public static func minimumLength(slots count: Int) -> Int { headerBytes + 6 + 8 * count }

    /// A packet of `length` bytes (raised to the minimum if smaller) for UE `ue`.
    public static func make(length: Int, ue: Int, creationSlots: [UInt64], downlink: Bool) -> [UInt8] {
        let slots = creationSlots.prefix(Int(UInt16.max))
        let total = min(65_535, max(length, minimumLength(slots: slots.count)))
        var p = [UInt8](repeating: 0, count: total)
        let ueAddress: [UInt8] = [10, 45, UInt8(truncatingIfNeeded: ue / 250), UInt8(truncatingIfNeeded: ue % 250 + 2)]
        let core: [UInt8] = [10, 45, 0, 1]
        let (src, dst) = downlink ? (core, ueAddress) : (ueAddress, core)
        p[0] = 0x45
        p[2] = UInt8(total >> 8); p[3] = UInt8(total & 0xFF)
        p[6] = 0x40  // don't fragment
        p[8] = 64; p[9] = 17
        p[12..<16] = src[...]; p[16..<20] = dst[...]
        var sum: UInt32 = 0
        for i in stride(from: 0, to: 20, by: 2) { sum += UInt32(p[i]) << 8 | UInt32(p[i + 1]) }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        let checksum = ~UInt16(sum)
        p[10] = UInt8(checksum >> 8); p[11] = UInt8(checksum & 0xFF)
        let udpLength = total - 20
        p[20] = 0x14; p[21] = 0x51; p[22] = 0x14; p[23] = 0x51  // 5201 → 5201
        p[24] = UInt8(udpLength >> 8); p[25] = UInt8(udpLength & 0xFF)
        p[28..<32] = magic[...]
        p[32] = UInt8(slots.count >> 8); p[33] = UInt8(slots.count & 0xFF)
        var at = 34
        for s in slots {
            for k in 0..<8 { p[at + k] = UInt8(truncatingIfNeeded: s >> (8 * UInt64(7 - k))) }
            at += 8
        }
        return p
    }

    /// The creation slots a packet carries; nil when it is not such a packet (total: any bytes).
    public static func creationSlots(in packet: [UInt8]) -> [UInt64]? {
        guard packet.count >= headerBytes + 6, packet[0] == 0x45, packet[9] == 17,
              Array(packet[28..<32]) == magic else { return nil }
        let count = Int(packet[32]) << 8 | Int(packet[33])
        guard packet.count >= 34 + 8 * count else { return nil }
        return (0..<count).map { i in
            (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(packet[34 + 8 * i + $1]) }
        }
    }

    /// The first creation slot, if any.
    public static func creationSlot(in packet: [UInt8]) -> UInt64? { creationSlots(in: packet)?.first }
}
