import APER
import E2SMCommon

/// One RAN slice's PRB quota, as the slice-level PRB quota control (E2SM-RC control style 2
/// "Radio Resource Allocation Control", action 6, O-RAN.WG3.E2SM-RC §8.4.3.6) carries it: an RRM
/// policy member (PLMN + S-NSSAI) and the min / max / dedicated shares of the cell's PRBs in percent.
///
/// Validated on construction (and when decoded from JSON): the PLMN is 3 octets (TBCD, as in
/// PLMNIdentity), the SD 3 octets when present, each ratio in 0...100. No ordering between the
/// ratios is imposed (srsRAN's own xApp sends dedicated 100 with max 5).
public struct SlicePRBQuota: Hashable, Sendable, Codable {
    /// PLMN Identity (3 octets, TBCD: MCC 001 MNC 01 → 00 f1 10).
    public let plmn: PLMNIdentity
    /// Slice/Service Type.
    public let sst: UInt8
    /// Slice Differentiator (3 octets), nil when the slice has none.
    public let sd: SD?
    /// Min PRB Policy Ratio, percent.
    public let minPRBPolicyRatio: Int
    /// Max PRB Policy Ratio, percent.
    public let maxPRBPolicyRatio: Int
    /// Dedicated PRB Policy Ratio, percent.
    public let dedicatedPRBPolicyRatio: Int

    public static let ratioRange = 0...100

    public init(plmn: PLMNIdentity, sst: UInt8, sd: SD? = nil, minPRBPolicyRatio: Int, maxPRBPolicyRatio: Int, dedicatedPRBPolicyRatio: Int) throws(RCControlError) {
        guard plmn.bytes.count == 3 else { throw .invalidQuota("PLMN Identity needs 3 octets, got \(plmn.bytes.count)") }
        if let sd, sd.bytes.count != 3 { throw .invalidQuota("SD needs 3 octets, got \(sd.bytes.count)") }
        for (name, ratio) in [("Min PRB Policy Ratio", minPRBPolicyRatio), ("Max PRB Policy Ratio", maxPRBPolicyRatio), ("Dedicated PRB Policy Ratio", dedicatedPRBPolicyRatio)]
        where !Self.ratioRange.contains(ratio) {
            throw .invalidQuota("\(name) \(ratio) not in 0...100")
        }
        self.plmn = plmn
        self.sst = sst
        self.sd = sd
        self.minPRBPolicyRatio = minPRBPolicyRatio
        self.maxPRBPolicyRatio = maxPRBPolicyRatio
        self.dedicatedPRBPolicyRatio = dedicatedPRBPolicyRatio
    }

    private enum CodingKeys: String, CodingKey {
        case plmn, sst, sd, minPRBPolicyRatio, maxPRBPolicyRatio, dedicatedPRBPolicyRatio
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                plmn: c.decode(PLMNIdentity.self, forKey: .plmn),
                sst: c.decode(UInt8.self, forKey: .sst),
                sd: c.decodeIfPresent(SD.self, forKey: .sd),
                minPRBPolicyRatio: c.decode(Int.self, forKey: .minPRBPolicyRatio),
                maxPRBPolicyRatio: c.decode(Int.self, forKey: .maxPRBPolicyRatio),
                dedicatedPRBPolicyRatio: c.decode(Int.self, forKey: .dedicatedPRBPolicyRatio))
        } catch let error as RCControlError {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(plmn, forKey: .plmn)
        try c.encode(sst, forKey: .sst)
        try c.encodeIfPresent(sd, forKey: .sd)
        try c.encode(minPRBPolicyRatio, forKey: .minPRBPolicyRatio)
        try c.encode(maxPRBPolicyRatio, forKey: .maxPRBPolicyRatio)
        try c.encode(dedicatedPRBPolicyRatio, forKey: .dedicatedPRBPolicyRatio)
    }
}
