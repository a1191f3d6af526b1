/// Reads ITU-T X.691 aligned PER. Total: every method either returns a value or throws an
/// `APERError`; it never reads past its input, never allocates for a length the remaining input
/// cannot hold, and bounds nesting (`maxDepth`).
public struct APERDecoder: Sendable {
    /// The whole input (shared, never copied, by nested open-type decoders).
    public let bytes: [UInt8]
    /// The next bit to read, counted from the start of `bytes`.
    public private(set) var position: Int
    /// One past the last bit this decoder may read.
    public let end: Int
    /// Current nesting of open types and components.
    public var depth: Int { nestingDepth }
    @usableFromInline var nestingDepth: Int
    public let maxDepth: Int

    public init(_ bytes: [UInt8], maxDepth: Int = 64) {
        self.bytes = bytes
        self.position = 0
        self.end = bytes.count * 8
        self.nestingDepth = 0
        self.maxDepth = maxDepth
    }

    private init(sharing bytes: [UInt8], from start: Int, to end: Int, depth: Int, maxDepth: Int) {
        self.bytes = bytes
        self.position = start
        self.end = end
        self.nestingDepth = depth
        self.maxDepth = maxDepth
    }

    public var remainingBits: Int { end - position }

    // MARK: error context

    func failure(_ kind: APERError.Kind, _ name: String?) -> APERError {
        APERError(kind, path: name.map { [$0] } ?? [], bitOffset: position)
    }

    /// Runs `body` one level deeper, prefixing any error's path with `name` (evaluated only on error).
    @inlinable
    public mutating func component<T>(_ name: @autoclosure () -> String, _ body: (inout APERDecoder) throws -> T) throws -> T {
        guard depth < maxDepth else { throw APERError(.tooDeep(limit: maxDepth), path: [name()], bitOffset: position) }
        nestingDepth += 1
        defer { nestingDepth -= 1 }
        do {
            return try body(&self)
        } catch let error as APERError {
            throw error.within(name())
        }
    }

    // MARK: bits

    @inline(__always)
    public mutating func need(_ bits: Int, _ name: String? = nil) throws {
        if bits > end - position || bits < 0 {
            throw failure(.truncated(needed: bits, available: end - position), name)
        }
    }

    /// Reads `count` (≤ 64) bits as an unsigned number, first bit most significant.
    @inline(__always)
    public mutating func readBits(_ count: Int, _ name: String? = nil) throws -> UInt64 {
        try need(count, name)
        var result: UInt64 = 0
        var remaining = count
        while remaining > 0 {
            let used = position & 7
            let available = 8 - used
            let take = min(available, remaining)
            let byte = UInt64(bytes[position >> 3])
            let chunk = (byte >> UInt64(available - take)) & ((1 << UInt64(take)) - 1)
            result = (result << UInt64(take)) | chunk
            position += take
            remaining -= take
        }
        return result
    }

    @inline(__always)
    public mutating func readBit(_ name: String? = nil) throws -> Bool {
        try readBits(1, name) == 1
    }

    /// Skips padding to the next octet boundary.
    @inline(__always)
    public mutating func align(_ name: String? = nil) throws {
        let aligned = (position + 7) & ~7
        try need(aligned - position, name)
        position = aligned
    }

    /// Reads `count` octets starting at the next octet boundary.
    public mutating func readOctets(_ count: Int, _ name: String? = nil) throws -> ArraySlice<UInt8> {
        try align(name)
        guard count >= 0, count <= (end - position) / 8 else {
            throw failure(.truncated(needed: max(count, 0) * 8, available: end - position), name)
        }
        let start = position >> 3
        position += count * 8
        return bytes[start..<(start + count)]
    }

    // MARK: whole numbers

    /// A constrained whole number in a range of `range` values (`0` means 2^64); returns value − lb.
    public mutating func readConstrainedWholeNumber(range: UInt64, _ name: String? = nil) throws -> UInt64 {
        if range == 1 { return 0 }
        let value: UInt64
        if range != 0 && range <= 255 {
            value = try readBits(bitWidth(range - 1), name)
        } else if range == 256 {
            try align(name)
            value = try readBits(8, name)
        } else if range != 0 && range <= 65536 {
            try align(name)
            value = try readBits(16, name)
        } else {
            let maxOctets = range == 0 ? 8 : octetWidth(range - 1)
            let octets = Int(try readConstrainedWholeNumber(range: UInt64(maxOctets), name)) + 1
            try align(name)
            value = try readBits(octets * 8, name)
        }
        if range != 0 && value >= range {
            throw failure(.valueOutOfRange("\(value) beyond range of \(range) values"), name)
        }
        return value
    }

