import GTPU
import XCTest

// Golden packets. Each hex string was written as the payload of a UDP datagram (port 2152 → 2152,
// IPv4, Ethernet) into a classic pcap with a small python3 writer and read back with
// `tshark -r file -V -O gtp,nrup` (TShark 4.0.17): the GTP flags, message type, length, TEID,
// sequence / N-PDU numbers and extension chain, and every NR-U (nrup.*) field listed in the comment
// next to each value, were shown as below, with no `_ws.malformed` or `_ws.expert` item.
enum Golden {
    /// G-PDU, S=1: TEID 0x12345678, sequence 0x0102 (258), T-PDU deadbeef.
    static let plain = "32ff00081234567801020000deadbeef"
    /// G-PDU, E=1 S=1: TEID 0xcafebabe, seq 7, NR RAN container (length 5) DL USER DATA: DL Discard
    /// Blocks, DL Flush, Report Polling, Report Delivered, User Data Existence, Retransmission set;
    /// NR-U SN 658188; DL discard NR PDCP PDU SN 258; 1 block: start 512, size 5; DL report SN 768.
    static let userData = "36ff001ccafebabe0007008405070d0a0b0c0001020100020005000300000000deadbeef"
    /// G-PDU, E=1: TEID 0x1001, NR RAN container (length 2) DL USER DATA: only User Data Existence, NR-U SN 42.
    static let userDataMinimal = "34ff0010000010010000008402000400002a0000deadbeef"
    /// G-PDU, E=1 S=1, no T-PDU: TEID 0x2002, seq 9, NR RAN container (length 10) DL DATA DELIVERY
    /// STATUS: all indications but Delivered NR PDCP SN Range; final frame; buffer 1048576; data rate
    /// 2097152; lost NR-U SN ranges 10–12 and 20–25; highest delivered PDCP SN 273, transmitted 546;
    /// cause 1 (Radio Link Outage); highest delivered retransmitted 819, retransmitted 1092.
    static let deliveryStatus = "36ff002c00002002000900840a1f0f00100000002000000200000a00000c00001400001900011100022201000333000444000000"
    /// G-PDU, E=1: TEID 0x3003, NR RAN container (length 3) DDDS: Highest Transmitted Ind only,
    /// buffer 123456, highest transmitted NR PDCP SN 77.
    static let deliveryStatusMinimal = "34ff001000003003000000840318000001e24000004d0000"
    /// G-PDU, E=1 S=1 PN=1: TEID 0xffffffff, seq 65535, N-PDU 0x5a, PDCP PDU number header (0xc0,
    /// SN 4660) then NR RAN container DL USER DATA (Report Polling, NR-U SN 16777214), T-PDU deadbeef.
    static let chained = "37ff0014ffffffffffff5ac001123484020104fffffe0000deadbeef"
    /// Echo Request, S=1: TEID 0, seq 0x4242.
    static let echoRequest = "320100040000000042420000"
    /// End Marker: TEID 0xabcd, length 0.
    static let endMarker = "30fe00000000abcd"
    static let all = [plain, userData, userDataMinimal, deliveryStatus, deliveryStatusMinimal, chained, echoRequest, endMarker]
}

func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0 ..< $0 + 2], as: UTF8.self), radix: 16)! }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

func decode(_ input: [UInt8]) -> Result<GTPUPacket, GTPUError> {
    do throws(GTPUError) { return .success(try GTPUPacket(bytes: input)) } catch { return .failure(error) }
}

func decodeFrame(_ input: [UInt8]) -> Result<NRUPFrame, GTPUError> {
    do throws(GTPUError) { return .success(try NRUPFrame(bytes: input)) } catch { return .failure(error) }
}

func error<T>(_ result: Result<T, GTPUError>) -> GTPUError? {
    if case let .failure(e) = result { return e }
    return nil
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small deterministic generator for the fuzz loops.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
}

final class GTPUTests: XCTestCase {
    // MARK: golden bytes (checked with tshark, see `Golden`)

    func testGoldenPlainGPDU() throws {
        let p = try GTPUPacket.gpdu(teid: 0x1234_5678, sequence: 0x0102, payload: [0xDE, 0xAD, 0xBE, 0xEF])
        XCTAssertEqual(hex(p.encoded()), Golden.plain)
        let d = try GTPUPacket(bytes: bytes(Golden.plain))
        XCTAssertEqual(d, p)
        XCTAssertEqual(d.messageType, GTPUPacket.MessageType.gPDU)
        XCTAssertEqual(d.teid, 0x1234_5678)
        XCTAssertEqual(d.sequenceNumber, 0x0102)
        XCTAssertNil(d.nPDUNumber)
        XCTAssertEqual(d.extensionHeaders, [])
        XCTAssertEqual(d.payload, [0xDE, 0xAD, 0xBE, 0xEF])
        XCTAssertNil(try d.nrUserPlaneFrame())
    }

