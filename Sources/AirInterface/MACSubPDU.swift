/// One MAC sub-PDU of a transport block: what one logical channel put in it.
///
/// User data is only counted (`length`), not carried: the emulator needs how many bytes of which
/// bearer went over the air and which SDUs were completed, not the bytes themselves. Signalling
/// bearers carry their bytes in `content` (for example an RRC message on SRB0/SRB1), normally
/// `length` of them.
public struct MACSubPDU: Sendable, Hashable, Codable {
    /// Logical channel id (38.321): 0 = CCCH (SRB0), 1 = SRB1, 2 = SRB2, 4 = DRB1, …
    public var lcid: UInt8
    /// Payload bytes this sub-PDU stands for (the MAC SDU size, without the MAC subheader).
    public var length: UInt32
    /// Creation slots of the SDUs whose last byte is in this sub-PDU, so the receiver can measure
    /// packet latency (delivery slot − creation slot).
    public var completedSDUs: [UInt64]
    /// The bytes themselves for signalling bearers; empty for user data.
    public var content: [UInt8]

    /// A sub-PDU of logical channel `lcid` standing for `length` bytes.
    public init(lcid: UInt8, length: UInt32, completedSDUs: [UInt64] = [], content: [UInt8] = []) {
        self.lcid = lcid
        self.length = length
        self.completedSDUs = completedSDUs
        self.content = content
    }
}

extension MACSubPDU: AirCodable {
    // lcid 1, length 4, completedSDUs count 2, content length 4
    static let minimumEncodedSize = 11

    var encodedSize: Int { Self.minimumEncodedSize + 8 * completedSDUs.count + content.count }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        lcid = try r.u8("lcid")
        length = try r.u32("length")
        completedSDUs = try r.u64List("completedSDUs")
        content = try r.byteArray("content")
    }

    func write(to w: inout AirWriter) {
        w.u8(lcid)
        w.u32(length)
        w.u64List(completedSDUs, "completedSDUs")
        w.byteArray(content, "content")
    }
}
