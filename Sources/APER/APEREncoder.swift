/// Writes ITU-T X.691 aligned PER (ALIGNED variant, BASIC-PER).
///
/// Each `encode…` method writes one value of a constrained type; a generated type's `encode(aper:)`
/// calls them in component order. Values that break their constraint throw `APERError`
/// (`valueOutOfRange` / `invalidLength`) naming the field, so a hand-written JSON PDU with a
/// bad value is reported rather than silently truncated.
public struct APEREncoder: Sendable {
    /// The encoding so far; the last octet may be partly filled (see `bitCount`).
    public internal(set) var bytes: [UInt8]
    /// Bits written so far.
    public private(set) var bitCount: Int = 0

    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Drops everything written, keeping the buffer's capacity.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        bitCount = 0
    }

    /// The complete encoding: padded to an octet, and a single zero octet if nothing was written
    /// (X.691 10.1.3).
    public func finished() -> [UInt8] {
        bytes.isEmpty ? [0] : bytes
    }

    // MARK: bits

    @inline(__always)
    public mutating func writeBits(_ value: UInt64, count: Int) {
        if bitCount & 7 == 0 && count & 7 == 0 {
            // octet-aligned whole octets (lengths, aligned integers): append them directly
            var shift = count - 8
            while shift >= 0 {
                bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
                shift -= 8
            }
            bitCount += count
            return
        }
        var remaining = count
        while remaining > 0 {
            let used = bitCount & 7
            if used == 0 { bytes.append(0) }
            let space = 8 - used
            let take = min(space, remaining)
            let chunk = UInt8(truncatingIfNeeded: (value >> UInt64(remaining - take)) & ((1 << UInt64(take)) - 1))
            bytes[bytes.count - 1] |= chunk << UInt8(space - take)
            bitCount += take
            remaining -= take
        }
    }

    @inline(__always)
    public mutating func writeBit(_ bit: Bool) {
        writeBits(bit ? 1 : 0, count: 1)
    }

    /// Pads with zero bits to the next octet boundary.
    @inline(__always)
    public mutating func align() {
        bitCount = (bitCount + 7) & ~7
    }

    public mutating func writeOctets(_ octets: some Collection<UInt8>) {
        align()
        bytes.append(contentsOf: octets)
        bitCount += octets.count * 8
    }

    // MARK: error context

    /// Runs `body`, prefixing any error's path with `name` (evaluated only on error).
    @inlinable
    public mutating func component<T>(_ name: @autoclosure () -> String, _ body: (inout APEREncoder) throws -> T) throws -> T {
        do {
            return try body(&self)
        } catch let error as APERError {
            throw error.within(name())
        }
    }

    func failure(_ kind: APERError.Kind, _ name: String?) -> APERError {
        APERError(kind, path: name.map { [$0] } ?? [], bitOffset: bitCount)
    }

    // MARK: whole numbers (X.691 10.5 – 10.9)

    /// A constrained whole number `offset` (value − lb) in a range of `range` values
    /// (`range == 0` means 2^64).
    public mutating func writeConstrainedWholeNumber(_ offset: UInt64, range: UInt64) {
        if range == 1 { return }
        if range != 0 && range <= 255 {
            writeBits(offset, count: bitWidth(range - 1))
        } else if range == 256 {
            align()
            writeBits(offset, count: 8)
        } else if range != 0 && range <= 65536 {
            align()
            writeBits(offset, count: 16)
        } else {
            // indefinite-length case: octet count as a constrained number, then the octets
            let maxOctets = range == 0 ? 8 : octetWidth(range - 1)
            let octets = max(1, octetWidth(offset))
            writeConstrainedWholeNumber(UInt64(octets - 1), range: UInt64(maxOctets))
            align()
            writeBits(offset, count: octets * 8)
        }
    }

    /// A normally small non-negative whole number (X.691 10.6).
    public mutating func writeNormallySmall(_ n: Int) {
        if n <= 63 {
            writeBits(UInt64(n), count: 7)
        } else {
            writeBit(true)
            writeUnconstrainedLength(octetWidth(UInt64(n)))
            writeBits(UInt64(n), count: octetWidth(UInt64(n)) * 8)
        }
    }

    /// A length determinant without an upper bound below 64K (X.691 11.9.3.6–11.9.3.7);
    /// `n` must be below 16384 (longer runs go through `writeFragmented`).
    public mutating func writeUnconstrainedLength(_ n: Int) {
        precondition(n >= 0 && n < 16384, "a length of 16K or more must be written in fragments (writeFragmented)")
        align()
        if n < 128 {
            writeBits(UInt64(n), count: 8)
        } else {
            writeBits(0x8000 | UInt64(n), count: 16)
        }
    }

    /// A length determinant for `n` in `lb...ub` (ub < 64K: constrained; otherwise unconstrained, n < 16K).
    public mutating func writeLength(_ n: Int, lb: Int, ub: Int) {
        if ub < 65536 {
            writeConstrainedWholeNumber(UInt64(n - lb), range: UInt64(ub - lb + 1))
        } else {
            writeUnconstrainedLength(n)
        }
    }

    /// `count` units with an unconstrained length, fragmented in 16K blocks (X.691 11.9.3.8).
    /// `units` writes the units in the range it is given.
    public mutating func writeFragmented(count: Int, _ units: (inout APEREncoder, Range<Int>) throws -> Void) rethrows {
        var done = 0
        while count - done >= 16384 {
            let blocks = min(4, (count - done) / 16384)
            align()
            writeBits(0xC0 | UInt64(blocks), count: 8)
            try units(&self, done..<(done + blocks * 16384))
            done += blocks * 16384
        }
        writeUnconstrainedLength(count - done)
        try units(&self, done..<count)
    }

    // MARK: simple types

    public mutating func encodeBoolean(_ value: Bool) {
        writeBit(value)
    }

    /// INTEGER (lb..ub) or INTEGER (lb..ub, ...).
    public mutating func encodeInteger(_ value: Int64, in range: ClosedRange<Int64>, extensible: Bool = false, _ name: String? = nil) throws {
        let inside = range.contains(value)
        if extensible {
            writeBit(!inside)
            if !inside { return writeUnconstrainedInteger(value) }
        } else if !inside {
            throw failure(.valueOutOfRange("\(value) not in \(range.lowerBound)...\(range.upperBound)"), name)
        }
        let offset = UInt64(bitPattern: value &- range.lowerBound)
        let span = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        writeConstrainedWholeNumber(offset, range: span)
    }

    /// INTEGER (lb..MAX).
    public mutating func encodeInteger(_ value: Int64, lowerBound: Int64, _ name: String? = nil) throws {
        guard value >= lowerBound else {
            throw failure(.valueOutOfRange("\(value) below lower bound \(lowerBound)"), name)
        }
        let offset = UInt64(bitPattern: value &- lowerBound)
        let octets = max(1, octetWidth(offset))
        writeUnconstrainedLength(octets)
        writeBits(offset, count: octets * 8)
    }

    /// INTEGER without constraint (two's complement, minimal octets).
    public mutating func encodeUnconstrainedInteger(_ value: Int64) {
        writeUnconstrainedInteger(value)
    }

    private mutating func writeUnconstrainedInteger(_ value: Int64) {
        var octets = 1
        while octets < 8 {
            let shift = Int64(octets * 8 - 1)
            if value >= -(1 << shift) && value < (1 << shift) { break }
            octets += 1
        }
        writeUnconstrainedLength(octets)
        writeBits(UInt64(bitPattern: value), count: octets * 8)
    }

    /// ENUMERATED with `rootCount` root values; `index >= rootCount` is extension value `index - rootCount`.
    public mutating func encodeEnumerated(_ index: Int, rootCount: Int, extensible: Bool = false, _ name: String? = nil) throws {
        if extensible {
            writeBit(index >= rootCount)
            if index >= rootCount { return writeNormallySmall(index - rootCount) }
        } else if index >= rootCount {
            throw failure(.valueOutOfRange("enumeration index \(index) beyond \(rootCount) values"), name)
        }
        writeConstrainedWholeNumber(UInt64(index), range: UInt64(rootCount))
    }

    /// REAL (X.691 15: a length and the CER/DER contents octets, base 2), written without a
    /// temporary buffer.
    public mutating func encodeReal(_ value: Double) {
        guard let parts = RealParts(value) else {
            let special: UInt8 = value.isNaN ? 0x42 : value.isInfinite ? (value < 0 ? 0x41 : 0x40) : (value.sign == .minus ? 0x43 : 0)
            if value == 0 && value.sign == .plus {
                writeUnconstrainedLength(0)
            } else {
                writeUnconstrainedLength(1)
                writeBits(UInt64(special), count: 8)
            }
            return
        }
        writeUnconstrainedLength(1 + parts.exponentOctets + parts.mantissaOctets)
        writeBits(UInt64(parts.first), count: 8)
        writeBits(UInt64(bitPattern: parts.exponent), count: parts.exponentOctets * 8)
        writeBits(parts.mantissa, count: parts.mantissaOctets * 8)
    }

    // MARK: strings

    /// Writes the SIZE part of a string-like type; returns whether the units that follow are
    /// octet-aligned. Throws when `n` breaks a non-extensible constraint.
    private mutating func writeSize(_ n: Int, size: ClosedRange<Int>?, extensible: Bool, unitBits: Int, _ name: String?) throws -> (aligned: Bool, fragmented: Bool) {
        if let size, extensible {
            writeBit(!size.contains(n))
            if !size.contains(n) { return (true, true) }
        }
        guard let size else { return (true, true) }
        guard size.contains(n) else {
            throw failure(.invalidLength("size \(n) not in \(size.lowerBound)...\(size.upperBound)"), name)
        }
        if size.lowerBound == size.upperBound && size.upperBound < 65536 {
            return (size.upperBound * unitBits > 16, false)
        }
        if size.upperBound >= 65536 { return (true, true) }
        writeConstrainedWholeNumber(UInt64(n - size.lowerBound), range: UInt64(size.upperBound - size.lowerBound + 1))
        return (true, false)
    }

    /// OCTET STRING with an optional SIZE constraint.
    public mutating func encodeOctetString(_ value: some RandomAccessCollection<UInt8>, size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil) throws {
        let (aligned, fragmented) = try writeSize(value.count, size: size, extensible: extensible, unitBits: 8, name)
        if fragmented {
            writeFragmented(count: value.count) { enc, range in
                let lo = value.index(value.startIndex, offsetBy: range.lowerBound)
                let hi = value.index(value.startIndex, offsetBy: range.upperBound)
                enc.writeOctets(value[lo..<hi])
            }
        } else if aligned {
            writeOctets(value)
        } else {
            for b in value { writeBits(UInt64(b), count: 8) }
        }
    }

    /// BIT STRING with an optional SIZE constraint.
    public mutating func encodeBitString(_ value: BitString, size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil) throws {
        let (aligned, fragmented) = try writeSize(value.length, size: size, extensible: extensible, unitBits: 1, name)
        if fragmented {
            writeFragmented(count: value.length) { enc, range in
                enc.align()
                for i in range { enc.writeBit(value.bit(i)) }
            }
            return
        }
        if aligned { align() }
        for i in 0..<value.length { writeBit(value.bit(i)) }
    }

    /// PrintableString, VisibleString or IA5String (8 bits per character in ALIGNED PER without a
    /// permitted-alphabet constraint).
    public mutating func encodeString(_ value: String, kind: CharacterStringKind, size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil) throws {
        let utf8 = value.utf8
        for c in utf8 where !kind.permits(c) {
            throw failure(.valueOutOfRange("character \(String(UnicodeScalar(c))) not allowed in \(kind)"), name)
        }
        let (aligned, fragmented) = try writeSize(utf8.count, size: size, extensible: extensible, unitBits: 8, name)
        if fragmented {
            let chars = Array(utf8)
            writeFragmented(count: chars.count) { enc, range in enc.writeOctets(chars[range]) }
        } else if aligned {
            writeOctets(utf8)
        } else {
            for c in utf8 { writeBits(UInt64(c), count: 8) }
        }
    }

    /// UTF8String (a length in octets, then the octets).
    public mutating func encodeUTF8String(_ value: String, size: ClosedRange<Int>? = nil, _ name: String? = nil) throws {
        if let size, !size.contains(value.count) {
            throw failure(.invalidLength("\(value.count) characters not in \(size.lowerBound)...\(size.upperBound)"), name)
        }
        let utf8 = Array(value.utf8)
        writeFragmented(count: utf8.count) { enc, range in enc.writeOctets(utf8[range]) }
    }

    // MARK: constructed types

    /// The SEQUENCE preamble: the extension bit (if extensible) and the presence bitmap of the
    /// `optionalCount` OPTIONAL/DEFAULT root components, first component in the highest bit.
    public mutating func encodeSequencePreamble(extensible: Bool, extended: Bool = false, optionalCount: Int = 0, present: UInt64 = 0) {
        if extensible { writeBit(extended) }
        if optionalCount > 0 { writeBits(present, count: optionalCount) }
    }

    /// The extension-addition bitmap of a SEQUENCE with `count` known additions, then each present
    /// addition as an open type, written by `addition(index)`.
    public mutating func encodeExtensionAdditions(count: Int, present: (Int) -> Bool, _ addition: (inout APEREncoder, Int) throws -> Void) throws {
        precondition(count >= 1)
        if count <= 64 {
            writeBits(UInt64(count - 1), count: 7)
        } else {
            writeBit(true)
            writeUnconstrainedLength(count)
        }
        for i in 0..<count { writeBit(present(i)) }
        for i in 0..<count where present(i) {
            try encodeOpenType { try addition(&$0, i) }
        }
    }

    /// A SEQUENCE OF / SET OF count with an optional SIZE constraint (below 16K when the count
    /// needs an unconstrained length — `encodeSequenceOf` handles longer lists by fragments).
    public mutating func encodeCount(_ n: Int, size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil) throws {
        if try sequenceOfPrefix(n, size: size, extensible: extensible, name) {
            guard n < 16384 else { throw failure(.invalidLength("\(n) elements need length fragmentation; use encodeSequenceOf"), name) }
            writeUnconstrainedLength(n)
        }
    }

    /// Writes what precedes a SEQUENCE OF's elements; true if the count still has to be written
    /// as an unconstrained (possibly fragmented) length.
    @usableFromInline
    mutating func sequenceOfPrefix(_ n: Int, size: ClosedRange<Int>?, extensible: Bool, _ name: String?) throws -> Bool {
        try writeSize(n, size: size, extensible: extensible, unitBits: 0, name).fragmented
    }

    /// SEQUENCE OF: the count, then each element; 16K elements or more go in length fragments
    /// (X.691 11.9.3.8). Inlinable, so iterating a concrete collection costs no per-element
    /// allocation in unspecialized generic code.
    @inlinable
    public mutating func encodeSequenceOf<C: Collection>(_ elements: C, size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil, _ element: (inout APEREncoder, C.Element) throws -> Void) throws {
        var i = 0
        if try !sequenceOfPrefix(elements.count, size: size, extensible: extensible, name) {
            for e in elements {
                do { try element(&self, e) } catch let error as APERError { throw error.within("[\(i)]") }
                i += 1
            }
            return
        }
        var iterator = elements.makeIterator()
        try writeFragmented(count: elements.count) { enc, range in
            for _ in range {
                guard let e = iterator.next() else { return }
                do { try element(&enc, e) } catch let error as APERError { throw error.within("[\(i)]") }
                i += 1
            }
        }
    }

    /// The CHOICE index; an index ≥ `rootCount` selects an extension alternative, whose value
    /// the caller then writes with `encodeOpenType`.
    public mutating func encodeChoiceIndex(_ index: Int, rootCount: Int, extensible: Bool = false, _ name: String? = nil) throws {
        if extensible {
            writeBit(index >= rootCount)
            if index >= rootCount { return writeNormallySmall(index - rootCount) }
        } else if index >= rootCount {
            throw failure(.valueOutOfRange("alternative \(index) beyond \(rootCount) alternatives"), name)
        }
        writeConstrainedWholeNumber(UInt64(index), range: UInt64(rootCount))
    }

    /// An open type: `body` encodes a complete value, written here as a length-prefixed octet string.
    /// The value is encoded in place and its length inserted before it (no temporary buffer).
    public mutating func encodeOpenType(_ body: (inout APEREncoder) throws -> Void) throws {
        align()
        let start = bytes.count
        let startBits = bitCount
        try body(&self)
        align()
        if bitCount == startBits {  // an empty encoding is one zero octet
            bytes.append(0)
            bitCount += 8
        }
        let length = bytes.count - start
        if length < 128 {
            bytes.insert(UInt8(length), at: start)
            bitCount += 8
        } else if length < 16384 {
            bytes.insert(contentsOf: [UInt8(0x80 | (length >> 8)), UInt8(length & 0xFF)], at: start)
            bitCount += 16
        } else {
            let content = Array(bytes[start...])
            bytes.removeSubrange(start...)
            bitCount = startBits
            writeFragmented(count: content.count) { enc, range in enc.writeOctets(content[range]) }
        }
    }

    /// An open type whose contents are already encoded (for example an unknown IE being forwarded).
    public mutating func encodeOpenType(encoded: some Collection<UInt8>) {
        let content = Array(encoded)
        writeFragmented(count: content.count) { enc, range in enc.writeOctets(content[range]) }
    }
}

