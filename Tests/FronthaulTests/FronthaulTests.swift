import Foundation
import Testing
@testable import Fronthaul

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

func decodeAny(_ type: any FronthaulFrame.Type, _ bytes: [UInt8], options: FronthaulOptions = .default) throws(FronthaulError) -> any FronthaulFrame {
    try type.init(bytes: bytes, options: options)
}

func sameValue(_ a: any FronthaulFrame, _ b: any FronthaulFrame) -> Bool {
    func eq<T: FronthaulFrame>(_ x: T) -> Bool { (b as? T) == x }
    return eq(a)
}

@Suite struct CatalogTests {
    @Test func catalogCoversTheBrief() {
        let names = FronthaulCatalog.samples().map(\.name)
        #expect(Set(names).count == names.count)
        for required in ["CPlane-Type1-DL", "CPlane-Type1-UL", "CPlane-Type3-PRACH", "UPlane-Uncompressed", "UPlane-BFP9", "UPlane-BFP8", "UPlane-BFP12", "UPlane-BFP14"] {
            #expect(names.contains(required))
        }
        #expect(FronthaulCatalog.types.map(\.name) == ["CPlaneMessage", "UPlaneMessage", "FronthaulMessage"])
    }

    @Test(arguments: FronthaulCatalog.samples().map(\.name))
    func roundTripAndGolden(_ name: String) throws {
        let value = FronthaulCatalog.samples().first { $0.name == name }!.value
        let bytes = try value.encode(options: .default)
        #expect(bytes.count == value.encodedCount(options: .default))
        #expect(hex(bytes) == goldenFrames[name], "golden bytes of \(name)")
        let back = try decodeAny(type(of: value), bytes)
        #expect(sameValue(value, back))
        // through the dispatching enum too
        let any = try FronthaulMessage(bytes: bytes)
        switch any {
        case let .cPlane(m): #expect(sameValue(value, m))
        case let .uPlane(m): #expect(sameValue(value, m))
        }
        #expect(try any.encode() == bytes)
        // JSON round trip (payloads as hex)
        func viaJSON<T: FronthaulFrame>(_ v: T) throws -> T { try JSONDecoder().decode(T.self, from: JSONEncoder().encode(v)) }
        #expect(sameValue(value, try viaJSON(value)))
        // encode into a larger caller buffer at no extra cost
        var buffer = [UInt8](repeating: 0xEE, count: bytes.count + 16)
        let n = try buffer.withUnsafeMutableBytes { try value.encode(into: $0, options: .default) }
        #expect(n == bytes.count && Array(buffer[..<n]) == bytes)
    }

    @Test func uPlaneJSONUsesHexPayload() throws {
        let m = FronthaulCatalog.samples().first { $0.name == "UPlane-BFP9" }!.value
        let text = String(decoding: try JSONEncoder().encode(m), as: UTF8.self)
        #expect(text.contains("\"payload\":\""))
    }

    @Test(arguments: FronthaulCatalog.samples().map(\.name))
    func truncationsAndMutationsAreTotal(_ name: String) throws {
        let value = FronthaulCatalog.samples().first { $0.name == name }!.value
        let bytes = try value.encode(options: .default)
        var errors = 0
        for n in 0 ..< bytes.count {
            do throws(FronthaulError) {
                _ = try FronthaulMessage(bytes: Array(bytes[..<n]))
                Issue.record("truncation to \(n) bytes decoded")
            } catch {
                #expect(error.byteOffset >= 0 && error.byteOffset <= n)
                errors += 1
            }
        }
        #expect(errors == bytes.count)
        var options = FronthaulOptions.default
        for layout in [EAxCLayout.default, .wireshark40] {
            options.eAxCLayout = layout
            for i in 0 ..< bytes.count {
                for delta: UInt8 in [0x01, 0x80, 0xFF, 0x10, 0x0F] {
                    var m = bytes
                    m[i] ^= delta
                    do throws(FronthaulError) {
                        let v = try FronthaulMessage(bytes: m, options: options)
                        // a decoded value re-encodes (reserved bits aside) and decodes to itself
                        let again = try v.encode(options: options)
                        #expect(try FronthaulMessage(bytes: again, options: options) == v)
                        // decompression of every section is total as well
                        if case let .uPlane(u) = v {
                            for k in u.sections.indices { _ = try? u.iqSamples(section: k, options: options) }
                        }
                    } catch {
                        #expect(error.byteOffset >= 0 && error.byteOffset <= m.count)
                        #expect(!error.field.isEmpty)
                    }
                }
            }
        }
    }

