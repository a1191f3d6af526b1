import RadioModel
import Scheduler

/// What bravo needs from a MAC scheduler, whatever its policy. `MACScheduler<P>` conforms as it
/// is, so the policy is chosen once (`makeCellMAC`) and nothing else in bravo is generic.
protocol CellMAC: AnyObject {
    var cell: CellConfig { get }
    var ueCount: Int { get }
    func makeResult() -> SlotResult
    func addUE(rnti: UInt16, slice: Int, qos: QoSParameters, downlinkCQI: Int, uplinkCQI: Int) throws(SchedulerError) -> Int
    func removeUE(_ ue: Int)
    func setBuffer(_ ue: Int, direction: LinkDirection, bytes: Int)
    func setCQI(_ ue: Int, direction: LinkDirection, cqi: Int) throws(SchedulerError)
    func harqFeedback(_ ue: Int, direction: LinkDirection, process: Int, ack: Bool) throws(SchedulerError)
    func harq(_ ue: Int, direction: LinkDirection) -> HARQEntity
    func averageThroughput(_ ue: Int, direction: LinkDirection) -> Double
    func runSlot(_ slot: Int, into result: inout SlotResult)
}

extension MACScheduler: CellMAC {}

/// The scheduler for `cell` with the configured policy.
func makeCellMAC(_ policy: BravoSettings.Policy, cell: CellConfig, maxUEs: Int) throws(SchedulerError) -> any CellMAC {
    switch policy {
    case .rr: try MACScheduler(cell: cell, maxUEs: maxUEs, policy: RoundRobinPolicy())
    case .pf: try MACScheduler(cell: cell, maxUEs: maxUEs, policy: ProportionalFairPolicy())
    case .maxci: try MACScheduler(cell: cell, maxUEs: maxUEs, policy: MaxCIPolicy())
    case .qos: try MACScheduler(cell: cell, maxUEs: maxUEs, policy: QoSAwarePolicy())
    }
}