    func testGoldenDLUserData() throws {
        let frame = NRUPFrame.dlUserData(.init(
            nruSequenceNumber: 658_188, reportPolling: true, discardUpToPDCPSN: 258,
            discardBlocks: [.init(start: 512, size: 5)], reportDeliveredPDCPSN: 768, userDataExists: true, retransmission: true))
        let p = try GTPUPacket.gpdu(teid: 0xCAFE_BABE, sequence: 7, nrup: frame, payload: [0xDE, 0xAD, 0xBE, 0xEF])
        XCTAssertEqual(hex(p.encoded()), Golden.userData)
        let d = try GTPUPacket(bytes: bytes(Golden.userData))
        XCTAssertEqual(d, p)
        XCTAssertEqual(d.teid, 0xCAFE_BABE)
        XCTAssertEqual(d.sequenceNumber, 7)
        XCTAssertEqual(d.extensionHeaders.map(\.type), [GTPUExtensionHeader.Kind.nrRANContainer])
        XCTAssertEqual(d.extensionHeaders[0].encodedCount, 20)  // length field 5
        XCTAssertEqual(try d.nrUserPlaneFrame(), frame)
        XCTAssertEqual(d.payload, [0xDE, 0xAD, 0xBE, 0xEF])

        let minimal = NRUPFrame.dlUserData(.init(nruSequenceNumber: 42))
        let m = try GTPUPacket.gpdu(teid: 0x1001, nrup: minimal, payload: [0xDE, 0xAD, 0xBE, 0xEF])
        XCTAssertEqual(hex(m.encoded()), Golden.userDataMinimal)
        XCTAssertEqual(try GTPUPacket(bytes: bytes(Golden.userDataMinimal)).nrUserPlaneFrame(), minimal)
    }

    func testGoldenDLDataDeliveryStatus() throws {
        let frame = NRUPFrame.dlDataDeliveryStatus(.init(
            desiredBufferSize: 1_048_576, finalFrame: true, desiredDataRate: 2_097_152,
            lostNRUSequenceRanges: [.init(start: 10, end: 12), .init(start: 20, end: 25)],
            highestDeliveredPDCPSN: 273, highestTransmittedPDCPSN: 546, cause: 1,
            highestDeliveredRetransmittedPDCPSN: 819, highestRetransmittedPDCPSN: 1092))
        let p = try GTPUPacket.gpdu(teid: 0x2002, sequence: 9, nrup: frame, payload: [])
        XCTAssertEqual(hex(p.encoded()), Golden.deliveryStatus)
        let d = try GTPUPacket(bytes: bytes(Golden.deliveryStatus))
        XCTAssertEqual(d, p)
        XCTAssertEqual(try d.nrUserPlaneFrame(), frame)
        XCTAssertEqual(frame.pduType, 1)

        let minimal = NRUPFrame.dlDataDeliveryStatus(.init(desiredBufferSize: 123_456, highestTransmittedPDCPSN: 77))
        let m = try GTPUPacket.gpdu(teid: 0x3003, nrup: minimal, payload: [])
        XCTAssertEqual(hex(m.encoded()), Golden.deliveryStatusMinimal)
        XCTAssertEqual(try GTPUPacket(bytes: bytes(Golden.deliveryStatusMinimal)).nrUserPlaneFrame(), minimal)
    }

