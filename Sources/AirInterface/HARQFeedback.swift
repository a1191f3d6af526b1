/// HARQ ACK/NACK for one downlink transport block, as the PHY decodes it from PUCCH (or UCI on PUSCH).
public struct HARQFeedback: Sendable, Hashable, Codable {
    /// The UE's C-RNTI.
    public var rnti: UInt16
    /// HARQ process the feedback is for.
    public var harq: UInt8
    /// True for ACK, false for NACK.
    public var ack: Bool
    /// Absolute slot of the PDSCH being acknowledged.
    public var dlSlot: UInt64

    /// Feedback for HARQ process `harq` of `rnti`, for the PDSCH of `dlSlot`.
    public init(rnti: UInt16, harq: UInt8, ack: Bool, dlSlot: UInt64) {
        self.rnti = rnti
        self.harq = harq
        self.ack = ack
        self.dlSlot = dlSlot
    }
}

extension HARQFeedback: AirCodable {
    // rnti 2, harq 1, ack 1, dlSlot 8
    static let minimumEncodedSize = 12

    var encodedSize: Int { Self.minimumEncodedSize }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        rnti = try r.u16("rnti")
        harq = try r.u8("harq")
        ack = try r.bool("ack")
        dlSlot = try r.u64("dlSlot")
    }

    func write(to w: inout AirWriter) {
        w.u16(rnti)
        w.u8(harq)
        w.bool(ack)
        w.u64(dlSlot)
    }
}
