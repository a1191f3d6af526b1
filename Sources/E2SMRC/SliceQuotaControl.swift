import APER
import E2SMCommon

/// Slice-level PRB quota control: E2SM-RC control style 2 "Radio Resource Allocation Control",
/// control action 6 "Slice-level PRB quota" (O-RAN.WG3.E2SM-RC §7.6.3.1, RAN parameters §8.4.3.6),
/// with which a RIC steers the scheduler's per-slice min / max / dedicated PRB shares.
///
/// The message's RAN parameter tree (IDs of `SliceQuotaDialect.srsRAN`; every leaf is a
/// ranP-Choice-ElementFalse, as srsRAN's xApp sends and its DU reads):
///
///     RRM Policy Ratio List (1)                 LIST, one item per quota
///       > RRM Policy Ratio Group (2)            STRUCTURE (explicit only when wrapsListItems)
///         >> RRM Policy (3)                     STRUCTURE
///           >>> RRM Policy Member List (5)      LIST
///             >>>> RRM Policy Member (6)        STRUCTURE (explicit only when wrapsListItems)
///               >>>>> PLMN Identity (7)         valueOctS, 3 octets
///               >>>>> S-NSSAI (8)               STRUCTURE
///                 >>>>>> SST (9)                valueOctS, 1 octet
///                 >>>>>> SD (10)                valueOctS, 3 octets (omitted without SD)
///         >> Min PRB Policy Ratio (11)          valueInt 0...100
///         >> Max PRB Policy Ratio (12)          valueInt 0...100
///         >> Dedicated PRB Policy Ratio (13)    valueInt 0...100
public enum SliceQuotaControl {
    /// RIC-Style-Type 2: Radio Resource Allocation Control.
    public static let styleType: RICStyleType = 2
    public static let styleName: RICStyleName = "Radio Resource Allocation Control"
    /// RIC-ControlAction-ID 6: Slice-level PRB quota.
    public static let actionID: RICControlActionID = 6
    public static let actionName: RICControlActionName = "Slice-level PRB quota"

