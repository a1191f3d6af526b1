import Fronthaul

/// Carries air-interface records in O-RAN U-plane sections.
///
/// A record rides as the bytes of uncompressed 16-bit I/Q (`udCompHdr` = width 16, method none):
/// with that compression a PRB is exactly 48 payload bytes (12 subcarriers × 16-bit I and Q)
/// copied verbatim, so the record is padded with zeros to a whole number of PRBs. The record's
/// decoder accepts that padding, so `bytes(of:)` can hand back the whole payload.
///
/// A section holds at most 255 PRBs (12 240 bytes; `numPrbu` is 8 bits, 0 meaning "all PRBs").
/// `uPlaneSections` and `uPlaneMessage` split a longer record over consecutive sections (section
/// ids and start PRBs counting up); one eCPRI message takes about 60 KB (its payload size is 16
/// bits and `startPrbu` 10 bits), beyond which encoding the frame fails with a `FronthaulError`.
public enum AirCarrier {
    /// Payload bytes of one PRB at 16-bit uncompressed I/Q.
    public static let bytesPerPRB = 48
    /// PRBs in one section (the largest `numPrbu` that is not "all PRBs").
    public static let maxPRBsPerSection = 255
    /// The compression a carrier section uses: 16-bit I/Q, method none.
    public static let compression = UdCompHdr(iqWidth: 16, method: .none)

    // MARK: sections

    /// One section whose payload is `bytes` padded with zeros to whole PRBs (at least one).
    ///
    /// With the default `compression` (16-bit, none) a PRB is 48 record bytes copied verbatim. With
    /// block floating point (8…16 bits) each byte becomes one I or Q value (sign-extended, so in
    /// −128…127: 24 bytes per PRB) compressed like any other section of the link — exact, since
    /// such values need no exponent — so a capture decodes with one compression setting for the
    /// whole stream. `numPrbu` above 255 only encodes when it equals the options' `allPRBs`; use
    /// `uPlaneSections` for long records. With `includeUdCompHdr` false the header has no `udCompHdr`.
    public static func uPlaneSection(carrying bytes: [UInt8], sectionId: UInt16, startPrb: UInt16,
                                     includeUdCompHdr: Bool = true, compression: UdCompHdr = AirCarrier.compression) -> UPlaneSection {
        let verbatim = isVerbatim(compression)
        let perPRB = verbatim ? bytesPerPRB : IQCodec.valuesPerPRB
        let prbs = max(1, (bytes.count + perPRB - 1) / perPRB)
        var padded = bytes
        padded.append(contentsOf: repeatElement(0, count: prbs * perPRB - bytes.count))
        let header = UPlaneSectionHeader(sectionId: sectionId, startPrbu: startPrb, numPrbu: prbs,
                                         udCompHdr: includeUdCompHdr ? compression : nil)
        if verbatim { return UPlaneSection(header: header, payload: padded) }
        let values = padded.map { Int16(Int8(bitPattern: $0)) }
        // Only widths and methods `carries(_:)` accepts reach here, for which compression cannot fail.
        let payload = (try? IQCodec.compress(values, compression: compression)) ?? []
        return UPlaneSection(header: header, payload: payload)
    }

    /// Whether records can ride in sections of `compression`: 16-bit uncompressed, or block
    /// floating point of 8 to 16 bits.
    public static func carries(_ compression: UdCompHdr) -> Bool {
        isVerbatim(compression) || (compression.method == .blockFloatingPoint && (8...16).contains(compression.iqWidth))
    }

    static func isVerbatim(_ c: UdCompHdr) -> Bool { c.method == .none && c.iqWidth == 16 }

