/// An NR user plane protocol frame (3GPP TS 38.425 §5.5), the content of a GTP-U NR RAN Container
/// extension header (type 0x84) on F1-U. Two PDU types are modelled: DL USER DATA (0), sent by the
/// CU with each DL PDCP PDU, and DL DATA DELIVERY STATUS (1), the DU's flow-control feedback.
///
/// Each frame is padded with zero octets to 4n − 2 octets (so the extension header is a multiple of
/// 4); the decoder accepts 0–3 octets of padding of any value and ignores spare bits. Sequence
/// numbers are 24-bit fields held in `UInt32`; `encoded()` rejects wider values.
public enum NRUPFrame: Sendable, Hashable {
    /// PDU type 0: DL USER DATA (§5.5.2.1).
    case dlUserData(DLUserData)
    /// PDU type 1: DL DATA DELIVERY STATUS (§5.5.2.2).
    case dlDataDeliveryStatus(DLDataDeliveryStatus)

    /// A block of consecutive NR PDCP SNs the DU is to discard.
    public struct DiscardBlock: Sendable, Hashable {
        /// DL discard NR PDCP PDU SN start (24 bits).
        public var start: UInt32
        /// Discarded block size: the number of PDCP SNs in the block.
        public var size: UInt8

        public init(start: UInt32, size: UInt8) {
            self.start = start
            self.size = size
        }
    }

    /// An inclusive range of sequence numbers (NR-U SNs or NR PDCP SNs, 24 bits each).
    public struct SNRange: Sendable, Hashable {
        public var start: UInt32
        public var end: UInt32

        public init(start: UInt32, end: UInt32) {
            self.start = start
            self.end = end
        }
    }

    /// DL USER DATA. Octet 1: PDU type (4) | spare | DL Discard Blocks | DL Flush | Report Polling;
    /// octet 2: spare (3) | Request OutOfSeq Report | Report Delivered | User Data Existence |
    /// Assistance Info Report Polling | Retransmission; then the NR-U SN (3 octets), the DL discard
    /// NR PDCP PDU SN (3, if DL Flush), the discard blocks (count octet, then 3 + 1 octets per block,
    /// if DL Discard Blocks), the DL report NR PDCP PDU SN (3, if Report Delivered).
    public struct DLUserData: Sendable, Hashable {
        /// NR-U sequence number (24 bits), incremented per transferred frame.
        public var nruSequenceNumber: UInt32
        /// Report Polling: the DU is to send a DL DATA DELIVERY STATUS.
        public var reportPolling: Bool
        /// DL discard NR PDCP PDU SN: discard everything up to and including it (sets DL Flush).
        public var discardUpToPDCPSN: UInt32?
        /// DL discard blocks (sets DL Discard Blocks; at most 255).
        public var discardBlocks: [DiscardBlock]?
        /// Request OutOfSeq Report.
        public var requestOutOfSequenceReport: Bool
        /// DL report NR PDCP PDU SN: report when this PDCP PDU is delivered (sets Report Delivered).
        public var reportDeliveredPDCPSN: UInt32?
        /// User Data Existence: the G-PDU carries a PDCP PDU.
        public var userDataExists: Bool
        /// Assistance Info Report Polling.
        public var assistanceInfoReportPolling: Bool
        /// Retransmission: the PDCP PDU is a retransmission.
        public var retransmission: Bool

        public init(nruSequenceNumber: UInt32, reportPolling: Bool = false, discardUpToPDCPSN: UInt32? = nil,
                    discardBlocks: [DiscardBlock]? = nil, requestOutOfSequenceReport: Bool = false,
                    reportDeliveredPDCPSN: UInt32? = nil, userDataExists: Bool = true,
                    assistanceInfoReportPolling: Bool = false, retransmission: Bool = false) {
            self.nruSequenceNumber = nruSequenceNumber
            self.reportPolling = reportPolling
            self.discardUpToPDCPSN = discardUpToPDCPSN
            self.discardBlocks = discardBlocks
            self.requestOutOfSequenceReport = requestOutOfSequenceReport
            self.reportDeliveredPDCPSN = reportDeliveredPDCPSN
            self.userDataExists = userDataExists
            self.assistanceInfoReportPolling = assistanceInfoReportPolling
            self.retransmission = retransmission
        }
    }

