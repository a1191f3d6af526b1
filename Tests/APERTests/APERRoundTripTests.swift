import Testing

@testable import APER

@Suite("APER round trips, fragmentation and limits")
struct APERRoundTripTests {
    @Test func integersRoundTripAcrossRangeClasses() throws {
        let ranges: [ClosedRange<Int64>] = [0...0, 0...1, 0...7, -5...250, 0...255, 0...256, 0...65535, 0...65536, 0...4_294_967_295, Int64.min...Int64.max, -2_147_483_648...2_147_483_647]
        var rng = SystemRandomNumberGenerator()
        for range in ranges {
            var values: [Int64] = [range.lowerBound, range.upperBound]
            for _ in 0..<50 { values.append(Int64.random(in: range, using: &rng)) }
            var e = APEREncoder()
            for v in values { e.encodeBoolean(v & 1 == 0); try e.encodeInteger(v, in: range) }
            var d = APERDecoder(e.finished())
            for v in values {
                #expect(try d.decodeBoolean() == (v & 1 == 0))
                #expect(try d.decodeInteger(in: range) == v)
            }
        }
        for v: Int64 in [0, 1, -1, 127, 128, -128, -129, 1 << 40, Int64.max, Int64.min] {
            var e = APEREncoder()
            e.encodeUnconstrainedInteger(v)
            var d = APERDecoder(e.finished())
            #expect(try d.decodeUnconstrainedInteger() == v)
        }
    }

    @Test func realRoundTripsAndMatchesDER() throws {
        // 0.5 = mantissa 1, exponent -1 → 80 ff 01 (X.690 canonical)
        #expect(realContents(0.5) == [0x80, 0xFF, 0x01])
        #expect(realContents(1) == [0x80, 0x00, 0x01])
        #expect(realContents(-3) == [0xC0, 0x00, 0x03])
        for v in [0.0, -0.0, 1.5, -2.25, 1e300, Double.leastNonzeroMagnitude, 123456.789, .infinity, -.infinity] {
            var e = APEREncoder()
            e.encodeReal(v)
            var d = APERDecoder(e.finished())
            let back = try d.decodeReal()
            #expect(back == v && back.sign == v.sign)
        }
        var e = APEREncoder()
        e.encodeReal(.nan)
        var d = APERDecoder(e.finished())
        #expect(try d.decodeReal().isNaN)
    }

    @Test func octetStringsAbove16KAreFragmented() throws {
        for count in [0, 127, 128, 16383, 16384, 16385, 65536, 65536 + 16384 + 5, 200_000] {
            let value = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var e = APEREncoder()
            e.encodeBoolean(true)
            try e.encodeOctetString(value)
            let bytes = e.finished()
            if count >= 16384 {
                #expect(bytes[1] & 0xC0 == 0xC0, "a fragment header starts the length")
            }
            var d = APERDecoder(bytes)
            _ = try d.decodeBoolean()
            #expect(try d.decodeOctetString() == value)
            #expect(d.remainingBits == 0)
        }
    }

