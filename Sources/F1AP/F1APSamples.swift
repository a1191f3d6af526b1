import APER

/// One sample PDU per F1AP message this version models, with non-trivial values (a TDD and an
/// FDD cell, a DRB with 5QI QoS and a GTP tunnel, raw iE-Extensions, …). Used for golden bytes,
/// round trips and the pycrate check.
public enum F1APSamples {
    public static var all: [(name: String, pdu: F1APPDU)] {
        let plmn: OctetString = [0x00, 0xF1, 0x10]  // MCC 001, MNC 01
        let cgi = NRCGI(pLMNIdentity: plmn, nRCellIdentity: BitString(value: 0x0_0012_3401, length: 36))
        let cgi2 = NRCGI(pLMNIdentity: plmn, nRCellIdentity: BitString(value: 0x0_0012_3402, length: 36))
        let band78 = FreqBandNrItem(freqBandIndicatorNr: 78, supportedSULBandList: [])
        let tdd = NRModeInfo.tDD(TDDInfo(nRFreqInfo: NRFreqInfo(nRARFCN: 632_628, freqBandListNr: [band78]), transmissionBandwidth: TransmissionBandwidth(nRSCS: .scs30, nRNRB: .nrb106)))
        let fdd = NRModeInfo.fDD(FDDInfo(
            uLNRFreqInfo: NRFreqInfo(nRARFCN: 384_000, sulInformation: SULInformation(sULNRARFCN: 342_000, sULTransmissionBandwidth: TransmissionBandwidth(nRSCS: .scs15, nRNRB: .nrb25)), freqBandListNr: [FreqBandNrItem(freqBandIndicatorNr: 1, supportedSULBandList: [SupportedSULFreqBandItem(freqBandIndicatorNr: 80)])]),
            dLNRFreqInfo: NRFreqInfo(nRARFCN: 428_000, freqBandListNr: [FreqBandNrItem(freqBandIndicatorNr: 1, supportedSULBandList: [])]),
            uLTransmissionBandwidth: TransmissionBandwidth(nRSCS: .scs15, nRNRB: .nrb52),
            dLTransmissionBandwidth: TransmissionBandwidth(nRSCS: .scs15, nRNRB: .nrb52)))
        // ServedPLMNs-Item iE-Extensions: id-TAISliceSupportList (131), a SliceSupportList of
        // {SST 1, SD 000001} and {SST 2}, kept raw (its bytes as pycrate encodes that value)
        let sliceExtension = F1APRawField(id: 131, criticality: .ignore, value: [0x00, 0x01, 0x40, 0x20, 0x00, 0x00, 0x01, 0x00, 0x40])
        let cell1 = ServedCellInformation(nRCGI: cgi, nRPCI: 1, fiveGSTAC: [0x00, 0x00, 0x07], servedPLMNs: [ServedPLMNsItem(pLMNIdentity: plmn, iEExtensions: [sliceExtension])], nRModeInfo: tdd, measurementTimingConfiguration: [0x10, 0x48, 0xD0, 0x10, 0x05, 0x00])
        let cell2 = ServedCellInformation(nRCGI: cgi2, nRPCI: 1007, configuredEPSTAC: [0x12, 0x34], servedPLMNs: [ServedPLMNsItem(pLMNIdentity: plmn), ServedPLMNsItem(pLMNIdentity: [0x21, 0xF3, 0x54])], nRModeInfo: fdd, measurementTimingConfiguration: [0x08, 0x00])
        let sysInfo = GNBDUSystemInformation(mIBMessage: [0x01, 0xC5, 0x04], sIB1Message: [0x68, 0x02, 0x81, 0x90, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00])
        let rrcVersion = RRCVersion(latestRRCVersion: BitString(value: 0b111, length: 3))
        let diagnostics = CriticalityDiagnostics(procedureCode: 5, triggeringMessage: .initiatingMessage, procedureCriticality: .reject, transactionID: 3,
                                                 iEsCriticalityDiagnostics: [CriticalityDiagnosticsIEItem(iECriticality: .reject, iEID: 9999, typeOfError: .notUnderstood)])
        let gtp = UPTransportLayerInformation.gTPTunnel(GTPTunnel(transportLayerAddress: BitString(bytes: [10, 0, 0, 2], length: 32), gTPTEID: [0x00, 0x00, 0x12, 0x34]))
        let gtpDU = UPTransportLayerInformation.gTPTunnel(GTPTunnel(transportLayerAddress: BitString(bytes: [10, 0, 0, 3], length: 32), gTPTEID: [0xAB, 0xCD, 0x00, 0x01]))
        let arp = NGRANAllocationAndRetentionPriority(priorityLevel: 8, preEmptionCapability: .shallNotTriggerPreEmption, preEmptionVulnerability: .notPreEmptable)
        let qos9 = QoSFlowLevelQoSParameters(qoSCharacteristics: .nonDynamic5QI(NonDynamic5QIDescriptor(fiveQI: 9)), nGRANallocationRetentionPriority: arp)
        let qosGBR = QoSFlowLevelQoSParameters(
            qoSCharacteristics: .dynamic5QI(Dynamic5QIDescriptor(qoSPriorityLevel: 20, packetDelayBudget: 100, packetErrorRate: PacketErrorRate(pERScalar: 1, pERExponent: 3))),
            nGRANallocationRetentionPriority: arp,
            gBRQoSFlowInformation: GBRQoSFlowInformation(maxFlowBitRateDownlink: 10_000_000, maxFlowBitRateUplink: 5_000_000, guaranteedFlowBitRateDownlink: 1_000_000, guaranteedFlowBitRateUplink: 500_000))
        let drb1 = DRBsToBeSetupItem(
            dRBID: 1,
            qoSInformation: .drbInformation(DRBInformation(dRBQoS: qos9, sNSSAI: SNSSAI(sST: [0x01], sD: [0x00, 0x00, 0x01]), notificationControl: .active, flowsMappedToDRBList: [FlowsMappedToDRBItem(qoSFlowIdentifier: 1, qoSFlowLevelQoSParameters: qos9)])),
            uLUPTNLInformationToBeSetupList: [ULUPTNLInformationToBeSetupItem(uLUPTNLInformation: gtp)],
            rLCMode: .rlcAm, uLConfiguration: ULConfiguration(uLUEConfiguration: .noData), duplicationActivation: .inactive)
        let drb2 = DRBsToBeSetupItem(
            dRBID: 2,
            qoSInformation: .eUTRANQoS(EUTRANQoS(qCI: 1, allocationAndRetentionPriority: AllocationAndRetentionPriority(priorityLevel: 2, preEmptionCapability: .mayTriggerPreEmption, preEmptionVulnerability: .preEmptable),
                                                 gbrQosInformation: GBRQosInformation(eRABMaximumBitrateDL: 128_000, eRABMaximumBitrateUL: 128_000, eRABGuaranteedBitrateDL: 64_000, eRABGuaranteedBitrateUL: 64_000))),
            uLUPTNLInformationToBeSetupList: [ULUPTNLInformationToBeSetupItem(uLUPTNLInformation: gtp)],
            rLCMode: .rlcUmBidirectional)
        let drbMod = DRBsToBeSetupModItem(dRBID: 3, qoSInformation: .drbInformation(DRBInformation(dRBQoS: qosGBR, sNSSAI: SNSSAI(sST: [0x02]), flowsMappedToDRBList: [FlowsMappedToDRBItem(qoSFlowIdentifier: 5, qoSFlowLevelQoSParameters: qosGBR)])),
                                          uLUPTNLInformationToBeSetupList: [ULUPTNLInformationToBeSetupItem(uLUPTNLInformation: gtp)], rLCMode: .rlcAm)
        let cellGroupConfig: OctetString = [0x5C, 0x00, 0xB0, 0x01, 0x17, 0x7A, 0x40, 0x80, 0x00]
        let bodies: [any F1APMessageBody] = [
            F1SetupRequest(transactionID: 1, gNBDUID: 0x0E00, gNBDUName: "ranlab-du-1",
                           gNBDUServedCellsList: [GNBDUServedCellsItem(servedCellInformation: cell1, gNBDUSystemInformation: sysInfo),
                                                  GNBDUServedCellsItem(servedCellInformation: cell2)],
                           gnbDURRCVersion: rrcVersion),
            F1SetupResponse(transactionID: 1, gNBCUName: "ranlab-cu", cellsToBeActivatedList: [CellstobeActivatedListItem(nRCGI: cgi, nRPCI: 1)], gnbCURRCVersion: rrcVersion),
            F1SetupFailure(transactionID: 1, cause: .radioNetwork(.cellNotAvailable), timeToWait: .v10s, criticalityDiagnostics: diagnostics),
            GNBDUConfigurationUpdate(transactionID: 2, servedCellsToAddList: [ServedCellsToAddItem(servedCellInformation: cell2)],
                                     servedCellsToModifyList: [ServedCellsToModifyItem(oldNRCGI: cgi, servedCellInformation: cell1, gNBDUSystemInformation: sysInfo)],
                                     servedCellsToDeleteList: [ServedCellsToDeleteItem(oldNRCGI: cgi2)],
                                     cellsStatusList: [CellsStatusItem(nRCGI: cgi, serviceStatus: ServiceStatus(serviceState: .inService, switchingOffOngoing: .true))], gNBDUID: 0x0E00),
            GNBDUConfigurationUpdateAcknowledge(transactionID: 2, cellsToBeActivatedList: [CellstobeActivatedListItem(nRCGI: cgi2)], criticalityDiagnostics: CriticalityDiagnostics(triggeringMessage: .successfulOutcome), cellsToBeDeactivatedList: [CellstobeDeactivatedListItem(nRCGI: cgi)]),
            GNBDUConfigurationUpdateFailure(transactionID: 2, cause: .transport(.transportResourceUnavailable), timeToWait: .v1s),
            InitialULRRCMessageTransfer(gNBDUUEF1APID: 7, nrcgi: cgi, cRNTI: 0x4601, rrcContainer: [0x1D, 0xEC, 0x89, 0xD0, 0x57, 0x66], dUtoCURRCContainer: cellGroupConfig, sulAccessIndication: .true, transactionID: 3),
            DLRRCMessageTransfer(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, srbid: 0, executeDuplication: .true, rrcContainer: [0x20, 0x40, 0x04, 0x1B, 0x00], rrcDeliveryStatusRequest: .true),
            ULRRCMessageTransfer(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, srbid: 1, rrcContainer: [0x00, 0x00, 0x10, 0xC0, 0x00, 0x00, 0x00, 0x00], selectedPLMNID: plmn),
            UEContextSetupRequest(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, spCellID: cgi, servCellIndex: 0, spCellULConfigured: .ul,
                                  cUtoDURRCInformation: CUtoDURRCInformation(cGConfigInfo: [0x01], uECapabilityRATContainerList: [0x04, 0x00, 0x0C, 0xA0], measConfig: [0x10]),
                                  drxCycle: DRXCycle(longDRXCycleLength: .ms160, shortDRXCycleLength: .ms20, shortDRXCycleTimer: 4),
                                  sCellToBeSetupList: [SCellToBeSetupItem(sCellID: cgi2, sCellIndex: 1, sCellULConfigured: .none)],
                                  srbsToBeSetupList: [SRBsToBeSetupItem(sRBID: 1), SRBsToBeSetupItem(sRBID: 2, duplicationIndication: .true)],
                                  drbsToBeSetupList: [drb1, drb2],
                                  rrcContainer: [0x22, 0x00], maskedIMEISV: BitString(bytes: [0x35, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00], length: 64),
                                  servingPLMN: plmn, gnbDUUEAMBRUL: 100_000_000, rrcDeliveryStatusRequest: .true),
            UEContextSetupResponse(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, dUtoCURRCInformation: DUtoCURRCInformation(cellGroupConfig: cellGroupConfig, measGapConfig: [0x00]),
                                   cRNTI: 0x4601, fullConfiguration: .full,
                                   drbsSetupList: [DRBsSetupItem(dRBID: 1, lCID: 4, dLUPTNLInformationToBeSetupList: [DLUPTNLInformationToBeSetupItem(dLUPTNLInformation: gtpDU)])],
                                   srbsFailedToBeSetupList: [SRBsFailedToBeSetupItem(sRBID: 3, cause: .radioNetwork(.noRadioResourcesAvailable))],
                                   drbsFailedToBeSetupList: [DRBsFailedToBeSetupItem(dRBID: 2, cause: .radioNetwork(.notSupportedQciValue))],
                                   sCellFailedtoSetupList: [SCellFailedtoSetupItem(sCellID: cgi2, cause: .misc(.notEnoughUserPlaneProcessingResources))],
                                   srbsSetupList: [SRBsSetupItem(sRBID: 1, lCID: 1), SRBsSetupItem(sRBID: 2, lCID: 2)]),
            UEContextSetupFailure(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, cause: .protocol(.semanticError), criticalityDiagnostics: diagnostics),
            UEContextModificationRequest(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, spCellID: cgi2, servCellIndex: 1, transmissionActionIndicator: .stop,
                                         rrcContainer: [0x08, 0x80], srbsToBeSetupModList: [SRBsToBeSetupModItem(sRBID: 3)], drbsToBeSetupModList: [drbMod],
                                         drbsToBeModifiedList: [DRBsToBeModifiedItem(dRBID: 1, uLUPTNLInformationToBeSetupList: [ULUPTNLInformationToBeSetupItem(uLUPTNLInformation: gtp)])],
                                         srbsToBeReleasedList: [SRBsToBeReleasedItem(sRBID: 2)], drbsToBeReleasedList: [DRBsToBeReleasedItem(dRBID: 2)], gnbDUUEAMBRUL: 50_000_000),
            UEContextModificationResponse(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, dUtoCURRCInformation: DUtoCURRCInformation(cellGroupConfig: cellGroupConfig),
                                          drbsSetupModList: [DRBsSetupModItem(dRBID: 3, lCID: 6, dLUPTNLInformationToBeSetupList: [DLUPTNLInformationToBeSetupItem(dLUPTNLInformation: gtpDU)])],
                                          drbsModifiedList: [DRBsModifiedItem(dRBID: 1, dLUPTNLInformationToBeSetupList: [DLUPTNLInformationToBeSetupItem(dLUPTNLInformation: gtpDU)])],
                                          srbsFailedToBeSetupModList: [SRBsFailedToBeSetupModItem(sRBID: 3, cause: .radioNetwork(.multipleDrbIdInstances))],
                                          drbsFailedToBeSetupModList: [DRBsFailedToBeSetupModItem(dRBID: 4)], criticalityDiagnostics: CriticalityDiagnostics(procedureCode: 7)),
            UEContextReleaseRequest(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, cause: .radioNetwork(.rlFailureRlc)),
            UEContextReleaseCommand(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, cause: .radioNetwork(.normalRelease), rrcContainer: [0x28, 0x00], srbid: 1, oldgNBDUUEF1APID: 6, executeDuplication: .true),
            UEContextReleaseComplete(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, criticalityDiagnostics: CriticalityDiagnostics(procedureCode: 6, triggeringMessage: .initiatingMessage)),
            Reset(transactionID: 4, cause: .misc(.omIntervention), resetType: .partOfF1Interface([UEassociatedLogicalF1ConnectionItem(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7), UEassociatedLogicalF1ConnectionItem(gNBDUUEF1APID: 8)])),
            ResetAcknowledge(transactionID: 4, ueAssociatedLogicalF1ConnectionListResAck: [UEassociatedLogicalF1ConnectionItem(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7)], criticalityDiagnostics: diagnostics),
            ErrorIndication(transactionID: 5, gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, cause: .protocol(.abstractSyntaxErrorReject), criticalityDiagnostics: diagnostics),
        ]
        var out = bodies.map { (name: type(of: $0).name, pdu: F1APPDU($0)) }
        out.append((name: "Reset-all", pdu: F1APPDU(Reset(transactionID: 9, cause: .transport(.unspecified), resetType: .f1Interface(.resetAll)))))
        return out
    }
}
