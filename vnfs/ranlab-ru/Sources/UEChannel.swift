import Foundation
import RadioModel

/// One UE's radio channel per slot: a CQI model (RadioModel's ChannelModel) or a fixed SINR, and
/// the SINR the BLER model sees. Specs: `sinr 30` (dB), `fixed-cqi 12`, `walk 5-15` (random walk
/// of the CQI, one step with probability 0.1 per slot), `trace FILE` ("slot cqi" lines, looping).
struct UEChannel {
    static let grammar = "sinr DB | fixed-cqi N | walk LO-HI | trace FILE"
    private var model: ChannelModel?
    private let fixedSINR: Double?
    private let table: CQITable
    private let offset: Double
    private(set) var cqi = 0
    private(set) var sinrDB = -Double.infinity
    /// SINR of each CQI (threshold + offset), computed once.
    private var sinrOfCQI: [Double] = []

    init(spec: String, table: CQITable, offsetDB: Double, seed: UInt64) throws(RadioModelError) {
        let w = spec.split(separator: " ").map(String.init)
        self.table = table
        self.offset = offsetDB
        sinrOfCQI = (0...15).map { c in c == 0 ? -.infinity : ((try? BLERModel.standard.sinrDB(cqi: c, table: table)) ?? -.infinity) + offsetDB }
        func bad() -> RadioModelError { .badSpec(kind: "channel", text: spec, expected: Self.grammar) }
        switch (w.first, w.count) {
        case ("sinr"?, 2):
            guard let db = Double(w[1]), db.isFinite else { throw bad() }
            fixedSINR = db; model = nil
        case ("fixed-cqi"?, 2):
            guard let c = Int(w[1]) else { throw bad() }
            fixedSINR = nil; model = try .fixed(cqi: c)
        case ("walk"?, 2):
            guard let r = RUConfig.range(w[1]), r.upperBound <= 15 else { throw bad() }
            fixedSINR = nil
            model = try .randomWalk(start: (r.lowerBound + r.upperBound) / 2, bounds: r, stepProbability: 0.1, seed: seed)
        case ("trace"?, 2):
            guard let text = try? String(contentsOfFile: w[1], encoding: .utf8) else { throw bad() }
            fixedSINR = nil; model = try ChannelModel(trace: text, loops: true)
        default:
            throw bad()
        }
    }

    /// Advances one slot.
    mutating func step() {
        if let s = fixedSINR {
            sinrDB = s
            cqi = BLERModel.standard.cqi(sinrDB: s, table: table)
        } else if model != nil {
            cqi = model!.next()
            sinrDB = sinrOfCQI[min(max(cqi, 0), 15)]
        }
    }
}
