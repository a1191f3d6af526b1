import AirInterface
import Foundation
import DequeModule
import RadioModel

/// One emulated UE: its attach state machine, channel, UL traffic and buffers, HARQ soft-combining
/// counts, and what it has received.
final class EmulatedUE {
    enum State: Equatable { case idle, preambleSent(at: Int), awaitingSetup, awaitingReconfiguration, connected, released }

    let index: Int
    let arrivalSlot: Int
    var state: State = .idle {
        didSet { if trace, state != oldValue { FileHandle.standardError.write(Data("UE \(index) rnti \(rnti.map { String($0) } ?? "-"): \(oldValue) → \(state)\n".utf8)) } }
    }
    func log(_ text: String) { FileHandle.standardError.write(Data("UE \(index): \(text)\n".utf8)) }
    /// Log this UE's state changes to the node log (config `trace-ues`).
    var trace = false
    var rnti: UInt16?
    var channel: UEChannel
    var uplink: TrafficModel
    var rng: SplitMix64
    /// UL signalling (PDCP PDUs on SRB1) and UL user data (creation slot, bytes left).
    var ulSignalling = Deque<[UInt8]>()
    var ulSDUs = Deque<(slot: UInt64, remaining: Int)>()
    var ulDataBytes = 0
    var pdcpSN = 0
    /// Transmissions so far of the TB in each DL HARQ process (for soft combining).
    var dlTransmissions: [Int]
    /// UL TB content per HARQ process, resent on retransmission, and its transmissions.
    var ulHARQ: [[MACSubPDU]]
    var ulTransmissions: [Int]
    /// Whether the last transmission of each UL HARQ process decoded.
    var ulLastOK: [Bool]
    /// Slot of each UL HARQ process's last failed transmission (-1: none pending).
    var ulFailedAt: [Int]

    // Counters since the last KPI report, and totals.
    var deliveredBytes = 0
    var latencies: [Int] = []
    var totalDelivered = 0

    init(index: Int, arrivalSlot: Int, channel: UEChannel, uplink: TrafficModel, seed: UInt64, harqProcesses: Int = 32) {
        self.index = index; self.arrivalSlot = arrivalSlot; self.channel = channel; self.uplink = uplink
        rng = SplitMix64(seed: seed)
        dlTransmissions = Array(repeating: 0, count: harqProcesses)
        ulHARQ = Array(repeating: [], count: harqProcesses)
        ulTransmissions = Array(repeating: 0, count: harqProcesses)
        ulLastOK = Array(repeating: true, count: harqProcesses)
        ulFailedAt = Array(repeating: -1, count: harqProcesses)
    }

    var ulBufferBytes: Int { ulSignalling.reduce(0) { $0 + $1.count } + ulDataBytes }

    /// RLC AM on SRB1: signalling in a UL transport block that failed and was not decoded since
    /// within `after` slots (the DU's HARQ gave up) is sent again, like a poll-retransmit timer.
    func retransmitLostSignalling(slot: Int, after: Int) {
        guard ulFailedAt.contains(where: { $0 >= 0 }) else { return }
        for h in ulFailedAt.indices where ulFailedAt[h] >= 0 && slot - ulFailedAt[h] > after {
            requeueSignalling(ulHARQ[h])
            ulHARQ[h].removeAll { $0.lcid > 0 && $0.lcid < 4 }
            ulFailedAt[h] = -1
        }
    }

    /// Puts the signalling of a transport block that never decoded back at the head of the queue.
    func requeueSignalling(_ subPDUs: [MACSubPDU]) {
        for sub in subPDUs.reversed() where sub.lcid > 0 && sub.lcid < 4 { ulSignalling.prepend(sub.content) }
    }

    /// Fills an UL transport block: signalling first, then data.
    func takeUplink(bytes: Int) -> [MACSubPDU] {
        var left = bytes
        var out: [MACSubPDU] = []
        while let s = ulSignalling.first, s.count <= left {
            ulSignalling.removeFirst()
            left -= s.count
            out.append(MACSubPDU(lcid: 1, length: UInt32(s.count), completedSDUs: [], content: s))
        }
        var taken = 0
        var completed: [UInt64] = []
        while left > 0, var sdu = ulSDUs.first {
            let n = min(left, sdu.remaining)
            sdu.remaining -= n; left -= n; taken += n
            if sdu.remaining == 0 { completed.append(sdu.slot); ulSDUs.removeFirst() } else { ulSDUs[0] = sdu }
        }
        ulDataBytes -= taken
        if taken > 0 { out.append(MACSubPDU(lcid: 4, length: UInt32(taken), completedSDUs: completed, content: [])) }
        return out
    }
}
