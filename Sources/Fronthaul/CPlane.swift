/// A section extension (O-RAN CUS §7.7), kept opaque: `extType` (7 bits) and the bytes after the
/// extension header. On the wire: `ef` (1, another extension follows) | `extType` (7), `extLen`
/// (8 bits, or 16 bits for extType 11) counting 32-bit words of the whole extension, then `contents`.
/// The encoder requires header + contents to be a multiple of 4 bytes.
public struct SectionExtension: Hashable, Sendable, Codable {
    public var extType: UInt8
    public var contents: [UInt8]

    public init(extType: UInt8, contents: [UInt8]) {
        self.extType = extType
        self.contents = contents
    }

    var headerSize: Int { extType == 11 ? 3 : 2 }
    var encodedSize: Int { headerSize + contents.count }

    enum CodingKeys: String, CodingKey { case extType, contents }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        extType = try c.decode(UInt8.self, forKey: .extType)
        contents = try c.decodeHex(forKey: .contents)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(extType, forKey: .extType)
        try c.encode(Hex.encode(contents), forKey: .contents)
    }
}

/// One C-plane section of type 1 (8 bytes + extensions) or type 3 (12 bytes + extensions).
///
/// Layout: `sectionId` (12) | `rb` (1) | `symInc` (1) | `startPrbc` (10); `numPrbc` (8, 0 = all PRBs);
/// `reMask` (12) | `numSymbol` (4); `ef` (1) | `beamId` (15); type 3 adds `freqOffset` (24, signed) and
/// a reserved byte.
public struct CPlaneSection: Hashable, Sendable, Codable {
    public var sectionId: UInt16
    public var rb: Bool
    public var symInc: Bool
    public var startPrbc: UInt16
    /// Raw `numPrbc`; 0 means all PRBs of the carrier.
    public var numPrbc: UInt8
    public var reMask: UInt16
    public var numSymbol: UInt8
    public var beamId: UInt16
    /// Section type 3 only (PRACH, in units of half the PRACH subcarrier spacing); nil for type 1.
    public var freqOffset: Int32?
    public var extensions: [SectionExtension]

    public init(sectionId: UInt16, rb: Bool = false, symInc: Bool = false, startPrbc: UInt16, numPrbc: UInt8,
                reMask: UInt16 = 0xFFF, numSymbol: UInt8, beamId: UInt16 = 0, freqOffset: Int32? = nil,
                extensions: [SectionExtension] = []) {
        self.sectionId = sectionId
        self.rb = rb
        self.symInc = symInc
        self.startPrbc = startPrbc
        self.numPrbc = numPrbc
        self.reMask = reMask
        self.numSymbol = numSymbol
        self.beamId = beamId
        self.freqOffset = freqOffset
        self.extensions = extensions
    }

    /// The extension flag: set when section extensions follow.
    public var ef: Bool { !extensions.isEmpty }
}

/// FFT size and subcarrier spacing of section type 3 (`frameStructure`, one byte).
/// `fftSize`: 4-bit code, N means FFT size 2^N (e.g. 12 = 4096), 0 = reserved/not used.
/// `subcarrierSpacing`: 4-bit µ code: 0…4 = 15…240 kHz, 12 = 1.25 kHz, 13 = 3.75 kHz, 14 = 5 kHz, 15 = 7.5 kHz (PRACH).
public struct FrameStructure: Hashable, Sendable, Codable {
    public var fftSize: UInt8
    public var subcarrierSpacing: UInt8

    public init(fftSize: UInt8, subcarrierSpacing: UInt8) {
        self.fftSize = fftSize
        self.subcarrierSpacing = subcarrierSpacing
    }
}

/// The section-type-specific part of the C-plane radio application header.
public enum CPlaneSectionType: Hashable, Sendable, Codable {
    /// Type 1 (most DL/UL channels): `udCompHdr` then a reserved byte.
    case type1(udCompHdr: UdCompHdr)
    /// Type 3 (PRACH and mixed numerology): `timeOffset` (16), `frameStructure` (8), `cpLength` (16), `udCompHdr` (8).
    case type3(timeOffset: UInt16, frameStructure: FrameStructure, cpLength: UInt16, udCompHdr: UdCompHdr)

