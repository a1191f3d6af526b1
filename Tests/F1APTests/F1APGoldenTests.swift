import APER
import Foundation
import Testing

@testable import F1AP

/// Golden bytes: `golden-f1ap.txt` holds the encoding of every sample; each was checked with
/// pycrate's F1AP module (decode, re-encode to the same bytes, no unknown values:
/// `scripts/check_pdus.py` → `check_f1ap`). To regenerate after changing a sample:
/// `ranlab pdu samples --out DIR --protocol f1ap`, `python3 scripts/check_pdus.py DIR`, then one
/// `<name> <hex>` line per DIR/f1ap file.
@Suite("F1AP golden bytes and round trips")
struct F1APGoldenTests {
    static let golden: [String: [UInt8]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden-f1ap.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var table: [String: [UInt8]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let bytes = OctetString(hex: String(parts[1]))?.bytes { table[String(parts[0])] = bytes }
        }
        return table
    }()

    @Test func everyMessageTypeHasASample() {
        let names = Set(F1APSamples.all.map(\.name))
        for type in F1APMessage.bodyTypes {
            #expect(names.contains(type.name), "no sample for \(type.name)")
        }
        #expect(F1APMessage.bodyTypes.count == 20)
    }

    @Test(arguments: F1APSamples.all.map(\.name))
    func encodesToGoldenBytesAndBack(name: String) throws {
        let sample = try #require(F1APSamples.all.first { $0.name == name }).pdu
        let golden = try #require(Self.golden[name], "no golden bytes for \(name)")
        let bytes = try sample.aperBytes()
        #expect(hexString(bytes) == hexString(golden))
        let decoded = try F1APPDU(aperBytes: golden)
        #expect(decoded == sample)
        #expect(try decoded.aperBytes() == golden)
        #expect(decoded.message.name == (name.split(separator: "-").first.map(String.init) ?? name))
    }

    @Test func jsonRoundTripsEverySample() throws {
        for (name, pdu) in F1APSamples.all {
            let json = try JSONEncoder().encode(pdu)
            let back = try JSONDecoder().decode(F1APPDU.self, from: json)
            #expect(back == pdu, "\(name)")
        }
    }

    @Test func procedureCodesAndCriticalitiesAreThoseOfTheSpecification() throws {
        // F1AP-PDU-Descriptions: F1Setup 1 reject, UEContextSetup 5 reject, InitialULRRCMessageTransfer 11 ignore
        let setup = try F1APPDU(aperBytes: try #require(Self.golden["F1SetupRequest"]))
        #expect(setup.message.procedureCode == 1 && setup.criticality == .reject)
        let initial = try F1APPDU(aperBytes: try #require(Self.golden["InitialULRRCMessageTransfer"]))
        #expect(initial.message.procedureCode == 11 && initial.criticality == .ignore)
        #expect(F1APProcedure.uEContextSetup.code == 5)
    }

    @Test func servedCellsDRBsAndExtensionsSurviveTheTrip() throws {
        let setup = try F1APPDU(aperBytes: try #require(Self.golden["F1SetupRequest"]))
        guard case let .f1SetupRequest(req) = setup.message else { Issue.record("not an F1SetupRequest"); return }
        let cells = try #require(req.gNBDUServedCellsList)
        #expect(cells.count == 2)
        #expect(cells[0].servedCellInformation.nRCGI.nRCellIdentity.value == 0x0_0012_3401)
        #expect(cells[0].gNBDUSystemInformation?.mIBMessage == [0x01, 0xC5, 0x04])
        guard case let .tDD(tdd) = cells[0].servedCellInformation.nRModeInfo else { Issue.record("not TDD"); return }
        #expect(tdd.nRFreqInfo.nRARFCN == 632_628 && tdd.transmissionBandwidth.nRNRB == .nrb106)
        #expect(cells[0].servedCellInformation.servedPLMNs[0].iEExtensions == [F1APRawField(id: 131, criticality: .ignore, value: [0x00, 0x01, 0x40, 0x20, 0x00, 0x00, 0x01, 0x00, 0x40])])
        let ue = try F1APPDU(aperBytes: try #require(Self.golden["UEContextSetupRequest"]))
        guard case let .ueContextSetupRequest(ctx) = ue.message else { Issue.record("not a UEContextSetupRequest"); return }
        let drbs = try #require(ctx.drbsToBeSetupList)
        guard case let .drbInformation(info) = drbs[0].qoSInformation, case let .gTPTunnel(tunnel) = drbs[0].uLUPTNLInformationToBeSetupList[0].uLUPTNLInformation else {
            Issue.record("DRB 1 lost its DRB-Information or GTP tunnel"); return
        }
        #expect(info.sNSSAI.sD == [0x00, 0x00, 0x01] && tunnel.gTPTEID == [0x00, 0x00, 0x12, 0x34] && tunnel.transportLayerAddress.length == 32)
        #expect(drbs[1].rLCMode == .rlcUmBidirectional)
        #expect(ctx.srbsToBeSetupList?.map(\.sRBID) == [1, 2])
    }

    @Test func everyCauseValueRoundTrips() throws {
        var all: [Cause] = CauseRadioNetwork.allCases.map(Cause.radioNetwork) + CauseTransport.allCases.map(Cause.transport)
        all += CauseProtocol.allCases.map(Cause.protocol) + CauseMisc.allCases.map(Cause.misc)
        // counts as pycrate's F1AP has them (root + extension values)
        #expect(CauseRadioNetwork.allCases.count == 43 && CauseRadioNetwork.rootCount == 11)
        #expect(CauseTransport.allCases.count == 4 && CauseProtocol.allCases.count == 7 && CauseMisc.allCases.count == 5)
        for cause in all {
            let pdu = F1APPDU(ErrorIndication(transactionID: 1, cause: cause))
            let back = try F1APPDU(aperBytes: try pdu.aperBytes())
            guard case let .errorIndication(ind) = back.message else { Issue.record("not an ErrorIndication"); continue }
            #expect(ind.cause == cause)
        }
    }
}
