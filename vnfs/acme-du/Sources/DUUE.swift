import AirInterface
import DequeModule

/// One UE as the acme DU knows it: identities, RLC-like buffers, HARQ contents, counters.
final class DUUE {
    /// The emulator's UE number (from its PRACH tag; a real DU would not know it).
    let index: Int
    let rnti: UInt16
    /// Scheduler handle.
    let handle: Int
    let duF1ID: Int64
    var cuF1ID: Int64?
    /// The DU's F1-U TEID for this UE's DRB 1 (the CU sends DL data to it).
    let dlTEID: UInt32
    /// The CU's F1-U TEID for UL data, from UE Context Setup.
    var ulTEID: UInt32?
    /// Waiting for Msg3 (no scheduler grant behind it).
    var awaitingMsg3 = true
    var releasing = false
    var releaseAtSlot: Int?

    /// Signalling to send, in order: (LCID, RRC PDU).
    var srbQueue = Deque<(lcid: UInt8, bytes: [UInt8])>()
    var srbBytes = 0
    /// DL user data: SDUs with their creation slot and bytes still to send.
    var sdus = Deque<(slot: UInt64, remaining: Int)>()
    var drbBytes = 0
    var droppedBytes = 0
    var lastDDDSSlot = -1_000_000

    /// Content of each DL HARQ process's transport block (resent on retransmission).
    var dlHARQ: [(subPDUs: [MACSubPDU], bits: Int, sentSlot: Int)?]
    /// Slot of each outstanding UL grant per HARQ process (-1: none).
    var ulHARQSent: [Int]
    /// UL user data decoded and not yet sent to the CU, and the creation slots of its SDUs.
    var ulPendingBytes = 0
    var ulPendingSlots: [UInt64] = []
    /// UL buffer as last reported, minus what was granted since.
    var ulEstimate = 0

    // Counters since the last per-UE KPI report, and totals.
    var dlAckedBits = 0
    var ulOKBits = 0
    var dlAcks = 0, dlNacks = 0, ulAcks = 0, ulNacks = 0
    var dlRetx = 0, ulRetx = 0
    var dlCQI = 0, ulCQI = 0

    init(index: Int, rnti: UInt16, handle: Int, duF1ID: Int64, dlTEID: UInt32, harqProcesses: Int) {
        self.index = index; self.rnti = rnti; self.handle = handle; self.duF1ID = duF1ID; self.dlTEID = dlTEID
        dlHARQ = Array(repeating: nil, count: harqProcesses)
        ulHARQSent = Array(repeating: -1, count: harqProcesses)
    }

    var dlBytes: Int { srbBytes + drbBytes }

    func enqueueSRB(lcid: UInt8, _ bytes: [UInt8]) {
        srbQueue.append((lcid, bytes))
        srbBytes += bytes.count
    }

    func enqueueSDU(slot: UInt64, bytes: Int, limit: Int) {
        guard drbBytes + bytes <= limit else { droppedBytes += bytes; return }
        sdus.append((slot, bytes))
        drbBytes += bytes
    }

    /// Puts the signalling of a transport block HARQ could not deliver back at the head of the queue.
    func requeueSignalling(_ subPDUs: [MACSubPDU]) {
        for sub in subPDUs.reversed() where sub.lcid < 4 {
            srbQueue.prepend((sub.lcid, sub.content))
            srbBytes += sub.content.count
        }
    }

    /// Fills a transport block of `bytes`: signalling first (whole RRC PDUs that fit), then user data.
    func takeTransportBlock(bytes: Int) -> [MACSubPDU] {
        var left = bytes
        var out: [MACSubPDU] = []
        while let first = srbQueue.first, first.bytes.count <= left {
            srbQueue.removeFirst()
            srbBytes -= first.bytes.count
            left -= first.bytes.count
            out.append(MACSubPDU(lcid: first.lcid, length: UInt32(first.bytes.count), completedSDUs: [], content: first.bytes))
        }
        guard left > 0, drbBytes > 0 else { return out }
        var taken = 0
        var completed: [UInt64] = []
        while left > 0, var sdu = sdus.first {
            let n = min(left, sdu.remaining)
            sdu.remaining -= n
            left -= n
            taken += n
            if sdu.remaining == 0 { completed.append(sdu.slot); sdus.removeFirst() } else { sdus[0] = sdu }
        }
        drbBytes -= taken
        if taken > 0 { out.append(MACSubPDU(lcid: 4, length: UInt32(taken), completedSDUs: completed, content: [])) }
        return out
    }
}
