/// Bounds-checked big-endian reader over borrowed bytes. Field names are static strings, turned
/// into `String` only when something fails.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    var end: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        offset = 0
        end = bytes.count
    }

    var remaining: Int { end - offset }

    @inline(__always)
    func need(_ n: Int, _ field: StaticString) throws(FronthaulError) {
        if remaining < n {
            throw FronthaulError(.truncated(needed: n, available: remaining), field: "\(field)", byteOffset: offset)
        }
    }

    @inline(__always)
    mutating func u8(_ field: StaticString) throws(FronthaulError) -> UInt8 {
        try need(1, field)
        let v = bytes.load(fromByteOffset: offset, as: UInt8.self)
        offset += 1
        return v
    }

    @inline(__always)
    mutating func u16(_ field: StaticString) throws(FronthaulError) -> UInt16 {
        try need(2, field)
        let v = UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
        offset += 2
        return v
    }

    @inline(__always)
    mutating func u24(_ field: StaticString) throws(FronthaulError) -> UInt32 {
        try need(3, field)
        let hi = UInt32(bytes.load(fromByteOffset: offset, as: UInt8.self))
        let lo = UInt32(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 1, as: UInt16.self)))
        offset += 3
        return hi << 16 | lo
    }

    @inline(__always)
    mutating func slice(_ n: Int, _ field: StaticString) throws(FronthaulError) -> UnsafeRawBufferPointer {
        try need(n, field)
        let s = UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + n])
        offset += n
        return s
    }
}

/// Unchecked big-endian writer: callers check the total size against the buffer first.
struct ByteWriter {
    let base: UnsafeMutableRawPointer
    var offset: Int

    init(_ buffer: UnsafeMutableRawBufferPointer, offset: Int = 0) {
        base = buffer.baseAddress!
        self.offset = offset
    }

    @inline(__always)
    mutating func u8(_ v: UInt8) {
        base.storeBytes(of: v, toByteOffset: offset, as: UInt8.self)
        offset += 1
    }

    @inline(__always)
    mutating func u16(_ v: UInt16) {
        base.storeBytes(of: v.bigEndian, toByteOffset: offset, as: UInt16.self)
        offset += 2
    }

    @inline(__always)
    mutating func u24(_ v: UInt32) {
        u8(UInt8(truncatingIfNeeded: v >> 16))
        u16(UInt16(truncatingIfNeeded: v))
    }

    @inline(__always)
    mutating func bytes(_ b: UnsafeRawBufferPointer) {
        if b.count > 0 { (base + offset).copyMemory(from: b.baseAddress!, byteCount: b.count) }
        offset += b.count
    }
}

/// Throws unless `value` fits in `bits` unsigned bits.
@inline(__always)
func checkBits(_ value: some BinaryInteger, _ bits: Int, _ field: StaticString, at offset: Int) throws(FronthaulError) {
    if value < 0 || value >= (1 << bits) {
        throw FronthaulError(.valueOutOfRange("\(value) does not fit in \(bits) bit(s)"), field: "\(field)", byteOffset: offset)
    }
}

@inline(__always)
func checkCapacity(_ needed: Int, _ buffer: UnsafeMutableRawBufferPointer) throws(FronthaulError) {
    if buffer.count < needed || buffer.baseAddress == nil {
        throw FronthaulError(.bufferTooSmall(needed: needed, available: buffer.count), field: "<buffer>", byteOffset: 0)
    }
}

/// Lower-case hex for byte payloads in JSON.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): c - UInt8(ascii: "0")
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let h = nibble(utf8[i]), let l = nibble(utf8[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }
}

extension KeyedDecodingContainer {
    func decodeHex(forKey key: Key) throws -> [UInt8] {
        let text = try decode(String.self, forKey: key)
        guard let bytes = Hex.decode(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an even-length hex string")
        }
        return bytes
    }
}