    /// DL DATA DELIVERY STATUS. Octet 1: PDU type (4) | Highest Transmitted NR PDCP SN Ind |
    /// Highest Delivered NR PDCP SN Ind | Final Frame Ind | Lost Packet Report; octet 2: spare (3) |
    /// Delivered NR PDCP SN Range Ind | Data Rate Ind | Highest Retransmitted NR PDCP SN Ind |
    /// Highest Delivered Retransmitted NR PDCP SN Ind | Cause Report; then, in this order: desired
    /// buffer size (4), desired data rate (4), lost NR-U SN ranges (count, 3 + 3 each), highest
    /// delivered NR PDCP SN (3), highest transmitted NR PDCP SN (3), cause value (1), highest delivered
    /// retransmitted NR PDCP SN (3), highest retransmitted NR PDCP SN (3), delivered NR PDCP SN ranges
    /// (count, 3 + 3 each) — each optional part present exactly when its indication bit is set.
    public struct DLDataDeliveryStatus: Sendable, Hashable {
        /// Desired buffer size for the data radio bearer, in bytes.
        public var desiredBufferSize: UInt32
        /// Final Frame Ind: the last DDDS before the DU releases the bearer.
        public var finalFrame: Bool
        /// Desired data rate in bytes per second (Data Rate Ind).
        public var desiredDataRate: UInt32?
        /// Lost NR-U SN ranges (Lost Packet Report; at most 255).
        public var lostNRUSequenceRanges: [SNRange]?
        /// Highest successfully delivered NR PDCP SN (24 bits).
        public var highestDeliveredPDCPSN: UInt32?
        /// Highest transmitted NR PDCP SN (24 bits).
        public var highestTransmittedPDCPSN: UInt32?
        /// Cause value (Cause Report): 1 radio link outage, 2 radio link resume, 3/4 UL/DL radio link outage, …
        public var cause: UInt8?
        /// Highest successfully delivered retransmitted NR PDCP SN (24 bits).
        public var highestDeliveredRetransmittedPDCPSN: UInt32?
        /// Highest retransmitted NR PDCP SN (24 bits).
        public var highestRetransmittedPDCPSN: UInt32?
        /// Successfully delivered out-of-sequence NR PDCP SN ranges (Delivered NR PDCP SN Range Ind; at most 255).
        public var deliveredPDCPSNRanges: [SNRange]?

        public init(desiredBufferSize: UInt32, finalFrame: Bool = false, desiredDataRate: UInt32? = nil,
                    lostNRUSequenceRanges: [SNRange]? = nil, highestDeliveredPDCPSN: UInt32? = nil,
                    highestTransmittedPDCPSN: UInt32? = nil, cause: UInt8? = nil,
                    highestDeliveredRetransmittedPDCPSN: UInt32? = nil, highestRetransmittedPDCPSN: UInt32? = nil,
                    deliveredPDCPSNRanges: [SNRange]? = nil) {
            self.desiredBufferSize = desiredBufferSize
            self.finalFrame = finalFrame
            self.desiredDataRate = desiredDataRate
            self.lostNRUSequenceRanges = lostNRUSequenceRanges
            self.highestDeliveredPDCPSN = highestDeliveredPDCPSN
            self.highestTransmittedPDCPSN = highestTransmittedPDCPSN
            self.cause = cause
            self.highestDeliveredRetransmittedPDCPSN = highestDeliveredRetransmittedPDCPSN
            self.highestRetransmittedPDCPSN = highestRetransmittedPDCPSN
            self.deliveredPDCPSNRanges = deliveredPDCPSNRanges
        }
    }

