import AirInterface

/// Every UE of the cell as columns indexed by the scheduler's UE handle (0..<capacity; the
/// scheduler gives a freed row to the next UE). Per-HARQ-process columns are flattened to
/// row × processes + process, per-direction ones to row × 2 + direction (0 DL, 1 UL). Look-ups by
/// RNTI, gNB-DU UE F1AP ID and DL TEID go through dictionaries; whatever walks the UEs walks
/// `rows`, the live handles in ascending order, so the order never depends on hashing.
struct UETable {
    enum Phase: UInt8 {
        case free
        /// RAR sent, no RRCSetupRequest yet (no scheduler buffers).
        case awaitingMsg3
        /// Initial UL RRC Message Transfer sent; no UE context yet.
        case signalling
        /// UE context set up: DRB 1 and both F1-U tunnels.
        case active
        /// Release commanded; the UE leaves the cell at `deadline`.
        case leaving
    }

    let processes: Int
    private(set) var rows: [Int] = []

    // Identity and F1 state.
    var phase: [Phase]
    var rnti: [UInt16]
    /// The emulator's UE number (its PRACH tag), for UE-level KPI labels and emulated UL packets.
    var tag: [Int]
    var duID: [Int64]
    var cuID: [Int64]
    var dlTEID: [UInt32]
    var ulTEID: [UInt32?]
    /// Msg3 deadline (awaitingMsg3) or the slot the UE leaves (leaving).
    var deadline: [Int]

    // DL RLC-like queues: whole RRC PDUs per SRB, and DRB SDUs (creation slot, bytes left).
    var srb: [FIFO<(lcid: UInt8, pdu: [UInt8])>]
    var srbBytes: [Int]
    var sdus: [FIFO<(slot: UInt64, left: Int)>]
    var drbBytes: [Int]
    /// UL buffer as last reported, minus what was granted since.
    var ulEstimate: [Int]
    /// Decoded UL user data not yet sent to the CU (too small for a packet), and its SDUs' creation slots.
    var ulPendingBytes: [Int]
    var ulPendingSlots: [[UInt64]]

    // HARQ: the DL transport block per process (resent unchanged on retransmission) and the slot
    // of its last transmission; the slot of each outstanding UL grant (-1: none).
    var dlTB: [[MACSubPDU]?]
    var dlTBBits: [Int]
    var dlTBSlot: [Int]
    var ulGrantSlot: [Int]

    // Link adaptation per direction: last reported CQI (-1: none yet), outer-loop offset, CQI given to the scheduler.
    var reportedCQI: [Int]
    var offset: [Double]
    var appliedCQI: [Int]

    // Counters since the last UE KPI report (retransmissions: since the UE arrived).
    var dlAckedBits: [Int]
    var ulGoodBits: [Int]
    var dlAcks: [Int]
    var dlNacks: [Int]
    var retransmissions: [Int]

    private(set) var byRNTI: [UInt16: Int] = [:]
    private(set) var byDUID: [Int64: Int] = [:]
    private(set) var byTEID: [UInt32: Int] = [:]

    init(capacity: Int, processes: Int) {
        self.processes = processes
        func column<T>(_ v: T, _ n: Int = 1) -> [T] { Array(repeating: v, count: capacity * n) }
        phase = column(.free); rnti = column(0); tag = column(-1); duID = column(-1); cuID = column(-1)
        dlTEID = column(0); ulTEID = column(nil); deadline = column(0)
        srb = column(FIFO()); srbBytes = column(0); sdus = column(FIFO()); drbBytes = column(0); ulEstimate = column(0)
        ulPendingBytes = column(0); ulPendingSlots = column([])
        dlTB = column(nil, processes); dlTBBits = column(0, processes); dlTBSlot = column(0, processes); ulGrantSlot = column(-1, processes)
        reportedCQI = column(-1, 2); offset = column(0, 2); appliedCQI = column(-1, 2)
        dlAckedBits = column(0); ulGoodBits = column(0); dlAcks = column(0); dlNacks = column(0); retransmissions = column(0)
    }

    var count: Int { rows.count }

