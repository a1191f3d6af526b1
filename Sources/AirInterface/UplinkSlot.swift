/// Everything the DU's PHY would decode from the air in one uplink slot, as the RU/UE emulator
/// reports it (RU → DU, one record per slot): HARQ feedback, channel quality, buffer status,
/// PUSCH decoding results with their content, and PRACH preambles.
///
/// The encoding (docs/air-interface.md) starts "RA", version 1, kind 2; `encoded()` writes it and
/// `init(bytes:)` reads it back, totally: any bytes give a value or an `AirInterfaceError`.
public struct UplinkSlot: Sendable, Hashable, Codable {
    /// Absolute slot index (slots since the lab's epoch).
    public var slot: UInt64
    /// HARQ ACK/NACK for downlink transport blocks.
    public var harqFeedback: [HARQFeedback]
    /// Downlink CQI reports and uplink quality measurements.
    public var channelReports: [ChannelReport]
    /// Uplink buffer status of UEs.
    public var bufferReports: [BufferReport]
    /// PUSCH decoding results, with the transport blocks' content when the CRC passed.
    public var puschResults: [PUSCHResult]
    /// PRACH preambles detected.
    public var preambles: [Preamble]

    /// A record for `slot`; the lists default to empty.
    public init(slot: UInt64, harqFeedback: [HARQFeedback] = [], channelReports: [ChannelReport] = [],
                bufferReports: [BufferReport] = [], puschResults: [PUSCHResult] = [], preambles: [Preamble] = []) {
        self.slot = slot
        self.harqFeedback = harqFeedback
        self.channelReports = channelReports
        self.bufferReports = bufferReports
        self.puschResults = puschResults
        self.preambles = preambles
    }

    /// Decodes an uplink record; zero bytes after it are accepted (carrier padding).
    public init(bytes: some Collection<UInt8>) throws(AirInterfaceError) {
        self = try AirFormat.decode(bytes, kind: .uplink)
    }

    /// The record's bytes: header, then the fields. Traps if a list has more than 65 535 items.
    public func encoded() -> [UInt8] {
        AirFormat.encode(self, kind: .uplink)
    }

    /// Number of bytes `encoded()` returns.
    public var encodedCount: Int { AirFormat.headerSize + encodedSize }
}

extension UplinkSlot: AirCodable {
    // slot 8, five list counts 2 each
    static let minimumEncodedSize = 18

    var encodedSize: Int {
        8 + harqFeedback.listSize + channelReports.listSize + bufferReports.listSize + puschResults.listSize + preambles.listSize
    }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        slot = try r.u64("slot")
        harqFeedback = try r.list("harqFeedback")
        channelReports = try r.list("channelReports")
        bufferReports = try r.list("bufferReports")
        puschResults = try r.list("puschResults")
        preambles = try r.list("preambles")
    }

    func write(to w: inout AirWriter) {
        w.u64(slot)
        w.list(harqFeedback, "harqFeedback")
        w.list(channelReports, "channelReports")
        w.list(bufferReports, "bufferReports")
        w.list(puschResults, "puschResults")
        w.list(preambles, "preambles")
    }
}
