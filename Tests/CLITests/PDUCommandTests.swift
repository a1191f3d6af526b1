import APER
import E2AP
import Foundation
import RanlabTestSupport
import Testing

/// `ranlab pdu` run as a real child process.
@Suite("ranlab pdu samples / decode / encode")
struct PDUCommandTests {
    @Test func samplesWritesOneFilePerMessageThatDecodesBackIdentically() throws {
        let dir = try TemporaryDirectory()
        let result = try RanlabBinary.run(["pdu", "samples", "--out", dir.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path("e2ap")).filter { $0.hasSuffix(".aper") }
        #expect(files.count == E2APSamples.all.count + E2APSamples.causes.count + 3)  // + the layered ones (real E2SM payloads inside)
        for layered in ["E2setupRequest-ranlabDU", "RICindication-KPM", "RICcontrolRequest-RCSliceQuota"] {
            #expect(files.contains(layered + ".aper"))
        }
        for type in E2APMessage.bodyTypes {
            #expect(files.contains(type.name + ".aper"), "missing \(type.name).aper")
        }
        // decode → JSON → encode gives the same bytes for every file
        for file in files {
            let path = dir.path("e2ap/" + file)
            let decoded = try RanlabBinary.run(["pdu", "decode", "--protocol", "e2ap", path])
            #expect(decoded.status == 0, "\(file): \(decoded.stderr)")
            let encoded = try RanlabBinary.run(["pdu", "encode", "--protocol", "e2ap", "-"], stdin: decoded.stdout)
            #expect(encoded.status == 0, "\(file): \(encoded.stderr)")
            #expect(encoded.stdout == (try Data(contentsOf: URL(fileURLWithPath: path))), "\(file) did not survive decode → encode")
        }
    }

    /// Every protocol's samples (E2SM payloads, F1AP, fronthaul frames) survive decode → JSON → encode;
    /// the message type comes from the file name, as a user would name them.
    @Test func everyProtocolsSamplesSurviveJSON() throws {
        let dir = try TemporaryDirectory()
        #expect(try RanlabBinary.run(["pdu", "samples", "--out", dir.url.path]).status == 0)
        let protocols = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        #expect(protocols == ["e2ap", "e2sm-kpm", "e2sm-rc", "ecpri", "f1ap"])
        for proto in protocols where proto != "e2ap" {
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path(proto)).sorted()
            #expect(!files.isEmpty)
            for file in files {
                let path = dir.path(proto + "/" + file)
                let decoded = try RanlabBinary.run(["pdu", "decode", "--protocol", proto, path])
                #expect(decoded.status == 0, "\(proto)/\(file): \(decoded.stderr)")
                let base = file.split(separator: ".").first.map(String.init) ?? file
                let json = dir.path(proto + "/" + base + ".json")
                try decoded.stdout.write(to: URL(fileURLWithPath: json))
                let encoded = try RanlabBinary.run(["pdu", "encode", "--protocol", proto, json])
                #expect(encoded.status == 0, "\(proto)/\(file): \(encoded.stderr)")
                #expect(encoded.stdout == (try Data(contentsOf: URL(fileURLWithPath: path))), "\(proto)/\(file) did not survive decode → encode")
            }
        }
    }

    @Test func decodePrintsJSONNamingTheMessage() throws {
        let pdu = E2APPDU(RICsubscriptionDeleteRequest(ricRequestID: RICrequestID(ricRequestorID: 77, ricInstanceID: 3), ranFunctionID: 9))
        let hex = hexString(try pdu.aperBytes())
        let result = try RanlabBinary.run(["pdu", "decode", "--protocol", "e2ap", "--hex", "-"], stdin: Data(hex.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let message = try #require(json["message"] as? [String: Any])
        let body = try #require(message["RICsubscriptionDeleteRequest"] as? [String: Any])
        #expect(body["ranFunctionID"] as? Int == 9)
        #expect((body["ricRequestID"] as? [String: Any])?["ricRequestorID"] as? Int == 77)
    }

    @Test func badInputExitsOneWithOneLineNamingFieldAndBitOffset() throws {
        let bytes = try E2APPDU(RICsubscriptionDeleteRequest(ricRequestID: RICrequestID(ricRequestorID: 77, ricInstanceID: 3), ranFunctionID: 9)).aperBytes()
        let truncated = hexString(bytes.prefix(bytes.count - 3))
        let result = try RanlabBinary.run(["pdu", "decode", "--protocol", "e2ap", "--hex", "-"], stdin: Data(truncated.utf8))
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("RICsubscriptionDeleteRequest"))
        #expect(result.stderr.contains("bit offset"))
        // not hex at all
        let notHex = try RanlabBinary.run(["pdu", "decode", "--protocol", "e2ap", "--hex", "-"], stdin: Data("zz".utf8))
        #expect(notHex.status == 1 && notHex.stderr.hasPrefix("error:"))
        // trailing garbage after a valid PDU
        let trailing = try RanlabBinary.run(["pdu", "decode", "--protocol", "e2ap", "--hex", "-"], stdin: Data((hexString(bytes) + "0000").utf8))
        #expect(trailing.status == 1 && trailing.stderr.contains("after the end"))
    }

    @Test func encodeReportsBadJSONAndOutOfRangeValues() throws {
        let outOfRange = #"{"message":{"RICsubscriptionDeleteRequest":{"ricRequestID":{"ricRequestorID":70000,"ricInstanceID":1},"ranFunctionID":2}}}"#
        let r1 = try RanlabBinary.run(["pdu", "encode", "--protocol", "e2ap", "-"], stdin: Data(outOfRange.utf8))
        #expect(r1.status == 1)
        #expect(r1.stderr.contains("ricRequestorID") && r1.stderr.contains("70000"))
        let unknownMessage = #"{"message":{"RICfrobnicate":{}}}"#
        let r2 = try RanlabBinary.run(["pdu", "encode", "--protocol", "e2ap", "-"], stdin: Data(unknownMessage.utf8))
        #expect(r2.status == 1 && r2.stderr.contains("RICfrobnicate"))
        let missingKey = #"{"message":{"RICsubscriptionDeleteRequest":{"ranFunctionID":2}}}"#
        let r3 = try RanlabBinary.run(["pdu", "encode", "--protocol", "e2ap", "-"], stdin: Data(missingKey.utf8))
        #expect(r3.status == 1 && r3.stderr.contains("ricRequestID"))
        let unknownProtocol = try RanlabBinary.run(["pdu", "decode", "--protocol", "x2ap", "-"], stdin: Data())
        #expect(unknownProtocol.status == 1 && unknownProtocol.stderr.contains("e2ap"))
    }
}
