/// A UE's uplink buffer status (a BSR, or a scheduling request when `bytes` is unknown).
///
/// A real BSR is a 5- or 8-bit index into a size table (38.321 §6.1.3.1); the emulator reports the
/// exact byte count and leaves any quantisation to the DU.
public struct BufferReport: Sendable, Hashable, Codable {
    /// The UE's C-RNTI.
    public var rnti: UInt16
    /// Bytes waiting in the UE's uplink buffers, all logical channels together.
    public var bytes: UInt32

    /// A buffer report of `bytes` for `rnti`.
    public init(rnti: UInt16, bytes: UInt32) {
        self.rnti = rnti
        self.bytes = bytes
    }
}

extension BufferReport: AirCodable {
    // rnti 2, bytes 4
    static let minimumEncodedSize = 6

    var encodedSize: Int { Self.minimumEncodedSize }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        rnti = try r.u16("rnti")
        bytes = try r.u32("bytes")
    }

    func write(to w: inout AirWriter) {
        w.u16(rnti)
        w.u32(bytes)
    }
}