    /// The UE ID a cell-wide quota control carries. Control header format 1 makes `ueID`
    /// mandatory, and srsRAN's DU requires a gNB-DU-UEID whose gNB-CU-UE-F1AP-ID names an attached
    /// UE, although the policy it installs applies to the slice in the whole cell; its
    /// oran-sc-ric xApp sends gNB-CU-UE-F1AP-ID 0 (the first UE) by default. ranlab does the same:
    /// gNB-DU-UEID { gNB-CU-UE-F1AP-ID 0 }.
    public static let cellWideUEID: UEID = .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 0))

    /// Control header format 1 for style 2, action 6, addressed to `ueID` (`cellWideUEID` when nil).
    public static func header(ueID: UEID?) -> RCControlHeader {
        RCControlHeader(ricControlHeaderFormats: .controlHeaderFormat1(
            RCControlHeaderFormat1(ueID: ueID ?? cellWideUEID, ricStyleType: styleType, ricControlActionID: actionID)))
    }

    /// Whether `header` asks for this control (format 1 or 2 headers name no style in format 2,
    /// so only format 1 with style 2 and action 6 qualifies).
    public static func isSliceQuotaControl(_ header: RCControlHeader) -> Bool {
        guard case let .controlHeaderFormat1(h) = header.ricControlHeaderFormats else { return false }
        return h.ricStyleType == styleType && h.ricControlActionID == actionID
    }

    /// Control message format 1 with one RRM Policy Ratio Group per quota (an empty list when
    /// `quotas` is empty).
    public static func message(_ quotas: [SlicePRBQuota], dialect: SliceQuotaDialect = .srsRAN) -> RCControlMessage {
        RCControlMessage(ricControlMessageFormats: .controlMessageFormat1(RCControlMessageFormat1(ranPList: ranParameters(quotas, dialect: dialect))))
    }

    /// The RAN parameter list of the control (what format 1 carries, and format 2 per action).
    public static func ranParameters(_ quotas: [SlicePRBQuota], dialect: SliceQuotaDialect = .srsRAN) -> [RCControlMessageFormat1Item] {
        guard !quotas.isEmpty else { return [] }
        let ids = dialect.ids
        func wrap(_ id: RANParameterID, _ items: [RANParameterSTRUCTUREItem]) -> RANParameterSTRUCTURE {
            RANParameterSTRUCTURE(sequenceOfRanParameters: dialect.wrapsListItems
                ? [RANParameterSTRUCTUREItem(ranParameterID: id, ranParameterValueType: .structure(items))] : items)
        }
        let groups = quotas.map { q -> RANParameterSTRUCTURE in
            var sNSSAI = [RANParameterSTRUCTUREItem(ranParameterID: ids.sst, ranParameterValueType: .element(.valueOctS([q.sst])))]
            if let sd = q.sd {
                sNSSAI.append(RANParameterSTRUCTUREItem(ranParameterID: ids.sd, ranParameterValueType: .element(.valueOctS(sd.value))))
            }
            let member = wrap(ids.rrmPolicyMember, [
                RANParameterSTRUCTUREItem(ranParameterID: ids.plmnIdentity, ranParameterValueType: .element(.valueOctS(q.plmn.value))),
                RANParameterSTRUCTUREItem(ranParameterID: ids.sNSSAI, ranParameterValueType: .structure(sNSSAI)),
            ])
            return wrap(ids.rrmPolicyRatioGroup, [
                RANParameterSTRUCTUREItem(ranParameterID: ids.rrmPolicy, ranParameterValueType: .structure([
                    RANParameterSTRUCTUREItem(ranParameterID: ids.rrmPolicyMemberList, ranParameterValueType: .list([member])),
                ])),
                RANParameterSTRUCTUREItem(ranParameterID: ids.minPRBPolicyRatio, ranParameterValueType: .element(.valueInt(Int64(q.minPRBPolicyRatio)))),
                RANParameterSTRUCTUREItem(ranParameterID: ids.maxPRBPolicyRatio, ranParameterValueType: .element(.valueInt(Int64(q.maxPRBPolicyRatio)))),
                RANParameterSTRUCTUREItem(ranParameterID: ids.dedicatedPRBPolicyRatio, ranParameterValueType: .element(.valueInt(Int64(q.dedicatedPRBPolicyRatio)))),
            ])
        }
        return [RCControlMessageFormat1Item(ranParameterID: ids.rrmPolicyRatioList, ranParameterValueType: .list(groups))]
    }

    /// The quotas a slice-level PRB quota control message sets, one per RRM policy member (a
    /// group with several members gives several quotas with the same ratios). Format 2 messages
    /// are read from their style 2 / action 6 entry. An empty RAN parameter list gives no quotas.
    /// Leaves may be ElementTrue or ElementFalse; list items may or may not wrap their contents
    /// in the group / member STRUCTURE.
    public static func quotas(from message: RCControlMessage, dialect: SliceQuotaDialect = .srsRAN) throws(RCControlError) -> [SlicePRBQuota] {
        let parameters: [RCControlMessageFormat1Item]
        switch message.ricControlMessageFormats {
        case let .controlMessageFormat1(format1):
            parameters = format1.ranPList
        case let .controlMessageFormat2(format2):
            let actions = format2.ricControlStyleList.filter { $0.indicatedControlStyleType == styleType }.flatMap(\.ricControlActionList)
            guard let action = actions.first(where: { $0.ricControlActionID == actionID }) else {
                throw .unsupportedMessage("control message format 2 without style \(styleType) action \(actionID)")
            }
            parameters = action.ranPList.ranPList
        }
        if parameters.isEmpty { return [] }
        let reader = TreeReader(ids: dialect.ids)
        let top = parameters.map { RANParameterSTRUCTUREItem(ranParameterID: $0.ranParameterID, ranParameterValueType: $0.ranParameterValueType) }
        let ids = dialect.ids
        var quotas: [SlicePRBQuota] = []
        for (g, groupItem) in try reader.list(top, ids.rrmPolicyRatioList, "").enumerated() {
            let groupPath = "\(reader.label(ids.rrmPolicyRatioList))[\(g)]"
            let (group, policyPath) = try reader.unwrap(groupItem, ids.rrmPolicyRatioGroup, groupPath)
            let policy = try reader.structure(group, ids.rrmPolicy, policyPath)
            let min = try reader.ratio(group, ids.minPRBPolicyRatio, policyPath)
            let max = try reader.ratio(group, ids.maxPRBPolicyRatio, policyPath)
            let dedicated = try reader.ratio(group, ids.dedicatedPRBPolicyRatio, policyPath)
            let policyLabel = "\(policyPath) > \(reader.label(ids.rrmPolicy))"
            let members = try reader.list(policy, ids.rrmPolicyMemberList, policyLabel)
            for (m, memberItem) in members.enumerated() {
                let memberPath = "\(policyLabel) > \(reader.label(ids.rrmPolicyMemberList))[\(m)]"
                let (member, fieldPath) = try reader.unwrap(memberItem, ids.rrmPolicyMember, memberPath)
                let plmn = try reader.octets(member, ids.plmnIdentity, count: 3, fieldPath)
                let sNSSAI = try reader.structure(member, ids.sNSSAI, fieldPath)
                let sNSSAIPath = "\(fieldPath) > \(reader.label(ids.sNSSAI))"
                let sst = try reader.octets(sNSSAI, ids.sst, count: 1, sNSSAIPath)
                let sd = try reader.optionalOctets(sNSSAI, ids.sd, count: 3, sNSSAIPath)
                quotas.append(try SlicePRBQuota(
                    plmn: PLMNIdentity(plmn), sst: sst[0], sd: sd.map { SD($0) },
                    minPRBPolicyRatio: min, maxPRBPolicyRatio: max, dedicatedPRBPolicyRatio: dedicated))
            }
        }
        return quotas
    }

    /// The control style the DU advertises in its RAN function definition: style 2 with action 6
    /// and its twelve RAN parameters, flat as srsRAN lists them, the first (RRM Policy Ratio List)
    /// also carrying the tree as its RANParameter-Definition. Header, message and outcome format 1.
    public static func controlStyle(dialect: SliceQuotaDialect = .srsRAN) -> RANFunctionDefinitionControlItem {
        let ids = dialect.ids
        func item(_ id: RANParameterID, _ definition: RANParameterDefinition? = nil) -> RANParameterDefinitionChoiceSTRUCTUREItem {
            RANParameterDefinitionChoiceSTRUCTUREItem(ranParameterID: id, ranParameterName: RANParameterName(ids.name(of: id)), ranParameterDefinition: definition)
        }
        func listItems(_ wrapper: RANParameterID, _ items: [RANParameterDefinitionChoiceSTRUCTUREItem]) -> [RANParameterDefinitionChoiceLISTItem] {
            let inner = dialect.wrapsListItems ? [item(wrapper, .structure(items))] : items
            return inner.map { RANParameterDefinitionChoiceLISTItem(ranParameterID: $0.ranParameterID, ranParameterName: $0.ranParameterName, ranParameterDefinition: $0.ranParameterDefinition) }
        }
        let member = listItems(ids.rrmPolicyMember, [item(ids.plmnIdentity), item(ids.sNSSAI, .structure([item(ids.sst), item(ids.sd)]))])
        let group = listItems(ids.rrmPolicyRatioGroup, [
            item(ids.rrmPolicy, .structure([item(ids.rrmPolicyMemberList, .list(member))])),
            item(ids.minPRBPolicyRatio), item(ids.maxPRBPolicyRatio), item(ids.dedicatedPRBPolicyRatio),
        ])
        let parameters = ids.named.map { id, name in
            ControlActionRANParameterItem(ranParameterID: id, ranParameterName: name, ranParameterDefinition: id == ids.rrmPolicyRatioList ? .list(group) : nil)
        }
        return RANFunctionDefinitionControlItem(
            ricControlStyleType: styleType, ricControlStyleName: styleName,
            ricControlActionList: [RANFunctionDefinitionControlActionItem(ricControlActionID: actionID, ricControlActionName: actionName, ranControlActionParametersList: parameters)],
            ricControlHeaderFormatType: 1, ricControlMessageFormatType: 1, ricControlOutcomeFormatType: 1)
    }

    /// The E2SM-RC RAN function definition ranlab's DU advertises: RAN Control (OID
    /// 1.3.6.1.4.1.53148.1.1.2.3) with the slice-level PRB quota control and nothing else.
    public static func ranFunctionDefinition(dialect: SliceQuotaDialect = .srsRAN) -> RCRANFunctionDefinition {
        RCRANFunctionDefinition(
            ranFunctionName: RANfunctionName(ranFunctionShortName: "ORAN-E2SM-RC", ranFunctionE2SMOID: "1.3.6.1.4.1.53148.1.1.2.3", ranFunctionDescription: "RAN Control"),
            ranFunctionDefinitionControl: RANFunctionDefinitionControl(ricControlStyleList: [controlStyle(dialect: dialect)]))
    }
}

