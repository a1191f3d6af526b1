/// eCPRI (v1.x/2.0 common header, revision 1) as O-RAN 7.2 uses it.
///
/// Common header (4 bytes): `ecpriRevision` (4 bits, 1) | reserved (3) | `C` concatenation (1),
/// `ecpriMessage` (8), `ecpriPayload` size (16, bytes after the common header). Message types 0
/// (IQ data, U-plane) and 2 (real-time control, C-plane) then carry a 2-byte `PC_ID`/`RTC_ID`
/// (the O-RAN eAxC id) and a 2-byte `SEQ_ID`, both counted in the payload size.
public enum ECPRI {
    /// Size of the common header.
    public static let commonHeaderSize = 4
    /// Common header plus PC_ID/RTC_ID and SEQ_ID.
    public static let transportHeaderSize = 8
    /// The only protocol revision this codec reads and writes.
    public static let revision: UInt8 = 1
}

/// The eCPRI message types carried by O-RAN CUS-plane.
public enum ECPRIMessageType: UInt8, Hashable, Sendable, Codable, CaseIterable {
    /// Type 0, IQ data: O-RAN U-plane.
    case iqData = 0
    /// Type 2, real-time control data: O-RAN C-plane.
    case realTimeControl = 2
}

/// How the 16 bits of an eAxC id (eCPRI PC_ID / RTC_ID) split into DU port, band sector,
/// component carrier and RU port, most significant first. The widths are an M-plane setting
/// (O-RAN WG4 CUS §3.1.3.1.6; the O-RU's `eaxc-id` bitmasks); they must add up to 16.
///
/// The default is the common 4/4/4/4 split (masks 0xF000, 0x0F00, 0x00F0, 0x000F), which is what
/// most O-DU/O-RU stacks ship with and what current Wireshark assumes. Wireshark 4.0 defaults to
/// 2/6/4/4 (`wireshark40`); pass its `oran_fh_cus.oran.*_id_bits` preferences when they differ.
public struct EAxCLayout: Hashable, Sendable, Codable {
    public var duPortBits: Int
    public var bandSectorBits: Int
    public var ccBits: Int
    public var ruPortBits: Int

    public init(duPortBits: Int, bandSectorBits: Int, ccBits: Int, ruPortBits: Int) {
        self.duPortBits = duPortBits
        self.bandSectorBits = bandSectorBits
        self.ccBits = ccBits
        self.ruPortBits = ruPortBits
    }

    /// 4/4/4/4.
    public static let `default` = EAxCLayout(duPortBits: 4, bandSectorBits: 4, ccBits: 4, ruPortBits: 4)
    /// Wireshark 4.0's default preference values, 2/6/4/4.
    public static let wireshark40 = EAxCLayout(duPortBits: 2, bandSectorBits: 6, ccBits: 4, ruPortBits: 4)

    /// Every width non-negative and the four adding up to 16.
    public var isValid: Bool {
        let widths = 0...16
        return widths.contains(duPortBits) && widths.contains(bandSectorBits) && widths.contains(ccBits) && widths.contains(ruPortBits)
            && duPortBits + bandSectorBits + ccBits + ruPortBits == 16
    }
}

/// An O-RAN eAxC id (extended antenna-carrier): eCPRI PC_ID in U-plane, RTC_ID in C-plane.
public struct EAxCID: Hashable, Sendable, Codable {
    public var duPort: UInt16
    public var bandSector: UInt16
    public var ccId: UInt16
    public var ruPort: UInt16

    public init(duPort: UInt16 = 0, bandSector: UInt16 = 0, ccId: UInt16 = 0, ruPort: UInt16 = 0) {
        self.duPort = duPort
        self.bandSector = bandSector
        self.ccId = ccId
        self.ruPort = ruPort
    }

    /// Splits a raw 16-bit id by `layout` (which must be valid).
    public init(raw: UInt16, layout: EAxCLayout) {
        var v = UInt32(raw)
        func take(_ bits: Int) -> UInt16 {
            let part = UInt16(truncatingIfNeeded: v & ((1 << bits) - 1))
            v >>= bits
            return part
        }
        ruPort = take(layout.ruPortBits)
        ccId = take(layout.ccBits)
        bandSector = take(layout.bandSectorBits)
        duPort = take(layout.duPortBits)
    }

