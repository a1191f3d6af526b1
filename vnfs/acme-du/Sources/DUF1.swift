import APER
import F1AP

/// The F1AP messages the acme DU sends, built from its configuration.
struct DUF1 {
    let config: DUConfig
    let name: String
    let prbs: Int
    let numerology: Int

    var cgi: NRCGI { NRCGI(pLMNIdentity: OctetString(config.plmn), nRCellIdentity: BitString(value: config.cellID, length: 36)) }

    func setupRequest(transaction: Int64) -> F1APPDU {
        let scs: NRSCS = numerology == 0 ? .scs15 : numerology == 1 ? .scs30 : numerology == 2 ? .scs60 : .scs120
        let nrb = NRNRB.allCases.first { "\($0)" == "nrb\(prbs)" } ?? .nrb106
        let band = FreqBandNrItem(freqBandIndicatorNr: config.tdd == nil ? 3 : 78, supportedSULBandList: [])
        let bw = TransmissionBandwidth(nRSCS: scs, nRNRB: nrb)
        let mode: NRModeInfo = config.tdd == nil
            ? .fDD(FDDInfo(uLNRFreqInfo: NRFreqInfo(nRARFCN: 345_000, freqBandListNr: [band]), dLNRFreqInfo: NRFreqInfo(nRARFCN: 364_000, freqBandListNr: [band]),
                           uLTransmissionBandwidth: bw, dLTransmissionBandwidth: bw))
            : .tDD(TDDInfo(nRFreqInfo: NRFreqInfo(nRARFCN: 632_628, freqBandListNr: [band]), transmissionBandwidth: bw))
        let cell = ServedCellInformation(nRCGI: cgi, nRPCI: config.pci, fiveGSTAC: OctetString(config.tac),
                                         servedPLMNs: [ServedPLMNsItem(pLMNIdentity: OctetString(config.plmn))], nRModeInfo: mode,
                                         measurementTimingConfiguration: [0x00])  // MeasurementTimingConfiguration, c1 measTimingConf, no options (UPER, checked with pycrate)
        return F1APPDU(F1SetupRequest(transactionID: transaction, gNBDUID: config.duID, gNBDUName: name,
                                      gNBDUServedCellsList: [GNBDUServedCellsItem(servedCellInformation: cell)],
                                      gnbDURRCVersion: RRCVersion(latestRRCVersion: BitString(value: 0b111, length: 3))))
    }

    func initialUL(ue: DUUE, rrc: [UInt8], cellGroup: [UInt8]) -> F1APPDU {
        F1APPDU(InitialULRRCMessageTransfer(gNBDUUEF1APID: ue.duF1ID, nrcgi: cgi, cRNTI: Int64(ue.rnti), rrcContainer: OctetString(rrc),
                                            dUtoCURRCContainer: OctetString(cellGroup), transactionID: 0))
    }

    func ulRRC(ue: DUUE, srb: Int64, rrc: [UInt8]) -> F1APPDU {
        F1APPDU(ULRRCMessageTransfer(gNBCUUEF1APID: ue.cuF1ID ?? 0, gNBDUUEF1APID: ue.duF1ID, srbid: srb, rrcContainer: OctetString(rrc)))
    }

    func contextSetupResponse(ue: DUUE, cellGroup: [UInt8]) -> F1APPDU {
        let teid = withUnsafeBytes(of: ue.dlTEID.bigEndian) { Array($0) }
        let tnl = UPTransportLayerInformation.gTPTunnel(GTPTunnel(transportLayerAddress: BitString(bytes: [127, 0, 0, 1], length: 32), gTPTEID: OctetString(teid)))
        return F1APPDU(UEContextSetupResponse(gNBCUUEF1APID: ue.cuF1ID ?? 0, gNBDUUEF1APID: ue.duF1ID,
                                              dUtoCURRCInformation: DUtoCURRCInformation(cellGroupConfig: OctetString(cellGroup)),
                                              cRNTI: Int64(ue.rnti),
                                              drbsSetupList: [DRBsSetupItem(dRBID: 1, lCID: 4, dLUPTNLInformationToBeSetupList: [DLUPTNLInformationToBeSetupItem(dLUPTNLInformation: tnl)])],
                                              srbsSetupList: [SRBsSetupItem(sRBID: 1, lCID: 1)]))
    }

    func releaseComplete(ue: DUUE) -> F1APPDU {
        F1APPDU(UEContextReleaseComplete(gNBCUUEF1APID: ue.cuF1ID ?? 0, gNBDUUEF1APID: ue.duF1ID))
    }
}
