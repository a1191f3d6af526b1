import APER
import E2SMCommon
import E2SMRC

/// Values beyond the catalog samples whose encodings the tests pin against asn1tools.
enum RCTestVectors {
    static let plmn = PLMNIdentity([0x00, 0xF1, 0x10])

    static func named(_ id: Int64, _ name: String, _ definition: RANParameterDefinition? = nil) -> NamedRANParameterItem {
        NamedRANParameterItem(ranParameterID: RANParameterID(id), ranParameterName: RANParameterName(name), ranParameterDefinition: definition)
    }

    /// A RAN function definition with every optional part: event trigger styles with L2, call
    /// process, UE and cell identification parameters; report, insert, control and policy styles.
    static let fullDefinition = RCRANFunctionDefinition(
        ranFunctionName: RANfunctionName(ranFunctionShortName: "ORAN-E2SM-RC", ranFunctionE2SMOID: "1.3.6.1.4.1.53148.1.1.2.3", ranFunctionDescription: "RAN Control", ranFunctionInstance: 3),
        ranFunctionDefinitionEventTrigger: RANFunctionDefinitionEventTrigger(
            ricEventTriggerStyleList: [
                RANFunctionDefinitionEventTriggerStyleItem(ricEventTriggerStyleType: 1, ricEventTriggerStyleName: "Message Event", ricEventTriggerFormatType: 1),
                RANFunctionDefinitionEventTriggerStyleItem(ricEventTriggerStyleType: 4, ricEventTriggerStyleName: "UE Information Change", ricEventTriggerFormatType: 4),
            ],
            ranL2ParametersList: [named(1, "DRX parameter configuration", .structure([
                RANParameterDefinitionChoiceSTRUCTUREItem(ranParameterID: 2, ranParameterName: "DRX Cycle"),
            ]))],
            ranCallProcessTypesList: [RANFunctionDefinitionEventTriggerCallProcessItem(
                callProcessTypeID: 3, callProcessTypeName: "Mobility Management",
                callProcessBreakpointsList: [
                    RANFunctionDefinitionEventTriggerBreakpointItem(callProcessBreakpointID: 1, callProcessBreakpointName: "Handover Preparation",
                                                                    ranCallProcessBreakpointParametersList: [named(1, "Target Primary Cell ID")]),
                    RANFunctionDefinitionEventTriggerBreakpointItem(callProcessBreakpointID: 2, callProcessBreakpointName: "Handover Execution"),
                ])],
            ranUEIdentificationParametersList: [named(1, "C-RNTI")],
            ranCellIdentificationParametersList: [named(1, "NR CGI")]),
        ranFunctionDefinitionReport: RANFunctionDefinitionReport(ricReportStyleList: [
            RANFunctionDefinitionReportItem(ricReportStyleType: 2, ricReportStyleName: "Call Process Outcome", ricSupportedEventTriggerStyleType: 2,
                                            ricReportActionFormatType: 1, ricIndicationHeaderFormatType: 1, ricIndicationMessageFormatType: 2,
                                            ranReportParametersList: [named(202, "RRC State"), named(203, "UE Context", .list([
                                                RANParameterDefinitionChoiceLISTItem(ranParameterID: 204, ranParameterName: "DRB ID"),
                                            ]))]),
        ]),
        ranFunctionDefinitionInsert: RANFunctionDefinitionInsert(ricInsertStyleList: [
            RANFunctionDefinitionInsertItem(ricInsertStyleType: 3, ricInsertStyleName: "Connected Mode Mobility Control Request", ricSupportedEventTriggerStyleType: 2,
                                            ricActionDefinitionFormatType: 3,
                                            ricInsertIndicationList: [RANFunctionDefinitionInsertIndicationItem(ricInsertIndicationID: 1, ricInsertIndicationName: "Handover Control request",
                                                                                                                ranInsertIndicationParametersList: [named(1, "Target Primary Cell ID")])],
                                            ricIndicationHeaderFormatType: 2, ricIndicationMessageFormatType: 5, ricCallProcessIDFormatType: 1),
        ]),
        ranFunctionDefinitionControl: RANFunctionDefinitionControl(ricControlStyleList: [
            RANFunctionDefinitionControlItem(ricControlStyleType: 1, ricControlStyleName: "Radio Bearer Control",
                                             ricControlActionList: [RANFunctionDefinitionControlActionItem(ricControlActionID: 2, ricControlActionName: "QoS flow mapping configuration")],
                                             ricControlHeaderFormatType: 1, ricControlMessageFormatType: 1, ricCallProcessIDFormatType: 1, ricControlOutcomeFormatType: 1,
                                             ranControlOutcomeParametersList: [named(1, "DRB ID")]),
            SliceQuotaControl.controlStyle(dialect: .flexRIC),
        ]),
        ranFunctionDefinitionPolicy: RANFunctionDefinitionPolicy(ricPolicyStyleList: [
            RANFunctionDefinitionPolicyItem(ricPolicyStyleType: 2, ricPolicyStyleName: "Radio Resource Allocation", ricSupportedEventTriggerStyleType: 1,
                                            ricPolicyActionList: [RANFunctionDefinitionPolicyActionItem(
                                                ricPolicyActionID: 6, ricPolicyActionName: "Slice-level PRB quota", ricActionDefinitionFormatType: 2,
                                                ranPolicyActionParametersList: [named(11, "Min PRB Policy Ratio")],
                                                ranPolicyConditionParametersList: [named(1, "Cell Load")])]),
            RANFunctionDefinitionPolicyItem(ricPolicyStyleType: 1, ricPolicyStyleName: "Radio Bearer", ricSupportedEventTriggerStyleType: 1),
        ]))

    static let oneQuota = try! SlicePRBQuota(plmn: plmn, sst: 1, sd: SD([0, 0, 1]), minPRBPolicyRatio: 20, maxPRBPolicyRatio: 80, dedicatedPRBPolicyRatio: 10)
    static let twoQuotas = [oneQuota, try! SlicePRBQuota(plmn: PLMNIdentity([0x13, 0x00, 0x14]), sst: 128, minPRBPolicyRatio: 5, maxPRBPolicyRatio: 50, dedicatedPRBPolicyRatio: 0)]

    /// Named extra values ("<Type>:<what>") whose bytes the golden tests check.
    static let extras: [(name: String, value: any APERValue)] = [
        ("RANFunctionDefinition:full", fullDefinition),
        ("RANFunctionDefinition:oai", SliceQuotaControl.ranFunctionDefinition(dialect: .oai)),
        ("ControlHeader:cellWide", SliceQuotaControl.header(ueID: nil)),
        ("ControlMessage:srsRAN-one", SliceQuotaControl.message([oneQuota])),
        ("ControlMessage:flexRIC", SliceQuotaControl.message(twoQuotas, dialect: .flexRIC)),
        ("ControlMessage:empty", SliceQuotaControl.message([])),
    ]
}