    public var rawValue: UInt8 {
        switch self {
        case .type1: 1
        case .type3: 3
        }
    }

    var headerSize: Int { rawValue == 1 ? 2 : 6 }
    var sectionSize: Int { rawValue == 1 ? 8 : 12 }
}

/// An O-RAN C-plane message in one eCPRI real-time-control frame (message type 2).
///
/// Radio application header: `dataDirection` (1) | `payloadVersion` (3) | `filterIndex` (4);
/// `frameId` (8); `subframeId` (4) | `slotId` (6) | `startSymbolId` (6); `numberOfSections` (8,
/// = sections.count); `sectionType` (8); then the type-specific fields and the sections.
public struct CPlaneMessage: Hashable, Sendable, Codable {
    /// eCPRI RTC_ID.
    public var eAxC: EAxCID
    public var sequence: SequenceID
    public var dataDirection: DataDirection
    public var payloadVersion: UInt8
    public var filterIndex: UInt8
    public var frameId: UInt8
    public var subframeId: UInt8
    public var slotId: UInt8
    public var startSymbolId: UInt8
    public var sectionType: CPlaneSectionType
    public var sections: [CPlaneSection]

    public init(eAxC: EAxCID, sequence: SequenceID, dataDirection: DataDirection, payloadVersion: UInt8 = 1, filterIndex: UInt8 = 0,
                frameId: UInt8, subframeId: UInt8, slotId: UInt8, startSymbolId: UInt8,
                sectionType: CPlaneSectionType, sections: [CPlaneSection]) {
        self.eAxC = eAxC
        self.sequence = sequence
        self.dataDirection = dataDirection
        self.payloadVersion = payloadVersion
        self.filterIndex = filterIndex
        self.frameId = frameId
        self.subframeId = subframeId
        self.slotId = slotId
        self.startSymbolId = startSymbolId
        self.sectionType = sectionType
        self.sections = sections
    }
}

extension CPlaneMessage: FronthaulFrame {
    public func encodedCount(options: FronthaulOptions) -> Int {
        var n = ECPRI.transportHeaderSize + 6 + sectionType.headerSize
        for s in sections {
            n += sectionType.sectionSize
            for e in s.extensions { n += e.encodedSize }
        }
        return n
    }

    public func encode(into buffer: UnsafeMutableRawBufferPointer, options: FronthaulOptions) throws(FronthaulError) -> Int {
        let total = encodedCount(options: options)
        try checkCapacity(total, buffer)
        var w = ByteWriter(buffer)
        try ECPRITransport.write(&w, type: .realTimeControl, totalSize: total, eAxC: eAxC, sequence: sequence, options: options)
        let at = w.offset
        try checkBits(payloadVersion, 3, "payloadVersion", at: at)
        try checkBits(filterIndex, 4, "filterIndex", at: at)
        try checkBits(subframeId, 4, "subframeId", at: at + 2)
        try checkBits(slotId, 6, "slotId", at: at + 2)
        try checkBits(startSymbolId, 6, "startSymbolId", at: at + 2)
        try checkBits(sections.count, 8, "numberOfSections", at: at + 4)
        w.u8(dataDirection.rawValue << 7 | payloadVersion << 4 | filterIndex)
        w.u8(frameId)
        w.u16(UInt16(subframeId) << 12 | UInt16(slotId) << 6 | UInt16(startSymbolId))
        w.u8(UInt8(sections.count))
        w.u8(sectionType.rawValue)
        switch sectionType {
        case let .type1(hdr):
            w.u8(try hdr.byte(field: "udCompHdr", byteOffset: w.offset))
            w.u8(0)
        case let .type3(timeOffset, fs, cpLength, hdr):
            try checkBits(fs.fftSize, 4, "frameStructure.fftSize", at: w.offset + 2)
            try checkBits(fs.subcarrierSpacing, 4, "frameStructure.subcarrierSpacing", at: w.offset + 2)
            w.u16(timeOffset)
            w.u8(fs.fftSize << 4 | fs.subcarrierSpacing)
            w.u16(cpLength)
            w.u8(try hdr.byte(field: "udCompHdr", byteOffset: w.offset))
        }
        for (i, s) in sections.enumerated() {
            do throws(FronthaulError) {
                try Self.write(s, type: sectionType.rawValue, &w)
            } catch {
                throw error.within("section[\(i)]")
            }
        }
        return w.offset
    }