    @Test func randomBytesAreTotal() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0 ..< 20_000 {
            let n = Int.random(in: 0 ..< 64, using: &rng)
            var b = (0 ..< n).map { _ in UInt8.random(in: 0 ... 255, using: &rng) }
            if n >= 4, Bool.random(using: &rng) {  // make the eCPRI header plausible half the time
                b[0] = 0x10
                b[1] = Bool.random(using: &rng) ? 0 : 2
                b[2] = 0
                b[3] = UInt8(n - 4)
            }
            _ = try? FronthaulMessage(bytes: b)
        }
    }
}

@Suite struct HeaderTests {
    @Test func eAxCLayouts() throws {
        let id = EAxCID(duPort: 1, bandSector: 33, ccId: 3, ruPort: 5)
        #expect(try id.raw(layout: .wireshark40) == 0b01_100001_0011_0101)
        #expect(EAxCID(raw: 0b01_100001_0011_0101, layout: .wireshark40) == id)
        #expect(throws: FronthaulError.self) { try id.raw(layout: .default) }  // 33 needs 6 bits
        let odd = EAxCLayout(duPortBits: 0, bandSectorBits: 3, ccBits: 3, ruPortBits: 10)
        let w = EAxCID(duPort: 0, bandSector: 7, ccId: 2, ruPort: 1000)
        #expect(EAxCID(raw: try w.raw(layout: odd), layout: odd) == w)
        #expect(throws: FronthaulError.self) { try w.raw(layout: EAxCLayout(duPortBits: 4, bandSectorBits: 4, ccBits: 4, ruPortBits: 5)) }
    }

    @Test func typedErrorsNameFieldAndOffset() throws {
        let dl = FronthaulCatalog.samples()[0].value as! CPlaneMessage
        var bytes = try dl.encode()
        bytes[0] = 0x20  // revision 2
        #expect(throws: FronthaulError(.unsupported("eCPRI revision 2"), field: "ecpri.revision", byteOffset: 0)) { try CPlaneMessage(bytes: bytes) }
        bytes = try dl.encode()
        bytes[3] += 1  // payload size one too large
        #expect(throws: FronthaulError(.truncated(needed: 37, available: 36), field: "ecpri.payload", byteOffset: 4)) { try CPlaneMessage(bytes: bytes) }
        bytes = try dl.encode()
        bytes.append(0)
        #expect(throws: FronthaulError(.lengthMismatch(expected: 36, actual: 37), field: "ecpri.payloadSize", byteOffset: 2)) { try CPlaneMessage(bytes: bytes) }
        var padded = FronthaulOptions.default
        padded.allowTrailingBytes = true
        #expect(try CPlaneMessage(bytes: bytes, options: padded) == dl)
        bytes = try dl.encode()
        bytes[13] = 5  // section type 5
        let e = #expect(throws: FronthaulError.self) { try CPlaneMessage(bytes: bytes) }
        #expect(e?.field == "sectionType" && e?.byteOffset == 13)
        var bad = dl
        bad.sections[1].startPrbc = 1024
        let e2 = #expect(throws: FronthaulError.self) { try bad.encode() }
        #expect(e2?.field == "section[1].startPrbc" && e2?.byteOffset == 24 + 1)
        bad = dl
        bad.sections[0].freqOffset = 1
        #expect(throws: FronthaulError.self) { try bad.encode() }
        #expect(throws: FronthaulError.self) { _ = try dl.encode(into: UnsafeMutableRawBufferPointer(start: nil, count: 0), options: .default) }
    }

    @Test func sectionExtensionsRoundTrip() throws {
        var m = FronthaulCatalog.samples()[0].value as! CPlaneMessage
        m.sections[0].extensions = [SectionExtension(extType: 6, contents: [0x80, 0, 0, 1, 0, 0]),
                                    SectionExtension(extType: 11, contents: [0x80, 0, 0, 0, 0])]
        let bytes = try m.encode()
        #expect(bytes.count == m.encodedCount(options: .default))
        #expect(try CPlaneMessage(bytes: bytes) == m)
        m.sections[0].extensions = [SectionExtension(extType: 6, contents: [1])]
        #expect(throws: FronthaulError.self) { try m.encode() }
    }

