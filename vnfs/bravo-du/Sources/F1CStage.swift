import APER
import Bus
import F1AP

/// F1-C: bravo's F1 Setup Request, the CU's UE-associated messages turned into `Downstream`
/// events for the MAC stage, and the MAC stage's `Upstream` events turned into F1AP.
struct F1CStage {
    /// What the CU asked for, by gNB-DU UE F1AP ID.
    enum Downstream {
        case dlRRC(duID: Int64, cuID: Int64, srb: Int64, rrc: [UInt8])
        case contextSetup(duID: Int64, cuID: Int64, ulTEID: UInt32?, rrc: [UInt8]?)
        case contextRelease(duID: Int64, cuID: Int64, rrc: [UInt8]?)
    }

    /// F1AP rides on SCTP stream 0 with PPID 62 (TS 38.472).
    static let info = MessageInfo(stream: 0, ppid: 62)

    let settings: BravoSettings
    let node: String
    let prbs: Int
    let numerology: Int

    var cgi: NRCGI { NRCGI(pLMNIdentity: OctetString(settings.plmn), nRCellIdentity: BitString(value: settings.cellID, length: 36)) }

    /// F1 Setup Request: gNB-DU name = node name (the CU maps the association to its topology link
    /// by it). bravo declares one cell on band n1 (FDD, 2140/1950 MHz) or n78 (TDD), two served
    /// PLMNs, a MeasurementTimingConfiguration of its own (valid RRC UPER: SSB at the DL carrier,
    /// 15 kHz (FDD) or 30 kHz (TDD), every 20 ms, 2 ms window) and no gNB-DU System Information.
    func setupRequest(transaction: Int64) -> F1APPDU {
        let scs: NRSCS = [.scs15, .scs30, .scs60, .scs120][min(numerology, 3)]
        let bw = TransmissionBandwidth(nRSCS: scs, nRNRB: NRNRB(rawValue: "nrb\(prbs)") ?? .nrb106)
        let mode: NRModeInfo
        if settings.tdd == nil {
            let band = [FreqBandNrItem(freqBandIndicatorNr: 1, supportedSULBandList: [])]
            mode = .fDD(FDDInfo(uLNRFreqInfo: NRFreqInfo(nRARFCN: 390_000, freqBandListNr: band),
                                dLNRFreqInfo: NRFreqInfo(nRARFCN: 428_000, freqBandListNr: band),
                                uLTransmissionBandwidth: bw, dLTransmissionBandwidth: bw))
        } else {
            let band = [FreqBandNrItem(freqBandIndicatorNr: 78, supportedSULBandList: [])]
            mode = .tDD(TDDInfo(nRFreqInfo: NRFreqInfo(nRARFCN: 636_666, freqBandListNr: band), transmissionBandwidth: bw))
        }
        var plmns = [ServedPLMNsItem(pLMNIdentity: OctetString(settings.plmn))]
        if settings.secondaryPLMN != settings.plmn { plmns.append(ServedPLMNsItem(pLMNIdentity: OctetString(settings.secondaryPLMN))) }
        let mtc: [UInt8] = settings.tdd == nil ? [0x10, 0x10, 0xD0, 0xFC, 0x01, 0x00, 0x80] : [0x10, 0x11, 0x36, 0xDF, 0x45, 0x00, 0x80]
        let cell = ServedCellInformation(nRCGI: cgi, nRPCI: settings.pci, fiveGSTAC: OctetString([0x00, 0x00, 0x07]), servedPLMNs: plmns,
                                         nRModeInfo: mode, measurementTimingConfiguration: OctetString(mtc))
        return F1APPDU(F1SetupRequest(transactionID: transaction, gNBDUID: settings.duID, gNBDUName: node,
                                      gNBDUServedCellsList: [GNBDUServedCellsItem(servedCellInformation: cell)],
                                      gnbDURRCVersion: RRCVersion(latestRRCVersion: BitString(value: 0b110, length: 3))))
    }

    /// The event an F1AP message from the CU means; nil for messages bravo does not act on.
    /// Throws when the bytes are not F1AP.
    func decode(_ bytes: [UInt8]) throws -> Downstream? {
        switch try F1APPDU(aperBytes: bytes).message {
        case .dlRRCMessageTransfer(let m):
            return .dlRRC(duID: m.gNBDUUEF1APID, cuID: m.gNBCUUEF1APID, srb: m.srbid, rrc: m.rrcContainer.bytes)
        case .ueContextSetupRequest(let m):
            guard let duID = m.gNBDUUEF1APID else { return nil }
            let drbs = m.drbsToBeSetupList ?? []
            var teid: UInt32?
            if let drb = drbs.first(where: { $0.dRBID == 1 }) ?? drbs.first,
               case .gTPTunnel(let t)? = drb.uLUPTNLInformationToBeSetupList.first?.uLUPTNLInformation, t.gTPTEID.bytes.count == 4 {
                teid = t.gTPTEID.bytes.reduce(0) { $0 << 8 | UInt32($1) }
            }
            return .contextSetup(duID: duID, cuID: m.gNBCUUEF1APID, ulTEID: teid, rrc: m.rrcContainer?.bytes)
        case .ueContextReleaseCommand(let m):
            return .contextRelease(duID: m.gNBDUUEF1APID, cuID: m.gNBCUUEF1APID, rrc: m.rrcContainer?.bytes)
        default:
            return nil
        }
    }

    /// The F1AP message for a MAC-stage event; nil for F1-U events.
    func encode(_ event: MACStage.Upstream) -> F1APPDU? {
        switch event {
        case let .initialUL(duID, rnti, rrc):
            return F1APPDU(InitialULRRCMessageTransfer(gNBDUUEF1APID: duID, nrcgi: cgi, cRNTI: Int64(rnti), rrcContainer: OctetString(rrc),
                                                       dUtoCURRCContainer: OctetString(MACStage.cellGroupConfig), transactionID: 0))
        case let .ulRRC(cuID, duID, srb, rrc):
            return F1APPDU(ULRRCMessageTransfer(gNBCUUEF1APID: cuID, gNBDUUEF1APID: duID, srbid: srb, rrcContainer: OctetString(rrc)))
        case let .contextSetupResponse(cuID, duID, rnti, dlTEID):
            let teid = (0..<4).map { UInt8(truncatingIfNeeded: dlTEID >> (24 - 8 * $0)) }
            let tunnel = GTPTunnel(transportLayerAddress: BitString(bytes: [127, 0, 0, 1], length: 32), gTPTEID: OctetString(teid))
            return F1APPDU(UEContextSetupResponse(
                gNBCUUEF1APID: cuID, gNBDUUEF1APID: duID,
                dUtoCURRCInformation: DUtoCURRCInformation(cellGroupConfig: OctetString(MACStage.cellGroupConfig)),
                cRNTI: Int64(rnti),
                drbsSetupList: [DRBsSetupItem(dRBID: 1, lCID: 4, dLUPTNLInformationToBeSetupList: [DLUPTNLInformationToBeSetupItem(dLUPTNLInformation: .gTPTunnel(tunnel))])],
                srbsSetupList: [SRBsSetupItem(sRBID: 1, lCID: 1)]))
        case let .releaseComplete(cuID, duID):
            return F1APPDU(UEContextReleaseComplete(gNBCUUEF1APID: cuID, gNBDUUEF1APID: duID))
        case .ulData, .deliveryStatus:
            return nil
        }
    }
}
