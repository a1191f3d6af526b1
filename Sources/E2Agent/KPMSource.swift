import E2SMCommon

/// Where a ``KPMService`` reads its numbers: cumulative counters the VNF keeps (bits sent, PRBs
/// used summed over slots, …). The service differences them over each granularity period, so
/// the VNF only ever adds.
public protocol KPMSource: AnyObject {
    /// The cumulative value of `counter` for `scope`, nil when the VNF does not keep it there.
    func counter(_ counter: String, scope: KPMScope) -> Double?
    /// The UEs served now (for UE-level reports, styles 4 and 5).
    var kpmUEs: [KPMUE] { get }
}

/// What a measurement is about.
public enum KPMScope: Hashable, Sendable {
    case cell
    case slice(SNSSAI)
    /// A UE by the VNF's own key (see ``KPMUE/key``).
    case ue(Int)
}

/// A UE as KPM names it.
public struct KPMUE: Hashable, Sendable {
    /// The VNF's key for the UE (used in ``KPMScope/ue(_:)``).
    public var key: Int
    public var id: UEID
    public var slice: SNSSAI?
    public init(key: Int, id: UEID, slice: SNSSAI?) {
        self.key = key; self.id = id; self.slice = slice
    }
}