    @Test func uPlaneStaticCompressionAndAllPRBs() throws {
        var options = FronthaulOptions.default
        options.uplinkUdCompHdrPresent = false
        options.uplinkStaticCompression = .bfp(12)
        let iq = FronthaulCatalog.testIQ(prbCount: 273, seed: 9)
        let section = try UPlaneSection(sectionId: 5, startPrbu: 0, iq: iq, compression: .bfp(12), includeUdCompHdr: false)
        let m = UPlaneMessage(eAxC: EAxCID(ruPort: 1), sequence: SequenceID(sequenceId: 9),
                              header: UPlaneHeader(dataDirection: .uplink, frameId: 1, subframeId: 0, slotId: 0, symbolId: 0), sections: [section])
        let bytes = try m.encode(options: options)
        #expect(bytes[8 + 4 + 3] == 0)  // numPrbu 273 sent as 0
        let back = try UPlaneMessage(bytes: bytes, options: options)
        #expect(back == m)
        #expect(try back.iqSamples(section: 0, options: options) == IQCodec.decompress(section.payload, compression: .bfp(12)))
        #expect(throws: FronthaulError.self) { try m.encode(options: .default) }  // header configured present but missing
    }
}

@Suite struct BFPTests {
    /// 0 ≤ x − x̂ ≤ 2^e − 1 with e = max(0, bitlen(peak) − (w − 1)).
    static func exponent(_ prb: ArraySlice<Int16>, width w: Int) -> Int {
        let peak = prb.map { $0 >= 0 ? Int($0) : -Int($0) - 1 }.max()!
        let bits = Int.bitWidth - peak.leadingZeroBitCount
        return max(0, bits - (w - 1))
    }

    static let widths = [8, 9, 12, 14, 16, 5, 10, 11, 13, 15]

    @Test(arguments: widths)
    func errorBound(_ w: Int) throws {
        var rng = SystemRandomNumberGenerator()
        let prbs = 400
        var x = FronthaulCatalog.testIQ(prbCount: prbs / 2, seed: w)
        for p in 0 ..< prbs / 2 {  // random peaks, including the extremes
            let k = Int.random(in: 0 ... 15, using: &rng)
            for _ in 0 ..< 24 { x.append(Int16(truncatingIfNeeded: Int.random(in: -(1 << k) ... (1 << k) - 1, using: &rng))) }
            if p % 7 == 0 { x[x.count - 1] = .min; x[x.count - 2] = .max }
        }
        let c = UdCompHdr.bfp(w)
        let bytes = try IQCodec.compress(x, compression: c)
        #expect(bytes.count == prbs * (1 + 3 * w))
        let y = try IQCodec.decompress(bytes, compression: c)
        for p in 0 ..< prbs {
            let slice = x[p * 24 ..< (p + 1) * 24]
            let e = Self.exponent(slice, width: w)
            #expect(Int(bytes[p * (1 + 3 * w)]) == e)
            #expect(e <= 16 - w)
            for i in p * 24 ..< (p + 1) * 24 {
                let d = Int(x[i]) - Int(y[i])
                #expect(d >= 0 && d <= (1 << e) - 1, "w=\(w) prb \(p) value \(x[i]) → \(y[i])")
            }
        }
        // second pass is exact: decompressed values are representable
        #expect(try IQCodec.decompress(IQCodec.compress(y, compression: c), compression: c) == y)
    }

    @Test(arguments: widths)
    func exactForRepresentableValues(_ w: Int) throws {
        var rng = SystemRandomNumberGenerator()
        var x: [Int16] = []
        for p in 0 ..< 64 {
            let k = p % (16 - w + 1)  // shared scale 2^k
            for _ in 0 ..< 24 {
                let m = Int.random(in: -(1 << (w - 1)) ... (1 << (w - 1)) - 1, using: &rng)
                x.append(Int16(m << k))
            }
        }
        #expect(try IQCodec.decompress(IQCodec.compress(x, compression: .bfp(w)), compression: .bfp(w)) == x)
    }

    @Test func uncompressedIsBigEndian16() throws {
        let x: [Int16] = (0 ..< 24).map { Int16($0 * 1000 - 12000) }
        let b = try IQCodec.compress(x, compression: .uncompressed)
        #expect(b[0] == 0xD1 && b[1] == 0x20)  // −12000 = 0xD120
        #expect(try IQCodec.decompress(b, compression: .uncompressed) == x)
        #expect(throws: FronthaulError.self) { try IQCodec.compress([Int16](repeating: 200, count: 24), compression: UdCompHdr(iqWidth: 8, method: .none)) }
    }