    /// The raw 16-bit id under `layout`; throws if a part does not fit its width.
    public func raw(layout: EAxCLayout, byteOffset: Int = 0) throws(FronthaulError) -> UInt16 {
        guard layout.isValid else {
            throw FronthaulError(.valueOutOfRange("eAxC widths must be non-negative and add up to 16"), field: "options.eAxCLayout", byteOffset: byteOffset)
        }
        try checkBits(duPort, layout.duPortBits, "eAxC.duPort", at: byteOffset)
        try checkBits(bandSector, layout.bandSectorBits, "eAxC.bandSector", at: byteOffset)
        try checkBits(ccId, layout.ccBits, "eAxC.ccId", at: byteOffset)
        try checkBits(ruPort, layout.ruPortBits, "eAxC.ruPort", at: byteOffset)
        var v = UInt32(duPort)
        v = v << layout.bandSectorBits | UInt32(bandSector)
        v = v << layout.ccBits | UInt32(ccId)
        v = v << layout.ruPortBits | UInt32(ruPort)
        return UInt16(truncatingIfNeeded: v)
    }
}

/// eCPRI SEQ_ID as O-RAN uses it: `sequenceId` (8 bits), `E` bit (1, last or only fragment),
/// `subsequenceId` (7 bits, radio-transport fragment number).
public struct SequenceID: Hashable, Sendable, Codable {
    public var sequenceId: UInt8
    public var eBit: Bool
    public var subsequenceId: UInt8

    public init(sequenceId: UInt8, eBit: Bool = true, subsequenceId: UInt8 = 0) {
        self.sequenceId = sequenceId
        self.eBit = eBit
        self.subsequenceId = subsequenceId
    }

    init(raw: UInt16) {
        sequenceId = UInt8(truncatingIfNeeded: raw >> 8)
        eBit = raw & 0x80 != 0
        subsequenceId = UInt8(truncatingIfNeeded: raw & 0x7F)
    }

    func raw(byteOffset: Int) throws(FronthaulError) -> UInt16 {
        try checkBits(subsequenceId, 7, "ecpri.seqId.subsequenceId", at: byteOffset)
        return UInt16(sequenceId) << 8 | (eBit ? 0x80 : 0) | UInt16(subsequenceId)
    }
}

/// The eCPRI part of one O-RAN frame, as parsed.
struct ECPRITransport {
    var messageType: ECPRIMessageType
    var eAxC: EAxCID
    var sequence: SequenceID
}

extension ECPRITransport {
    /// Reads the common header, PC_ID/RTC_ID and SEQ_ID, checks the payload size against the input and
    /// narrows `reader` to the message.
    static func read(_ r: inout ByteReader, options: FronthaulOptions) throws(FronthaulError) -> ECPRITransport {
        guard options.eAxCLayout.isValid else {
            throw FronthaulError(.valueOutOfRange("eAxC widths must be non-negative and add up to 16"), field: "options.eAxCLayout", byteOffset: 0)
        }
        let b0 = try r.u8("ecpri.revision")
        if b0 >> 4 != ECPRI.revision {
            throw FronthaulError(.unsupported("eCPRI revision \(b0 >> 4)"), field: "ecpri.revision", byteOffset: r.offset - 1)
        }
        if b0 & 1 != 0 {
            throw FronthaulError(.unsupported("concatenated eCPRI messages"), field: "ecpri.concatenation", byteOffset: r.offset - 1)
        }
        let typeByte = try r.u8("ecpri.messageType")
        guard let type = ECPRIMessageType(rawValue: typeByte) else {
            throw FronthaulError(.unsupported("eCPRI message type \(typeByte)"), field: "ecpri.messageType", byteOffset: r.offset - 1)
        }
        let sizeOffset = r.offset
        let size = Int(try r.u16("ecpri.payloadSize"))
        if size < 4 {
            throw FronthaulError(.valueOutOfRange("payload size \(size) < 4 (PC_ID/RTC_ID + SEQ_ID)"), field: "ecpri.payloadSize", byteOffset: sizeOffset)
        }
        if r.remaining < size {
            throw FronthaulError(.truncated(needed: size, available: r.remaining), field: "ecpri.payload", byteOffset: r.offset)
        }
        if r.remaining > size && !options.allowTrailingBytes {
            throw FronthaulError(.lengthMismatch(expected: size, actual: r.remaining), field: "ecpri.payloadSize", byteOffset: sizeOffset)
        }
        r.end = r.offset + size
        let id = try r.u16(type == .iqData ? "ecpri.pcId" : "ecpri.rtcId")
        let seq = try r.u16("ecpri.seqId")
        return ECPRITransport(messageType: type, eAxC: EAxCID(raw: id, layout: options.eAxCLayout), sequence: SequenceID(raw: seq))
    }

