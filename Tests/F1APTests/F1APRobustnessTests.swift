import APER
import Testing

@testable import F1AP

@Suite("F1AP decoding is total, and unknown or missing IEs are handled by criticality")
struct F1APRobustnessTests {
    /// Decodes and returns whether it was a value (true) or a typed error (false); anything else
    /// (a trap) would crash the test process.
    func outcome(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try F1APPDU(aperBytes: bytes)
            return true
        } catch is APERError {
            return false
        } catch {
            Issue.record("untyped error \(error)")
            return false
        }
    }

    @Test func everyTruncationAndByteMutationGivesAValueOrATypedError() throws {
        var decodes = 0, errors = 0, truncationErrors = 0, truncations = 0
        for (_, pdu) in F1APSamples.all {
            let bytes = try pdu.aperBytes()
            for cut in 0..<bytes.count {
                if !outcome(Array(bytes[..<cut])) { errors += 1; truncationErrors += 1 }
                decodes += 1
                truncations += 1
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
        #expect(decodes > 5_000)
        // a cut PDU lacks octets its length determinants announce: every truncation is an error
        #expect(truncationErrors == truncations)
        #expect(errors > decodes / 10)
    }

    @Test func randomInputNeverTraps() {
        var state: UInt64 = 42
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for _ in 0..<20_000 {
            let n = Int(next() % 64)
            var bytes = (0..<n).map { _ in UInt8(truncatingIfNeeded: next()) }
            if n > 0 { bytes[0] &= 0x7F }
            _ = outcome(bytes)
        }
    }

    /// A UEContextReleaseRequest with one extra IE `id` of the given criticality in the middle.
    func releaseRequestWithExtraIE(id: Int, criticality: Criticality, dropCause: Bool = false) throws -> [UInt8] {
        var e = APEREncoder()
        try e.encodeChoiceIndex(0, rootCount: 4)
        e.encodeSequencePreamble(extensible: false)
        try e.encodeInteger(10, in: 0...255)
        try Criticality.ignore.encode(aper: &e)
        try e.encodeOpenType { e in
            try e.encodeIEContainer { e, n in
                try e.encodeIE(id: F1APIE.gNBCUUEF1APID, criticality: .reject) { try $0.encodeInteger(70_000, in: 0...4_294_967_295) }
                try e.encodeIE(id: id, criticality: criticality) { try $0.encodeOctetString([1, 2, 3, 4]) }
                try e.encodeIE(id: F1APIE.gNBDUUEF1APID, criticality: .reject) { try $0.encodeInteger(7, in: 0...4_294_967_295) }
                n += 3
                if !dropCause {
                    try e.encodeIE(id: F1APIE.cause, criticality: .ignore) { try Cause.radioNetwork(.rlFailureRlc).encode(aper: &$0) }
                    n += 1
                }
            }
        }
        return e.finished()
    }

    @Test func theHandBuiltMessageIsTheSampleWithoutTheExtraIE() throws {
        // guards the helper above: with a known id in the extra slot the message decodes as usual
        let pdu = try F1APPDU(aperBytes: try releaseRequestWithExtraIE(id: 9999, criticality: .ignore))
        #expect(pdu.message == .ueContextReleaseRequest(UEContextReleaseRequest(gNBCUUEF1APID: 70_000, gNBDUUEF1APID: 7, cause: .radioNetwork(.rlFailureRlc))))
    }

    @Test func unknownIEWithCriticalityIgnoreOrNotifyIsSkipped() throws {
        for criticality in [Criticality.ignore, .notify] {
            let pdu = try F1APPDU(aperBytes: try releaseRequestWithExtraIE(id: 9999, criticality: criticality))
            guard case let .ueContextReleaseRequest(req) = pdu.message else { Issue.record("not a UEContextReleaseRequest"); return }
            #expect(req.gNBDUUEF1APID == 7 && req.cause == .radioNetwork(.rlFailureRlc))
        }
    }

    @Test func unknownIEWithCriticalityRejectIsATypedErrorNamingIt() throws {
        let bytes = try releaseRequestWithExtraIE(id: 9999, criticality: .reject)
        #expect {
            _ = try F1APPDU(aperBytes: bytes)
        } throws: { error in
            guard let e = error as? APERError else { return false }
            return e.kind == .unknownIERejected(id: 9999) && e.path.contains("UEContextReleaseRequest")
        }
    }

    @Test func missingMandatoryIEIsATypedErrorNamingIt() throws {
        let bytes = try releaseRequestWithExtraIE(id: 9999, criticality: .ignore, dropCause: true)
        #expect {
            _ = try F1APPDU(aperBytes: bytes)
        } throws: { error in
            guard let e = error as? APERError else { return false }
            return e.kind == .missingIE(id: F1APIE.cause, name: "Cause") && e.path.first == "UEContextReleaseRequest"
        }
    }

    @Test func anUnmodelledProcedureIsKeptAsBytesAndForwardedUnchanged() throws {
        // Paging (procedure 18): whatever its body, it round-trips untouched
        var e = APEREncoder()
        try e.encodeChoiceIndex(0, rootCount: 4)
        e.encodeSequencePreamble(extensible: false)
        try e.encodeInteger(18, in: 0...255)
        try Criticality.ignore.encode(aper: &e)
        try e.encodeOpenType { $0.writeOctets([0x00, 0x00, 0x00]) }
        let bytes = e.finished()
        let pdu = try F1APPDU(aperBytes: bytes)
        guard case let .unknown(u) = pdu.message else { Issue.record("expected unknown"); return }
        #expect(u.procedureCode == 18 && u.messageType == .initiatingMessage && u.value == [0, 0, 0])
        #expect(try pdu.aperBytes() == bytes)
    }

    @Test func unknownChoiceExtensionIsKeptRaw() throws {
        // a QoSInformation choice extension with an IE id this version does not know stays raw
        let raw = F1APRawField(id: 4321, criticality: .ignore, value: [0xAA, 0xBB])
        let value = QoSInformation.choiceExtension(raw)
        let back = try QoSInformation(aperBytes: try value.aperBytes())
        #expect(back == value)
        // and the known one (id-DRB-Information, 164) decodes typed
        let sample = try #require(F1APSamples.all.first { $0.name == "UEContextSetupRequest" }).pdu
        guard case let .ueContextSetupRequest(req) = sample.message, let drb = req.drbsToBeSetupList?.first else { Issue.record("no DRB"); return }
        var e = APEREncoder()
        try drb.qoSInformation.encode(aper: &e)
        var d = APERDecoder(e.finished())
        #expect(try d.readBits(1) == 1)  // choice index 1: choice-extension
        try d.align()
        #expect(try d.readBits(16) == UInt64(F1APIE.drbInformation))
    }

    @Test func encodingRefusesValuesOutsideTheirConstraints() {
        let bad = F1APPDU(UEContextReleaseRequest(gNBCUUEF1APID: 1 << 33, gNBDUUEF1APID: 7, cause: .misc(.unspecified)))
        #expect {
            _ = try bad.aperBytes()
        } throws: { error in
            (error as? APERError)?.path.contains("gNB-CU-UE-F1AP-ID") == true
        }
        let badCell = NRCGI(pLMNIdentity: [0x00, 0xF1], nRCellIdentity: BitString(value: 1, length: 36))
        #expect(throws: APERError.self) { _ = try badCell.aperBytes() }
    }
}
