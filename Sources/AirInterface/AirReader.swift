/// Bounds-checked big-endian reader over one record. Every read checks the bytes left first, every
/// count is checked against the bytes left before anything is reserved, and field names (static
/// strings) become `String`s only when something fails.
struct AirReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ input: some Collection<UInt8>) {
        bytes = Array(input)
    }

    var remaining: Int { bytes.count - offset }

    /// The byte `k` positions ahead; the caller has checked `k < remaining`.
    func peek(_ k: Int) -> UInt8 { bytes[offset + k] }

    @inline(__always)
    func need(_ n: Int, _ field: StaticString) throws(AirInterfaceError) {
        if remaining < n { throw .truncated(field: "\(field)", offset: offset) }
    }

    @inline(__always)
    mutating func u8(_ field: StaticString) throws(AirInterfaceError) -> UInt8 {
        try need(1, field)
        defer { offset += 1 }
        return bytes[offset]
    }

    @inline(__always)
    mutating func u16(_ field: StaticString) throws(AirInterfaceError) -> UInt16 {
        try need(2, field)
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    @inline(__always)
    mutating func u32(_ field: StaticString) throws(AirInterfaceError) -> UInt32 {
        try need(4, field)
        var v: UInt32 = 0
        for i in 0 ..< 4 { v = v << 8 | UInt32(bytes[offset + i]) }
        offset += 4
        return v
    }

    @inline(__always)
    mutating func u64(_ field: StaticString) throws(AirInterfaceError) -> UInt64 {
        try need(8, field)
        var v: UInt64 = 0
        for i in 0 ..< 8 { v = v << 8 | UInt64(bytes[offset + i]) }
        offset += 8
        return v
    }

    /// One byte, 0 (false) or 1 (true); anything else is `invalidBool`.
    @inline(__always)
    mutating func bool(_ field: StaticString) throws(AirInterfaceError) -> Bool {
        let at = offset
        let b = try u8(field)
        guard b <= 1 else { throw .invalidBool(field: "\(field)", value: b, offset: at) }
        return b == 1
    }

    /// A UInt16 list count, checked against the bytes left for items of at least `minimumItemSize` bytes.
    mutating func count(_ field: StaticString, minimumItemSize: Int) throws(AirInterfaceError) -> Int {
        let at = offset
        let n = Int(try u16(field))
        guard n <= remaining / minimumItemSize else { throw .countTooLarge(field: "\(field)", count: n, offset: at) }
        return n
    }

    /// A list of records: UInt16 count, then the items.
    mutating func list<T: AirCodable>(_ field: StaticString, of _: T.Type = T.self) throws(AirInterfaceError) -> [T] {
        let n = try count(field, minimumItemSize: T.minimumEncodedSize)
        var items: [T] = []
        items.reserveCapacity(n)
        for i in 0 ..< n {
            do throws(AirInterfaceError) {
                items.append(try T(reading: &self))
            } catch {
                throw error.within("\(field)[\(i)]")
            }
        }
        return items
    }

    /// A list of UInt16: count, then the values.
    mutating func u16List(_ field: StaticString) throws(AirInterfaceError) -> [UInt16] {
        let n = try count(field, minimumItemSize: 2)
        var items: [UInt16] = []
        items.reserveCapacity(n)
        for _ in 0 ..< n { items.append(try u16(field)) }
        return items
    }

    /// A list of UInt64: count, then the values.
    mutating func u64List(_ field: StaticString) throws(AirInterfaceError) -> [UInt64] {
        let n = try count(field, minimumItemSize: 8)
        var items: [UInt64] = []
        items.reserveCapacity(n)
        for _ in 0 ..< n { items.append(try u64(field)) }
        return items
    }

    /// A byte array: UInt32 length, then the bytes (the length is checked before copying).
    mutating func byteArray(_ field: StaticString) throws(AirInterfaceError) -> [UInt8] {
        let at = offset
        let n = try u32(field)
        guard UInt64(n) <= UInt64(remaining) else { throw .countTooLarge(field: "\(field)", count: Int(clamping: n), offset: at) }
        let end = offset + Int(n)
        defer { offset = end }
        return Array(bytes[offset ..< end])
    }

    /// The end of the record: only zero bytes may follow.
    func finish() throws(AirInterfaceError) {
        var i = offset
        while i < bytes.count {
            if bytes[i] != 0 { throw .trailingBytes(offset: i) }
            i += 1
        }
    }
}
