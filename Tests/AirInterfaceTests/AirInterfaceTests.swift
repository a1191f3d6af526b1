import Foundation
import XCTest

import AirInterface
import Fronthaul

/// SplitMix64 (Steele, Lea, Flood 2014): a deterministic generator, so every run sees the same inputs.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (n > 0; the modulo bias is irrelevant here).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    mutating func bool() -> Bool { next() & 1 == 1 }
    mutating func bytes(_ n: Int) -> [UInt8] { (0 ..< n).map { _ in byte() } }
}

final class AirInterfaceTests: XCTestCase {
    // MARK: samples

    /// A downlink record with every field set to something other than its zero value.
    static let fullDownlink = DownlinkSlot(
        slot: 0x0123_4567_89AB_CDEF,
        assignments: [
            DownlinkAssignment(rnti: 0x4601, harq: 7, newData: true, mcs: 27, tbsBits: 0x0001_2345, prbStart: 0x0102, prbCount: 0x0111,
                               startSymbol: 2, symbols: 12,
                               subPDUs: [MACSubPDU(lcid: 1, length: 5, completedSDUs: [0x1111_2222_3333_4444, 9], content: [0x10, 0x20, 0x30, 0x40, 0x50]),
                                         MACSubPDU(lcid: 4, length: 0xDEAD_BEEF, completedSDUs: [0xFFFF_FFFF_FFFF_FFFE])]),
            DownlinkAssignment(rnti: 0xFFEE, harq: 15, newData: true, mcs: 1, tbsBits: 24, prbStart: 1, prbCount: 2,
                               startSymbol: 13, symbols: 1, subPDUs: [MACSubPDU(lcid: 0x3F, length: 1, completedSDUs: [1], content: [0xFF])]),
        ],
        uplinkGrants: [
            UplinkGrant(rnti: 0x4602, harq: 3, newData: true, mcs: 9, tbsBits: 0x00AB_CDEF, prbStart: 0x0304, prbCount: 0x0050,
                        startSymbol: 1, symbols: 13, transmitSlot: 0x0123_4567_89AB_CDF3),
        ],
        randomAccessResponses: [
            RandomAccessResponse(preamble: 63, temporaryRNTI: 0x4603,
                                 msg3: UplinkGrant(rnti: 0x4603, harq: 1, newData: true, mcs: 2, tbsBits: 56, prbStart: 7, prbCount: 3,
                                                   startSymbol: 4, symbols: 10, transmitSlot: 0x0123_4567_89AB_CDF5)),
        ],
        releases: [0x4600, 0xBEEF])

    /// An uplink record with every field set to something other than its zero value.
    static let fullUplink = UplinkSlot(
        slot: 0xFEDC_BA98_7654_3210,
        harqFeedback: [HARQFeedback(rnti: 0x4601, harq: 7, ack: true, dlSlot: 0xFEDC_BA98_7654_320C),
                       HARQFeedback(rnti: 0x4602, harq: 2, ack: true, dlSlot: 5)],
        channelReports: [ChannelReport(rnti: 0x4601, downlinkCQI: 15, uplinkCQI: 11)],
        bufferReports: [BufferReport(rnti: 0x4602, bytes: 0x8765_4321)],
        puschResults: [PUSCHResult(rnti: 0x4602, harq: 3, crcOK: true, tbsBits: 0x0002_0000,
                                   subPDUs: [MACSubPDU(lcid: 1, length: 2, completedSDUs: [0xFEDC_BA98_7654_3200], content: [0xAB, 0xCD]),
                                             MACSubPDU(lcid: 5, length: 1000, completedSDUs: [3, 4])])],
        preambles: [Preamble(index: 42, ueTag: 0x0102_0304)])

    /// The small records of the golden tests.
    static let smallDownlink = DownlinkSlot(
        slot: 0x1234,
        assignments: [DownlinkAssignment(rnti: 0x4601, harq: 3, newData: true, mcs: 27, tbsBits: 8456, prbStart: 5, prbCount: 260,
                                         startSymbol: 2, symbols: 12,
                                         subPDUs: [MACSubPDU(lcid: 1, length: 3, completedSDUs: [0x1230], content: [0xC0, 0xFF, 0xEE])])],
        randomAccessResponses: [RandomAccessResponse(preamble: 17, temporaryRNTI: 0x4602,
                                                     msg3: UplinkGrant(rnti: 0x4602, harq: 0, newData: true, mcs: 4, tbsBits: 56, prbStart: 10,
                                                                       prbCount: 3, startSymbol: 0, symbols: 14, transmitSlot: 0x1238))],
        releases: [0x4600])