    /// Fills row `r` (just handed out by the scheduler) for a UE after its preamble.
    mutating func admit(_ r: Int, rnti: UInt16, tag: Int, duID: Int64, dlTEID: UInt32, msg3Deadline: Int) {
        phase[r] = .awaitingMsg3
        self.rnti[r] = rnti; self.tag[r] = tag; self.duID[r] = duID; cuID[r] = -1
        self.dlTEID[r] = dlTEID; ulTEID[r] = nil; deadline[r] = msg3Deadline
        srb[r].removeAll(); srbBytes[r] = 0; sdus[r].removeAll(); drbBytes[r] = 0; ulEstimate[r] = 0
        ulPendingBytes[r] = 0; ulPendingSlots[r].removeAll()
        for i in r * processes..<(r + 1) * processes { dlTB[i] = nil; dlTBBits[i] = 0; dlTBSlot[i] = 0; ulGrantSlot[i] = -1 }
        for k in 2 * r...2 * r + 1 { reportedCQI[k] = -1; offset[k] = 0; appliedCQI[k] = -1 }
        dlAckedBits[r] = 0; ulGoodBits[r] = 0; dlAcks[r] = 0; dlNacks[r] = 0; retransmissions[r] = 0
        byRNTI[rnti] = r; byDUID[duID] = r; byTEID[dlTEID] = r
        var lo = 0, hi = rows.count
        while lo < hi { let mid = (lo + hi) / 2; if rows[mid] < r { lo = mid + 1 } else { hi = mid } }
        rows.insert(r, at: lo)
    }

    /// Frees row `r`.
    mutating func evict(_ r: Int) {
        guard phase[r] != .free else { return }
        phase[r] = .free
        byRNTI[rnti[r]] = nil; byDUID[duID[r]] = nil; byTEID[dlTEID[r]] = nil
        srb[r].removeAll(); sdus[r].removeAll()
        for i in r * processes..<(r + 1) * processes { dlTB[i] = nil }
        if let at = rows.firstIndex(of: r) { rows.remove(at: at) }
    }

    func dlBytes(_ r: Int) -> Int { srbBytes[r] + drbBytes[r] }

    mutating func queueSRB(_ r: Int, lcid: UInt8, _ pdu: [UInt8]) {
        srb[r].push((lcid, pdu))
        srbBytes[r] += pdu.count
    }

    /// Queues a DL SDU unless the DRB already holds `limit` bytes; false when dropped.
    mutating func queueSDU(_ r: Int, created: UInt64, bytes: Int, limit: Int) -> Bool {
        guard drbBytes[r] + bytes <= limit else { return false }
        sdus[r].push((created, bytes))
        drbBytes[r] += bytes
        return true
    }

    /// Puts the RRC PDUs of a transport block HARQ gave up on back at the head of the SRB queue, in
    /// order (signalling is acknowledged mode; user data is not resent).
    mutating func requeueSignalling(_ r: Int, _ content: [MACSubPDU]) {
        for sub in content.reversed() where sub.lcid < 4 {
            srb[r].pushFront((sub.lcid, sub.content))
            srbBytes[r] += sub.content.count
        }
    }

    /// Drops the DRB's queued user data (on release).
    mutating func flushDRB(_ r: Int) {
        sdus[r].removeAll()
        drbBytes[r] = 0
    }

    /// Content of a new DL transport block of `bytes`: queued RRC PDUs in order while each fits
    /// whole, then one LCID 4 subPDU of user data listing the creation slots of the SDUs it completes.
    mutating func fillTransportBlock(_ r: Int, bytes: Int) -> [MACSubPDU] {
        var room = bytes
        var content: [MACSubPDU] = []
        while let next = srb[r].first, next.pdu.count <= room {
            srb[r].pop()
            srbBytes[r] -= next.pdu.count
            room -= next.pdu.count
            content.append(MACSubPDU(lcid: next.lcid, length: UInt32(next.pdu.count), content: next.pdu))
        }
        var taken = 0
        var completed: [UInt64] = []
        while room > 0, var sdu = sdus[r].first {
            let n = min(room, sdu.left)
            sdu.left -= n; room -= n; taken += n
            if sdu.left == 0 { completed.append(sdu.slot); sdus[r].pop() } else { sdus[r].replaceFirst(sdu) }
        }
        if taken > 0 {
            drbBytes[r] -= taken
            content.append(MACSubPDU(lcid: 4, length: UInt32(taken), completedSDUs: completed))
        }
        return content
    }
}
