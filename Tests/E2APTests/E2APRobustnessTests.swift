import APER
import RadioModel
import Testing

@testable import E2AP

@Suite("E2AP decoding is total, and unknown or missing IEs are handled by criticality")
struct E2APRobustnessTests {
    /// Decodes and returns whether it was a value (true) or a typed error (false); anything else
    /// (a trap) would crash the test process.
    func outcome(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try E2APPDU(aperBytes: bytes)
            return true
        } catch is APERError {
            return false
        } catch {
            Issue.record("untyped error \(error)")
            return false
        }
    }

    @Test func everyTruncationAndByteMutationGivesAValueOrATypedError() throws {
        var decodes = 0, errors = 0
        for (_, pdu) in E2APSamples.all {
            let bytes = try pdu.aperBytes()
            for cut in 0..<bytes.count {
                if !outcome(Array(bytes[..<cut])) { errors += 1 }
                decodes += 1
            }
            for i in bytes.indices {
                for v: UInt8 in [bytes[i] ^ 0xFF, 0x00, 0xFF, bytes[i] ^ 0x01, bytes[i] ^ 0x80] where v != bytes[i] {
                    var m = bytes
                    m[i] = v
                    if !outcome(m) { errors += 1 }
                    decodes += 1
                }
            }
        }
        // truncations below the full length must fail somewhere; most must be typed errors
        #expect(decodes > 10_000)
        #expect(errors > decodes / 10)
    }

    @Test func randomInputNeverTraps() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<20_000 {
            let n = Int(rng.next() % 64)
            var bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            if n > 0 { bytes[0] &= 0x7F }  // mostly valid CHOICE index, to go deeper
            _ = outcome(bytes)
        }
    }

    /// A RICindication with one extra IE `id` of the given criticality appended.
    func indicationWithExtraIE(id: Int, criticality: Criticality, dropRequestID: Bool = false) throws -> [UInt8] {
        var e = APEREncoder()
        try e.encodeChoiceIndex(0, rootCount: 3, extensible: true)
        try e.encodeInteger(5, in: 0...255)
        try Criticality.ignore.encode(aper: &e)
        try e.encodeOpenType { e in
            try e.encodeIEContainer { e, n in
                if !dropRequestID {
                    try e.encodeIE(id: E2APIE.ricRequestID, criticality: .reject) { try RICrequestID(ricRequestorID: 1, ricInstanceID: 2).encode(aper: &$0) }
                    n += 1
                }
                try e.encodeIE(id: E2APIE.ranFunctionID, criticality: .reject) { try $0.encodeInteger(2, in: 0...4095) }
                try e.encodeIE(id: id, criticality: criticality) { try $0.encodeOctetString([1, 2, 3, 4]) }
                try e.encodeIE(id: E2APIE.ricActionID, criticality: .reject) { try $0.encodeInteger(1, in: 0...255) }
                try e.encodeIE(id: E2APIE.ricIndicationType, criticality: .reject) { try RICindicationType.report.encode(aper: &$0) }
                try e.encodeIE(id: E2APIE.ricIndicationHeader, criticality: .reject) { try $0.encodeOctetString([9]) }
                try e.encodeIE(id: E2APIE.ricIndicationMessage, criticality: .reject) { try $0.encodeOctetString([8, 7]) }
                n += 6
            }
        }
        return e.finished()
    }

    @Test func unknownIEWithCriticalityIgnoreIsSkipped() throws {
        for criticality in [Criticality.ignore, .notify] {
            let pdu = try E2APPDU(aperBytes: try indicationWithExtraIE(id: 9999, criticality: criticality))
            guard case let .ricIndication(ind) = pdu.message else { Issue.record("not a RICindication"); return }
            #expect(ind.ricActionID == 1 && ind.ricIndicationMessage == [8, 7])
        }
    }

    @Test func unknownIEWithCriticalityRejectIsATypedErrorNamingIt() throws {
        let bytes = try indicationWithExtraIE(id: 9999, criticality: .reject)
        do {
            _ = try E2APPDU(aperBytes: bytes)
            Issue.record("expected a rejection")
        } catch let error as APERError {
            #expect(error.kind == .unknownIERejected(id: 9999))
            #expect(error.path.contains("RICindication"))
            let diag = CriticalityDiagnostics(for: error, procedureCode: 5, triggeringMessage: .initiatingMessage, procedureCriticality: .ignore)
            #expect(diag.iEsCriticalityDiagnostics == [.init(iECriticality: .reject, iEID: 9999, typeOfError: .notUnderstood)])
            // and the answer encodes
            _ = try E2APPDU(ErrorIndication(cause: .protocol(.abstractSyntaxErrorReject), criticalityDiagnostics: diag)).aperBytes()
        }
    }

    @Test func missingMandatoryIEIsATypedErrorNamingIt() throws {
        let bytes = try indicationWithExtraIE(id: 9999, criticality: .ignore, dropRequestID: true)
        #expect {
            _ = try E2APPDU(aperBytes: bytes)
        } throws: { error in
            guard let e = error as? APERError else { return false }
            return e.kind == .missingIE(id: E2APIE.ricRequestID, name: "RICrequestID") && e.path.first == "RICindication"
        }
    }

    @Test func anUnmodelledProcedureIsKeptAsBytesAndForwardedUnchanged() throws {
        // RICquery (procedure 16) request: whatever its body, it round-trips untouched
        var e = APEREncoder()
        try e.encodeChoiceIndex(0, rootCount: 3, extensible: true)
        try e.encodeInteger(16, in: 0...255)
        try Criticality.reject.encode(aper: &e)
        try e.encodeOpenType { $0.writeOctets([0x00, 0x00, 0x00]) }
        let bytes = e.finished()
        let pdu = try E2APPDU(aperBytes: bytes)
        guard case let .unknown(u) = pdu.message else { Issue.record("expected unknown"); return }
        #expect(u.procedureCode == 16 && u.messageType == .initiatingMessage && u.value == [0, 0, 0])
        #expect(try pdu.aperBytes() == bytes)
    }

    @Test func encodingRefusesValuesOutsideTheirConstraints() {
        let bad = E2APPDU(RICsubscriptionDeleteRequest(ricRequestID: RICrequestID(ricRequestorID: 70000, ricInstanceID: 1), ranFunctionID: 2))
        #expect {
            _ = try bad.aperBytes()
        } throws: { error in
            (error as? APERError)?.path.contains("ricRequestorID") == true
        }
        let badFunction = E2APPDU(RICsubscriptionDeleteRequest(ricRequestID: RICrequestID(ricRequestorID: 1, ricInstanceID: 1), ranFunctionID: 5000))
        #expect(throws: APERError.self) { _ = try badFunction.aperBytes() }
    }
}


