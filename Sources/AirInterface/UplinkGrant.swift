/// A PUSCH grant (what a DCI 0_1, or the grant in a random-access response, says).
public struct UplinkGrant: Sendable, Hashable, Codable {
    /// C-RNTI (or temporary C-RNTI for Msg3) of the UE.
    public var rnti: UInt16
    /// HARQ process number.
    public var harq: UInt8
    /// New data indicator, as a flag: true for a new transport block, false for a retransmission.
    public var newData: Bool
    /// MCS index.
    public var mcs: UInt8
    /// Transport block size in bits.
    public var tbsBits: UInt32
    /// First PRB of the allocation.
    public var prbStart: UInt16
    /// Number of PRBs.
    public var prbCount: UInt16
    /// First OFDM symbol of the PUSCH in its slot.
    public var startSymbol: UInt8
    /// Number of PUSCH symbols.
    public var symbols: UInt8
    /// Absolute slot in which the UE transmits (the grant's slot plus K2).
    public var transmitSlot: UInt64

    /// A grant with every DCI field given, for transmission in `transmitSlot`.
    public init(rnti: UInt16, harq: UInt8, newData: Bool, mcs: UInt8, tbsBits: UInt32, prbStart: UInt16, prbCount: UInt16,
                startSymbol: UInt8, symbols: UInt8, transmitSlot: UInt64) {
        self.rnti = rnti
        self.harq = harq
        self.newData = newData
        self.mcs = mcs
        self.tbsBits = tbsBits
        self.prbStart = prbStart
        self.prbCount = prbCount
        self.startSymbol = startSymbol
        self.symbols = symbols
        self.transmitSlot = transmitSlot
    }
}

extension UplinkGrant: AirCodable {
    // rnti 2, harq 1, newData 1, mcs 1, tbsBits 4, prbStart 2, prbCount 2, startSymbol 1, symbols 1, transmitSlot 8
    static let minimumEncodedSize = 23

    var encodedSize: Int { Self.minimumEncodedSize }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        rnti = try r.u16("rnti")
        harq = try r.u8("harq")
        newData = try r.bool("newData")
        mcs = try r.u8("mcs")
        tbsBits = try r.u32("tbsBits")
        prbStart = try r.u16("prbStart")
        prbCount = try r.u16("prbCount")
        startSymbol = try r.u8("startSymbol")
        symbols = try r.u8("symbols")
        transmitSlot = try r.u64("transmitSlot")
    }

    func write(to w: inout AirWriter) {
        w.u16(rnti)
        w.u8(harq)
        w.bool(newData)
        w.u8(mcs)
        w.u32(tbsBits)
        w.u16(prbStart)
        w.u16(prbCount)
        w.u8(startSymbol)
        w.u8(symbols)
        w.u64(transmitSlot)
    }
}
