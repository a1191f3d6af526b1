import APER
import E2SMCommon

/// The E2SM-KPM v03.00 message types as the CLI names them, with sample values and the benchmark payload.
public enum E2SMKPMCatalog {
    /// message type names as `ranlab pdu --type` accepts them, each with its Swift type
    public static let types: [(name: String, type: any APERValue.Type)] = [
        ("RANfunctionDescription", KPMRANfunctionDescription.self),
        ("EventTriggerDefinition", KPMEventTriggerDefinition.self),
        ("ActionDefinition", KPMActionDefinition.self),
        ("IndicationHeader", KPMIndicationHeader.self),
        ("IndicationMessage", KPMIndicationMessage.self),
    ]

    /// One sample per message type and format, with non-trivial values (several measurements,
    /// labels with root and extension fields, UE ids, REAL and integer records, noValue, extension
    /// alternatives and additions). Names are "<TypeName>" or "<TypeName>-Format<N>".
    public static func samples() -> [(name: String, value: any APERValue)] {
        let s = Samples()
        return [
            ("RANfunctionDescription", s.ranFunctionDescription),
            ("EventTriggerDefinition-Format1", KPMEventTriggerDefinition(eventDefinitionFormats: .eventDefinitionFormat1(KPMEventTriggerDefinitionFormat1(reportingPeriod: 1000)))),
            ("ActionDefinition-Format1", KPMActionDefinition(ricStyleType: 1, actionDefinitionFormats: .actionDefinitionFormat1(s.actionFormat1))),
            ("ActionDefinition-Format2", KPMActionDefinition(ricStyleType: 2, actionDefinitionFormats: .actionDefinitionFormat2(
                KPMActionDefinitionFormat2(ueID: s.ueGNB, subscriptInfo: s.simpleSubscription)))),
            ("ActionDefinition-Format3", KPMActionDefinition(ricStyleType: 3, actionDefinitionFormats: .actionDefinitionFormat3(s.actionFormat3))),
            ("ActionDefinition-Format4", KPMActionDefinition(ricStyleType: 4, actionDefinitionFormats: .actionDefinitionFormat4(s.actionFormat4))),
            ("ActionDefinition-Format5", KPMActionDefinition(ricStyleType: 5, actionDefinitionFormats: .actionDefinitionFormat5(
                KPMActionDefinitionFormat5(matchingUEidList: [MatchingUEidPerSubItem(ueID: s.ueGNB), MatchingUEidPerSubItem(ueID: s.ueDU),
                                                              MatchingUEidPerSubItem(ueID: s.ueENB)],
                                           subscriptionInfo: s.simpleSubscription)))),
            ("IndicationHeader-Format1", KPMIndicationHeader(indicationHeaderFormats: .indicationHeaderFormat1(KPMIndicationHeaderFormat1(
                colletStartTime: TimeStamp(ntpSeconds: 3_913_056_000, fraction: 0x8000_0000),
                fileFormatversion: "3.00", senderName: "ranlab gNB-DU 1", senderType: "DU", vendorName: "ranlab")))),
            ("IndicationMessage-Format1", KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat1(s.indicationFormat1))),
            ("IndicationMessage-Format2", KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat2(s.indicationFormat2))),
            ("IndicationMessage-Format3", KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat3(KPMIndicationMessageFormat3(ueMeasReportList: [
                UEMeasurementReportItem(ueID: s.ueGNB, measReport: s.indicationFormat1),
                UEMeasurementReportItem(ueID: s.ueDU, measReport: KPMIndicationMessageFormat1(measData: [
                    MeasurementDataItem(measRecord: [.integer(0), .noValue, .real(-3.75)]),
                ])),
            ])))),
        ]
    }

    /// The benchmark payload: indication message format 1 with `measurements` measurement types and
    /// `records` MeasurementDataItems each holding one record per measurement (integers and reals
    /// mixed: every third record is a REAL). The first measurement types are `KPMMeasurementName`s,
    /// later ones `measID`s. Both counts must lie in 1...65535 for the value to be encodable.
    public static func indicationFormat1(measurements: Int, records: Int) -> KPMIndicationMessage {
        let names = KPMMeasurementName.allCases
        var infos: [MeasurementInfoItem] = []
        infos.reserveCapacity(max(measurements, 0))
        for m in 0..<max(measurements, 0) {
            let type: MeasurementType = m < names.count ? names[m].measurementType : .measID(MeasurementTypeID(Int64(m + 1)))
            infos.append(MeasurementInfoItem(measType: type, labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(noLabel: .true))]))
        }
        var data: [MeasurementDataItem] = []
        data.reserveCapacity(max(records, 0))
        for r in 0..<max(records, 0) {
            var record: [MeasurementRecordItem] = []
            record.reserveCapacity(max(measurements, 0))
            for m in 0..<max(measurements, 0) {
                if (r + m) % 3 == 2 {
                    record.append(.real(Double(r) * 0.5 + Double(m) / 8))
                } else {
                    record.append(.integer(Int64((r &* 7919 &+ m &* 104_729) % 4_000_000_000)))
                }
            }
            data.append(MeasurementDataItem(measRecord: record))
        }
        return KPMIndicationMessage(indicationMessageFormats: .indicationMessageFormat1(
            KPMIndicationMessageFormat1(measData: data, measInfoList: infos, granulPeriod: 100)))
    }
}

