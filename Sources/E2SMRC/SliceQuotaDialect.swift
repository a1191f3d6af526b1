import APER
import E2SMCommon

/// How a slice-level PRB quota control (E2SM-RC style 2, action 6) lays out its RAN parameters.
///
/// Implementations disagree on two points:
/// - the parameter IDs: the E2SM-RC table (§8.4.3.6) has no ID 4, and srsRAN (DU and its
///   oran-sc-ric xApp) and OAI-based E2 agents use 1, 2, 3, 5, …, 13; FlexRIC's examples number
///   them 1…12;
/// - whether each LIST item wraps its contents in the item's own STRUCTURE parameter
///   ("RRM Policy Ratio Group", "RRM Policy Member"), as srsRAN does, or holds them directly
///   (a RANParameter-LIST item is already an unnamed STRUCTURE), as FlexRIC/OAI do.
///
/// Reading (`SliceQuotaControl.quotas(from:dialect:)`) accepts both layouts; the IDs must match.
public struct SliceQuotaDialect: Hashable, Sendable {
    public var ids: SliceQuotaParameterIDs
    /// Whether list items carry an explicit RRM Policy Ratio Group / RRM Policy Member STRUCTURE.
    public var wrapsListItems: Bool

    public init(ids: SliceQuotaParameterIDs, wrapsListItems: Bool) {
        self.ids = ids
        self.wrapsListItems = wrapsListItems
    }

    /// The E2SM-RC table's IDs (no 4) with explicit group/member structures: what srsRAN's DU
    /// parses and its oran-sc-ric xApp sends. ranlab's default.
    public static let srsRAN = SliceQuotaDialect(ids: .specification, wrapsListItems: true)
    /// IDs 1…12, list items unwrapped: FlexRIC's xapp_rc_slice_ctrl.
    public static let flexRIC = SliceQuotaDialect(ids: .sequential, wrapsListItems: false)
    /// The E2SM-RC table's IDs with list items unwrapped: OAI-based agents with RC slice control.
    public static let oai = SliceQuotaDialect(ids: .specification, wrapsListItems: false)
}

/// The RAN parameter IDs of the slice-level PRB quota control (O-RAN.WG3.E2SM-RC §8.4.3.6).
public struct SliceQuotaParameterIDs: Hashable, Sendable {
    public var rrmPolicyRatioList: RANParameterID
    public var rrmPolicyRatioGroup: RANParameterID
    public var rrmPolicy: RANParameterID
    public var rrmPolicyMemberList: RANParameterID
    public var rrmPolicyMember: RANParameterID
    public var plmnIdentity: RANParameterID
    public var sNSSAI: RANParameterID
    public var sst: RANParameterID
    public var sd: RANParameterID
    public var minPRBPolicyRatio: RANParameterID
    public var maxPRBPolicyRatio: RANParameterID
    public var dedicatedPRBPolicyRatio: RANParameterID

    public init(rrmPolicyRatioList: RANParameterID, rrmPolicyRatioGroup: RANParameterID, rrmPolicy: RANParameterID,
                rrmPolicyMemberList: RANParameterID, rrmPolicyMember: RANParameterID, plmnIdentity: RANParameterID,
                sNSSAI: RANParameterID, sst: RANParameterID, sd: RANParameterID, minPRBPolicyRatio: RANParameterID,
                maxPRBPolicyRatio: RANParameterID, dedicatedPRBPolicyRatio: RANParameterID) {
        self.rrmPolicyRatioList = rrmPolicyRatioList
        self.rrmPolicyRatioGroup = rrmPolicyRatioGroup
        self.rrmPolicy = rrmPolicy
        self.rrmPolicyMemberList = rrmPolicyMemberList
        self.rrmPolicyMember = rrmPolicyMember
        self.plmnIdentity = plmnIdentity
        self.sNSSAI = sNSSAI
        self.sst = sst
        self.sd = sd
        self.minPRBPolicyRatio = minPRBPolicyRatio
        self.maxPRBPolicyRatio = maxPRBPolicyRatio
        self.dedicatedPRBPolicyRatio = dedicatedPRBPolicyRatio
    }

    /// 1, 2, 3, 5, 6, …, 13: the E2SM-RC table skips 4 (srsRAN, OAI).
    public static let specification = SliceQuotaParameterIDs(
        rrmPolicyRatioList: 1, rrmPolicyRatioGroup: 2, rrmPolicy: 3, rrmPolicyMemberList: 5, rrmPolicyMember: 6,
        plmnIdentity: 7, sNSSAI: 8, sst: 9, sd: 10, minPRBPolicyRatio: 11, maxPRBPolicyRatio: 12, dedicatedPRBPolicyRatio: 13)

    /// 1…12 (FlexRIC, early srsRAN).
    public static let sequential = SliceQuotaParameterIDs(
        rrmPolicyRatioList: 1, rrmPolicyRatioGroup: 2, rrmPolicy: 3, rrmPolicyMemberList: 4, rrmPolicyMember: 5,
        plmnIdentity: 6, sNSSAI: 7, sst: 8, sd: 9, minPRBPolicyRatio: 10, maxPRBPolicyRatio: 11, dedicatedPRBPolicyRatio: 12)

    /// The twelve parameters in table order with their names as the RAN function definition
    /// advertises them.
    public var named: [(id: RANParameterID, name: RANParameterName)] {
        [(rrmPolicyRatioList, "RRM Policy Ratio List"), (rrmPolicyRatioGroup, "RRM Policy Ratio Group"),
         (rrmPolicy, "RRM Policy"), (rrmPolicyMemberList, "RRM Policy Member List"),
         (rrmPolicyMember, "RRM Policy Member"), (plmnIdentity, "PLMN Identity"), (sNSSAI, "S-NSSAI"),
         (sst, "SST"), (sd, "SD"), (minPRBPolicyRatio, "Min PRB Policy Ratio"),
         (maxPRBPolicyRatio, "Max PRB Policy Ratio"), (dedicatedPRBPolicyRatio, "Dedicated PRB Policy Ratio")]
    }

    /// The advertised name of `id` (for error messages).
    func name(of id: RANParameterID) -> String {
        named.first { $0.id == id }?.name.value ?? "RAN parameter"
    }
}
