import AirInterface
import Fronthaul
import VNFKit

/// The O-RAN fronthaul to the RU: per slot a C-plane message (section type 1) per direction with
/// one section per grant, the emulated PDCCH/PDSCH record (`DownlinkSlot`) in a symbol-0 U-plane
/// message starting with section 0xFFF (compressed like the I/Q, so a capture decodes with one
/// setting; a long record continues in sections 0, 1, …), and compressed PDSCH I/Q of the
/// scheduled PRBs; from the RU, the `UplinkSlot` records. Also watches the RU: silent for `silenceLimit` slots (or no longer on the
/// slot clock) means lost.
final class FronthaulStage {
    /// PRBs and symbols of one grant, as the C-plane describes it.
    struct Allocation {
        let prbStart: Int
        let prbCount: Int
        let startSymbol: Int
        let symbols: Int
    }

    enum RUState: Equatable { case unknown, alive, lost(since: Int) }

    let link: TimedLink
    let options: FronthaulOptions
    let compression: UdCompHdr
    /// How records ride: like the I/Q when the carrier can do that exactly, else 16-bit verbatim.
    let recordCompression: UdCompHdr
    let iqSymbols: Int
    let slotsPerSubframe: Int
    let silenceLimit: Int
    private var cSequence: UInt8 = 0
    private var uSequence: UInt8 = 0
    private(set) var state = RUState.unknown
    private var lastHeard = -1
    /// bravo's test waveform: a QPSK-like symbol sequence over the carrier (24 values per PRB).
    private let waveform: [Int16]
    private(set) var decodeErrors = 0

    init(link: TimedLink, prbs: Int, compression: UdCompHdr, iqSymbols: Int, numerology: Int, silenceLimit: Int) {
        self.link = link
        self.options = FronthaulOptions(allPRBs: prbs)
        self.compression = compression
        self.recordCompression = AirCarrier.carries(compression) ? compression : AirCarrier.compression
        self.iqSymbols = iqSymbols
        self.slotsPerSubframe = 1 << numerology
        self.silenceLimit = silenceLimit
        waveform = (0..<prbs * 24).map { k in
            let bit = (UInt32(truncatingIfNeeded: k) &* 0x9E37_79B1) >> 31
            return bit == 0 ? 1448 : -1448
        }
    }

    var ruLost: Bool { if case .lost = state { true } else { false } }

    /// The RU's records that arrived for this epoch, oldest first.
    func receive() -> [UplinkSlot] {
        var records: [UplinkSlot] = []
        while let m = link.inbox.popFirst() {
            guard case .uPlane(let u)? = try? FronthaulMessage(bytes: m.bytes, options: options), u.header.dataDirection == .uplink else {
                decodeErrors += 1
                continue
            }
            guard u.sections.first?.header.sectionId == 0xFFF else { continue }
            if let raw = try? AirCarrier.bytes(of: u.sections), let up = try? UplinkSlot(bytes: raw) { records.append(up) } else { decodeErrors += 1 }
        }
        return records
    }

    /// Updates the RU's state at the first slot of an epoch; returns the change, if any.
    func watch(slot: Int, heard: Bool) -> (from: RUState, to: RUState)? {
        let before = state
        if heard {
            lastHeard = slot
            state = .alive
        } else if state == .alive, !link.peerClocked || slot - lastHeard > silenceLimit {
            state = .lost(since: lastHeard)
        }
        return state == before ? nil : (before, state)
    }

    /// Sends one slot: C-plane per direction, the DL record, then the I/Q.
    func transmit(slot: Int, record: DownlinkSlot, downlink: [Allocation], uplink: [Allocation]) throws {
        let f = AirCarrier.slotFields(of: UInt64(slot), slotsPerSubframe: slotsPerSubframe)
        for (direction, grants) in [(DataDirection.downlink, downlink), (.uplink, uplink)] where !grants.isEmpty {
            let sections = Self.sections(grants).map { p in
                CPlaneSection(sectionId: p.id, startPrbc: UInt16(p.start), numPrbc: UInt8(p.count), numSymbol: UInt8(p.symbols))
            }
            let c = CPlaneMessage(eAxC: EAxCID(), sequence: SequenceID(sequenceId: cSequence), dataDirection: direction,
                                  frameId: f.frameId, subframeId: f.subframeId, slotId: f.slotId, startSymbolId: UInt8(grants[0].startSymbol),
                                  sectionType: .type1(udCompHdr: compression), sections: sections)
            cSequence &+= 1
            try link.send(c.encode(options: options))
        }
        try sendU(f, symbol: 0, AirCarrier.uPlaneSections(carrying: record.encoded(), sectionId: 0xFFF, startPrb: 0, compression: recordCompression))
        guard let first = downlink.first else { return }
        for s in 0..<min(iqSymbols, first.symbols) {
            var sections: [UPlaneSection] = []
            for p in Self.sections(downlink) {
                sections.append(try UPlaneSection(sectionId: p.id, startPrbu: UInt16(p.start),
                                                  iq: Array(waveform[p.start * 24..<(p.start + p.count) * 24]), compression: compression))
            }
            try sendU(f, symbol: first.startSymbol + s, sections)
        }
    }

    /// The sections of a slot's grants: one per grant, split in runs of at most 255 PRBs (numPrb
    /// is 8 bits; 0 would mean the whole carrier), ids counting from 0.
    private static func sections(_ grants: [Allocation]) -> [(id: UInt16, start: Int, count: Int, symbols: Int)] {
        var out: [(id: UInt16, start: Int, count: Int, symbols: Int)] = []
        for g in grants {
            var start = g.prbStart
            while start < g.prbStart + g.prbCount {
                let n = min(255, g.prbStart + g.prbCount - start)
                out.append((UInt16(out.count), start, n, g.symbols))
                start += n
            }
        }
        return out
    }

    private func sendU(_ f: (frameId: UInt8, subframeId: UInt8, slotId: UInt8), symbol: Int, _ sections: [UPlaneSection]) throws {
        let header = UPlaneHeader(dataDirection: .downlink, frameId: f.frameId, subframeId: f.subframeId, slotId: f.slotId, symbolId: UInt8(symbol))
        let m = UPlaneMessage(eAxC: EAxCID(), sequence: SequenceID(sequenceId: uSequence), header: header, sections: sections)
        uSequence &+= 1
        try link.send(m.encode(options: options))
    }
}