/// Looks up slice-quota RAN parameters in a parameter tree, with errors that name them.
private struct TreeReader {
    let ids: SliceQuotaParameterIDs

    func label(_ id: RANParameterID) -> String { "\(ids.name(of: id))(\(id.value))" }

    func find(_ items: [RANParameterSTRUCTUREItem], _ id: RANParameterID, _ path: String) throws(RCControlError) -> RANParameterValueType {
        guard let item = items.first(where: { $0.ranParameterID == id }) else {
            throw .missingParameter(id: id.value, name: ids.name(of: id), path: path.isEmpty ? "<top>" : path)
        }
        return item.ranParameterValueType
    }

    func kind(_ value: RANParameterValueType) -> String {
        switch value {
        case .ranPChoiceElementTrue, .ranPChoiceElementFalse: return "ELEMENT"
        case .ranPChoiceStructure: return "STRUCTURE"
        case .ranPChoiceList: return "LIST"
        }
    }

    func wrong(_ id: RANParameterID, _ path: String, _ expected: String, _ found: String) -> RCControlError {
        .wrongType(id: id.value, name: ids.name(of: id), path: path.isEmpty ? "<top>" : path, expected: expected, found: found)
    }

    func structure(_ items: [RANParameterSTRUCTUREItem], _ id: RANParameterID, _ path: String) throws(RCControlError) -> [RANParameterSTRUCTUREItem] {
        let value = try find(items, id, path)
        guard case let .ranPChoiceStructure(s) = value else { throw wrong(id, path, "STRUCTURE", kind(value)) }
        return s.ranParameterStructure.sequenceOfRanParameters ?? []
    }