    /// `bytes` over as many sections of at most 255 PRBs as it takes: section k has id
    /// `sectionId + k` (12 bits, wrapping) and starts at PRB `startPrb + 255 k`.
    public static func uPlaneSections(carrying bytes: [UInt8], sectionId: UInt16, startPrb: UInt16,
                                      includeUdCompHdr: Bool = true, compression: UdCompHdr = AirCarrier.compression) -> [UPlaneSection] {
        let chunk = maxPRBsPerSection * (isVerbatim(compression) ? bytesPerPRB : IQCodec.valuesPerPRB)
        guard bytes.count > chunk else {
            return [uPlaneSection(carrying: bytes, sectionId: sectionId, startPrb: startPrb, includeUdCompHdr: includeUdCompHdr,
                                  compression: compression)]
        }
        var sections: [UPlaneSection] = []
        var start = 0, k: UInt16 = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            sections.append(uPlaneSection(carrying: Array(bytes[start ..< end]), sectionId: (sectionId &+ k) & 0xFFF,
                                          startPrb: startPrb &+ k &* UInt16(maxPRBsPerSection), includeUdCompHdr: includeUdCompHdr,
                                          compression: compression))
            start = end
            k &+= 1
        }
        return sections
    }

    /// The bytes a section carries (the record and its zero padding).
    ///
    /// The section's compression — its `udCompHdr`, or when it has none `staticCompression` (the
    /// O-RU's configured compression for that direction) — must be one `carries(_:)` accepts, and
    /// every decompressed value must be a sign-extended byte.
    public static func bytes(of section: UPlaneSection, staticCompression: UdCompHdr? = nil) throws(AirInterfaceError) -> [UInt8] {
        guard let c = section.header.udCompHdr ?? staticCompression else { throw .carrierCompressionUnknown }
        guard carries(c) else { throw .carrierCompressed(c) }
        let expected = section.header.numPrbu * (isVerbatim(c) ? bytesPerPRB : c.bytesPerPRB)
        guard section.payload.count == expected else {
            throw .carrierLengthMismatch(expected: expected, actual: section.payload.count)
        }
        if isVerbatim(c) { return section.payload }
        guard let values = try? IQCodec.decompress(section.payload, compression: c) else { throw .carrierCompressed(c) }
        var out = [UInt8]()
        out.reserveCapacity(values.count)
        for v in values {
            guard (-128...127).contains(v) else { throw .carrierCompressed(c) }
            out.append(UInt8(bitPattern: Int8(v)))
        }
        return out
    }

    /// The payloads of all `sections`, in order, concatenated.
    public static func bytes(of sections: some Sequence<UPlaneSection>, staticCompression: UdCompHdr? = nil) throws(AirInterfaceError) -> [UInt8] {
        var out: [UInt8] = []
        for s in sections { out.append(contentsOf: try bytes(of: s, staticCompression: staticCompression)) }
        return out
    }

    // MARK: messages

    /// A U-plane message carrying `bytes` for absolute slot `slot`: radio application header from
    /// `slotFields(of:slotsPerSubframe:)` and the record over `uPlaneSections`.
    ///
    /// `slotsPerSubframe` is 2^µ (1 at 15 kHz, 2 at 30 kHz, …) and must be in 1...64.
    public static func uPlaneMessage(carrying bytes: [UInt8], slot: UInt64, slotsPerSubframe: Int, direction: DataDirection,
                                     eAxC: EAxCID = EAxCID(), sequence: SequenceID, symbolId: UInt8 = 0,
                                     sectionId: UInt16 = 0, startPrb: UInt16 = 0, includeUdCompHdr: Bool = true) -> UPlaneMessage {
        let f = slotFields(of: slot, slotsPerSubframe: slotsPerSubframe)
        let header = UPlaneHeader(dataDirection: direction, frameId: f.frameId, subframeId: f.subframeId, slotId: f.slotId, symbolId: symbolId)
        return UPlaneMessage(eAxC: eAxC, sequence: sequence, header: header,
                             sections: uPlaneSections(carrying: bytes, sectionId: sectionId, startPrb: startPrb, includeUdCompHdr: includeUdCompHdr))
    }

    /// A U-plane message carrying `record` for its own slot: downlink records in downlink messages,
    /// uplink records in uplink messages.
    public static func uPlaneMessage(for record: AirRecord, slotsPerSubframe: Int, eAxC: EAxCID = EAxCID(), sequence: SequenceID,
                                     symbolId: UInt8 = 0, sectionId: UInt16 = 0, startPrb: UInt16 = 0,
                                     includeUdCompHdr: Bool = true) -> UPlaneMessage {
        uPlaneMessage(carrying: record.encoded(), slot: record.slot, slotsPerSubframe: slotsPerSubframe,
                      direction: record.kind == .downlink ? .downlink : .uplink, eAxC: eAxC, sequence: sequence,
                      symbolId: symbolId, sectionId: sectionId, startPrb: startPrb, includeUdCompHdr: includeUdCompHdr)
    }

    /// The bytes carried by all sections of `message` (sections without `udCompHdr` use the options'
    /// static compression for the message's direction).
    public static func bytes(of message: UPlaneMessage, options: FronthaulOptions = .default) throws(AirInterfaceError) -> [UInt8] {
        try bytes(of: message.sections, staticCompression: options.staticCompression(message.header.dataDirection))
    }

    /// Decodes the record `message` carries and checks it against the message: its kind against the
    /// data direction, its slot against frameId / subframeId / slotId.
    public static func record(in message: UPlaneMessage, slotsPerSubframe: Int,
                              options: FronthaulOptions = .default) throws(AirInterfaceError) -> AirRecord {
        let record = try AirRecord(bytes: try bytes(of: message, options: options))
        let h = message.header
        guard (record.kind == .downlink) == (h.dataDirection == .downlink) else {
            throw .carrierDirectionMismatch(kind: record.kind, direction: h.dataDirection)
        }
        let f = slotFields(of: record.slot, slotsPerSubframe: slotsPerSubframe)
        guard f.frameId == h.frameId && f.subframeId == h.subframeId && f.slotId == h.slotId else {
            throw .carrierSlotMismatch(recordSlot: record.slot, frameId: h.frameId, subframeId: h.subframeId, slotId: h.slotId)
        }
        return record
    }

    // MARK: slot numbering

    /// The radio application header's slot fields for absolute slot `slot`: with
    /// slotsPerFrame = 10 × slotsPerSubframe, frameId = (slot / slotsPerFrame) mod 256,
    /// subframeId = (slot mod slotsPerFrame) / slotsPerSubframe, slotId = slot mod slotsPerSubframe.
    ///
    /// `slotsPerSubframe` must be in 1...64 (slotId is 6 bits).
    public static func slotFields(of slot: UInt64, slotsPerSubframe: Int) -> (frameId: UInt8, subframeId: UInt8, slotId: UInt8) {
        precondition((1 ... 64).contains(slotsPerSubframe), "slotsPerSubframe \(slotsPerSubframe) outside 1...64")
        let sps = UInt64(slotsPerSubframe), perFrame = 10 * sps
        return (UInt8(truncatingIfNeeded: slot / perFrame), UInt8((slot % perFrame) / sps), UInt8(slot % sps))
    }

    /// The absolute slot with these radio-header fields that is closest to `reference` (the
    /// receiver's current slot): frameId wraps every 256 frames, so the fields fix the slot modulo
    /// 2 560 × slotsPerSubframe and `reference` picks the period. The result r satisfies
    /// reference − period/2 < r ≤ reference + period/2 unless that would fall below 0.
    ///
    /// Throws `slotFieldsOutOfRange` when subframeId > 9 or slotId ≥ slotsPerSubframe (values from
    /// the wire); `slotsPerSubframe` must be in 1...64.
    public static func absoluteSlot(frameId: UInt8, subframeId: UInt8, slotId: UInt8, slotsPerSubframe: Int,
                                    near reference: UInt64) throws(AirInterfaceError) -> UInt64 {
        precondition((1 ... 64).contains(slotsPerSubframe), "slotsPerSubframe \(slotsPerSubframe) outside 1...64")
        guard subframeId < 10 && Int(slotId) < slotsPerSubframe else {
            throw .slotFieldsOutOfRange(subframeId: subframeId, slotId: slotId, slotsPerSubframe: slotsPerSubframe)
        }
        let sps = UInt64(slotsPerSubframe), perFrame = 10 * sps, period = 256 * perFrame
        let within = UInt64(frameId) * perFrame + UInt64(subframeId) * sps + UInt64(slotId)
        // d: how far ahead of `reference` the next slot with these fields is (0 ..< period)
        let d = (within + period - reference % period) % period
        let forwardOK = d <= UInt64.max - reference  // reference + d does not overflow
        let backwardOK = reference >= period - d      // reference + d − period is not negative
        if forwardOK && (d <= period / 2 || !backwardOK) { return reference + d }
        return reference - (period - d)
    }
}
