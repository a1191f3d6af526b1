import APER
import E2SMCommon

/// Sample values of E2SM-COMMON-IEs types: every UEID alternative (with optional components and the
/// `globalNG-RANNode-ID` extension addition), both CGI alternatives, and the node/interface ids.
enum CommonSamples {
    static let plmn = PLMNIdentity([0x00, 0xF1, 0x10])
    static let plmn2 = PLMNIdentity([0x13, 0xF0, 0x84])
    static let guami = GUAMI(pLMNIdentity: plmn, aMFRegionID: AMFRegionID(bits: 0x80), aMFSetID: AMFSetID(bits: 0x3C1), aMFPointer: AMFPointer(bits: 0x15))
    static let gummei = GUMMEI(pLMNIdentity: plmn2, mMEGroupID: MMEGroupID([0x80, 0x01]), mMECode: MMECode([0x1A]))
    static let globalGNB = GlobalGNBID(pLMNIdentity: plmn, gNBID: .gNBID(BitString(value: 0x3A5C1, length: 22)))
    static let globalGNB32 = GlobalGNBID(pLMNIdentity: plmn2, gNBID: .gNBID(BitString(value: 0xDEADBEEF, length: 32)))
    static let globalNgENB = GlobalNgENBID(pLMNIdentity: plmn, ngENBID: .longMacroNgENBID(BitString(value: 0x1ABCDE, length: 21)))
    static let globalENB = GlobalENBID(pLMNIdentity: plmn2, eNBID: .macroENBID(BitString(value: 0xE0A1F, length: 20)))
    static let globalENBExt = GlobalENBID(pLMNIdentity: plmn, eNBID: .shortMacroENBID(BitString(value: 0x2A5A5, length: 18)))
    static let ranUEID = RANUEID([1, 2, 3, 4, 5, 6, 7, 8])

    static let ueidGNBFull = UEID.gNBUEID(UEIDGNB(
        amfUENGAPID: 1_099_511_627_775, guami: guami,
        gNBCUUEF1APIDList: [UEIDGNBCUCPF1APIDItem(gNBCUUEF1APID: 0), UEIDGNBCUCPF1APIDItem(gNBCUUEF1APID: 4_294_967_295)],
        gNBCUCPUEE1APIDList: [UEIDGNBCUCPE1APIDItem(gNBCUCPUEE1APID: 77)],
        ranUEID: ranUEID, mNGRANUEXnAPID: 123_456, globalGNBID: globalGNB,
        globalNGRANNodeID: .ngENB(globalNgENB)))
    static let ueidGNBMinimal = UEID.gNBUEID(UEIDGNB(amfUENGAPID: 42, guami: guami))

    static let ueids: [(String, UEID)] = [
        ("gNB-full", ueidGNBFull),
        ("gNB-minimal", ueidGNBMinimal),
        ("gNB-DU", .gNBDUUEID(UEIDGNBDU(gNBCUUEF1APID: 65_536, ranUEID: ranUEID))),
        ("gNB-CU-UP", .gNBCUUPUEID(UEIDGNBCUUP(gNBCUCPUEE1APID: 3))),
        ("ng-eNB", .ngENBUEID(UEIDNGENB(amfUENGAPID: 300, guami: guami, ngENBCUUEW1APID: 9, mNGRANUEXnAPID: 10,
                                          globalNgENBID: globalNgENB, globalNGRANNodeID: .gNB(globalGNB32)))),
        ("ng-eNB-DU", .ngENBDUUEID(UEIDNGENBDU(ngENBCUUEW1APID: 4_000_000_000))),
        ("en-gNB", .enGNBUEID(UEIDENGNB(mENBUEX2APID: 4095, mENBUEX2APIDExtension: 5000, globalENBID: globalENB,
                                          gNBCUUEF1APID: 17, gNBCUCPUEE1APIDList: [UEIDGNBCUCPE1APIDItem(gNBCUCPUEE1APID: 1), UEIDGNBCUCPE1APIDItem(gNBCUCPUEE1APID: 2)],
                                          ranUEID: ranUEID))),
        ("eNB", .eNBUEID(UEIDENB(mMEUES1APID: 1_000_000, gUMMEI: gummei, mENBUEX2APID: 12, mENBUEX2APIDExtension: 34, globalENBID: globalENBExt))),
    ]