// MARK: helpers

/// Bits needed to write `x` (at least 1).
@inline(__always)
func bitWidth(_ x: UInt64) -> Int {
    x == 0 ? 1 : 64 - x.leadingZeroBitCount
}

/// Octets needed to write `x` (0 for 0).
@inline(__always)
func octetWidth(_ x: UInt64) -> Int {
    (64 - x.leadingZeroBitCount + 7) / 8
}

/// A finite non-zero REAL in the CER/DER form PER requires (X.690 8.5.7, 11.3.1): base 2, scale 0,
/// odd mantissa, exponent in the fewest two's-complement octets.
struct RealParts {
    let first: UInt8
    let exponent: Int64
    let exponentOctets: Int
    let mantissa: UInt64
    let mantissaOctets: Int

    init?(_ value: Double) {
        guard value.isFinite, value != 0 else { return nil }
        var mantissa = value.significandBitPattern | (value.isNormal ? (1 << 52) : 0)
        var exponent = value.isNormal ? Int64(value.exponent) - 52 : -1074
        let shift = mantissa.trailingZeroBitCount
        mantissa >>= UInt64(shift)
        exponent += Int64(shift)
        var octets = 1
        while octets < 8 && !(exponent >= -(1 << (octets * 8 - 1)) && exponent < (1 << (octets * 8 - 1))) { octets += 1 }
        first = 0x80 | (value < 0 ? 0x40 : 0) | UInt8(octets - 1)
        self.exponent = exponent & ((1 << Int64(octets * 8)) - 1)
        exponentOctets = octets
        self.mantissa = mantissa
        mantissaOctets = octetWidth(mantissa)
    }
}

/// X.690 8.5 contents octets of a REAL in the CER/DER form PER requires (base 2, odd mantissa).
func realContents(_ value: Double) -> [UInt8] {
    var e = APEREncoder(capacity: 16)
    e.encodeReal(value)
    return Array(e.finished().dropFirst())  // without the length octet
}