    @Test func openTypesNestAndConfineTheirDecoder() throws {
        var e = APEREncoder()
        try e.encodeOpenType { inner in
            try inner.encodeInteger(7, in: 0...255)
            try inner.encodeOpenType { try $0.encodeOctetString([1, 2, 3]) }
        }
        try e.encodeInteger(9, in: 0...15)
        var d = APERDecoder(e.finished())
        let inner = try d.decodeOpenType { dec -> [UInt8] in
            #expect(try dec.decodeInteger(in: 0...255) == 7)
            return try dec.decodeOpenType { try $0.decodeOctetString() }
        }
        #expect(inner == [1, 2, 3])
        #expect(try d.decodeInteger(in: 0...15) == 9)

        // a large open type (> 16K) round-trips through fragmentation
        let big = [UInt8](repeating: 0xAB, count: 40000)
        e = APEREncoder()
        try e.encodeOpenType { try $0.encodeOctetString(big, size: 40000...40000) }
        d = APERDecoder(e.finished())
        #expect(try d.decodeOpenType { try $0.decodeOctetString(size: 40000...40000) } == big)

        // reading past an open type's end is a truncation error, even with bytes after it
        var e2 = APEREncoder()
        try e2.encodeOpenType { try $0.encodeInteger(1, in: 0...255) }
        e2.writeOctets([0xFF, 0xFF, 0xFF, 0xFF])
        var d2 = APERDecoder(e2.finished())
        #expect(throws: APERError.self) {
            try d2.decodeOpenType { dec in _ = try dec.decodeInteger(in: 0...65535) }
        }
    }

    @Test func errorsNameTheFieldAndOffset() throws {
        var e = APEREncoder()
        #expect(throws: APERError.self) { try e.component("outer") { try $0.encodeInteger(300, in: 0...255, "inner") } }
        do {
            try e.component("outer") { try $0.encodeInteger(300, in: 0...255, "inner") }
        } catch let error as APERError {
            #expect(error.path == ["outer", "inner"])
            #expect(error.description.hasPrefix("outer.inner: value out of range"))
        }
        var d = APERDecoder([0x80])
        do {
            _ = try d.component("seq") { dec in
                _ = try dec.decodeBoolean()
                return try dec.component("id") { try $0.decodeInteger(in: 0...65535, "value") }
            }
            Issue.record("expected truncation")
        } catch let error as APERError {
            #expect(error.path == ["seq", "id", "value"])
            #expect(error.bitOffset == 8)
            if case .truncated = error.kind {} else { Issue.record("kind \(error.kind)") }
        }
    }

    @Test func hugeCountsAreRefusedBeforeAllocating() throws {
        // a SEQUENCE OF claiming 16383 elements of ≥ 8 bits in a 3-octet input: refused at the
        // count, before any element is decoded or storage reserved
        var d = APERDecoder([0xBF, 0xFF, 0x00])
        var elementsDecoded = 0
        do {
            _ = try d.decodeSequenceOf(minimumElementBits: 8) { dec -> Int64 in
                elementsDecoded += 1
                return try dec.decodeInteger(in: 0...255)
            }
            Issue.record("expected a truncation error")
        } catch let error as APERError {
            #expect(error.kind == .truncated(needed: 16383 * 8, available: 8))
            #expect(error.bitOffset == 16)
        }
        #expect(elementsDecoded == 0)

        // a fragment header promising 64K octets with one octet behind it: refused at the header
        d = APERDecoder([0xC4, 0x00])
        do {
            _ = try d.decodeOctetString()
            Issue.record("expected a truncation error")
        } catch let error as APERError {
            #expect(error.kind == .truncated(needed: 65536 * 8, available: 8))
            #expect(error.bitOffset == 8)
        }
    }

    /// `SEQUENCE (SIZE(1..2147483647)) OF INTEGER (0..255)` and `OCTET STRING` of 16K and more,
    /// against asn1tools 0.169: fragment headers, the element split and the closing length.
    @Test func fragmentsMatchAnIndependentCodec() throws {
        let elements = { (n: Int) in (0..<n).map { Int64($0 % 256) } }
        for (n, length, head, tail) in [(16384, 16386, "c10001", "feff00"), (16385, 16387, "c10001", "ff0100"), (81920, 81923, "c40001", "feff00")] {
            var e = APEREncoder()
            try e.encodeSequenceOf(elements(n), size: 1...2_147_483_647) { try $0.encodeInteger($1, in: 0...255) }
            let bytes = e.finished()
            #expect(bytes.count == length)
            #expect(hexString(bytes.prefix(3)) == head)
            #expect(hexString(bytes.suffix(3)) == tail)
            if n == 81920 { #expect(hexString(bytes[65537..<65540]) == "c10001") }  // 4×16K, then 1×16K, then 0
            var d = APERDecoder(bytes)
            let back = try d.decodeSequenceOf(size: 1...2_147_483_647, minimumElementBits: 8) { try $0.decodeInteger(in: 0...255) }
            #expect(back == elements(n))
            #expect(d.remainingBits == 0)
        }
        for (n, length, head) in [(16384, 16386, "c100"), (81920, 81923, "c400")] {
            var e = APEREncoder()
            try e.encodeOctetString((0..<n).map { UInt8($0 % 256) })
            let bytes = e.finished()
            #expect(bytes.count == length && hexString(bytes.prefix(2)) == head && hexString(bytes.suffix(3)) == "feff00")
        }
        // a fragmented list without its closing length is an error, not a shorter list
        var e = APEREncoder()
        try e.encodeSequenceOf(elements(16384), size: 1...2_147_483_647) { try $0.encodeInteger($1, in: 0...255) }
        var d = APERDecoder(Array(e.finished().dropLast()))
        #expect(throws: APERError.self) { _ = try d.decodeSequenceOf(size: 1...2_147_483_647, minimumElementBits: 8) { try $0.decodeInteger(in: 0...255) } }
    }

    @Test func longFragmentedBitStringsDecodeByOctets() throws {
        let bits = BitString(bytes: (0..<40000).map { UInt8($0 % 251) }, length: 40000 * 8 - 3)
        var e = APEREncoder()
        try e.encodeBitString(bits)
        var d = APERDecoder(e.finished())
        #expect(try d.decodeBitString() == bits)
    }

    @Test func nestingIsBounded() throws {
        // 200 nested open types, each holding the next
        var bytes: [UInt8] = [0x00]
        for _ in 0..<200 { bytes = [0x80 | UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes }
        var d = APERDecoder(bytes, maxDepth: 16)
        func nest(_ dec: inout APERDecoder) throws -> Int { try dec.decodeOpenType { try nest(&$0) } }
        do {
            _ = try nest(&d)
            Issue.record("expected tooDeep")
        } catch let error as APERError {
            if case .tooDeep(16) = error.kind {} else { Issue.record("kind \(error.kind)") }
        }
    }

    @Test func primitivesAreTotalOnRandomInput() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var d = APERDecoder(bytes)
            _ = try? d.decodeOctetString()
            d = APERDecoder(bytes); _ = try? d.decodeBitString(size: 0...70000)
            d = APERDecoder(bytes); _ = try? d.decodeUTF8String()
            d = APERDecoder(bytes); _ = try? d.decodeReal()
            d = APERDecoder(bytes); _ = try? d.decodeInteger(lowerBound: -5)
            d = APERDecoder(bytes); _ = try? d.decodeInteger(in: 0...4_294_967_295)
            d = APERDecoder(bytes); _ = try? d.decodeExtensionAdditions(known: 3) { dec, _ in _ = try dec.decodeBoolean() }
            d = APERDecoder(bytes); _ = try? d.decodeString(kind: .printable, size: 1...150, extensible: true)
            d = APERDecoder(bytes); _ = try? d.decodeNormallySmallThenCount()
        }
    }
}

extension APERDecoder {
    fileprivate mutating func decodeNormallySmallThenCount() throws {
        _ = try readNormallySmall()
        _ = try decodeCount(size: 0...65535)
    }
}