    private static func write(_ s: CPlaneSection, type: UInt8, _ w: inout ByteWriter) throws(FronthaulError) {
        let at = w.offset
        try checkBits(s.sectionId, 12, "sectionId", at: at)
        try checkBits(s.startPrbc, 10, "startPrbc", at: at + 1)
        try checkBits(s.reMask, 12, "reMask", at: at + 4)
        try checkBits(s.numSymbol, 4, "numSymbol", at: at + 5)
        try checkBits(s.beamId, 15, "beamId", at: at + 6)
        w.u24(UInt32(s.sectionId) << 12 | (s.rb ? 0x800 : 0) | (s.symInc ? 0x400 : 0) | UInt32(s.startPrbc))
        w.u8(s.numPrbc)
        w.u16(s.reMask << 4 | UInt16(s.numSymbol))
        w.u16((s.ef ? 0x8000 : 0) | s.beamId)
        if type == 3 {
            guard let f = s.freqOffset else {
                throw FronthaulError(.valueOutOfRange("section type 3 needs freqOffset"), field: "freqOffset", byteOffset: w.offset)
            }
            guard f >= -(1 << 23) && f < (1 << 23) else {
                throw FronthaulError(.valueOutOfRange("\(f) does not fit 24 signed bits"), field: "freqOffset", byteOffset: w.offset)
            }
            w.u24(UInt32(bitPattern: f) & 0xFF_FFFF)
            w.u8(0)
        } else if s.freqOffset != nil {
            throw FronthaulError(.valueOutOfRange("freqOffset exists only in section type 3"), field: "freqOffset", byteOffset: w.offset)
        }
        for (j, e) in s.extensions.enumerated() {
            let eat = w.offset
            let size = e.encodedSize
            let words = size / 4
            guard size % 4 == 0, words <= (e.extType == 11 ? 0xFFFF : 0xFF) else {
                throw FronthaulError(.valueOutOfRange("extension of \(size) bytes is not a whole number of 32-bit words within extLen"),
                                     field: "extension[\(j)].extLen", byteOffset: eat)
            }
            guard e.extType >= 1 && e.extType <= 0x7F else {
                throw FronthaulError(.valueOutOfRange("extType \(e.extType) outside 1...127"), field: "extension[\(j)].extType", byteOffset: eat)
            }
            w.u8((j + 1 < s.extensions.count ? 0x80 : 0) | e.extType)
            if e.extType == 11 { w.u16(UInt16(words)) } else { w.u8(UInt8(words)) }
            e.contents.withUnsafeBytes { w.bytes($0) }
        }
    }

    public init(bytes: UnsafeRawBufferPointer, options: FronthaulOptions) throws(FronthaulError) {
        var r = ByteReader(bytes)
        let t = try ECPRITransport.read(&r, options: options)
        guard t.messageType == .realTimeControl else {
            throw FronthaulError(.unsupported("eCPRI message type \(t.messageType.rawValue) is not C-plane"), field: "ecpri.messageType", byteOffset: 1)
        }
        try self.init(transport: t, reader: &r)
    }