    /// Writes the 8 transport bytes for a message of `totalSize` bytes (header included).
    static func write(_ w: inout ByteWriter, type: ECPRIMessageType, totalSize: Int, eAxC: EAxCID, sequence: SequenceID,
                      options: FronthaulOptions) throws(FronthaulError) {
        let start = w.offset
        let payload = totalSize - ECPRI.commonHeaderSize
        if payload > 0xFFFF {
            throw FronthaulError(.valueOutOfRange("payload of \(payload) bytes exceeds 65535"), field: "ecpri.payloadSize", byteOffset: start + 2)
        }
        let id = try eAxC.raw(layout: options.eAxCLayout, byteOffset: start + 4)
        let seq = try sequence.raw(byteOffset: start + 6)
        w.u8(ECPRI.revision << 4)
        w.u8(type.rawValue)
        w.u16(UInt16(payload))
        w.u16(id)
        w.u16(seq)
    }
}

/// Decoding and encoding settings that the bytes do not carry (M-plane configuration).
public struct FronthaulOptions: Hashable, Sendable, Codable {
    /// Split of the eAxC id.
    public var eAxCLayout: EAxCLayout
    /// Whether U-plane sections carry `udCompHdr` + reserved byte, per direction. When absent the
    /// static compression below applies (O-RAN CUS §7.5.2.10 "static configuration").
    public var uplinkUdCompHdrPresent: Bool
    public var downlinkUdCompHdrPresent: Bool
    /// Compression used when a U-plane section has no `udCompHdr`.
    public var uplinkStaticCompression: UdCompHdr
    public var downlinkStaticCompression: UdCompHdr
    /// Number of PRBs meant by `numPrbu = 0` / `numPrbc = 0` ("all PRBs"); 273 is 100 MHz at 30 kHz.
    public var allPRBs: Int
    /// Accept (and ignore) bytes after the eCPRI payload, e.g. Ethernet padding.
    public var allowTrailingBytes: Bool

    public init(eAxCLayout: EAxCLayout = .default, uplinkUdCompHdrPresent: Bool = true, downlinkUdCompHdrPresent: Bool = true,
                uplinkStaticCompression: UdCompHdr = .bfp(9), downlinkStaticCompression: UdCompHdr = .bfp(9),
                allPRBs: Int = 273, allowTrailingBytes: Bool = false) {
        self.eAxCLayout = eAxCLayout
        self.uplinkUdCompHdrPresent = uplinkUdCompHdrPresent
        self.downlinkUdCompHdrPresent = downlinkUdCompHdrPresent
        self.uplinkStaticCompression = uplinkStaticCompression
        self.downlinkStaticCompression = downlinkStaticCompression
        self.allPRBs = allPRBs
        self.allowTrailingBytes = allowTrailingBytes
    }

    public static let `default` = FronthaulOptions()

    public func udCompHdrPresent(_ direction: DataDirection) -> Bool {
        direction == .uplink ? uplinkUdCompHdrPresent : downlinkUdCompHdrPresent
    }

    public func staticCompression(_ direction: DataDirection) -> UdCompHdr {
        direction == .uplink ? uplinkStaticCompression : downlinkStaticCompression
    }
}

/// `dataDirection`: 0 = uplink (Rx at the O-RU), 1 = downlink (Tx).
public enum DataDirection: UInt8, Hashable, Sendable, Codable, CaseIterable {
    case uplink = 0
    case downlink = 1
}