    static let smallUplink = UplinkSlot(
        slot: 9,
        harqFeedback: [HARQFeedback(rnti: 0x4601, harq: 3, ack: true, dlSlot: 5)],
        channelReports: [ChannelReport(rnti: 0x4601, downlinkCQI: 12, uplinkCQI: 9)],
        bufferReports: [BufferReport(rnti: 0x4601, bytes: 100_000)],
        puschResults: [PUSCHResult(rnti: 0x4601, harq: 2, crcOK: true, tbsBits: 1800, subPDUs: [MACSubPDU(lcid: 4, length: 200)])],
        preambles: [Preamble(index: 42, ueTag: 7)])

    static let samples: [[UInt8]] = [fullDownlink.encoded(), fullUplink.encoded(), smallDownlink.encoded(), smallUplink.encoded(),
                                     DownlinkSlot(slot: 0).encoded(), UplinkSlot(slot: 1).encoded()]

    /// Decodes `bytes` as `T`, returning the typed error or nil on success.
    func decodeError(_ bytes: [UInt8], as kind: AirRecord.Kind? = nil) -> AirInterfaceError? {
        do throws(AirInterfaceError) {
            switch kind {
            case .downlink?: _ = try DownlinkSlot(bytes: bytes)
            case .uplink?: _ = try UplinkSlot(bytes: bytes)
            case nil: _ = try AirRecord(bytes: bytes)
            }
            return nil
        } catch {
            return error
        }
    }

    // MARK: round trips

    func testDownlinkRoundTripKeepsEveryField() throws {
        let v = Self.fullDownlink
        let bytes = v.encoded()
        XCTAssertEqual(bytes.count, v.encodedCount)
        XCTAssertEqual(try DownlinkSlot(bytes: bytes), v)
        XCTAssertEqual(try AirRecord(bytes: bytes), .downlink(v))
        XCTAssertEqual(AirRecord.downlink(v).encoded(), bytes)
        // from a slice that does not start at index 0, too
        let shifted = [0xAA] + bytes
        XCTAssertEqual(try DownlinkSlot(bytes: shifted[1...]), v)
        // each list item changes the bytes: nothing is dropped on the way
        var w = v
        w.releases.removeLast()
        XCTAssertNotEqual(w.encoded(), bytes)
        XCTAssertEqual(try JSONDecoder().decode(DownlinkSlot.self, from: JSONEncoder().encode(v)), v)
    }

    func testUplinkRoundTripKeepsEveryField() throws {
        let v = Self.fullUplink
        let bytes = v.encoded()
        XCTAssertEqual(bytes.count, v.encodedCount)
        XCTAssertEqual(try UplinkSlot(bytes: bytes), v)
        XCTAssertEqual(try AirRecord(bytes: bytes), .uplink(v))
        XCTAssertEqual(AirRecord.uplink(v).encoded(), bytes)
        XCTAssertEqual(AirRecord.uplink(v).slot, v.slot)
        XCTAssertEqual(try JSONDecoder().decode(UplinkSlot.self, from: JSONEncoder().encode(v)), v)
        // false Bools survive as well
        var f = v
        f.harqFeedback[0].ack = false
        f.puschResults[0].crcOK = false
        XCTAssertEqual(try UplinkSlot(bytes: f.encoded()), f)
        XCTAssertNotEqual(f.encoded(), bytes)
    }

    func testRandomRecordsRoundTrip() throws {
        var rng = SplitMix64(state: 0xA1_2024)
        for _ in 0 ..< 500 {
            let d = randomDownlink(&rng), u = randomUplink(&rng)
            XCTAssertEqual(try DownlinkSlot(bytes: d.encoded()), d)
            XCTAssertEqual(try UplinkSlot(bytes: u.encoded()), u)
            XCTAssertEqual(d.encoded().count, d.encodedCount)
            XCTAssertEqual(u.encoded().count, u.encodedCount)
        }
    }

    // MARK: golden bytes (computed by hand from docs/air-interface.md)

    func testDownlinkGoldenBytes() throws {
        let golden: [UInt8] = [
            0x52, 0x41, 0x01, 0x01,                          // "RA", version 1, kind 1 (downlink)
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x34,  // slot 0x1234
            0x00, 0x01,                                      // assignments: 1
            0x46, 0x01,                                      //   rnti
            0x03,                                            //   harq
            0x01,                                            //   newData
            0x1B,                                            //   mcs 27
            0x00, 0x00, 0x21, 0x08,                          //   tbsBits 8456
            0x00, 0x05,                                      //   prbStart 5
            0x01, 0x04,                                      //   prbCount 260
            0x02,                                            //   startSymbol
            0x0C,                                            //   symbols 12
            0x00, 0x01,                                      //   subPDUs: 1
            0x01,                                            //     lcid 1 (SRB1)
            0x00, 0x00, 0x00, 0x03,                          //     length 3
            0x00, 0x01,                                      //     completedSDUs: 1
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x30,  //       0x1230
            0x00, 0x00, 0x00, 0x03, 0xC0, 0xFF, 0xEE,        //     content: 3 bytes
            0x00, 0x00,                                      // uplinkGrants: 0
            0x00, 0x01,                                      // randomAccessResponses: 1
            0x11,                                            //   preamble 17
            0x46, 0x02,                                      //   temporaryRNTI
            0x46, 0x02, 0x00, 0x01, 0x04,                    //   msg3: rnti, harq 0, newData, mcs 4
            0x00, 0x00, 0x00, 0x38,                          //     tbsBits 56
            0x00, 0x0A, 0x00, 0x03, 0x00, 0x0E,              //     prbStart 10, prbCount 3, startSymbol 0, symbols 14
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x38,  //     transmitSlot 0x1238
            0x00, 0x01, 0x46, 0x00,                          // releases: [0x4600]
        ]
        XCTAssertEqual(golden.count, 87)
        XCTAssertEqual(Self.smallDownlink.encoded(), golden)
        XCTAssertEqual(try DownlinkSlot(bytes: golden), Self.smallDownlink)
    }

