/// The PHY's result of decoding one PUSCH transport block: its CRC and, when it passed, its content.
public struct PUSCHResult: Sendable, Hashable, Codable {
    /// The UE's C-RNTI (temporary C-RNTI for Msg3).
    public var rnti: UInt16
    /// HARQ process of the grant.
    public var harq: UInt8
    /// True when the CRC passed.
    public var crcOK: Bool
    /// Transport block size in bits.
    public var tbsBits: UInt32
    /// What the transport block carried, in order; empty when the CRC failed (a real PHY has nothing to give).
    public var subPDUs: [MACSubPDU]

    /// A decoding result; `subPDUs` defaults to empty (as for a failed CRC).
    public init(rnti: UInt16, harq: UInt8, crcOK: Bool, tbsBits: UInt32, subPDUs: [MACSubPDU] = []) {
        self.rnti = rnti
        self.harq = harq
        self.crcOK = crcOK
        self.tbsBits = tbsBits
        self.subPDUs = subPDUs
    }
}

extension PUSCHResult: AirCodable {
    // rnti 2, harq 1, crcOK 1, tbsBits 4, subPDUs count 2
    static let minimumEncodedSize = 10

    var encodedSize: Int { Self.minimumEncodedSize - 2 + subPDUs.listSize }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        rnti = try r.u16("rnti")
        harq = try r.u8("harq")
        crcOK = try r.bool("crcOK")
        tbsBits = try r.u32("tbsBits")
        subPDUs = try r.list("subPDUs")
    }

    func write(to w: inout AirWriter) {
        w.u16(rnti)
        w.u8(harq)
        w.bool(crcOK)
        w.u32(tbsBits)
        w.list(subPDUs, "subPDUs")
    }
}