    func list(_ items: [RANParameterSTRUCTUREItem], _ id: RANParameterID, _ path: String) throws(RCControlError) -> [RANParameterSTRUCTURE] {
        let value = try find(items, id, path)
        guard case let .ranPChoiceList(l) = value else { throw wrong(id, path, "LIST", kind(value)) }
        return l.ranParameterList.listOfRanParameter
    }

    /// A list item's parameters, inside its own STRUCTURE parameter `wrapper` when it has one;
    /// returns them with the path below which they live.
    func unwrap(_ item: RANParameterSTRUCTURE, _ wrapper: RANParameterID, _ path: String) throws(RCControlError) -> ([RANParameterSTRUCTUREItem], String) {
        let items = item.sequenceOfRanParameters ?? []
        guard items.contains(where: { $0.ranParameterID == wrapper }) else { return (items, path) }
        return (try structure(items, wrapper, path), "\(path) > \(label(wrapper))")
    }

    func element(_ items: [RANParameterSTRUCTUREItem], _ id: RANParameterID, _ path: String) throws(RCControlError) -> RANParameterValue {
        let value = try find(items, id, path)
        switch value {
        case let .ranPChoiceElementTrue(e): return e.ranParameterValue
        case let .ranPChoiceElementFalse(e):
            guard let v = e.ranParameterValue else {
                throw .invalidValue(id: id.value, name: ids.name(of: id), path: path, detail: "ranP-Choice-ElementFalse without a value")
            }
            return v
        default: throw wrong(id, path, "ELEMENT", kind(value))
        }
    }

    func valueKind(_ value: RANParameterValue) -> String {
        switch value {
        case .valueBoolean: return "valueBoolean"
        case .valueInt: return "valueInt"
        case .valueReal: return "valueReal"
        case .valueBitS: return "valueBitS"
        case .valueOctS: return "valueOctS"
        case .valuePrintableString: return "valuePrintableString"
        }
    }

    func ratio(_ items: [RANParameterSTRUCTUREItem], _ id: RANParameterID, _ path: String) throws(RCControlError) -> Int {
        let value = try element(items, id, path)
        guard case let .valueInt(v) = value else { throw wrong(id, path, "valueInt", valueKind(value)) }
        guard v >= 0 && v <= 100 else {
            throw .invalidValue(id: id.value, name: ids.name(of: id), path: path, detail: "\(v) not in 0...100")
        }
        return Int(v)
    }

    func octets(_ items: [RANParameterSTRUCTUREItem], _ id: RANParameterID, count: Int, _ path: String) throws(RCControlError) -> [UInt8] {
        let value = try element(items, id, path)
        guard case let .valueOctS(v) = value else { throw wrong(id, path, "valueOctS", valueKind(value)) }
        guard v.count == count else {
            throw .invalidValue(id: id.value, name: ids.name(of: id), path: path, detail: "\(v.count) octets, expected \(count)")
        }
        return v.bytes
    }

    func optionalOctets(_ items: [RANParameterSTRUCTUREItem], _ id: RANParameterID, count: Int, _ path: String) throws(RCControlError) -> [UInt8]? {
        guard items.contains(where: { $0.ranParameterID == id }) else { return nil }
        return try octets(items, id, count: count, path)
    }
}
