/// The U-plane radio application header (4 bytes): `dataDirection` (1) | `payloadVersion` (3) |
/// `filterIndex` (4); `frameId` (8); `subframeId` (4) | `slotId` (6) | `symbolId` (6).
public struct UPlaneHeader: Hashable, Sendable, Codable {
    public var dataDirection: DataDirection
    public var payloadVersion: UInt8
    public var filterIndex: UInt8
    public var frameId: UInt8
    public var subframeId: UInt8
    public var slotId: UInt8
    public var symbolId: UInt8

    public init(dataDirection: DataDirection, payloadVersion: UInt8 = 1, filterIndex: UInt8 = 0, frameId: UInt8,
                subframeId: UInt8, slotId: UInt8, symbolId: UInt8) {
        self.dataDirection = dataDirection
        self.payloadVersion = payloadVersion
        self.filterIndex = filterIndex
        self.frameId = frameId
        self.subframeId = subframeId
        self.slotId = slotId
        self.symbolId = symbolId
    }

    static let size = 4

    func write(_ w: inout ByteWriter) throws(FronthaulError) {
        let at = w.offset
        try checkBits(payloadVersion, 3, "payloadVersion", at: at)
        try checkBits(filterIndex, 4, "filterIndex", at: at)
        try checkBits(subframeId, 4, "subframeId", at: at + 2)
        try checkBits(slotId, 6, "slotId", at: at + 2)
        try checkBits(symbolId, 6, "symbolId", at: at + 2)
        w.u8(dataDirection.rawValue << 7 | payloadVersion << 4 | filterIndex)
        w.u8(frameId)
        w.u16(UInt16(subframeId) << 12 | UInt16(slotId) << 6 | UInt16(symbolId))
    }

    static func read(_ r: inout ByteReader) throws(FronthaulError) -> UPlaneHeader {
        let b0 = try r.u8("dataDirection")
        let frameId = try r.u8("frameId")
        let t = try r.u16("subframeId")
        return UPlaneHeader(dataDirection: DataDirection(rawValue: b0 >> 7)!, payloadVersion: (b0 >> 4) & 7, filterIndex: b0 & 0xF,
                            frameId: frameId, subframeId: UInt8(t >> 12), slotId: UInt8((t >> 6) & 0x3F), symbolId: UInt8(t & 0x3F))
    }
}

/// A U-plane section header: `sectionId` (12) | `rb` (1) | `symInc` (1) | `startPrbu` (10);
/// `numPrbu` (8, 0 = all PRBs); then, when the O-RU is so configured, `udCompHdr` (8) and a reserved byte.
public struct UPlaneSectionHeader: Hashable, Sendable, Codable {
    public var sectionId: UInt16
    public var rb: Bool
    public var symInc: Bool
    public var startPrbu: UInt16
    /// Number of PRBs in the section. Values above 255 are sent as 0 and must equal `FronthaulOptions.allPRBs`.
    public var numPrbu: Int
    /// Present on the wire iff `FronthaulOptions.udCompHdrPresent(direction)`; else the static compression applies.
    public var udCompHdr: UdCompHdr?

    public init(sectionId: UInt16, rb: Bool = false, symInc: Bool = false, startPrbu: UInt16, numPrbu: Int, udCompHdr: UdCompHdr?) {
        self.sectionId = sectionId
        self.rb = rb
        self.symInc = symInc
        self.startPrbu = startPrbu
        self.numPrbu = numPrbu
        self.udCompHdr = udCompHdr
    }

    /// The compression its payload uses.
    public func compression(_ direction: DataDirection, options: FronthaulOptions) -> UdCompHdr {
        udCompHdr ?? options.staticCompression(direction)
    }

    func size(_ direction: DataDirection, options: FronthaulOptions) -> Int {
        options.udCompHdrPresent(direction) ? 6 : 4
    }