    func testUplinkGoldenBytes() throws {
        let golden: [UInt8] = [
            0x52, 0x41, 0x01, 0x02,                          // "RA", version 1, kind 2 (uplink)
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09,  // slot 9
            0x00, 0x01,                                      // harqFeedback: 1
            0x46, 0x01, 0x03, 0x01,                          //   rnti, harq 3, ack
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,  //   dlSlot 5
            0x00, 0x01, 0x46, 0x01, 0x0C, 0x09,              // channelReports: 1 — rnti, downlinkCQI 12, uplinkCQI 9
            0x00, 0x01, 0x46, 0x01, 0x00, 0x01, 0x86, 0xA0,  // bufferReports: 1 — rnti, bytes 100000
            0x00, 0x01,                                      // puschResults: 1
            0x46, 0x01, 0x02, 0x01,                          //   rnti, harq 2, crcOK
            0x00, 0x00, 0x07, 0x08,                          //   tbsBits 1800
            0x00, 0x01,                                      //   subPDUs: 1
            0x04, 0x00, 0x00, 0x00, 0xC8,                    //     lcid 4 (DRB1), length 200
            0x00, 0x00,                                      //     completedSDUs: 0
            0x00, 0x00, 0x00, 0x00,                          //     content: 0 bytes
            0x00, 0x01, 0x2A, 0x00, 0x00, 0x00, 0x07,        // preambles: 1 — index 42, ueTag 7
        ]
        XCTAssertEqual(golden.count, 70)
        XCTAssertEqual(Self.smallUplink.encoded(), golden)
        XCTAssertEqual(try UplinkSlot(bytes: golden), Self.smallUplink)
    }

    // MARK: totality

    func testEveryTruncationIsATypedError() {
        for sample in Self.samples {
            for n in 0 ..< sample.count {
                let prefix = Array(sample[..<n])
                for kind in [AirRecord.Kind.downlink, .uplink, nil] {
                    guard let e = decodeError(prefix, as: kind) else {
                        XCTFail("a \(n)-byte prefix of a \(sample.count)-byte record decoded")
                        continue
                    }
                    if n >= 4 && kind != nil && kind!.rawValue != sample[3] {
                        XCTAssertEqual(e, .wrongKind(expected: kind!, found: AirRecord.Kind(rawValue: sample[3])!))
                        continue
                    }
                    switch e {
                    case let .truncated(_, offset): XCTAssertLessThanOrEqual(offset, n)
                    case let .countTooLarge(_, _, offset): XCTAssertLessThan(offset, n)
                    default: XCTFail("prefix of \(n) bytes: \(e)")
                    }
                }
            }
        }
        XCTAssertEqual(decodeError([]), .truncated(field: "magic", offset: 0))
        XCTAssertEqual(decodeError([0x52, 0x41, 1, 1, 0, 0, 0]), .truncated(field: "slot", offset: 4))
    }

    func testRandomAndMutatedInputsGiveAValueOrATypedError() {
        var rng = SplitMix64(state: 0x5EED_0000_0000_0001)
        let sources = Self.samples + (0 ..< 32).map { i in
            i % 2 == 0 ? randomDownlink(&rng).encoded() : randomUplink(&rng).encoded()
        }
        var decoded = 0
        var seen = Set<String>()
        for i in 0 ..< 20_000 {
            let input: [UInt8]
            switch i % 4 {
            case 0:  // noise
                input = rng.bytes(rng.below(96))
            case 1:  // a valid header, then noise
                input = [0x52, 0x41, 0x01, UInt8(1 + rng.below(2))] + rng.bytes(rng.below(96))
            default:  // a valid record, mutated
                input = mutate(sources[rng.below(sources.count)], &rng)
            }
            for kind in [AirRecord.Kind.downlink, .uplink, nil] {
                do throws(AirInterfaceError) {
                    // a value that decodes is canonical: it re-encodes to the input up to its zero padding
                    let encoded: [UInt8]
                    switch kind {
                    case .downlink?: encoded = try DownlinkSlot(bytes: input).encoded()
                    case .uplink?: encoded = try UplinkSlot(bytes: input).encoded()
                    case nil: encoded = try AirRecord(bytes: input).encoded()
                    }
                    decoded += 1
                    if Array(input.prefix(encoded.count)) != encoded || !input.dropFirst(encoded.count).allSatisfy({ $0 == 0 }) {
                        XCTFail("input \(i) decoded to a value that does not re-encode to it")
                    }
                } catch {
                    XCTAssertFalse(error.description.isEmpty)
                    seen.insert(caseName(error))
                }
            }
        }
        // the inputs reach both outcomes and every decoding error
        XCTAssertGreaterThan(decoded, 1000)
        XCTAssertEqual(seen, ["truncated", "badMagic", "unsupportedVersion", "unknownKind", "wrongKind", "invalidBool", "countTooLarge", "trailingBytes"])
    }