    /// The PDU type (upper 4 bits of the first octet).
    public var pduType: UInt8 {
        switch self {
        case .dlUserData: 0
        case .dlDataDeliveryStatus: 1
        }
    }

    /// Decodes a frame of 4n − 2 octets (fields, then 0–3 padding octets). Total: every input
    /// yields a value or a `GTPUError`; offsets count from the frame's first octet.
    public init(bytes: some Collection<UInt8>) throws(GTPUError) {
        var r = GTPUReader(Array(bytes))
        let first = try r.u8("pduType")
        let second = try r.u8("flags")
        func bit(_ octet: UInt8, _ n: UInt8) -> Bool { octet >> n & 1 == 1 }
        func sn(_ r: inout GTPUReader, _ present: Bool, _ field: String) throws(GTPUError) -> UInt32? {
            present ? try r.uint(3, field) : nil
        }
        func ranges(_ r: inout GTPUReader, _ present: Bool, _ field: String) throws(GTPUError) -> [SNRange]? {
            guard present else { return nil }
            let count = try r.u8(field + ".count")
            var out: [SNRange] = []
            for i in 0 ..< Int(count) {
                out.append(SNRange(start: try r.uint(3, "\(field)[\(i)].start"), end: try r.uint(3, "\(field)[\(i)].end")))
            }
            return out
        }
        switch first >> 4 {
        case 0:
            var d = DLUserData(nruSequenceNumber: 0, reportPolling: bit(first, 0), requestOutOfSequenceReport: bit(second, 4),
                               userDataExists: bit(second, 2), assistanceInfoReportPolling: bit(second, 1),
                               retransmission: bit(second, 0))
            d.nruSequenceNumber = try r.uint(3, "nruSequenceNumber")
            d.discardUpToPDCPSN = try sn(&r, bit(first, 1), "dlDiscardPDCPSN")
            if bit(first, 2) {
                let count = try r.u8("dlDiscardBlocks.count")
                var blocks: [DiscardBlock] = []
                for i in 0 ..< Int(count) {
                    blocks.append(DiscardBlock(start: try r.uint(3, "dlDiscardBlocks[\(i)].start"), size: try r.u8("dlDiscardBlocks[\(i)].size")))
                }
                d.discardBlocks = blocks
            }
            d.reportDeliveredPDCPSN = try sn(&r, bit(second, 3), "dlReportPDCPSN")
            self = .dlUserData(d)
        case 1:
            var d = DLDataDeliveryStatus(desiredBufferSize: try r.uint(4, "desiredBufferSize"), finalFrame: bit(first, 1))
            d.desiredDataRate = bit(second, 3) ? try r.uint(4, "desiredDataRate") : nil
            d.lostNRUSequenceRanges = try ranges(&r, bit(first, 0), "lostNRUSequenceRanges")
            d.highestDeliveredPDCPSN = try sn(&r, bit(first, 2), "highestDeliveredPDCPSN")
            d.highestTransmittedPDCPSN = try sn(&r, bit(first, 3), "highestTransmittedPDCPSN")
            d.cause = bit(second, 0) ? try r.u8("cause") : nil
            d.highestDeliveredRetransmittedPDCPSN = try sn(&r, bit(second, 1), "highestDeliveredRetransmittedPDCPSN")
            d.highestRetransmittedPDCPSN = try sn(&r, bit(second, 2), "highestRetransmittedPDCPSN")
            d.deliveredPDCPSNRanges = try ranges(&r, bit(second, 4), "deliveredPDCPSNRanges")
            self = .dlDataDeliveryStatus(d)
        case let other:
            throw .unsupportedPDUType(other, offset: 0)
        }
        let total = r.bytes.count
        if r.remaining > 3 || (total + 2) % 4 != 0 {
            let padded = r.offset + (4 - (r.offset + 2) % 4) % 4
            throw .lengthMismatch(field: "padding", offset: r.offset, declared: padded, actual: total)
        }
    }

