import APER
import E2SMCommon

/// The E2SM-RC v1.03 values ranlab handles, for tools that decode or encode them by name (the
/// CLI), and one sample of each message type and format.
public enum E2SMRCCatalog {
    /// The RAN function definition and the three RIC control OCTET STRING contents.
    public static let types: [(name: String, type: any APERValue.Type)] = [
        ("RANFunctionDefinition", RCRANFunctionDefinition.self),
        ("ControlHeader", RCControlHeader.self),
        ("ControlMessage", RCControlMessage.self),
        ("ControlOutcome", RCControlOutcome.self),
    ]

    /// One sample per message type and format, non-trivial: name "<TypeName>" or "<TypeName>-Format<N>".
    public static func samples() -> [(name: String, value: any APERValue)] {
        [
            ("RANFunctionDefinition", SliceQuotaControl.ranFunctionDefinition()),
            ("ControlHeader-Format1", RCControlHeader(ricControlHeaderFormats: .controlHeaderFormat1(RCSamples.headerFormat1))),
            ("ControlHeader-Format2", RCControlHeader(ricControlHeaderFormats: .controlHeaderFormat2(RCSamples.headerFormat2))),
            ("ControlMessage-Format1", SliceQuotaControl.message(RCSamples.quotas)),
            ("ControlMessage-Format2", RCControlMessage(ricControlMessageFormats: .controlMessageFormat2(RCSamples.messageFormat2))),
            ("ControlOutcome-Format1", RCControlOutcome(ricControlOutcomeFormats: .controlOutcomeFormat1(RCSamples.outcomeFormat1))),
            ("ControlOutcome-Format2", RCControlOutcome(ricControlOutcomeFormats: .controlOutcomeFormat2(RCSamples.outcomeFormat2))),
            ("ControlOutcome-Format3", RCControlOutcome(ricControlOutcomeFormats: .controlOutcomeFormat3(RCSamples.outcomeFormat3))),
        ]
    }
}

/// The values behind `E2SMRCCatalog.samples()`.
enum RCSamples {
    /// PLMN 001/01 in TBCD.
    static let plmn = PLMNIdentity([0x00, 0xF1, 0x10])

    static let quotas: [SlicePRBQuota] = [
        try! SlicePRBQuota(plmn: plmn, sst: 1, sd: SD([0x00, 0x00, 0x01]), minPRBPolicyRatio: 20, maxPRBPolicyRatio: 80, dedicatedPRBPolicyRatio: 10),
        try! SlicePRBQuota(plmn: plmn, sst: 2, sd: nil, minPRBPolicyRatio: 0, maxPRBPolicyRatio: 100, dedicatedPRBPolicyRatio: 0),
    ]

    static let guami = GUAMI(pLMNIdentity: plmn, aMFRegionID: AMFRegionID(bits: 0x80), aMFSetID: AMFSetID(bits: 0x3FF), aMFPointer: AMFPointer(bits: 0x01))