    init(transport t: ECPRITransport, reader r: inout ByteReader) throws(FronthaulError) {
        let b0 = try r.u8("dataDirection")
        let frameId = try r.u8("frameId")
        let timing = try r.u16("subframeId")
        let count = Int(try r.u8("numberOfSections"))
        let typeAt = r.offset
        let typeByte = try r.u8("sectionType")
        let type: CPlaneSectionType
        switch typeByte {
        case 1:
            let hdr = try UdCompHdr(byte: try r.u8("udCompHdr"), field: "udCompHdr", byteOffset: r.offset - 1)
            _ = try r.u8("reserved")
            type = .type1(udCompHdr: hdr)
        case 3:
            let timeOffset = try r.u16("timeOffset")
            let fs = try r.u8("frameStructure")
            let cp = try r.u16("cpLength")
            let hdr = try UdCompHdr(byte: try r.u8("udCompHdr"), field: "udCompHdr", byteOffset: r.offset - 1)
            type = .type3(timeOffset: timeOffset, frameStructure: FrameStructure(fftSize: fs >> 4, subcarrierSpacing: fs & 0xF),
                          cpLength: cp, udCompHdr: hdr)
        default:
            throw FronthaulError(.unsupported("section type \(typeByte)"), field: "sectionType", byteOffset: typeAt)
        }
        // every section needs at least its fixed part: reject impossible counts before allocating
        if r.remaining < count * type.sectionSize {
            throw FronthaulError(.truncated(needed: count * type.sectionSize, available: r.remaining), field: "sections", byteOffset: r.offset)
        }
        var sections: [CPlaneSection] = []
        sections.reserveCapacity(count)
        for i in 0 ..< count {
            do throws(FronthaulError) {
                sections.append(try Self.readSection(&r, type: typeByte))
            } catch {
                throw error.within("section[\(i)]")
            }
        }
        if r.remaining != 0 {
            throw FronthaulError(.lengthMismatch(expected: r.offset - ECPRI.commonHeaderSize, actual: r.end - ECPRI.commonHeaderSize),
                                 field: "ecpri.payloadSize", byteOffset: r.offset)
        }
        self.init(eAxC: t.eAxC, sequence: t.sequence, dataDirection: DataDirection(rawValue: b0 >> 7)!, payloadVersion: (b0 >> 4) & 7,
                  filterIndex: b0 & 0xF, frameId: frameId, subframeId: UInt8(timing >> 12), slotId: UInt8((timing >> 6) & 0x3F),
                  startSymbolId: UInt8(timing & 0x3F), sectionType: type, sections: sections)
    }

    private static func readSection(_ r: inout ByteReader, type: UInt8) throws(FronthaulError) -> CPlaneSection {
        let a = try r.u24("sectionId")
        let numPrbc = try r.u8("numPrbc")
        let m = try r.u16("reMask")
        let b = try r.u16("beamId")
        var s = CPlaneSection(sectionId: UInt16(a >> 12), rb: a & 0x800 != 0, symInc: a & 0x400 != 0, startPrbc: UInt16(a & 0x3FF),
                              numPrbc: numPrbc, reMask: m >> 4, numSymbol: UInt8(m & 0xF), beamId: b & 0x7FFF)
        if type == 3 {
            let f = try r.u24("freqOffset")
            s.freqOffset = Int32(bitPattern: f << 8) >> 8
            _ = try r.u8("reserved")
        }
        var more = b & 0x8000 != 0
        var j = 0
        while more {
            let at = r.offset
            let h = try r.u8("extType")
            more = h & 0x80 != 0
            let extType = h & 0x7F
            if extType == 0 {
                throw FronthaulError(.valueOutOfRange("extType 0 is reserved"), field: "extension[\(j)].extType", byteOffset: at)
            }
            let words: Int
            let headerSize: Int
            if extType == 11 {
                words = Int(try r.u16("extLen"))
                headerSize = 3
            } else {
                words = Int(try r.u8("extLen"))
                headerSize = 2
            }
            if words * 4 < headerSize {
                throw FronthaulError(.valueOutOfRange("extLen \(words) is shorter than the extension header"), field: "extension[\(j)].extLen", byteOffset: at + 1)
            }
            let body = try r.slice(words * 4 - headerSize, "extension.contents")
            s.extensions.append(SectionExtension(extType: extType, contents: Array(body)))
            j += 1
        }
        return s
    }
}