/// The building blocks of `E2SMKPMCatalog.samples()`.
private struct Samples {
    let plmn = PLMNIdentity([0x00, 0xF1, 0x10])
    var guami: GUAMI { GUAMI(pLMNIdentity: plmn, aMFRegionID: AMFRegionID(bits: 0x02), aMFSetID: AMFSetID(bits: 0x001), aMFPointer: AMFPointer(bits: 0x3F)) }
    var ueGNB: UEID {
        .gNBUEID(UEIDGNB(amfUENGAPID: 0x12_3456_789A, guami: guami,
                         gNBCUUEF1APIDList: [UEIDGNBCUCPF1APIDItem(gNBCUUEF1APID: 7)],
                         ranUEID: RANUEID([0, 0, 0, 0, 0, 0, 0, 7]),
                         globalNGRANNodeID: .gNB(GlobalGNBID(pLMNIdentity: plmn, gNBID: .gNBID(BitString(value: 0xE00, length: 22))))))
    }
    var ueDU: UEID { .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 8)) }
    var ueENB: UEID {
        .eNBUEID(UEIDENB(mMEUES1APID: 99, gUMMEI: GUMMEI(pLMNIdentity: plmn, mMEGroupID: MMEGroupID([0x00, 0x01]), mMECode: MMECode([0x02]))))
    }
    var nrCGI: CGI { .nRCGI(NRCGI(pLMNIdentity: plmn, nRCellIdentity: NRCellIdentity(bits: 0x000E_0000_1))) }

    /// A label using most root fields and the three extension additions.
    var fullLabel: MeasurementLabel {
        MeasurementLabel(plmnID: plmn, sliceID: SNSSAI(sST: SST([1]), sD: SD([0x00, 0x00, 0x01])), fiveQI: 9, qFI: 63, qCI: 6,
                         qCImax: 9, qCImin: 1, aRPmax: 15, aRPmin: 1, bitrateRange: 65535, layerMUMIMO: 4, sUM: .true,
                         distBinX: 1, distBinY: 2, distBinZ: 3, preLabelOverride: .true, startEndInd: .end,
                         min: .true, max: .true, avg: .true, ssbIndex: 7, nonGoBBFmodeIndex: 300, mIMOModeIndex: 2)
    }

    var binRange: BinRangeDefinition {
        BinRangeDefinition(
            binRangeListX: [BinRangeItem(binIndex: 1, startValue: .valueInt(-100), endValue: .valueInt(-80)),
                            BinRangeItem(binIndex: 2, startValue: .valueReal(-80), endValue: .valueReal(-62.5))],
            binRangeListY: [BinRangeItem(binIndex: 70_000, startValue: .valueInt(0), endValue: .valueReal(0.1))],
            binRangeListZ: nil)
    }

    var actionFormat1: KPMActionDefinitionFormat1 {
        KPMActionDefinitionFormat1(
            measInfoList: [
                MeasurementInfoItem(measType: KPMMeasurementName.drbUEThpDl.measurementType,
                                    labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(noLabel: .true))]),
                MeasurementInfoItem(measType: KPMMeasurementName.rruPrbTotDl.measurementType,
                                    labelInfoList: [LabelInfoItem(measLabel: fullLabel),
                                                    LabelInfoItem(measLabel: MeasurementLabel(fiveQI: 300, qFI: 64, aRPmax: 16))]),
                MeasurementInfoItem(measType: .measID(65536), labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(qCI: 255))]),
                MeasurementInfoItem(measType: .measID(70_000), labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(startEndInd: .start))]),
            ],
            granulPeriod: 1000, cellGlobalID: nrCGI,
            distMeasBinRangeInfo: [DistMeasurementBinRangeItem(measType: KPMMeasurementName.carrAverageLayersDl.measurementType, binRangeDef: binRange)])
    }

    var simpleSubscription: KPMActionDefinitionFormat1 {
        KPMActionDefinitionFormat1(
            measInfoList: [MeasurementInfoItem(measType: KPMMeasurementName.drbPdcpSduVolumeDL.measurementType,
                                               labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(noLabel: .true))]),
                           MeasurementInfoItem(measType: KPMMeasurementName.drbPdcpSduVolumeUL.measurementType,
                                               labelInfoList: [LabelInfoItem(measLabel: MeasurementLabel(sliceID: SNSSAI(sST: SST([2]))))])],
            granulPeriod: 4_294_967_295)
    }

    var matchingConditions: [MatchingCondItem] {
        [
            MatchingCondItem(matchingCondChoice: .measLabel(MeasurementLabel(fiveQI: 7)), logicalOR: .true),
            MatchingCondItem(matchingCondChoice: .testCondInfo(TestCondInfo(testType: .gBR(.true), testExpr: .equal, testValue: .valueInt(-1)))),
            MatchingCondItem(matchingCondChoice: .testCondInfo(TestCondInfo(testType: .rSRP(.true), testExpr: .greaterthan, testValue: .valueReal(-95.25)))),
            MatchingCondItem(matchingCondChoice: .testCondInfo(TestCondInfo(testType: .cQI(.true), testExpr: .lessthan, testValue: .valueEnum(12)))),
            MatchingCondItem(matchingCondChoice: .testCondInfo(TestCondInfo(testType: .isStat(.true), testValue: .valueBool(true)))),
            MatchingCondItem(matchingCondChoice: .testCondInfo(TestCondInfo(testType: .sNSSAI(.true), testExpr: .contains, testValue: .valueOctS([0x01, 0x00, 0x00, 0x01])))),
            MatchingCondItem(matchingCondChoice: .testCondInfo(TestCondInfo(testType: .isCatM(.true), testExpr: .present, testValue: .valueBitS(BitString(value: 0b1011, length: 4))))),
            MatchingCondItem(matchingCondChoice: .testCondInfo(TestCondInfo(testType: .aMBR(.true), testValue: .valuePrtS("gold")))),
        ]
    }

    var actionFormat3: KPMActionDefinitionFormat3 {
        KPMActionDefinitionFormat3(
            measCondList: [
                MeasurementCondItem(measType: KPMMeasurementName.drbUEThpUl.measurementType, matchingCond: matchingConditions),
                MeasurementCondItem(measType: .measID(12), matchingCond: [MatchingCondItem(matchingCondChoice: .measLabel(MeasurementLabel(noLabel: .true)))],
                                    binRangeDef: binRange),
            ],
            granulPeriod: 500, cellGlobalID: .eUTRACGI(EUTRACGI(pLMNIdentity: plmn, eUTRACellIdentity: EUTRACellIdentity(bits: 0x0ABCDEF))))
    }

    var actionFormat4: KPMActionDefinitionFormat4 {
        KPMActionDefinitionFormat4(
            matchingUeCondList: [
                MatchingUeCondPerSubItem(testCondInfo: TestCondInfo(testType: .fiveQI(.true), testExpr: .equal, testValue: .valueInt(9)), logicalOR: .true),
                MatchingUeCondPerSubItem(testCondInfo: TestCondInfo(testType: .ulRSRP(.true), testExpr: .lessthan, testValue: .valueReal(-110))),
                MatchingUeCondPerSubItem(testCondInfo: TestCondInfo(testType: .qCI(.true))),
            ],
            subscriptionInfo: actionFormat1)
    }

    var indicationFormat1: KPMIndicationMessageFormat1 {
        KPMIndicationMessageFormat1(
            measData: [
                MeasurementDataItem(measRecord: [.integer(123_456), .real(12.5), .noValue, .integer(4_294_967_295)]),
                MeasurementDataItem(measRecord: [.integer(0), .real(0.1), .real(-1e-3), .integer(1)], incompleteFlag: .true),
                MeasurementDataItem(measRecord: [.noValue, .noValue, .real(1e20), .integer(65_536)]),
            ],
            measInfoList: actionFormat1.measInfoList,
            granulPeriod: 1000)
    }

    var indicationFormat2: KPMIndicationMessageFormat2 {
        KPMIndicationMessageFormat2(
            measData: [MeasurementDataItem(measRecord: [.integer(10), .real(2.25)]),
                       MeasurementDataItem(measRecord: [.noValue, .integer(3)], incompleteFlag: .true)],
            measCondUEidList: [
                MeasurementCondUEidItem(measType: KPMMeasurementName.rrcConnMean.measurementType, matchingCond: matchingConditions,
                                        matchingUEidList: [MatchingUEidItem(ueID: ueGNB), MatchingUEidItem(ueID: ueENB)]),
                MeasurementCondUEidItem(measType: KPMMeasurementName.tbErrTotalNbrDl.measurementType,
                                        matchingCond: [MatchingCondItem(matchingCondChoice: .measLabel(MeasurementLabel(sUM: .true)))],
                                        matchingUEidPerGP: [MatchingUEidPerGPItem(matchedPerGP: .noUEmatched(.true)),
                                                            MatchingUEidPerGPItem(matchedPerGP: .oneOrMoreUEmatched([MatchingUEidItemPerGP(ueID: ueDU)]))]),
            ],
            granulPeriod: 10)
    }

    var ranFunctionDescription: KPMRANfunctionDescription {
        KPMRANfunctionDescription(
            ranFunctionName: RANfunctionName(ranFunctionShortName: "ORAN-E2SM-KPM", ranFunctionE2SMOID: "1.3.6.1.4.1.53148.1.3.2.2",
                                             ranFunctionDescription: "KPM Monitor", ranFunctionInstance: 1),
            ricEventTriggerStyleList: [RICEventTriggerStyleItem(ricEventTriggerStyleType: 1, ricEventTriggerStyleName: "Periodic Report", ricEventTriggerFormatType: 1)],
            ricReportStyleList: [
                RICReportStyleItem(ricReportStyleType: 1, ricReportStyleName: "E2 Node Measurement", ricActionFormatType: 1,
                                   measInfoActionList: [MeasurementInfoActionItem(measName: KPMMeasurementName.drbUEThpDl.typeName, measID: 1),
                                                        MeasurementInfoActionItem(measName: KPMMeasurementName.rruPrbUsedDl.typeName),
                                                        MeasurementInfoActionItem(measName: KPMMeasurementName.carrAverageLayersDl.typeName, measID: 3, binRangeDef: binRange)],
                                   ricIndicationHeaderFormatType: 1, ricIndicationMessageFormatType: 1),
                RICReportStyleItem(ricReportStyleType: 4, ricReportStyleName: "Common Condition-based, UE-level Measurement", ricActionFormatType: 4,
                                   measInfoActionList: [MeasurementInfoActionItem(measName: KPMMeasurementName.drbRlcSduDelayDl.typeName)],
                                   ricIndicationHeaderFormatType: 1, ricIndicationMessageFormatType: 2),
                RICReportStyleItem(ricReportStyleType: 5, ricReportStyleName: "E2 Node Measurement for multiple UEs", ricActionFormatType: 5,
                                   measInfoActionList: [MeasurementInfoActionItem(measName: KPMMeasurementName.rrcConnMax.typeName, measID: 65536)],
                                   ricIndicationHeaderFormatType: 1, ricIndicationMessageFormatType: 3),
            ])
    }
}