    @Test func badExponentIsTypedError() throws {
        var b = try IQCodec.compress(FronthaulCatalog.testIQ(prbCount: 3), compression: .bfp(9))
        b[28] = 0x08  // PRB 1: exponent 8 > 7
        let e = #expect(throws: FronthaulError.self) { try IQCodec.decompress(b, compression: .bfp(9)) }
        #expect(e?.field == "prb[1].udCompParam" && e?.byteOffset == 28)
    }

    @Test(arguments: [UdCompHdr.bfp(9), .bfp(8), .bfp(12), .bfp(14), .uncompressed])
    func hotPathMatchesValueAPI(_ c: UdCompHdr) throws {
        let prbs = 273
        let iq = FronthaulCatalog.testIQ(prbCount: prbs, seed: 4)
        let header = UPlaneHeader(dataDirection: .downlink, frameId: 9, subframeId: 3, slotId: 1, symbolId: 13)
        let section = UPlaneSectionHeader(sectionId: 77, startPrbu: 0, numPrbu: prbs, udCompHdr: c)
        var frame = [UInt8](repeating: 0, count: UPlaneFrame.frameSize(prbCount: prbs, compression: c) + 3)
        let n = try iq.withUnsafeBufferPointer { src in
            try frame.withUnsafeMutableBytes { dst in
                try UPlaneFrame.pack(into: dst, eAxC: EAxCID(ruPort: 3), sequence: SequenceID(sequenceId: 1), header: header, section: section, iq: src)
            }
        }
        #expect(n == frame.count - 3)
        let bytes = Array(frame[..<n])
        let value = UPlaneMessage(eAxC: EAxCID(ruPort: 3), sequence: SequenceID(sequenceId: 1), header: header,
                                  sections: [try UPlaneSection(sectionId: 77, startPrbu: 0, iq: iq, compression: c)])
        #expect(try value.encode() == bytes)
        var out = [Int16](repeating: 0, count: prbs * 24)
        let r = try bytes.withUnsafeBytes { src in try out.withUnsafeMutableBufferPointer { try UPlaneFrame.unpack(src, into: $0) } }
        #expect(r.values == prbs * 24 && r.header == header)
        #expect(out == (try value.iqSamples(section: 0)))
        var small = [Int16](repeating: 0, count: prbs * 24 - 1)
        #expect(throws: FronthaulError.self) { try bytes.withUnsafeBytes { src in try small.withUnsafeMutableBufferPointer { try UPlaneFrame.unpack(src, into: $0) } } }
    }
}

/// Findings of the review, kept as regressions: settings and JSON values a caller supplies must
/// give typed errors, never a trap.
@Suite("Fronthaul settings from the caller are checked")
struct FronthaulOptionsRegressionTests {
    /// A U-plane frame whose section says numPrbu = 0 ("all PRBs").
    let allPRBsFrame: [UInt8] = [0x10, 0x00, 0x00, 0x0E, 0x00, 0x00, 0x80, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x91, 0x00]

    @Test func allPRBsOutsideItsRangeIsAnError() {
        for allPRBs in [-1, 0, Int.max / 4] {
            let options = FronthaulOptions(allPRBs: allPRBs)
            #expect(throws: FronthaulError.self) { _ = try FronthaulMessage(bytes: allPRBsFrame, options: options) }
        }
    }

    @Test func absurdEAxCWidthsAreInvalidNotATrap() {
        let layout = EAxCLayout(duPortBits: Int.max, bandSectorBits: 1, ccBits: 0, ruPortBits: 0)
        #expect(!layout.isValid)
        #expect(throws: FronthaulError.self) { _ = try FronthaulMessage(bytes: allPRBsFrame, options: FronthaulOptions(eAxCLayout: layout)) }
    }

    @Test func absurdWidthsAndCountsAreErrors() {
        let huge = UdCompHdr(iqWidth: 1 << 62, method: .blockFloatingPoint)
        #expect(huge.bytesPerPRB <= 49)
        #expect(throws: FronthaulError.self) { _ = try IQCodec.compress([Int16](repeating: 0, count: 24), compression: huge) }
        var out = [Int16](repeating: 0, count: 24)
        #expect(throws: FronthaulError.self) {
            _ = try out.withUnsafeMutableBufferPointer { o in try [UInt8](repeating: 0, count: 16).withUnsafeBytes { try IQCodec.decompress($0, prbCount: Int.max / 2, compression: .bfp(9), into: o) } }
        }
    }
}