    /// The encoded frame, padded with zero octets to 4n − 2. Throws `.valueOutOfRange` for a
    /// sequence number wider than 24 bits or a list longer than 255.
    public func encoded() throws(GTPUError) -> [UInt8] {
        var out: [UInt8] = []
        func sn(_ v: UInt32?, _ field: String) throws(GTPUError) {
            guard let v else { return }
            if v > 0xFF_FFFF { throw .valueOutOfRange(field: field, value: Int(v), limit: 0xFF_FFFF) }
            out.appendBigEndian(v, width: 3)
        }
        func count(_ n: Int?, _ field: String) throws(GTPUError) {
            guard let n else { return }
            if n > 255 { throw .valueOutOfRange(field: field + ".count", value: n, limit: 255) }
            out.append(UInt8(n))
        }
        func ranges(_ list: [SNRange]?, _ field: String) throws(GTPUError) {
            try count(list?.count, field)
            for (i, range) in (list ?? []).enumerated() {
                try sn(range.start, "\(field)[\(i)].start")
                try sn(range.end, "\(field)[\(i)].end")
            }
        }
        func flag(_ b: Bool, _ n: UInt8) -> UInt8 { b ? 1 << n : 0 }
        switch self {
        case let .dlUserData(d):
            out.append(flag(d.discardBlocks != nil, 2) | flag(d.discardUpToPDCPSN != nil, 1) | flag(d.reportPolling, 0))
            out.append(flag(d.requestOutOfSequenceReport, 4) | flag(d.reportDeliveredPDCPSN != nil, 3)
                | flag(d.userDataExists, 2) | flag(d.assistanceInfoReportPolling, 1) | flag(d.retransmission, 0))
            try sn(d.nruSequenceNumber, "nruSequenceNumber")
            try sn(d.discardUpToPDCPSN, "dlDiscardPDCPSN")
            try count(d.discardBlocks?.count, "dlDiscardBlocks")
            for (i, block) in (d.discardBlocks ?? []).enumerated() {
                try sn(block.start, "dlDiscardBlocks[\(i)].start")
                out.append(block.size)
            }
            try sn(d.reportDeliveredPDCPSN, "dlReportPDCPSN")
        case let .dlDataDeliveryStatus(d):
            out.append(0x10 | flag(d.highestTransmittedPDCPSN != nil, 3) | flag(d.highestDeliveredPDCPSN != nil, 2)
                | flag(d.finalFrame, 1) | flag(d.lostNRUSequenceRanges != nil, 0))
            out.append(flag(d.deliveredPDCPSNRanges != nil, 4) | flag(d.desiredDataRate != nil, 3)
                | flag(d.highestRetransmittedPDCPSN != nil, 2) | flag(d.highestDeliveredRetransmittedPDCPSN != nil, 1)
                | flag(d.cause != nil, 0))
            out.appendBigEndian(d.desiredBufferSize, width: 4)
            if let rate = d.desiredDataRate { out.appendBigEndian(rate, width: 4) }
            try ranges(d.lostNRUSequenceRanges, "lostNRUSequenceRanges")
            try sn(d.highestDeliveredPDCPSN, "highestDeliveredPDCPSN")
            try sn(d.highestTransmittedPDCPSN, "highestTransmittedPDCPSN")
            if let cause = d.cause { out.append(cause) }
            try sn(d.highestDeliveredRetransmittedPDCPSN, "highestDeliveredRetransmittedPDCPSN")
            try sn(d.highestRetransmittedPDCPSN, "highestRetransmittedPDCPSN")
            try ranges(d.deliveredPDCPSNRanges, "deliveredPDCPSNRanges")
        }
        while (out.count + 2) % 4 != 0 { out.append(0) }
        return out
    }
}