    public mutating func readNormallySmall(_ name: String? = nil) throws -> Int {
        if try !readBit(name) { return Int(try readBits(6, name)) }
        let octets = try readUnconstrainedLength(name)
        guard octets >= 1 && octets <= 4 else {
            throw failure(.invalidLength("normally small number of \(octets) octets"), name)
        }
        return Int(try readBits(octets * 8, name))
    }

    /// An unconstrained length determinant. A fragment header (16K–64K) is an error here;
    /// `readFragmented` handles those.
    public mutating func readUnconstrainedLength(_ name: String? = nil) throws -> Int {
        let (n, fragment) = try readLengthOrFragment(name)
        if fragment { throw failure(.invalidLength("fragmented length where none is allowed"), name) }
        return n
    }

    /// Returns (count, isFragment): a fragment header gives the number of units (a multiple of 16K).
    private mutating func readLengthOrFragment(_ name: String?) throws -> (Int, Bool) {
        try align(name)
        let first = try readBits(8, name)
        if first & 0x80 == 0 { return (Int(first), false) }
        if first & 0x40 == 0 { return (Int((first & 0x3F) << 8 | (try readBits(8, name))), false) }
        let blocks = Int(first & 0x3F)
        guard blocks >= 1 && blocks <= 4 else {
            throw failure(.invalidLength("fragment of \(blocks) × 16K"), name)
        }
        return (blocks * 16384, true)
    }

    /// Reads an unconstrained-length run, calling `units` with the count of each fragment.
    /// `unitBits` (≥ 1) bounds each count by the input left. Returns the total count.
    @discardableResult
    public mutating func readFragmented(unitBits: Int, maxTotal: Int = .max, _ name: String? = nil, _ units: (inout APERDecoder, Int) throws -> Void) throws -> Int {
        var total = 0
        while true {
            let (n, fragment) = try readLengthOrFragment(name)
            guard n <= (end - position) / max(unitBits, 1) else {
                throw failure(.truncated(needed: n * unitBits, available: end - position), name)
            }
            total += n
            guard total <= maxTotal else {
                throw failure(.invalidLength("\(total) exceeds the limit of \(maxTotal)"), name)
            }
            try units(&self, n)
            if !fragment { return total }
        }
    }

    public mutating func readLength(lb: Int, ub: Int, _ name: String? = nil) throws -> Int {
        if ub < 65536 {
            return lb + Int(try readConstrainedWholeNumber(range: UInt64(ub - lb + 1), name))
        }
        let n = try readUnconstrainedLength(name)
        guard n >= lb && n <= ub else { throw failure(.invalidLength("\(n) not in \(lb)...\(ub)"), name) }
        return n
    }

    // MARK: simple types

    public mutating func decodeBoolean(_ name: String? = nil) throws -> Bool {
        try readBit(name)
    }

    public mutating func decodeInteger(in range: ClosedRange<Int64>, extensible: Bool = false, _ name: String? = nil) throws -> Int64 {
        if extensible, try readBit(name) {
            return try decodeUnconstrainedInteger(name)
        }
        let span = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        let offset = try readConstrainedWholeNumber(range: span, name)
        return range.lowerBound &+ Int64(bitPattern: offset)
    }

    public mutating func decodeInteger(lowerBound: Int64, _ name: String? = nil) throws -> Int64 {
        let octets = try readUnconstrainedLength(name)
        guard octets >= 1 && octets <= 8 else {
            throw failure(.invalidLength("integer of \(octets) octets (1...8 supported)"), name)
        }
        let offset = try readBits(octets * 8, name)
        let value = lowerBound &+ Int64(bitPattern: offset)
        guard value >= lowerBound else { throw failure(.valueOutOfRange("integer overflows 64 bits"), name) }
        return value
    }

    public mutating func decodeUnconstrainedInteger(_ name: String? = nil) throws -> Int64 {
        let octets = try readUnconstrainedLength(name)
        guard octets >= 1 && octets <= 8 else {
            throw failure(.invalidLength("integer of \(octets) octets (1...8 supported)"), name)
        }
        let raw = try readBits(octets * 8, name)
        let shift = UInt64(64 - octets * 8)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }

    /// ENUMERATED: the value's index; extension values come back as `rootCount + n`.
    public mutating func decodeEnumerated(rootCount: Int, extensible: Bool = false, _ name: String? = nil) throws -> Int {
        if extensible, try readBit(name) {
            return rootCount + (try readNormallySmall(name))
        }
        return Int(try readConstrainedWholeNumber(range: UInt64(rootCount), name))
    }

