import APER
import Foundation
import Testing

@testable import E2AP

/// Golden bytes: `golden-e2ap.txt` holds the encoding of every sample; each was checked by
/// pycrate's E2AP module (decode + re-encode gives the same bytes, `scripts/check_e2ap_pycrate.py`).
@Suite("E2AP golden bytes and round trips")
struct E2APGoldenTests {
    static let golden: [String: [UInt8]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden-e2ap.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var table: [String: [UInt8]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let bytes = OctetString(hex: String(parts[1]))?.bytes { table[String(parts[0])] = bytes }
        }
        return table
    }()

    @Test func everyMessageTypeHasASample() {
        let names = Set(E2APSamples.all.map(\.name))
        for type in E2APMessage.bodyTypes {
            #expect(names.contains(type.name), "no sample for \(type.name)")
        }
        #expect(E2APMessage.bodyTypes.count == 26)
    }

    @Test(arguments: E2APSamples.all.map(\.name))
    func encodesToGoldenBytesAndBack(name: String) throws {
        let sample = try #require(E2APSamples.all.first { $0.name == name }).pdu
        let golden = try #require(Self.golden[name], "no golden bytes for \(name)")
        let bytes = try sample.aperBytes()
        #expect(hexString(bytes) == hexString(golden))
        let decoded = try E2APPDU(aperBytes: golden)
        #expect(decoded == sample)
        #expect(decoded.message.name.hasPrefix(name.split(separator: "-").first.map(String.init) ?? name))
    }

    @Test func jsonRoundTripsEverySample() throws {
        for (name, pdu) in E2APSamples.all {
            let json = try JSONEncoder().encode(pdu)
            let back = try JSONDecoder().decode(E2APPDU.self, from: json)
            #expect(back == pdu, "\(name)")
        }
    }

    @Test func everyCauseValueRoundTrips() throws {
        #expect(Cause.allValues.count == 20 + 3 + 1 + 2 + 7 + 4)
        for cause in Cause.allValues {
            let pdu = E2APPDU(ErrorIndication(transactionID: 1, cause: cause))
            let back = try E2APPDU(aperBytes: try pdu.aperBytes())
            guard case let .errorIndication(ind) = back.message else { Issue.record("not an ErrorIndication"); continue }
            #expect(ind.cause == cause)
        }
        // the extension values are encoded as extensions (first bit of the enumeration set)
        var e = APEREncoder()
        try Cause.ricRequest(.invalidInformationRequest).encode(aper: &e)
        var d = APERDecoder(e.finished())
        #expect(try d.readBits(4) == 0b0000)  // choice: ext 0, index 0 in 3 bits
        #expect(try d.readBit() == true)      // enumeration extension bit
    }

    @Test func v3ExtensionsSurviveTheTrip() throws {
        let pdu = try #require(E2APSamples.all.first { $0.name == "RICsubscriptionRequest" }).pdu
        let back = try E2APPDU(aperBytes: try pdu.aperBytes())
        guard case let .ricSubscriptionRequest(req) = back.message else { Issue.record("wrong message"); return }
        #expect(req.ricSubscriptionDetails.ricActionToBeSetupList[0].ricActionExecutionOrder == 1)
        #expect(req.ricSubscriptionDetails.ricActionToBeSetupList[1].ricActionExecutionOrder == nil)
        #expect(req.ricSubscriptionStartTime?.count == 8)
    }
}