@Suite("Findings of the E2AP fuzzer, kept as regressions")
struct E2APFuzzRegressionTests {
    /// RICserviceUpdateAcknowledge whose RANfunctionsIDcause-List holds one item with an unknown IE
    /// id (4103, criticality ignore): skipping it left an empty list, which decoded to a value that
    /// could not be encoded again (SIZE(1..256)). Found by scripts/fuzz.sh e2ap in 267 executions.
    @Test func listWhoseOnlyItemIsUnknownIsATypedError() throws {
        let bytes = try #require(OctetString(hex: "2007002d0000030031000200050009001301000640050000020003000640050000030001000d0009001007400400000712").map { $0.bytes })
        #expect {
            _ = try E2APPDU(aperBytes: bytes)
        } throws: { error in
            guard let e = error as? APERError, case .invalidLength = e.kind else { return false }
            return e.path.contains("RANfunctionsIDcause-List")
        }
    }
}

@Suite("Answering a PDU that does not decode")
struct E2APErrorAnswerTests {
    @Test func headerAndIdentifyingIEsSurviveABrokenBody() throws {
        // a RICindication whose extra IE 9999 is sent with criticality reject: the body fails,
        // the header, the RICrequestID and an ErrorIndication naming IE 9999 do not
        let bytes = try E2APRobustnessTests().indicationWithExtraIE(id: 9999, criticality: .reject)
        var failure: APERError?
        do { _ = try E2APPDU(aperBytes: bytes) } catch let e as APERError { failure = e }
        let error = try #require(failure)
        let header = try E2APPDUHeader(aperBytes: bytes)
        #expect(header.messageType == .initiatingMessage && header.procedureCode == 5 && header.criticality == .ignore)
        #expect(header.ricRequestID == RICrequestID(ricRequestorID: 1, ricInstanceID: 2))
        let answer = header.errorIndication(for: error)
        #expect(answer.cause == .protocol(.abstractSyntaxErrorReject))
        #expect(answer.ricRequestID == header.ricRequestID)
        #expect(answer.criticalityDiagnostics?.procedureCode == 5)
        #expect(answer.criticalityDiagnostics?.iEsCriticalityDiagnostics == [.init(iECriticality: .reject, iEID: 9999, typeOfError: .notUnderstood)])
        // and the answer itself is a valid PDU
        let answerPDU = try E2APPDU(aperBytes: try E2APPDU(answer).aperBytes())
        guard case .errorIndication = answerPDU.message else { Issue.record("not an ErrorIndication"); return }
    }

    @Test func truncatedBodyStillGivesTheTransaction() throws {
        let bytes = try E2APPDU(ResetRequest(transactionID: 77, cause: .misc(.omIntervention))).aperBytes()
        let cut = Array(bytes.dropLast(1))
        #expect(throws: APERError.self) { _ = try E2APPDU(aperBytes: cut) }
        let header = try E2APPDUHeader(aperBytes: cut)
        #expect(header.procedureCode == 3 && header.transactionID == 77)
        #expect(throws: APERError.self) { _ = try E2APPDUHeader(aperBytes: [0xFF]) }
    }
}