    public mutating func decodeReal(_ name: String? = nil) throws -> Double {
        let length = try readUnconstrainedLength(name)
        let contents = try readOctets(length, name)
        guard let value = realValue(contents) else {
            throw failure(.invalidEncoding("REAL contents \(hexString(contents)) are not a supported binary/special encoding"), name)
        }
        return value
    }

    // MARK: strings

    /// Reads a SIZE-constrained count; returns (count, aligned, fragmented).
    private mutating func readSize(size: ClosedRange<Int>?, extensible: Bool, unitBits: Int, _ name: String?) throws -> (Int, Bool, Bool) {
        if size != nil, extensible, try readBit(name) { return (0, true, true) }
        guard let size else { return (0, true, true) }
        if size.lowerBound == size.upperBound && size.upperBound < 65536 {
            return (size.upperBound, size.upperBound * unitBits > 16, false)
        }
        if size.upperBound >= 65536 { return (0, true, true) }
        let n = size.lowerBound + Int(try readConstrainedWholeNumber(range: UInt64(size.upperBound - size.lowerBound + 1), name))
        return (n, true, false)
    }

    public mutating func decodeOctetString(size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil) throws -> [UInt8] {
        let (n, aligned, fragmented) = try readSize(size: size, extensible: extensible, unitBits: 8, name)
        var out: [UInt8] = []
        if fragmented {
            try readFragmented(unitBits: 8, name) { dec, count in
                out.append(contentsOf: try dec.readOctets(count, name))
            }
            if let size, !extensible, !size.contains(out.count) {
                throw failure(.invalidLength("\(out.count) octets not in \(size.lowerBound)...\(size.upperBound)"), name)
            }
            return out
        }
        if aligned { return Array(try readOctets(n, name)) }
        try need(n * 8, name)
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(UInt8(try readBits(8, name))) }
        return out
    }

    public mutating func decodeBitString(size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil) throws -> BitString {
        let (n, aligned, fragmented) = try readSize(size: size, extensible: extensible, unitBits: 1, name)
        var bits: [UInt8] = []
        var length = 0
        func take(_ dec: inout APERDecoder, _ count: Int) throws {
            try dec.need(count, name)
            var count = count
            if dec.position % 8 == 0 && length % 8 == 0 && count >= 8 {
                // whole octets on both sides: copy them
                bits.append(contentsOf: try dec.readOctets(count / 8, name))
                length += count / 8 * 8
                count %= 8
            }
            for _ in 0..<count {
                if length % 8 == 0 { bits.append(0) }
                if try dec.readBit(name) { bits[length / 8] |= 0x80 >> UInt8(length % 8) }
                length += 1
            }
        }
        if fragmented {
            try readFragmented(unitBits: 1, name) { dec, count in try take(&dec, count) }
            if let size, !extensible, !size.contains(length) {
                throw failure(.invalidLength("\(length) bits not in \(size.lowerBound)...\(size.upperBound)"), name)
            }
        } else {
            if aligned { try align(name) }
            try take(&self, n)
        }
        return BitString(bytes: bits, length: length)
    }

    public mutating func decodeString(kind: CharacterStringKind, size: ClosedRange<Int>? = nil, extensible: Bool = false, _ name: String? = nil) throws -> String {
        let chars = try decodeOctetString(size: size, extensible: extensible, name)
        for c in chars where !kind.permits(c) {
            throw failure(.invalidEncoding("character code \(c) not allowed in \(kind)"), name)
        }
        return String(decoding: chars, as: UTF8.self)
    }

    public mutating func decodeUTF8String(size: ClosedRange<Int>? = nil, _ name: String? = nil) throws -> String {
        var octets: [UInt8] = []
        try readFragmented(unitBits: 8, name) { dec, count in
            octets.append(contentsOf: try dec.readOctets(count, name))
        }
        guard let text = String(validating: octets, as: UTF8.self) else {
            throw failure(.invalidEncoding("UTF8String is not valid UTF-8"), name)
        }
        if let size, !size.contains(text.count) {
            throw failure(.invalidLength("\(text.count) characters not in \(size.lowerBound)...\(size.upperBound)"), name)
        }
        return text
    }

    // MARK: constructed types

    /// Reads the SEQUENCE preamble: whether extension additions follow, and the presence bitmap of
    /// `optionalCount` (≤ 64) optional components, the first in the highest of the low `optionalCount` bits.
    public mutating func decodeSequencePreamble(extensible: Bool, optionalCount: Int = 0, _ name: String? = nil) throws -> (extended: Bool, present: PresenceBits) {
        let extended = extensible ? try readBit(name) : false
        let bits = optionalCount > 0 ? try readBits(optionalCount, name) : 0
        return (extended, PresenceBits(bits: bits, count: optionalCount))
    }

    /// Reads the extension-addition bitmap and each present addition's open type. `addition` is
    /// called for the additions this version knows (index < `known`), inside the open type;
    /// unknown ones are skipped. Returns the presence of each known addition.
    public mutating func decodeExtensionAdditions(known: Int, _ name: String? = nil, _ addition: (inout APERDecoder, Int) throws -> Void) throws {
        let count: Int
        if try !readBit(name) {
            count = Int(try readBits(6, name)) + 1
        } else {
            count = try readUnconstrainedLength(name)
            guard count >= 1 else { throw failure(.invalidLength("empty extension bitmap"), name) }
        }
        try need(count, name)
        var present: [Bool] = []
        present.reserveCapacity(count)
        for _ in 0..<count { present.append(try readBit(name)) }
        for (i, isPresent) in present.enumerated() where isPresent {
            if i < known {
                try decodeOpenType(name) { try addition(&$0, i) }
            } else {
                try skipOpenType(name)
            }
        }
    }

    /// SEQUENCE OF count (size-constrained or not; fragmented counts are refused).
    /// `minimumElementBits` bounds the count by the input that remains.
    public mutating func decodeCount(size: ClosedRange<Int>? = nil, extensible: Bool = false, minimumElementBits: Int = 1, _ name: String? = nil) throws -> Int {
        var (n, _, fragmented) = try readSize(size: size, extensible: extensible, unitBits: 0, name)
        if fragmented {
            n = try readUnconstrainedLength(name)
            if let size, !extensible, !size.contains(n) {
                throw failure(.invalidLength("\(n) elements not in \(size.lowerBound)...\(size.upperBound)"), name)
            }
        }
        if minimumElementBits > 0 && n > (end - position) / minimumElementBits {
            throw failure(.truncated(needed: n * minimumElementBits, available: end - position), name)
        }
        return n
    }

    /// SEQUENCE OF: reads the count (fragmented above 16K elements, X.691 11.9.3.8), then each
    /// element. Each count is bounded by the input left ÷ `minimumElementBits` before anything is
    /// allocated for it.
    @inlinable
    public mutating func decodeSequenceOf<T>(size: ClosedRange<Int>? = nil, extensible: Bool = false, minimumElementBits: Int = 1, _ name: String? = nil, _ element: (inout APERDecoder) throws -> T) throws -> [T] {
        var out: [T] = []
        if let n = try sequenceOfCount(size: size, extensible: extensible, minimumElementBits: minimumElementBits, name) {
            out.reserveCapacity(n)
            for i in 0..<n {
                do { out.append(try element(&self)) } catch let error as APERError { throw error.within("[\(i)]") }
            }
            return out
        }
        try readFragmented(unitBits: max(minimumElementBits, 1), name) { dec, count in
            if out.isEmpty { out.reserveCapacity(count) }  // count is bounded by the input left
            for _ in 0..<count {
                let i = out.count
                do { out.append(try element(&dec)) } catch let error as APERError { throw error.within("[\(i)]") }
            }
        }
        if let size, !extensible, !size.contains(out.count) {
            throw APERError(.invalidLength("\(out.count) elements not in \(size.lowerBound)...\(size.upperBound)"), path: name.map { [$0] } ?? [], bitOffset: position)
        }
        return out
    }

    /// The count of a SEQUENCE OF whose length is not fragmented, or nil when an unconstrained
    /// length follows (read by the caller with `readFragmented`).
    @usableFromInline
    mutating func sequenceOfCount(size: ClosedRange<Int>?, extensible: Bool, minimumElementBits: Int, _ name: String?) throws -> Int? {
        let (n, _, fragmented) = try readSize(size: size, extensible: extensible, unitBits: 0, name)
        if fragmented { return nil }
        if minimumElementBits > 0 && n > (end - position) / minimumElementBits {
            throw failure(.truncated(needed: n * minimumElementBits, available: end - position), name)
        }
        return n
    }

    /// The CHOICE index: root alternatives 0..<rootCount; an extension alternative comes back as
    /// `rootCount + n` and its value follows as an open type.
    public mutating func decodeChoiceIndex(rootCount: Int, extensible: Bool = false, _ name: String? = nil) throws -> Int {
        if extensible, try readBit(name) {
            return rootCount + (try readNormallySmall(name))
        }
        return Int(try readConstrainedWholeNumber(range: UInt64(rootCount), name))
    }

    /// Decodes an open type's contents with a decoder confined to them (it cannot read past the
    /// open type); then continues after it.
    public mutating func decodeOpenType<T>(_ name: String? = nil, _ body: (inout APERDecoder) throws -> T) throws -> T {
        guard depth < maxDepth else { throw failure(.tooDeep(limit: maxDepth), name) }
        let (n, fragment) = try readLengthOrFragment(name)
        if fragment {
            // rare (> 16K): gather the fragments into one contiguous buffer
            var content = Array(try readOctets(n, name))
            _ = try readFragmented(unitBits: 8, name) { dec, count in content.append(contentsOf: try dec.readOctets(count, name)) }
            var inner = APERDecoder(content, maxDepth: maxDepth - depth - 1)
            do { return try body(&inner) } catch let error as APERError { throw error.within(name ?? "open type") }
        }
        guard n <= (end - position) / 8 else {
            throw failure(.truncated(needed: n * 8, available: end - position), name)
        }
        var inner = APERDecoder(sharing: bytes, from: position, to: position + n * 8, depth: depth + 1, maxDepth: maxDepth)
        position += n * 8
        return try body(&inner)
    }

    /// The raw octets of an open type (for an unknown IE kept for forwarding).
    public mutating func decodeOpenTypeOctets(_ name: String? = nil) throws -> [UInt8] {
        var out: [UInt8] = []
        try readFragmented(unitBits: 8, name) { dec, count in out.append(contentsOf: try dec.readOctets(count, name)) }
        return out
    }

    public mutating func skipOpenType(_ name: String? = nil) throws {
        try readFragmented(unitBits: 8, name) { dec, count in _ = try dec.readOctets(count, name) }
    }
}