    func testGoldenChainSequenceNPDUAndControlMessages() throws {
        let pdcp = try GTPUExtensionHeader(type: GTPUExtensionHeader.Kind.pdcpPDUNumber, content: [0x12, 0x34])
        let nr = try GTPUExtensionHeader(nrup: .dlUserData(.init(nruSequenceNumber: 0xFF_FFFE, reportPolling: true)))
        let p = try GTPUPacket(messageType: GTPUPacket.MessageType.gPDU, teid: 0xFFFF_FFFF, sequenceNumber: 0xFFFF,
                               nPDUNumber: 0x5A, extensionHeaders: [pdcp, nr], payload: [0xDE, 0xAD, 0xBE, 0xEF])
        XCTAssertEqual(hex(p.encoded()), Golden.chained)
        let d = try GTPUPacket(bytes: bytes(Golden.chained))
        XCTAssertEqual(d, p)
        XCTAssertEqual(d.nPDUNumber, 0x5A)
        XCTAssertEqual(d.extensionHeaders.map(\.type), [0xC0, 0x84])
        XCTAssertEqual(try d.nrUserPlaneFrame(), .dlUserData(.init(nruSequenceNumber: 0xFF_FFFE, reportPolling: true)))

        let echo = try GTPUPacket(messageType: GTPUPacket.MessageType.echoRequest, teid: 0, sequenceNumber: 0x4242)
        XCTAssertEqual(hex(echo.encoded()), Golden.echoRequest)
        XCTAssertEqual(try GTPUPacket(bytes: bytes(Golden.echoRequest)), echo)
        let end = try GTPUPacket(messageType: GTPUPacket.MessageType.endMarker, teid: 0xABCD)
        XCTAssertEqual(hex(end.encoded()), Golden.endMarker)
        XCTAssertEqual(try GTPUPacket(bytes: bytes(Golden.endMarker)), end)
    }

    // MARK: round trips and canonical form

    func testRoundTrips() throws {
        let frames: [NRUPFrame] = [
            .dlUserData(.init(nruSequenceNumber: 0)),
            .dlUserData(.init(nruSequenceNumber: 0xFF_FFFF, discardBlocks: [], requestOutOfSequenceReport: true,
                              userDataExists: false, assistanceInfoReportPolling: true)),
            .dlUserData(.init(nruSequenceNumber: 5, discardBlocks: (0 ..< 40).map { .init(start: UInt32($0) * 1000, size: UInt8($0)) })),
            .dlDataDeliveryStatus(.init(desiredBufferSize: .max)),
            .dlDataDeliveryStatus(.init(desiredBufferSize: 0, lostNRUSequenceRanges: [], cause: 4,
                                        deliveredPDCPSNRanges: [.init(start: 0x500, end: 0x501), .init(start: 7, end: 9)])),
        ]
        for frame in frames {
            let encoded = try frame.encoded()
            XCTAssertEqual((encoded.count + 2) % 4, 0, "\(frame) is padded to 4n - 2")
            XCTAssertEqual(try NRUPFrame(bytes: encoded), frame)
            for sequence: UInt16? in [nil, 0, 0xBEEF] {
                let p = try GTPUPacket.gpdu(teid: 0xA5A5_0001, sequence: sequence, nrup: frame, payload: Array(0 ..< 200))
                let bytes = p.encoded()
                XCTAssertEqual(bytes.count, p.encodedCount)
                XCTAssertEqual(Int(bytes[2]) << 8 | Int(bytes[3]), bytes.count - 8, "length counts octets after the mandatory header")
                let back = try GTPUPacket(bytes: bytes)
                XCTAssertEqual(back, p)
                XCTAssertEqual(try back.nrUserPlaneFrame(), frame)
            }
        }
        // decoding from a non-Array collection (a slice with a non-zero start index)
        let padded = [0xEE] + bytes(Golden.userData)
        XCTAssertEqual(try GTPUPacket(bytes: padded[1...]), try GTPUPacket(bytes: bytes(Golden.userData)))
        // the largest packet: length 65535
        let big = try GTPUPacket(messageType: 255, teid: 1, payload: [UInt8](repeating: 7, count: 65_535))
        XCTAssertEqual(try GTPUPacket(bytes: big.encoded()), big)
    }

    func testEncodeIntoAppends() throws {
        let p = try GTPUPacket(bytes: bytes(Golden.chained))
        var out: [UInt8] = [0xAA, 0xBB]
        p.encode(into: &out)
        p.encode(into: &out)
        XCTAssertEqual(out, [0xAA, 0xBB] + p.encoded() + p.encoded())
    }