    func write(_ w: inout ByteWriter, direction: DataDirection, options: FronthaulOptions) throws(FronthaulError) {
        let at = w.offset
        try checkBits(sectionId, 12, "sectionId", at: at)
        try checkBits(startPrbu, 10, "startPrbu", at: at + 1)
        guard numPrbu >= 1 && (numPrbu <= 255 || numPrbu == options.allPRBs) else {
            throw FronthaulError(.valueOutOfRange("numPrbu \(numPrbu) is neither 1...255 nor allPRBs (\(options.allPRBs))"), field: "numPrbu", byteOffset: at + 3)
        }
        let present = options.udCompHdrPresent(direction)
        if present != (udCompHdr != nil) {
            throw FronthaulError(.valueOutOfRange(present ? "udCompHdr is configured present but missing" : "udCompHdr is configured absent but set"),
                                 field: "udCompHdr", byteOffset: at + 4)
        }
        w.u24(UInt32(sectionId) << 12 | (rb ? 0x800 : 0) | (symInc ? 0x400 : 0) | UInt32(startPrbu))
        w.u8(numPrbu <= 255 ? UInt8(numPrbu) : 0)
        if let h = udCompHdr {
            w.u8(try h.byte(field: "udCompHdr", byteOffset: at + 4))
            w.u8(0)
        }
    }

    static func read(_ r: inout ByteReader, direction: DataDirection, options: FronthaulOptions) throws(FronthaulError) -> UPlaneSectionHeader {
        let a = try r.u24("sectionId")
        let n = try r.u8("numPrbu")
        var h: UdCompHdr?
        if options.udCompHdrPresent(direction) {
            h = try UdCompHdr(byte: try r.u8("udCompHdr"), field: "udCompHdr", byteOffset: r.offset)
            _ = try r.u8("reserved")
        }
        if n == 0 && !(1 ... 1023).contains(options.allPRBs) {
            throw FronthaulError(.valueOutOfRange("numPrbu 0 means allPRBs, which is \(options.allPRBs), not 1...1023"), field: "numPrbu", byteOffset: r.offset)
        }
        return UPlaneSectionHeader(sectionId: UInt16(a >> 12), rb: a & 0x800 != 0, symInc: a & 0x400 != 0, startPrbu: UInt16(a & 0x3FF),
                                   numPrbu: n == 0 ? options.allPRBs : Int(n), udCompHdr: h)
    }
}

/// A U-plane section: header and the PRBs exactly as on the wire (per PRB `udCompParam` if the
/// method has one, then the packed I/Q values). JSON writes the payload as hex.
public struct UPlaneSection: Hashable, Sendable, Codable {
    public var header: UPlaneSectionHeader
    public var payload: [UInt8]

    public init(header: UPlaneSectionHeader, payload: [UInt8]) {
        self.header = header
        self.payload = payload
    }

    /// Compresses `iq` (24 values per PRB, I/Q interleaved) with `compression`; `numPrbu` follows from
    /// `iq.count`. `includeUdCompHdr` puts `compression` in the header (it must match the options' setting).
    public init(sectionId: UInt16, rb: Bool = false, symInc: Bool = false, startPrbu: UInt16, iq: [Int16],
                compression: UdCompHdr, includeUdCompHdr: Bool = true) throws(FronthaulError) {
        header = UPlaneSectionHeader(sectionId: sectionId, rb: rb, symInc: symInc, startPrbu: startPrbu,
                                     numPrbu: iq.count / IQCodec.valuesPerPRB, udCompHdr: includeUdCompHdr ? compression : nil)
        payload = try IQCodec.compress(iq, compression: compression)
    }

    /// The decompressed I/Q values, given the compression in force (`header.compression(direction, options:)`).
    public func iqSamples(compression: UdCompHdr) throws(FronthaulError) -> [Int16] {
        try IQCodec.decompress(payload, compression: compression)
    }

    enum CodingKeys: String, CodingKey { case header, payload }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        header = try c.decode(UPlaneSectionHeader.self, forKey: .header)
        payload = try c.decodeHex(forKey: .payload)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(header, forKey: .header)
        try c.encode(Hex.encode(payload), forKey: .payload)
    }
}

/// An O-RAN U-plane message in one eCPRI IQ-data frame (message type 0). Sections run to the end of
/// the eCPRI payload; each section's payload length follows from `numPrbu` and its compression.
public struct UPlaneMessage: Hashable, Sendable, Codable {
    /// eCPRI PC_ID.
    public var eAxC: EAxCID
    public var sequence: SequenceID
    public var header: UPlaneHeader
    public var sections: [UPlaneSection]

