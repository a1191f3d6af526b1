import E2SMKPM

/// A KPM measurement type (3GPP TS 28.552 name) and how it is computed from a ``KPMSource``'s
/// cumulative counters over a granularity period of `slots` slots lasting `milliseconds`.
public struct KPMMeasurement: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Δcounter / Δms × scale (bits → kbit/s with scale 1).
        case rate(String, scale: Double)
        /// Δcounter / Δslots (a per-slot value summed every slot → its mean).
        case mean(String)
        /// Δnumerator / Δdenominator × scale.
        case ratio(String, String, scale: Double)
        /// Δcounter × scale.
        case delta(String, scale: Double)
    }
    public var name: String
    public var kind: Kind
    /// Reported as an integer record (else a real).
    public var integer: Bool

    public init(_ name: String, _ kind: Kind, integer: Bool) {
        self.name = name; self.kind = kind; self.integer = integer
    }

    /// The counters it reads.
    public var counters: [String] {
        switch kind {
        case let .rate(c, _), let .mean(c), let .delta(c, _): [c]
        case let .ratio(n, d, _): [n, d]
        }
    }

    /// The value over a period, from the counters at its start and end.
    public func value(start: [Double], end: [Double], slots: Int, milliseconds: Double) -> MeasurementRecordItem {
        let d = zip(end, start).map { $0 - $1 }
        let v: Double
        switch kind {
        case let .rate(_, scale): v = milliseconds > 0 ? d[0] / milliseconds * scale : 0
        case .mean: v = slots > 0 ? d[0] / Double(slots) : 0
        case let .ratio(_, _, scale): v = d[1] > 0 ? d[0] / d[1] * scale : 0
        case let .delta(_, scale): v = d[0] * scale
        }
        return integer ? .integer(Int64(v.rounded())) : .real(v)
    }

    /// The measurements ranlab's DUs know (counters: `dl.bits`, `ul.bits`, `dl.prb`, `ul.prb`,
    /// `dl.prb.avail`, `ul.prb.avail`, per cell, slice and UE where the VNF keeps them).
    public static let du: [KPMMeasurement] = [
        KPMMeasurement("DRB.UEThpDl", .rate("dl.bits", scale: 1), integer: false),          // kbit/s
        KPMMeasurement("DRB.UEThpUl", .rate("ul.bits", scale: 1), integer: false),
        KPMMeasurement("DRB.RlcSduTransmittedVolumeDL", .delta("dl.bits", scale: 1e-3), integer: false),   // kbit
        KPMMeasurement("DRB.RlcSduTransmittedVolumeUL", .delta("ul.bits", scale: 1e-3), integer: false),
        KPMMeasurement("RRU.PrbUsedDl", .mean("dl.prb"), integer: false),                     // mean PRBs per slot
        KPMMeasurement("RRU.PrbUsedUl", .mean("ul.prb"), integer: false),
        KPMMeasurement("RRU.PrbAvailDl", .mean("dl.prb.avail"), integer: false),
        KPMMeasurement("RRU.PrbAvailUl", .mean("ul.prb.avail"), integer: false),
        KPMMeasurement("RRU.PrbTotDl", .ratio("dl.prb", "dl.prb.avail", scale: 100), integer: true),   // %
        KPMMeasurement("RRU.PrbTotUl", .ratio("ul.prb", "ul.prb.avail", scale: 100), integer: true),
    ]

    /// The CU's (counters `rrc.connected` summed per slot, `rrc.setup`, `pdcp.dl.bits`).
    public static let cu: [KPMMeasurement] = [
        KPMMeasurement("RRC.ConnMean", .mean("rrc.connected"), integer: false),
        KPMMeasurement("RRC.ConnEstabSucc", .delta("rrc.setup", scale: 1), integer: true),
        KPMMeasurement("DRB.PdcpSduVolumeDL", .delta("pdcp.dl.bits", scale: 1e-6), integer: false),     // Mbit
        KPMMeasurement("DRB.UEThpDl", .rate("pdcp.dl.bits", scale: 1), integer: false),
    ]
}