    func testFlagsAndIgnoredFields() throws {
        // PN only: the sequence octets are present but ignored; re-encoded as zero.
        let pn = try GTPUPacket(bytes: [0x31, 0xFF, 0x00, 0x04, 0, 0, 0, 9, 0xAA, 0xBB, 0x07, 0x84])
        XCTAssertNil(pn.sequenceNumber)
        XCTAssertEqual(pn.nPDUNumber, 7)
        XCTAssertEqual(pn.extensionHeaders, [], "next type ignored when E is clear")
        XCTAssertEqual(pn.encoded(), [0x31, 0xFF, 0x00, 0x04, 0, 0, 0, 9, 0x00, 0x00, 0x07, 0x00])
        // Spare bit set: ignored.
        XCTAssertEqual(try GTPUPacket(bytes: [0x38, 0xFE, 0, 0, 0, 0, 0xAB, 0xCD]), try GTPUPacket(bytes: bytes(Golden.endMarker)))
        // E set but next type 0: no extension headers, and the canonical form drops E.
        let e = try GTPUPacket(bytes: [0x34, 0xFF, 0x00, 0x05, 0, 0, 0, 1, 0x12, 0x34, 0x56, 0x00, 0x99])
        XCTAssertNil(e.sequenceNumber)
        XCTAssertEqual(e.extensionHeaders, [])
        XCTAssertEqual(e.payload, [0x99])
        XCTAssertEqual(e.encoded(), [0x30, 0xFF, 0x00, 0x01, 0, 0, 0, 1, 0x99])
        // An unknown extension type is carried as raw content.
        let raw = try GTPUPacket(bytes: [0x34, 0xFF, 0x00, 0x08, 0, 0, 0, 1, 0, 0, 0, 0x40, 0x01, 0x08, 0x68, 0x00])
        XCTAssertEqual(raw.extensionHeaders, [try GTPUExtensionHeader(type: GTPUExtensionHeader.Kind.udpPort, content: [0x08, 0x68])])
        XCTAssertNil(try raw.nrUserPlaneFrame())
    }

    func testExtensionHeaderPaddingAndLimits() throws {
        XCTAssertEqual(try GTPUExtensionHeader(type: 0x85, content: [1, 2, 3]).content, [1, 2, 3, 0, 0, 0])
        XCTAssertEqual(try GTPUExtensionHeader(type: 0x85, content: []).content, [0, 0])
        XCTAssertEqual(try GTPUExtensionHeader(type: 0x85, content: [1, 2]).encodedCount, 4)
        XCTAssertEqual(try GTPUExtensionHeader(type: 0x85, content: [UInt8](repeating: 1, count: 1018)).encodedCount, 1020)
        XCTAssertThrowsError(try GTPUExtensionHeader(type: 0x85, content: [UInt8](repeating: 1, count: 1019))) {
            XCTAssertEqual($0 as? GTPUError, .valueOutOfRange(field: "extensionHeader.content", value: 1019, limit: 1018))
        }
        XCTAssertThrowsError(try GTPUExtensionHeader(type: 0, content: [1, 2])) {
            XCTAssertEqual(($0 as? GTPUError)?.field, "extensionHeader.type")
        }
        // the length field is 16 bits
        XCTAssertThrowsError(try GTPUPacket.gpdu(teid: 1, sequence: 1, payload: [UInt8](repeating: 0, count: 65_535))) {
            XCTAssertEqual($0 as? GTPUError, .valueOutOfRange(field: "length", value: 65_539, limit: 65_535))
        }
    }

    func testNRUPEncodeRejectsValuesTooWide() {
        XCTAssertThrowsError(try NRUPFrame.dlUserData(.init(nruSequenceNumber: 0x100_0000)).encoded()) {
            XCTAssertEqual($0 as? GTPUError, .valueOutOfRange(field: "nruSequenceNumber", value: 0x100_0000, limit: 0xFF_FFFF))
        }
        XCTAssertThrowsError(try NRUPFrame.dlDataDeliveryStatus(.init(desiredBufferSize: 1, highestTransmittedPDCPSN: 0x100_0000)).encoded())
        XCTAssertThrowsError(try NRUPFrame.dlDataDeliveryStatus(.init(desiredBufferSize: 1, lostNRUSequenceRanges: Array(
            repeating: .init(start: 1, end: 2), count: 256))).encoded()) {
            XCTAssertEqual(($0 as? GTPUError)?.field, "lostNRUSequenceRanges.count")
        }
        // 169 ranges fit the 255-count but not an extension header (1018 octets)
        let many = NRUPFrame.dlDataDeliveryStatus(.init(desiredBufferSize: 1, lostNRUSequenceRanges: Array(repeating: .init(start: 1, end: 2), count: 169)))
        XCTAssertThrowsError(try GTPUPacket.gpdu(teid: 1, nrup: many, payload: [])) {
            XCTAssertEqual(($0 as? GTPUError)?.field, "extensionHeader.content")
        }
    }

    // MARK: specific errors