    static let nrCGI = CGI.nRCGI(NRCGI(pLMNIdentity: plmn, nRCellIdentity: NRCellIdentity(bits: 0x0_1234_5678)))
    static let eutraCGI = CGI.eUTRACGI(EUTRACGI(pLMNIdentity: plmn2, eUTRACellIdentity: EUTRACellIdentity(bits: 0xABCDEF1)))

    /// (sample key, ASN.1 type name, value)
    static var all: [(key: String, asn1Type: String, value: any APERValue)] {
        var out: [(key: String, asn1Type: String, value: any APERValue)] = []
        for (name, ueid) in ueids { out.append(("UEID/\(name)", "UEID", ueid)) }
        out.append(("CGI/nR-CGI", "CGI", nrCGI))
        out.append(("CGI/eUTRA-CGI", "CGI", eutraCGI))
        let interfaces: [(String, InterfaceIdentifier)] = [
            ("nG", .nG(InterfaceIDNG(guami: guami))),
            ("xN", .xN(InterfaceIDXn(globalNGRANID: .gNB(globalGNB)))),
            ("f1", .f1(InterfaceIDF1(globalGNBID: globalGNB32, gNBDUID: 68_719_476_735))),
            ("e1", .e1(InterfaceIDE1(globalGNBID: globalGNB, gNBCUUPID: 5))),
            ("s1", .s1(InterfaceIDS1(gUMMEI: gummei))),
            ("x2", .x2(InterfaceIDX2(nodeType: .globalEnGNBID(GlobalenGNBID(pLMNIdentity: plmn, enGNBID: .enGNBID(BitString(value: 0x1FFFFF, length: 25))))))),
            ("w1", .w1(InterfaceIDW1(globalNgENBID: globalNgENB, ngENBDUID: 1))),
        ]
        for (name, value) in interfaces { out.append(("InterfaceIdentifier/\(name)", "InterfaceIdentifier", value)) }
        out.append(("RRC-MessageID/nR", "RRC-MessageID", RRCMessageID(rrcType: .nR(.uLDCCH), messageID: -5)))
        out.append(("RRC-MessageID/lTE", "RRC-MessageID", RRCMessageID(rrcType: .lTE(.sCMCCH), messageID: 70_000)))
        out.append(("Interface-MessageID", "Interface-MessageID", InterfaceMessageID(interfaceProcedureID: 21, messageType: .unsuccessfulOutcome)))
        out.append(("ServingCell-ARFCN/nR", "ServingCell-ARFCN", ServingCellARFCN.nR(NRARFCN(nRARFCN: 3_279_165))))
        out.append(("ServingCell-PCI/eUTRA", "ServingCell-PCI", ServingCellPCI.eUTRA(503)))
        out.append(("NRFrequencyInfo", "NRFrequencyInfo", NRFrequencyInfo(
            nrARFCN: NRARFCN(nRARFCN: 632_628),
            frequencyBandList: [NRFrequencyBandItem(freqBandIndicatorNr: 78, supportedSULBandList: []),
                                NRFrequencyBandItem(freqBandIndicatorNr: 1024, supportedSULBandList: [SupportedSULFreqBandItem(freqBandIndicatorNr: 80)])],
            frequencyShift7p5khz: .true)))
        out.append(("S-NSSAI", "S-NSSAI", SNSSAI(sST: SST([1]), sD: SD([0x00, 0x00, 0x2A]))))
        out.append(("RANfunction-Name", "RANfunction-Name", RANfunctionName(ranFunctionShortName: "ORAN-E2SM-KPM", ranFunctionE2SMOID: "1.3.6.1.4.1.53148.1.3.2.2", ranFunctionDescription: "KPM Monitor", ranFunctionInstance: -1)))
        out.append(("GroupID", "GroupID", GroupID.ePC(255)))
        out.append(("QoSID", "QoSID", QoSID.fiveGC(300)))
        out.append(("CoreCPID", "CoreCPID", CoreCPID.ePC(gummei)))
        return out
    }
}
