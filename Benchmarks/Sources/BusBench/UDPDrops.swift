#if canImport(Glibc)
import Glibc
#endif

/// The kernel's count of UDP datagrams dropped for a full socket receive buffer
/// (`Udp: … RcvbufErrors` in /proc/net/snmp), machine-wide. usrsctp carries SCTP over one UDP
/// socket with a 128 KiB buffer, so drops here explain SCTP retransmissions and stalls.
enum UDPDrops {
    /// The counter now, or nil where /proc/net/snmp cannot be read.
    static func count() -> UInt64? {
        guard let file = fopen("/proc/net/snmp", "r") else { return nil }
        defer { fclose(file) }
        var header: [Substring]?
        var line = [CChar](repeating: 0, count: 1024)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            guard text.hasPrefix("Udp:") else { continue }
            let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard let names = header else {
                header = fields
                continue
            }
            guard let index = names.firstIndex(of: "RcvbufErrors"), index < fields.count else { return nil }
            return UInt64(fields[index])
        }
        return nil
    }
}