    func testBadVersion() {
        for version: UInt8 in [0, 2, 7] {
            var input = bytes(Golden.plain)
            input[0] = version << 5 | 0x12
            let e = error(decode(input))
            XCTAssertEqual(e, .badVersion(version, offset: 0))
            XCTAssertEqual(e?.description, "flags.version: version \(version), expected 1 (byte offset 0)")
        }
        XCTAssertEqual(error(decode([0x22, 0xFF, 0, 0, 0, 0, 0, 0])), .badProtocolType(offset: 0))
    }

    func testLengthMismatch() {
        let plain = bytes(Golden.plain)
        XCTAssertEqual(error(decode(plain + [0])), .lengthMismatch(field: "length", offset: 2, declared: 8, actual: 9))
        XCTAssertEqual(error(decode(Array(plain.dropLast()))), .lengthMismatch(field: "length", offset: 2, declared: 8, actual: 7))
        let e = error(decode(plain + [0, 0]))
        XCTAssertEqual(e?.field, "length")
        XCTAssertEqual(e?.byteOffset, 2)
        XCTAssertTrue(e?.description.contains("byte offset 2") ?? false)
        // header shorter than 8 bytes
        XCTAssertEqual(error(decode([0x30, 0xFF, 0x00])), .truncated(field: "length", offset: 2, needed: 2, available: 1))
        XCTAssertEqual(error(decode([])), .truncated(field: "flags", offset: 0, needed: 1, available: 0))
    }

    func testExtensionErrors() {
        var zero = bytes(Golden.userDataMinimal)
        zero[12] = 0
        XCTAssertEqual(error(decode(zero)), .badExtensionLength(index: 0, offset: 12, length: 0))
        XCTAssertEqual(error(decode(zero))?.field, "extensionHeader[0].length")
        var long = bytes(Golden.userDataMinimal)
        long[12] = 4  // 16 octets from offset 12, only 12 declared
        XCTAssertEqual(error(decode(long)), .truncated(field: "extensionHeader[0].content", offset: 13, needed: 14, available: 11))
        var chain = bytes(Golden.userDataMinimal)
        chain[19] = 0x85  // next type points past the end: the payload is read as a header
        XCTAssertEqual(error(decode(chain))?.field, "extensionHeader[1].content")
        // S set but no room for the optional octets
        XCTAssertEqual(error(decode([0x32, 0xFF, 0, 1, 0, 0, 0, 0, 0])), .truncated(field: "sequenceNumber", offset: 8, needed: 2, available: 1))
    }

    func testNRUPErrors() throws {
        XCTAssertEqual(error(decodeFrame([0x20, 0, 0, 0, 0, 0])), .unsupportedPDUType(2, offset: 0))
        XCTAssertEqual(error(decodeFrame([0x00, 0x00, 0, 0])), .truncated(field: "nruSequenceNumber", offset: 2, needed: 3, available: 2))
        XCTAssertEqual(error(decodeFrame([0x02, 0x00, 0, 0, 1, 0])), .truncated(field: "dlDiscardPDCPSN", offset: 5, needed: 3, available: 1))
        XCTAssertEqual(error(decodeFrame([0x00, 0x00, 0, 0, 1, 0, 0, 0, 0, 0])), .lengthMismatch(field: "padding", offset: 5, declared: 6, actual: 10))
        XCTAssertEqual(error(decodeFrame([0x00, 0x00, 0, 0, 1])), .lengthMismatch(field: "padding", offset: 5, declared: 6, actual: 5))
        // padding octets of any value are accepted; spare bits are ignored
        XCTAssertEqual(try NRUPFrame(bytes: [0x08, 0xE0, 0, 0, 1, 0xFF]), .dlUserData(.init(nruSequenceNumber: 1, userDataExists: false)))
        // through the packet: the container is named
        let garbage = try GTPUPacket(messageType: 255, teid: 1, extensionHeaders: [GTPUExtensionHeader(type: 0x84, content: [0x30, 0])])
        XCTAssertThrowsError(try garbage.nrUserPlaneFrame()) { XCTAssertEqual($0 as? GTPUError, .unsupportedPDUType(3, offset: 0)) }
        let short = try GTPUPacket(messageType: 255, teid: 1, extensionHeaders: [GTPUExtensionHeader(type: 0x84, content: [0x10, 0])])
        XCTAssertThrowsError(try short.nrUserPlaneFrame()) {
            XCTAssertEqual($0 as? GTPUError, .truncated(field: "nrRANContainer.desiredBufferSize", offset: 2, needed: 4, available: 0))
        }
    }

    // MARK: totality

