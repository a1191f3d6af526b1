import RadioModel

/// One UE in the acme CU: F1 identities, where it is served, its traffic and counters.
final class CUUE {
    let cuF1ID: Int64
    let duF1ID: Int64
    /// Index of the serving DU in the CU's DU list.
    let du: Int
    /// The emulator's UE number, from the RRCSetupRequest's random value.
    let index: Int
    let rnti: Int64
    /// The CU's F1-U TEID for this UE's UL data.
    let ulTEID: UInt32
    var dlTEID: UInt32?
    var state: State = .setup
    var traffic: TrafficModel
    var session: Int?
    var attachedAt: Int?
    /// Bytes the DU asked for (NR-U desired buffer size), for full-buffer traffic.
    var credit = 0
    var pendingBytes = 0
    var sequence: UInt64 = 0
    var sentBytes = 0, sentPackets = 0, ulBytes = 0
    var ulLatencySum = 0, ulLatencyCount = 0

    enum State { case setup, contextSetup, attached, releasing, released }

    init(cuF1ID: Int64, duF1ID: Int64, du: Int, index: Int, rnti: Int64, ulTEID: UInt32, traffic: TrafficModel, session: Int?) {
        self.cuF1ID = cuF1ID; self.duF1ID = duF1ID; self.du = du; self.index = index; self.rnti = rnti
        self.ulTEID = ulTEID; self.traffic = traffic; self.session = session
    }
}
