import APER
import E2SMCommon
import VNFKit

/// One network slice of the acme DU: its S-NSSAI and which of the emulator's UEs belong to it.
struct DUSlice {
    var sst: UInt8
    /// 24-bit slice differentiator, nil when the slice has none.
    var sd: UInt32?
    var ues: ClosedRange<Int>

    var snssai: SNSSAI {
        SNSSAI(sST: SST(OctetString([sst])), sD: sd.map { SD(OctetString([UInt8($0 >> 16 & 0xFF), UInt8($0 >> 8 & 0xFF), UInt8($0 & 0xFF)])) })
    }

    /// "1-000001" (SST-SD in hex) or "1".
    var label: String { sd.map { "\(sst)-" + String($0, radix: 16).leftPadded(6) } ?? "\(sst)" }

    /// `slices: [{sst: 1, sd: 1, ues: 0-3}, …]`.
    static func list(_ v: JSONValue) throws(VNFError) -> [DUSlice] {
        guard case .array(let items) = v else { throw .config("config slices is a list of {sst, sd, ues}") }
        var out: [DUSlice] = []
        for (i, item) in items.enumerated() {
            guard case .object(let o) = item, let sst = o["sst"]?.intValue, (0...255).contains(sst) else {
                throw .config("config slices[\(i)]: {sst: 0…255, sd: 0…16777215 (optional), ues: 0-7}")
            }
            var sd: UInt32?
            if let d = o["sd"] {
                guard let n = d.intValue, (0..<(1 << 24)).contains(n) else { throw .config("config slices[\(i)].sd = \(d): 0…16777215") }
                sd = UInt32(n)
            }
            guard let text = o["ues"]?.stringValue ?? o["ues"]?.intValue.map(String.init) else { throw .config("config slices[\(i)].ues: a UE number or range such as 0-7") }
            let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            let range: ClosedRange<Int>
            if parts.count == 1, let a = parts[0], a >= 0 { range = a...a }
            else if parts.count == 2, let a = parts[0], let b = parts[1], 0 <= a, a <= b { range = a...b }
            else { throw .config("config slices[\(i)].ues = \(text): a UE number or range such as 0-7") }
            out.append(DUSlice(sst: UInt8(sst), sd: sd, ues: range))
        }
        guard out.count <= 64 else { throw .config("config slices: at most 64") }
        return out
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
