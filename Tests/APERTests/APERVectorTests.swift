import Testing

@testable import APER

/// Encodings checked against asn1tools 0.169 (`compile_string(spec, 'per')`), each type being
/// `SEQUENCE { a BOOLEAN, b <type> }` with a = TRUE so alignment after one bit is exercised.
@Suite("APER encodings match an independent codec")
struct APERVectorTests {
    func encode(_ body: (inout APEREncoder) throws -> Void) throws -> String {
        var e = APEREncoder()
        e.encodeBoolean(true)
        try body(&e)
        return hexString(e.finished())
    }

    func decoder(_ hex: String) throws -> APERDecoder {
        var d = APERDecoder(OctetString(hex: hex)!.bytes)
        #expect(try d.decodeBoolean())
        return d
    }

    @Test func integers() throws {
        #expect(try encode { try $0.encodeInteger(5, in: 0...4_294_967_295) } == "8005")
        #expect(try encode { try $0.encodeInteger(70000, in: 0...4_294_967_295) } == "c0011170")
        #expect(try encode { try $0.encodeInteger(5, in: 1...1_000_000, extensible: true) } == "8004")
        #expect(try encode { try $0.encodeInteger(2_000_000, in: 1...1_000_000, extensible: true) } == "c0031e8480")
        #expect(try encode { $0.encodeUnconstrainedInteger(-1) } == "8001ff")
        #expect(try encode { $0.encodeUnconstrainedInteger(128) } == "80020080")
        #expect(try encode { try $0.encodeInteger(0, lowerBound: 0) } == "800100")
        #expect(try encode { try $0.encodeInteger(256, lowerBound: 0) } == "80020100")

        var d = try decoder("c0031e8480")
        #expect(try d.decodeInteger(in: 1...1_000_000, extensible: true) == 2_000_000)
        d = try decoder("c0011170")
        #expect(try d.decodeInteger(in: 0...4_294_967_295) == 70000)
        d = try decoder("8001ff")
        #expect(try d.decodeUnconstrainedInteger() == -1)
        d = try decoder("80020100")
        #expect(try d.decodeInteger(lowerBound: 0) == 256)
    }

    @Test func strings() throws {
        #expect(try encode { try $0.encodeBitString(BitString(bytes: [0xA0], length: 3), size: 1...8) } == "a0a0")
        #expect(try encode { try $0.encodeBitString(BitString(value: 0, length: 22), size: 22...32) } == "80000000")
        #expect(try encode { try $0.encodeBitString(BitString(bytes: [0xFF, 0xC0], length: 10), size: 10...10) } == "ffe0")
        #expect(try encode { try $0.encodeBitString(BitString(bytes: [0xFF, 0xFF, 0xF0], length: 20), size: 20...20) } == "80fffff0")
        #expect(try encode { try $0.encodeOctetString([1], size: 1...2) } == "8001")
        #expect(try encode { try $0.encodeOctetString([1, 2], size: 1...2) } == "c00102")
        #expect(try encode { try $0.encodeOctetString([1]) } == "800101")
        #expect(try encode { try $0.encodeOctetString([1, 2], size: 2...2) } == "808100")
        #expect(try encode { try $0.encodeOctetString([1, 2, 3], size: 3...3) } == "80010203")
        #expect(try encode { try $0.encodeString("ab", kind: .printable, size: 1...150, extensible: true) } == "80406162")
        #expect(try encode { try $0.encodeString("a", kind: .printable, size: 1...2) } == "8061")
        #expect(try encode { try $0.encodeString("ab", kind: .printable, size: 2...2) } == "b0b100")
        #expect(try encode { try $0.encodeString("abc", kind: .printable, size: 3...3) } == "80616263")
        #expect(try encode { try $0.encodeUTF8String("hé") } == "800368c3a9")

        var d = try decoder("a0a0")
        #expect(try d.decodeBitString(size: 1...8) == BitString(bytes: [0xA0], length: 3))
        d = try decoder("ffe0")
        #expect(try d.decodeBitString(size: 10...10) == BitString(bytes: [0xFF, 0xC0], length: 10))
        d = try decoder("808100")
        #expect(try d.decodeOctetString(size: 2...2) == [1, 2])
        d = try decoder("80406162")
        #expect(try d.decodeString(kind: .printable, size: 1...150, extensible: true) == "ab")
        d = try decoder("b0b100")
        #expect(try d.decodeString(kind: .printable, size: 2...2) == "ab")
        d = try decoder("800368c3a9")
        #expect(try d.decodeUTF8String() == "hé")
    }

    @Test func enumeratedChoiceAndExtensions() throws {
        #expect(try encode { try $0.encodeEnumerated(2, rootCount: 2, extensible: true) } == "c000")
        // CHOICE { x NULL, y BOOLEAN, ..., z INTEGER }: z = 5 as an extension alternative
        #expect(try encode {
            try $0.encodeChoiceIndex(2, rootCount: 2, extensible: true)
            try $0.encodeOpenType { $0.encodeUnconstrainedInteger(5) }
        } == "c000020105")
        #expect(try encode {
            try $0.encodeChoiceIndex(1, rootCount: 2, extensible: true)
            $0.encodeBoolean(true)
        } == "b0")
        // SEQUENCE { a BOOLEAN, b INTEGER OPTIONAL, ..., c INTEGER OPTIONAL, d BOOLEAN OPTIONAL } {a TRUE, c 5, d TRUE}
        var e = APEREncoder()
        e.encodeSequencePreamble(extensible: true, extended: true, optionalCount: 1, present: 0)
        e.encodeBoolean(true)
        try e.encodeExtensionAdditions(count: 2, present: { _ in true }) { enc, i in
            if i == 0 { enc.encodeUnconstrainedInteger(5) } else { enc.encodeBoolean(true) }
        }
        #expect(hexString(e.finished()) == "a0700201050180")

        var d = APERDecoder(OctetString(hex: "a0700201050180")!.bytes)
        let (extended, present) = try d.decodeSequencePreamble(extensible: true, optionalCount: 1)
        #expect(extended && !present[0])
        #expect(try d.decodeBoolean())
        var seen: [Int64] = []
        try d.decodeExtensionAdditions(known: 2) { dec, i in
            seen.append(i == 0 ? try dec.decodeUnconstrainedInteger() : (try dec.decodeBoolean() ? 1 : 0))
        }
        #expect(seen == [5, 1])

        // an addition unknown to this version is skipped, not an error
        d = APERDecoder(OctetString(hex: "a0700201050180")!.bytes)
        _ = try d.decodeSequencePreamble(extensible: true, optionalCount: 1)
        _ = try d.decodeBoolean()
        var calls = 0
        try d.decodeExtensionAdditions(known: 1) { dec, _ in calls += 1; _ = try dec.decodeUnconstrainedInteger() }
        #expect(calls == 1)
        #expect(d.remainingBits == 0)
    }
}