    /// A UE-specific slice quota control, answering an INSERT with "accept".
    static let headerFormat1 = RCControlHeaderFormat1(
        ueID: .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 70000, ranUEID: RANUEID([1, 2, 3, 4, 5, 6, 7, 8]))),
        ricStyleType: SliceQuotaControl.styleType, ricControlActionID: SliceQuotaControl.actionID, ricControlDecision: .accept)

    static let headerFormat2 = RCControlHeaderFormat2(
        ueID: .gNBUEID(UEIDGNB(amfUENGAPID: 1_099_511_627_775, guami: guami, gNBCUUEF1APIDList: [UEIDGNBCUCPF1APIDItem(gNBCUUEF1APID: 7)])),
        ricControlDecision: .reject)

    /// A RAN parameter of every value type: each RANParameter-Value alternative, key and non-key
    /// elements (one without a value), and a LIST of STRUCTUREs, one of them empty.
    static let everyValueType: [RCControlMessageFormat1Item] = [
        RCControlMessageFormat1Item(ranParameterID: 1, ranParameterValueType: .keyElement(.valueBoolean(true))),
        RCControlMessageFormat1Item(ranParameterID: 2, ranParameterValueType: .element(.valueInt(-129))),
        RCControlMessageFormat1Item(ranParameterID: 3, ranParameterValueType: .element(.valueReal(-2.5))),
        RCControlMessageFormat1Item(ranParameterID: 4, ranParameterValueType: .element(.valueBitS(BitString(bytes: [0xA5, 0xC0], length: 10)))),
        RCControlMessageFormat1Item(ranParameterID: 5, ranParameterValueType: .element(.valueOctS([0xDE, 0xAD, 0xBE, 0xEF]))),
        RCControlMessageFormat1Item(ranParameterID: 6, ranParameterValueType: .element(.valuePrintableString("Slice A (eMBB)"))),
        RCControlMessageFormat1Item(ranParameterID: 7, ranParameterValueType: .ranPChoiceElementFalse(.init(ranParameterValue: nil))),
        RCControlMessageFormat1Item(ranParameterID: 4_294_967_295, ranParameterValueType: .list([
            RANParameterSTRUCTURE(sequenceOfRanParameters: [
                RANParameterSTRUCTUREItem(ranParameterID: 9, ranParameterValueType: .keyElement(.valueInt(1))),
                RANParameterSTRUCTUREItem(ranParameterID: 10, ranParameterValueType: .structure([
                    RANParameterSTRUCTUREItem(ranParameterID: 11, ranParameterValueType: .element(.valueBoolean(false))),
                ])),
            ]),
            RANParameterSTRUCTURE(sequenceOfRanParameters: nil),
        ])),
    ]

    /// Two styles: radio bearer control (style 1, action 2 "QoS flow mapping configuration") with
    /// every value type, and the slice quota (style 2, action 6).
    static let messageFormat2 = RCControlMessageFormat2(ricControlStyleList: [
        RCControlMessageFormat2StyleItem(indicatedControlStyleType: 1, ricControlActionList: [
            RCControlMessageFormat2ControlActionItem(ricControlActionID: 2, ranPList: RCControlMessageFormat1(ranPList: everyValueType)),
        ]),
        RCControlMessageFormat2StyleItem(indicatedControlStyleType: SliceQuotaControl.styleType, ricControlActionList: [
            RCControlMessageFormat2ControlActionItem(ricControlActionID: SliceQuotaControl.actionID, ranPList: RCControlMessageFormat1(ranPList: SliceQuotaControl.ranParameters(Array(quotas.prefix(1))))),
        ]),
    ])

    static let outcomeFormat1 = RCControlOutcomeFormat1(ranPList: [
        RCControlOutcomeFormat1Item(ranParameterID: 11, ranParameterValue: .valueInt(20)),
        RCControlOutcomeFormat1Item(ranParameterID: 12, ranParameterValue: .valueInt(80)),
        RCControlOutcomeFormat1Item(ranParameterID: 7, ranParameterValue: .valueOctS(plmn.value)),
        RCControlOutcomeFormat1Item(ranParameterID: 100, ranParameterValue: .valueReal(0.1)),
    ])

    static let outcomeFormat2 = RCControlOutcomeFormat2(ricControlStyleList: [
        RCControlOutcomeFormat2StyleItem(indicatedControlStyleType: SliceQuotaControl.styleType, ricControlOutcomeList: [
            RCControlOutcomeFormat2ControlOutcomeItem(ricControlActionID: SliceQuotaControl.actionID, ranPList: [
                RCControlOutcomeFormat2RANPItem(ranParameterID: 11, ranParameterValue: .valueInt(20)),
                RCControlOutcomeFormat2RANPItem(ranParameterID: 13, ranParameterValue: .valueInt(10)),
            ]),
        ]),
    ])

    static let outcomeFormat3 = RCControlOutcomeFormat3(ranPList: everyValueType.map {
        RCControlOutcomeFormat3Item(ranParameterID: $0.ranParameterID, ranParameterValueType: $0.ranParameterValueType)
    })
}