    func testHostileCountIsRefusedBeforeAllocating() {
        // 0xFFFF assignments claimed, 10 bytes left: refused at the count, before any reservation
        let header: [UInt8] = [0x52, 0x41, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 1]
        XCTAssertEqual(decodeError(header + [0xFF, 0xFF] + [UInt8](repeating: 0, count: 10), as: .downlink),
                       .countTooLarge(field: "assignments", count: 0xFFFF, offset: 12))
        // the same at the last list of an uplink record
        let ul: [UInt8] = [0x52, 0x41, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        XCTAssertEqual(decodeError(ul, as: .uplink), .countTooLarge(field: "preambles", count: 0xFFFF, offset: 20))
        // a count that fits exactly is fine: 2 preambles in 10 bytes
        var ok = ul
        ok[20] = 0
        ok[21] = 2
        XCTAssertEqual(try? UplinkSlot(bytes: ok).preambles, [Preamble(index: 1, ueTag: 0x0203_0405), Preamble(index: 6, ueTag: 0x0708_090A)])
        // a nested byte array of 4 GiB − 1 claimed: refused at the length, with the field's path
        var dl = Self.smallDownlink.encoded()
        let contentLength = 46  // offset of the sub-PDU's content length (see the golden test)
        XCTAssertEqual(Array(dl[contentLength ..< contentLength + 4]), [0, 0, 0, 3])
        dl.replaceSubrange(contentLength ..< contentLength + 4, with: [0xFF, 0xFF, 0xFF, 0xFF])
        XCTAssertEqual(decodeError(dl, as: .downlink),
                       .countTooLarge(field: "assignments[0].subPDUs[0].content", count: 0xFFFF_FFFF, offset: contentLength))
        // and a nested list count
        var sdus = Self.smallDownlink.encoded()
        sdus[36] = 0xFF  // completedSDUs count 0x0001 → 0xFF01
        XCTAssertEqual(decodeError(sdus, as: .downlink),
                       .countTooLarge(field: "assignments[0].subPDUs[0].completedSDUs", count: 0xFF01, offset: 36))
    }

    func testZeroPaddingIsAcceptedAndNonZeroTrailingBytesAreNot() {
        for sample in Self.samples {
            let kind = AirRecord.Kind(rawValue: sample[3])!
            for pad in [1, 47, 48, 4096] {
                XCTAssertNil(decodeError(sample + [UInt8](repeating: 0, count: pad), as: kind))
                XCTAssertNil(decodeError(sample + [UInt8](repeating: 0, count: pad)))
            }
            XCTAssertEqual(try AirRecord(bytes: sample + [0, 0, 0]).encoded(), sample)
            XCTAssertEqual(decodeError(sample + [0, 0, 1], as: kind), .trailingBytes(offset: sample.count + 2))
            XCTAssertEqual(decodeError(sample + [0x80]), .trailingBytes(offset: sample.count))
        }
    }

    func testHeaderAndValueErrors() {
        let dl = Self.smallDownlink.encoded(), ul = Self.smallUplink.encoded()
        XCTAssertEqual(decodeError([0x52, 0x42] + dl.dropFirst(2)), .badMagic)
        XCTAssertEqual(decodeError([0x00]), .badMagic)
        XCTAssertEqual(decodeError([0x52]), .truncated(field: "magic", offset: 0))
        XCTAssertEqual(decodeError([0x52, 0x41, 0x02] + dl.dropFirst(3)), .unsupportedVersion(2))
        XCTAssertEqual(decodeError([0x52, 0x41, 0x01, 0x03] + dl.dropFirst(4)), .unknownKind(3))
        XCTAssertEqual(decodeError(ul, as: .downlink), .wrongKind(expected: .downlink, found: .uplink))
        XCTAssertEqual(decodeError(dl, as: .uplink), .wrongKind(expected: .uplink, found: .downlink))
        // Bools are 0 or 1 only (assignments[0].newData is byte 17)
        var bad = dl
        bad[17] = 2
        XCTAssertEqual(decodeError(bad, as: .downlink), .invalidBool(field: "assignments[0].newData", value: 2, offset: 17))
        // the RAR's grant names its path
        var msg3 = dl
        msg3[63] = 0xFF  // randomAccessResponses[0].msg3.newData
        XCTAssertEqual(decodeError(msg3), .invalidBool(field: "randomAccessResponses[0].msg3.newData", value: 0xFF, offset: 63))
        XCTAssertTrue(AirInterfaceError.countTooLarge(field: "assignments", count: 9, offset: 12).description.contains("assignments"))
    }

    // MARK: carrier

    func testCarrierRoundTripThroughAnEncodedUPlaneFrame() throws {
        let record = Self.fullDownlink
        let bytes = record.encoded()
        let message = AirCarrier.uPlaneMessage(for: .downlink(record), slotsPerSubframe: 2, eAxC: EAxCID(ruPort: 1),
                                               sequence: SequenceID(sequenceId: 9), sectionId: 5, startPrb: 10)
        XCTAssertEqual(message.header.dataDirection, .downlink)
        XCTAssertEqual(message.sections.count, 1)
        let section = message.sections[0].header
        XCTAssertEqual(section.udCompHdr, UdCompHdr(iqWidth: 16, method: .none))
        XCTAssertEqual(section.numPrbu, (bytes.count + 47) / 48)
        XCTAssertEqual(section.sectionId, 5)
        XCTAssertEqual(section.startPrbu, 10)

        let frame = try message.encode(options: .default)
        // eCPRI (8) + radio application header (4) + section header with udCompHdr (6), then the record verbatim
        XCTAssertEqual(frame[1], 0)  // eCPRI message type 0: IQ data
        XCTAssertEqual(frame[16], 0x00)  // udCompHdr: width 16 (written 0), method none
        XCTAssertEqual(Array(frame[18 ..< 18 + bytes.count]), bytes)
        XCTAssertTrue(frame[(18 + bytes.count)...].allSatisfy { $0 == 0 })
        XCTAssertEqual((frame.count - 18) % 48, 0)

        guard case let .uPlane(decoded) = try FronthaulMessage(bytes: frame, options: .default) else {
            return XCTFail("not decoded as U-plane")
        }
        XCTAssertEqual(decoded, message)
        XCTAssertEqual(try AirCarrier.record(in: decoded, slotsPerSubframe: 2), .downlink(record))
        XCTAssertEqual(try DownlinkSlot(bytes: AirCarrier.bytes(of: decoded.sections[0])), record)
        // the I/Q view of the same section is the record's bytes as big-endian Int16
        let iq = try decoded.iqSamples(section: 0)
        XCTAssertEqual(iq[0], Int16(bitPattern: 0x5241))
    }

    func testCarrierUplinkWithStaticCompression() throws {
        var options = FronthaulOptions.default
        options.uplinkUdCompHdrPresent = false
        options.uplinkStaticCompression = .uncompressed
        let record = Self.fullUplink
        let message = AirCarrier.uPlaneMessage(for: .uplink(record), slotsPerSubframe: 1, sequence: SequenceID(sequenceId: 1),
                                               includeUdCompHdr: false)
        XCTAssertEqual(message.header.dataDirection, .uplink)
        XCTAssertNil(message.sections[0].header.udCompHdr)
        let frame = try message.encode(options: options)
        guard case let .uPlane(decoded) = try FronthaulMessage(bytes: frame, options: options) else {
            return XCTFail("not decoded as U-plane")
        }
        XCTAssertEqual(try AirCarrier.record(in: decoded, slotsPerSubframe: 1, options: options), .uplink(record))
        // without telling the static compression the section cannot be read
        XCTAssertThrowsError(try AirCarrier.bytes(of: decoded.sections[0])) {
            XCTAssertEqual($0 as? AirInterfaceError, .carrierCompressionUnknown)
        }
    }

    func testCarrierRefusesSectionsThatCannotCarryARecord() {
        let record = Self.smallUplink.encoded()
        var section = AirCarrier.uPlaneSection(carrying: record, sectionId: 1, startPrb: 0)
        XCTAssertEqual(section.payload.count, 96)
        XCTAssertEqual(section.header.numPrbu, 2)
        XCTAssertEqual(try AirCarrier.bytes(of: section), record + [UInt8](repeating: 0, count: 96 - record.count))
        // Labelled BFP9, the 16-bit payload has the wrong length for it.
        section.header.udCompHdr = .bfp(9)
        XCTAssertThrowsError(try AirCarrier.bytes(of: section)) { XCTAssertEqual($0 as? AirInterfaceError, .carrierLengthMismatch(expected: 56, actual: 96)) }
        section.header.udCompHdr = UdCompHdr(iqWidth: 12, method: .none)
        XCTAssertThrowsError(try AirCarrier.bytes(of: section)) {
            XCTAssertEqual($0 as? AirInterfaceError, .carrierCompressed(UdCompHdr(iqWidth: 12, method: .none)))
        }
        section.header.udCompHdr = nil
        XCTAssertThrowsError(try AirCarrier.bytes(of: section, staticCompression: .bfp(9))) {
            XCTAssertEqual($0 as? AirInterfaceError, .carrierLengthMismatch(expected: 56, actual: 96))
        }
        XCTAssertThrowsError(try AirCarrier.bytes(of: section, staticCompression: .bfp(6))) {
            XCTAssertEqual($0 as? AirInterfaceError, .carrierCompressed(.bfp(6)))
        }
        XCTAssertEqual(try? AirCarrier.bytes(of: section, staticCompression: .uncompressed).count, 96)
        section.header.udCompHdr = .uncompressed
        section.header.numPrbu = 3
        XCTAssertThrowsError(try AirCarrier.bytes(of: section)) {
            XCTAssertEqual($0 as? AirInterfaceError, .carrierLengthMismatch(expected: 144, actual: 96))
        }
        // an empty record still takes one (zero) PRB
        XCTAssertEqual(AirCarrier.uPlaneSection(carrying: [], sectionId: 0, startPrb: 0).payload, [UInt8](repeating: 0, count: 48))
        XCTAssertEqual(AirCarrier.uPlaneSections(carrying: [], sectionId: 0, startPrb: 0).map(\.payload), [[UInt8](repeating: 0, count: 48)])
    }

    /// Records ride in block-floating-point sections too (one byte per I/Q value, exact), so a
    /// link's whole U-plane stream uses one compression.
    func testCarrierIsExactUnderBlockFloatingPoint() throws {
        let every = (0...255).map(UInt8.init) + Self.smallDownlink.encoded()
        for width in [8, 9, 12, 14, 16] {
            let c = UdCompHdr.bfp(width)
            XCTAssertTrue(AirCarrier.carries(c))
            let section = AirCarrier.uPlaneSection(carrying: every, sectionId: 0xFFF, startPrb: 0, compression: c)
            XCTAssertEqual(section.header.numPrbu, (every.count + 23) / 24)
            XCTAssertEqual(section.payload.count, section.header.numPrbu * c.bytesPerPRB)
            let back = try AirCarrier.bytes(of: section)
            XCTAssertEqual(Array(back.prefix(every.count)), every, "BFP\(width)")
            XCTAssertTrue(back.dropFirst(every.count).allSatisfy { $0 == 0 })
            // Through an encoded eCPRI frame and back.
            let message = UPlaneMessage(eAxC: EAxCID(), sequence: SequenceID(sequenceId: 1),
                                        header: UPlaneHeader(dataDirection: .downlink, frameId: 0, subframeId: 0, slotId: 0, symbolId: 0),
                                        sections: AirCarrier.uPlaneSections(carrying: Self.smallDownlink.encoded(), sectionId: 0xFFF, startPrb: 0, compression: c))
            guard case .uPlane(let decoded) = try FronthaulMessage(bytes: try message.encode()) else { return XCTFail("not U-plane") }
            XCTAssertEqual(try DownlinkSlot(bytes: try AirCarrier.bytes(of: decoded.sections)), Self.smallDownlink)
        }
        XCTAssertFalse(AirCarrier.carries(.bfp(7)))
        XCTAssertFalse(AirCarrier.carries(UdCompHdr(iqWidth: 9, method: .muLaw)))
    }

    func testCarrierChecksDirectionAndSlot() throws {
        let record = Self.smallDownlink
        var message = AirCarrier.uPlaneMessage(for: .downlink(record), slotsPerSubframe: 2, sequence: SequenceID(sequenceId: 0))
        XCTAssertNoThrow(try AirCarrier.record(in: message, slotsPerSubframe: 2))
        message.header.slotId ^= 1
        XCTAssertThrowsError(try AirCarrier.record(in: message, slotsPerSubframe: 2)) {
            guard case .carrierSlotMismatch(recordSlot: 0x1234, _, _, _)? = $0 as? AirInterfaceError else { return XCTFail("\($0)") }
        }
        message.header.slotId ^= 1
        message.header.dataDirection = .uplink
        XCTAssertThrowsError(try AirCarrier.record(in: message, slotsPerSubframe: 2)) {
            XCTAssertEqual($0 as? AirInterfaceError, .carrierDirectionMismatch(kind: .downlink, direction: .uplink))
        }
    }

    func testLongRecordSpansSeveralSections() throws {
        // 300 assignments with 100 bytes of content each: about 38 KB, more than one section's 255 PRBs
        let assignments = (0 ..< 300).map { i in
            DownlinkAssignment(rnti: UInt16(0x4000 + i), harq: UInt8(i % 16), newData: true, mcs: 20, tbsBits: 1000, prbStart: 0, prbCount: 4,
                               startSymbol: 2, symbols: 12,
                               subPDUs: [MACSubPDU(lcid: 1, length: 100, content: (0 ..< 100).map { UInt8(truncatingIfNeeded: $0 + i) })])
        }
        let record = DownlinkSlot(slot: 77, assignments: assignments)
        let message = AirCarrier.uPlaneMessage(for: .downlink(record), slotsPerSubframe: 1, sequence: SequenceID(sequenceId: 3), sectionId: 0xFFF)
        let prbs = (record.encodedCount + 47) / 48
        XCTAssertEqual(message.sections.map(\.header.numPrbu), [255, 255, 255, prbs - 765])
        XCTAssertEqual(message.sections.map(\.header.sectionId), [0xFFF, 0, 1, 2])
        XCTAssertEqual(message.sections.map(\.header.startPrbu), [0, 255, 510, 765])
        let frame = try message.encode(options: .default)
        guard case let .uPlane(decoded) = try FronthaulMessage(bytes: frame, options: .default) else {
            return XCTFail("not decoded as U-plane")
        }
        XCTAssertEqual(try AirCarrier.record(in: decoded, slotsPerSubframe: 1), .downlink(record))
    }

    // MARK: slot numbering

    func testSlotFieldsAndReconstructionAcrossFrameWrap() throws {
        // 30 kHz: 2 slots per subframe, 20 per frame; frameId wraps every 256 frames = 5120 slots
        XCTAssertTrue(AirCarrier.slotFields(of: 5119, slotsPerSubframe: 2) == (255, 9, 1))
        XCTAssertTrue(AirCarrier.slotFields(of: 5120, slotsPerSubframe: 2) == (0, 0, 0))
        XCTAssertTrue(AirCarrier.slotFields(of: 3 * 5120 + 7 * 20 + 4 * 2 + 1, slotsPerSubframe: 2) == (7, 4, 1))
        XCTAssertTrue(AirCarrier.slotFields(of: 10_239 * 160 + 159, slotsPerSubframe: 16) == (255, 9, 15))

        // through real frames: the last slot before the wrap and the first after it
        for (slot, reference) in [(UInt64(5119), UInt64(5120)), (5120, 5119), (5120, 5118), (5119, 5121)] {
            let m = AirCarrier.uPlaneMessage(carrying: [1, 2, 3], slot: slot, slotsPerSubframe: 2, direction: .uplink,
                                             sequence: SequenceID(sequenceId: 0))
            guard case let .uPlane(d) = try FronthaulMessage(bytes: m.encode(options: .default), options: .default) else {
                return XCTFail("not decoded as U-plane")
            }
            XCTAssertEqual(try AirCarrier.absoluteSlot(frameId: d.header.frameId, subframeId: d.header.subframeId, slotId: d.header.slotId,
                                                       slotsPerSubframe: 2, near: reference), slot)
        }

        // every slot within half a period of the reference comes back exactly, for several numerologies
        for sps in [1, 2, 4, 8, 16] {
            let period = UInt64(2560 * sps)
            for reference in [UInt64(1_000_003), 5 * period - 1, 7 * period] {
                for slot in (reference - period / 2 + 1) ... (reference + period / 2) {
                    let f = AirCarrier.slotFields(of: slot, slotsPerSubframe: sps)
                    let back = try AirCarrier.absoluteSlot(frameId: f.frameId, subframeId: f.subframeId, slotId: f.slotId,
                                                           slotsPerSubframe: sps, near: reference)
                    if back != slot { return XCTFail("sps \(sps) reference \(reference): slot \(slot) came back as \(back)") }
                }
            }
        }
        // near the ends of UInt64 no underflow or overflow
        XCTAssertEqual(try AirCarrier.absoluteSlot(frameId: 255, subframeId: 9, slotId: 1, slotsPerSubframe: 2, near: 0), 5119)
        let top = try AirCarrier.absoluteSlot(frameId: 0, subframeId: 0, slotId: 0, slotsPerSubframe: 2, near: .max)
        XCTAssertEqual(top % 5120, 0)
        XCTAssertLessThanOrEqual(UInt64.max - top, 5120)
        // out-of-range fields from the wire are errors
        XCTAssertThrowsError(try AirCarrier.absoluteSlot(frameId: 0, subframeId: 10, slotId: 0, slotsPerSubframe: 2, near: 0)) {
            XCTAssertEqual($0 as? AirInterfaceError, .slotFieldsOutOfRange(subframeId: 10, slotId: 0, slotsPerSubframe: 2))
        }
        XCTAssertThrowsError(try AirCarrier.absoluteSlot(frameId: 0, subframeId: 0, slotId: 2, slotsPerSubframe: 2, near: 0))
    }

    // MARK: helpers

    func randomSubPDUs(_ rng: inout SplitMix64) -> [MACSubPDU] {
        (0 ..< rng.below(4)).map { _ in
            MACSubPDU(lcid: rng.byte(), length: UInt32(truncatingIfNeeded: rng.next()),
                      completedSDUs: (0 ..< rng.below(4)).map { _ in rng.next() }, content: rng.bytes(rng.below(9)))
        }
    }

    func randomGrant(_ rng: inout SplitMix64) -> UplinkGrant {
        UplinkGrant(rnti: UInt16(truncatingIfNeeded: rng.next()), harq: rng.byte(), newData: rng.bool(), mcs: rng.byte(),
                    tbsBits: UInt32(truncatingIfNeeded: rng.next()), prbStart: UInt16(truncatingIfNeeded: rng.next()),
                    prbCount: UInt16(truncatingIfNeeded: rng.next()), startSymbol: rng.byte(), symbols: rng.byte(), transmitSlot: rng.next())
    }

    func randomDownlink(_ rng: inout SplitMix64) -> DownlinkSlot {
        DownlinkSlot(
            slot: rng.next(),
            assignments: (0 ..< rng.below(4)).map { _ in
                DownlinkAssignment(rnti: UInt16(truncatingIfNeeded: rng.next()), harq: rng.byte(), newData: rng.bool(), mcs: rng.byte(),
                                   tbsBits: UInt32(truncatingIfNeeded: rng.next()), prbStart: UInt16(truncatingIfNeeded: rng.next()),
                                   prbCount: UInt16(truncatingIfNeeded: rng.next()), startSymbol: rng.byte(), symbols: rng.byte(),
                                   subPDUs: randomSubPDUs(&rng))
            },
            uplinkGrants: (0 ..< rng.below(3)).map { _ in randomGrant(&rng) },
            randomAccessResponses: (0 ..< rng.below(3)).map { _ in
                RandomAccessResponse(preamble: rng.byte(), temporaryRNTI: UInt16(truncatingIfNeeded: rng.next()), msg3: randomGrant(&rng))
            },
            releases: (0 ..< rng.below(3)).map { _ in UInt16(truncatingIfNeeded: rng.next()) })
    }

    func randomUplink(_ rng: inout SplitMix64) -> UplinkSlot {
        UplinkSlot(
            slot: rng.next(),
            harqFeedback: (0 ..< rng.below(4)).map { _ in
                HARQFeedback(rnti: UInt16(truncatingIfNeeded: rng.next()), harq: rng.byte(), ack: rng.bool(), dlSlot: rng.next())
            },
            channelReports: (0 ..< rng.below(3)).map { _ in
                ChannelReport(rnti: UInt16(truncatingIfNeeded: rng.next()), downlinkCQI: rng.byte(), uplinkCQI: rng.byte())
            },
            bufferReports: (0 ..< rng.below(3)).map { _ in
                BufferReport(rnti: UInt16(truncatingIfNeeded: rng.next()), bytes: UInt32(truncatingIfNeeded: rng.next()))
            },
            puschResults: (0 ..< rng.below(3)).map { _ in
                PUSCHResult(rnti: UInt16(truncatingIfNeeded: rng.next()), harq: rng.byte(), crcOK: rng.bool(),
                            tbsBits: UInt32(truncatingIfNeeded: rng.next()), subPDUs: randomSubPDUs(&rng))
            },
            preambles: (0 ..< rng.below(3)).map { _ in Preamble(index: rng.byte(), ueTag: UInt32(truncatingIfNeeded: rng.next())) })
    }

    /// One to four random edits: a flipped bit, a byte set to an extreme or random value, a cut,
    /// an inserted or deleted byte, or appended zeros / noise.
    func mutate(_ source: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = source
        for _ in 0 ... rng.below(4) {
            let at = b.isEmpty ? 0 : rng.below(b.count)
            switch rng.below(8) {
            case 0 where !b.isEmpty: b[at] ^= 1 << UInt8(rng.below(8))
            case 1 where !b.isEmpty: b[at] = [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFF][rng.below(6)]
            case 2 where !b.isEmpty: b[at] = rng.byte()
            case 3: b = Array(b.prefix(at))
            case 4: b.insert(rng.byte(), at: at)
            case 5 where !b.isEmpty: b.remove(at: at)
            case 6: b += [UInt8](repeating: 0, count: rng.below(60))
            default: b += rng.bytes(1 + rng.below(4))
            }
        }
        return b
    }

    func caseName(_ e: AirInterfaceError) -> String {
        switch e {
        case .truncated: "truncated"
        case .badMagic: "badMagic"
        case .unsupportedVersion: "unsupportedVersion"
        case .unknownKind: "unknownKind"
        case .wrongKind: "wrongKind"
        case .invalidBool: "invalidBool"
        case .countTooLarge: "countTooLarge"
        case .trailingBytes: "trailingBytes"
        default: "carrier or slot: \(e)"
        }
    }
}
