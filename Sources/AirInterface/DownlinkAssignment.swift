/// A PDSCH assignment (what a DCI 1_1 says) and the content of its transport block.
public struct DownlinkAssignment: Sendable, Hashable, Codable {
    /// C-RNTI (or temporary C-RNTI during random access) of the UE.
    public var rnti: UInt16
    /// HARQ process number.
    public var harq: UInt8
    /// New data indicator, as a flag: true for a new transport block, false for a retransmission.
    public var newData: Bool
    /// MCS index.
    public var mcs: UInt8
    /// Transport block size in bits.
    public var tbsBits: UInt32
    /// First PRB of the allocation (relative to the carrier's first PRB).
    public var prbStart: UInt16
    /// Number of PRBs.
    public var prbCount: UInt16
    /// First OFDM symbol of the PDSCH in the slot.
    public var startSymbol: UInt8
    /// Number of PDSCH symbols.
    public var symbols: UInt8
    /// What the transport block carries, in order.
    public var subPDUs: [MACSubPDU]

    /// An assignment with every DCI field given; `subPDUs` defaults to an empty transport block content.
    public init(rnti: UInt16, harq: UInt8, newData: Bool, mcs: UInt8, tbsBits: UInt32, prbStart: UInt16, prbCount: UInt16,
                startSymbol: UInt8, symbols: UInt8, subPDUs: [MACSubPDU] = []) {
        self.rnti = rnti
        self.harq = harq
        self.newData = newData
        self.mcs = mcs
        self.tbsBits = tbsBits
        self.prbStart = prbStart
        self.prbCount = prbCount
        self.startSymbol = startSymbol
        self.symbols = symbols
        self.subPDUs = subPDUs
    }
}

extension DownlinkAssignment: AirCodable {
    // rnti 2, harq 1, newData 1, mcs 1, tbsBits 4, prbStart 2, prbCount 2, startSymbol 1, symbols 1, subPDUs count 2
    static let minimumEncodedSize = 17

    var encodedSize: Int { Self.minimumEncodedSize - 2 + subPDUs.listSize }

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
        subPDUs = try r.list("subPDUs")
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
        w.list(subPDUs, "subPDUs")
    }
}