    public init(eAxC: EAxCID, sequence: SequenceID, header: UPlaneHeader, sections: [UPlaneSection]) {
        self.eAxC = eAxC
        self.sequence = sequence
        self.header = header
        self.sections = sections
    }

    /// Decompressed I/Q values of section `index` under `options`.
    public func iqSamples(section index: Int, options: FronthaulOptions = .default) throws(FronthaulError) -> [Int16] {
        let s = sections[index]
        return try s.iqSamples(compression: s.header.compression(header.dataDirection, options: options))
    }
}

extension UPlaneMessage: FronthaulFrame {
    public func encodedCount(options: FronthaulOptions) -> Int {
        var n = ECPRI.transportHeaderSize + UPlaneHeader.size
        for s in sections { n += s.header.size(header.dataDirection, options: options) + s.payload.count }
        return n
    }

    public func encode(into buffer: UnsafeMutableRawBufferPointer, options: FronthaulOptions) throws(FronthaulError) -> Int {
        let total = encodedCount(options: options)
        try checkCapacity(total, buffer)
        var w = ByteWriter(buffer)
        try ECPRITransport.write(&w, type: .iqData, totalSize: total, eAxC: eAxC, sequence: sequence, options: options)
        try header.write(&w)
        let dir = header.dataDirection
        for (i, s) in sections.enumerated() {
            do throws(FronthaulError) {
                let at = w.offset
                try s.header.write(&w, direction: dir, options: options)
                let c = s.header.compression(dir, options: options)
                guard (1 ... 16).contains(c.iqWidth) else {
                    throw FronthaulError(.valueOutOfRange("udIqWidth \(c.iqWidth)"), field: "udCompHdr", byteOffset: at + 4)
                }
                let expected = s.header.numPrbu * c.bytesPerPRB
                guard s.payload.count == expected else {
                    throw FronthaulError(.lengthMismatch(expected: expected, actual: s.payload.count), field: "payload", byteOffset: w.offset)
                }
                s.payload.withUnsafeBytes { w.bytes($0) }
            } catch {
                throw error.within("section[\(i)]")
            }
        }
        return w.offset
    }

    public init(bytes: UnsafeRawBufferPointer, options: FronthaulOptions) throws(FronthaulError) {
        var r = ByteReader(bytes)
        let t = try ECPRITransport.read(&r, options: options)
        guard t.messageType == .iqData else {
            throw FronthaulError(.unsupported("eCPRI message type \(t.messageType.rawValue) is not U-plane"), field: "ecpri.messageType", byteOffset: 1)
        }
        try self.init(transport: t, reader: &r, options: options)
    }

    init(transport t: ECPRITransport, reader r: inout ByteReader, options: FronthaulOptions) throws(FronthaulError) {
        var sections: [UPlaneSection] = []
        let header = try UPlaneFrame.readSections(&r, options: options) { h, _, payload throws(FronthaulError) in
            sections.append(UPlaneSection(header: h, payload: Array(payload)))
        }
        self.init(eAxC: t.eAxC, sequence: t.sequence, header: header, sections: sections)
    }
}

/// Allocation-free U-plane framing for the per-slot hot path: compress straight from `Int16` I/Q into
/// a caller's frame buffer, and parse a frame into a caller's `Int16` buffer.
///
/// One slot of 273 PRBs × 14 symbols × 4 antennas is 56 calls of `pack` (one frame per symbol and
/// antenna, `numPrbu` = 273 sent as 0) into a reused buffer of `frameSize(...)` bytes each, and 56
/// calls of `unpack` into a reused `[Int16]` of 273 × 24 values.
public enum UPlaneFrame {
    /// Size of a frame with one section of `prbCount` PRBs.
    public static func frameSize(prbCount: Int, compression: UdCompHdr, udCompHdrPresent: Bool = true) -> Int {
        ECPRI.transportHeaderSize + UPlaneHeader.size + (udCompHdrPresent ? 6 : 4) + prbCount * compression.bytesPerPRB
    }

