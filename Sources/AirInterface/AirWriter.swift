/// Big-endian writer appending to one array (sized up front from `encodedSize`).
struct AirWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) mutating func u8(_ v: UInt8) { bytes.append(v) }

    @inline(__always) mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    @inline(__always) mutating func u32(_ v: UInt32) {
        for s in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) }
    }

    @inline(__always) mutating func u64(_ v: UInt64) {
        for s in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(s))) }
    }

    @inline(__always) mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    /// A UInt16 list count. More than 65 535 items is a programming error (no slot carries that many).
    mutating func count(_ n: Int, _ field: StaticString) {
        precondition(n <= Int(UInt16.max), "AirInterface: \(field) has \(n) items; a list holds at most 65535")
        u16(UInt16(n))
    }

    mutating func list<T: AirCodable>(_ items: [T], _ field: StaticString) {
        count(items.count, field)
        for item in items { item.write(to: &self) }
    }

    mutating func u16List(_ items: [UInt16], _ field: StaticString) {
        count(items.count, field)
        for v in items { u16(v) }
    }

    mutating func u64List(_ items: [UInt64], _ field: StaticString) {
        count(items.count, field)
        for v in items { u64(v) }
    }

    /// A UInt32 length and the bytes. More than 4 GiB is a programming error.
    mutating func byteArray(_ b: [UInt8], _ field: StaticString) {
        precondition(UInt64(b.count) <= UInt64(UInt32.max), "AirInterface: \(field) has \(b.count) bytes; at most 4294967295")
        u32(UInt32(b.count))
        bytes.append(contentsOf: b)
    }
}

extension Array where Element: AirCodable {
    /// Encoded size as a list: count plus items.
    var listSize: Int { reduce(2) { $0 + $1.encodedSize } }
}