/// The presence bitmap of a SEQUENCE's optional components.
public struct PresenceBits: Sendable {
    public let bits: UInt64
    public let count: Int
    /// Whether the `index`-th optional component (in definition order) is present.
    @inline(__always)
    public subscript(index: Int) -> Bool { (bits >> UInt64(count - 1 - index)) & 1 == 1 }
}

/// Decodes X.690 REAL contents (binary base 2/8/16 and the special values); nil if malformed.
func realValue(_ contents: ArraySlice<UInt8>) -> Double? {
    guard let first = contents.first else { return 0 }
    let rest = contents.dropFirst()
    if first & 0x80 == 0 {
        switch first {
        case 0x40 where rest.isEmpty: return .infinity
        case 0x41 where rest.isEmpty: return -.infinity
        case 0x42 where rest.isEmpty: return .nan
        case 0x43 where rest.isEmpty: return -0.0
        default:
            // decimal (ISO 6093 NR1/NR2/NR3) as some encoders emit
            guard first & 0xC0 == 0, (1...3).contains(first & 0x3F) else { return nil }
            let text = String(decoding: rest, as: UTF8.self).replacingOccurrences(",", ".")
            return Double(text.trimmingCharacters())
        }
    }
    let negative = first & 0x40 != 0
    let base: Double
    switch (first >> 4) & 0x3 {
    case 0: base = 2
    case 1: base = 8
    case 2: base = 16
    default: return nil
    }
    let scale = Int((first >> 2) & 0x3)
    var index = rest.startIndex
    let expLength: Int
    switch first & 0x3 {
    case 0, 1, 2: expLength = Int(first & 0x3) + 1
    default:
        guard index < rest.endIndex else { return nil }
        expLength = Int(rest[index])
        index += 1
    }
    guard expLength >= 1, expLength <= 4, rest.endIndex - index >= expLength else { return nil }
    var exponent = Int64(Int8(bitPattern: rest[index]))
    for i in 1..<expLength { exponent = exponent << 8 | Int64(rest[index + i]) }
    index += expLength
    let mantissaBytes = rest[index...]
    guard !mantissaBytes.isEmpty, mantissaBytes.count <= 8 else { return nil }
    var mantissa: UInt64 = 0
    for b in mantissaBytes { mantissa = mantissa << 8 | UInt64(b) }
    var value = Double(mantissa) * Double(1 << scale)
    value *= pow(base, Double(exponent))
    return negative ? -value : value
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    // exact for the integral exponents REAL uses; avoids importing Foundation into the runtime
    var result = 1.0
    var b = exponent < 0 ? 1 / base : base
    var e = Int(abs(exponent))
    if e > 4096 { return exponent < 0 ? 0 : .infinity }
    while e > 0 {
        if e & 1 == 1 { result *= b }
        b *= b
        e >>= 1
    }
    return result
}

private extension String {
    func replacingOccurrences(_ a: Character, _ b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
    func trimmingCharacters() -> String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