    /// Writes a complete frame (eCPRI header, radio application header, one section) into `buffer`,
    /// compressing `iq` (section.numPrbu × 24 values) with the section's compression (its `udCompHdr`,
    /// else the options' static one). Returns the frame length. Does not allocate.
    public static func pack(into buffer: UnsafeMutableRawBufferPointer, eAxC: EAxCID, sequence: SequenceID, header: UPlaneHeader,
                            section: UPlaneSectionHeader, iq: UnsafeBufferPointer<Int16>,
                            options: FronthaulOptions = .default) throws(FronthaulError) -> Int {
        let dir = header.dataDirection
        let c = section.compression(dir, options: options)
        guard (0 ... 1023).contains(section.numPrbu) else {
            throw FronthaulError(.valueOutOfRange("numPrbu \(section.numPrbu) outside 0...1023"), field: "numPrbu", byteOffset: 0)
        }
        guard iq.count == section.numPrbu * IQCodec.valuesPerPRB else {
            throw FronthaulError(.lengthMismatch(expected: section.numPrbu * IQCodec.valuesPerPRB, actual: iq.count), field: "iq", byteOffset: 0)
        }
        try IQCodec.checkSupported(c, byteOffset: 0)
        let total = ECPRI.transportHeaderSize + UPlaneHeader.size + section.size(dir, options: options) + section.numPrbu * c.bytesPerPRB
        try checkCapacity(total, buffer)
        var w = ByteWriter(buffer)
        try ECPRITransport.write(&w, type: .iqData, totalSize: total, eAxC: eAxC, sequence: sequence, options: options)
        try header.write(&w)
        try section.write(&w, direction: dir, options: options)
        let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[w.offset ..< total])
        _ = try IQCodec.compress(iq, compression: c, into: rest)
        return total
    }

    /// Parses a U-plane frame, calling `body` with each section's header, compression and raw payload
    /// (borrowed from `frame`). Returns the eCPRI ids and the radio application header. Does not allocate.
    public static func parse(_ frame: UnsafeRawBufferPointer, options: FronthaulOptions = .default,
                             _ body: (UPlaneSectionHeader, UdCompHdr, UnsafeRawBufferPointer) throws(FronthaulError) -> Void)
        throws(FronthaulError) -> (eAxC: EAxCID, sequence: SequenceID, header: UPlaneHeader) {
        var r = ByteReader(frame)
        let t = try ECPRITransport.read(&r, options: options)
        guard t.messageType == .iqData else {
            throw FronthaulError(.unsupported("eCPRI message type \(t.messageType.rawValue) is not U-plane"), field: "ecpri.messageType", byteOffset: 1)
        }
        let h = try readSections(&r, options: options, body)
        return (t.eAxC, t.sequence, h)
    }

    /// Parses a U-plane frame and decompresses all its sections, in order, into `iq`. Returns the
    /// header and the number of values written. Does not allocate.
    public static func unpack(_ frame: UnsafeRawBufferPointer, options: FronthaulOptions = .default,
                              into iq: UnsafeMutableBufferPointer<Int16>)
        throws(FronthaulError) -> (eAxC: EAxCID, sequence: SequenceID, header: UPlaneHeader, values: Int) {
        var written = 0
        let (id, seq, h) = try parse(frame, options: options) { s, c, payload throws(FronthaulError) in
            let out = UnsafeMutableBufferPointer(rebasing: iq[min(written, iq.count)...])
            do throws(FronthaulError) {
                written += try IQCodec.decompress(payload, prbCount: s.numPrbu, compression: c, into: out)
            } catch {
                throw error.within("section \(s.sectionId)")
            }
        }
        return (id, seq, h, written)
    }

    static func readSections(_ r: inout ByteReader, options: FronthaulOptions,
                             _ body: (UPlaneSectionHeader, UdCompHdr, UnsafeRawBufferPointer) throws(FronthaulError) -> Void)
        throws(FronthaulError) -> UPlaneHeader {
        let header = try UPlaneHeader.read(&r)
        var i = 0
        while r.remaining > 0 {
            do throws(FronthaulError) {
                let s = try UPlaneSectionHeader.read(&r, direction: header.dataDirection, options: options)
                let c = s.compression(header.dataDirection, options: options)
                guard (1 ... 16).contains(c.iqWidth) else {
                    throw FronthaulError(.valueOutOfRange("udIqWidth \(c.iqWidth)"), field: "udCompHdr", byteOffset: r.offset)
                }
                let payload = try r.slice(s.numPrbu * c.bytesPerPRB, "payload")
                try body(s, c, payload)
            } catch {
                throw error.within("section[\(i)]")
            }
            i += 1
        }
        return header
    }
}