    /// Decodes `input`; a value must re-encode to bytes that decode to the same value, and its NR RAN
    /// container (if any) must decode or fail with a typed error; an error must point inside the input.
    func checkTotal(_ input: [UInt8], _ stats: inout (values: Int, errors: Int, frames: Int)) {
        switch decode(input) {
        case let .success(p):
            stats.values += 1
            let again = p.encoded()
            XCTAssertEqual(again.count, p.encodedCount)
            XCTAssertEqual(try? GTPUPacket(bytes: again), p, "re-encoding \(hex(input))")
            do throws(GTPUError) {
                if let frame = try p.nrUserPlaneFrame() {
                    stats.frames += 1
                    XCTAssertEqual(try? NRUPFrame(bytes: frame.encoded()), frame, "NR-U frame in \(hex(input))")
                }
            } catch {
                XCTAssertNotNil(error.byteOffset)
            }
        case let .failure(e):
            stats.errors += 1
            let offset = e.byteOffset ?? -1
            XCTAssertTrue(offset >= 0 && offset <= input.count, "\(e) for \(hex(input))")
            XCTAssertFalse(e.description.isEmpty)
        }
    }

    func withLength(_ input: [UInt8]) -> [UInt8] {
        guard input.count >= 8, input.count - 8 <= 65_535 else { return input }
        var m = input
        m[2] = UInt8((input.count - 8) >> 8)
        m[3] = UInt8((input.count - 8) & 0xFF)
        return m
    }

    func testEveryTruncationIsAValueOrAnError() {
        var stats = (values: 0, errors: 0, frames: 0)
        for golden in Golden.all {
            let full = bytes(golden)
            for n in 0 ..< full.count {
                let prefix = Array(full[..<n])
                // as cut: the length field no longer matches, so every prefix is an error
                XCTAssertNotNil(error(decode(prefix)), "\(n)-byte prefix of \(golden)")
                checkTotal(prefix, &stats)
                // with the length field patched to match, the decoder runs into the cut
                checkTotal(withLength(prefix), &stats)
            }
        }
        // and the NR-U frames on their own
        for golden in [Golden.userData, Golden.userDataMinimal, Golden.deliveryStatus, Golden.deliveryStatusMinimal] {
            let content = (try? GTPUPacket(bytes: bytes(golden)))?.extensionHeaders.first?.content ?? []
            XCTAssertFalse(content.isEmpty)
            for n in 0 ..< content.count {
                if case let .success(f) = decodeFrame(Array(content[..<n])) {
                    XCTAssertEqual(try? NRUPFrame(bytes: f.encoded()), f)
                }
            }
        }
        XCTAssertGreaterThan(stats.errors, 100)
        XCTAssertGreaterThan(stats.values, 10, "prefixes ending at a field boundary decode")
    }

    func testRandomAndMutatedInputs() {
        var rng = SplitMix64(state: 0x5EED_0281)
        var stats = (values: 0, errors: 0, frames: 0)
        let goldens = Golden.all.map(bytes)
        for i in 0 ..< 20_000 {
            var input: [UInt8]
            if i % 4 == 0 {
                input = (0 ..< rng.below(48)).map { _ in rng.byte() }
                if !input.isEmpty, rng.below(2) == 0 { input[0] = 0x30 | input[0] & 0x0F }
            } else {
                input = goldens[rng.below(goldens.count)]
                for _ in 0 ... rng.below(4) {
                    switch rng.below(5) {
                    case 0, 1: if !input.isEmpty { input[rng.below(input.count)] ^= 1 << UInt8(rng.below(8)) }
                    case 2: if !input.isEmpty { input[rng.below(input.count)] = rng.byte() }
                    case 3: input.insert(rng.byte(), at: rng.below(input.count + 1))
                    default: if !input.isEmpty { input.remove(at: rng.below(input.count)) }
                    }
                }
            }
            if rng.below(4) != 0 { input = withLength(input) }
            checkTotal(input, &stats)
            // the same bytes as a bare NR-U frame
            if case let .success(f) = decodeFrame(Array(input.dropFirst(12))) {
                stats.frames += 1
                XCTAssertEqual(try? NRUPFrame(bytes: f.encoded()), f)
            }
        }
        XCTAssertEqual(stats.values + stats.errors, 20_000)
        XCTAssertGreaterThan(stats.values, 2_000)
        XCTAssertGreaterThan(stats.errors, 2_000)
        XCTAssertGreaterThan(stats.frames, 500)
    }
}
