/// `udCompMeth` (O-RAN CUS Table 7.5.2.10-1), the 4 low bits of `udCompHdr`.
public enum CompressionMethod: UInt8, Hashable, Sendable, Codable, CaseIterable {
    case none = 0
    case blockFloatingPoint = 1
    case blockScaling = 2
    case muLaw = 3
    case modulation = 4
}

/// `udCompHdr`: `udIqWidth` (4 high bits, 0 meaning 16) and `udCompMeth` (4 low bits).
public struct UdCompHdr: Hashable, Sendable, Codable {
    /// Bits per I or Q value, 1...16.
    public var iqWidth: Int
    public var method: CompressionMethod

    public init(iqWidth: Int, method: CompressionMethod) {
        self.iqWidth = iqWidth
        self.method = method
    }

    /// No compression, 16-bit big-endian I and Q.
    public static let uncompressed = UdCompHdr(iqWidth: 16, method: .none)
    /// Block floating point with `width`-bit mantissas.
    public static func bfp(_ width: Int) -> UdCompHdr { UdCompHdr(iqWidth: width, method: .blockFloatingPoint) }

    /// The wire byte; throws if the width is outside 1...16.
    public func byte(field: StaticString = "udCompHdr", byteOffset: Int = 0) throws(FronthaulError) -> UInt8 {
        guard (1 ... 16).contains(iqWidth) else {
            throw FronthaulError(.valueOutOfRange("udIqWidth \(iqWidth) outside 1...16"), field: "\(field)", byteOffset: byteOffset)
        }
        return UInt8(iqWidth & 0xF) << 4 | method.rawValue
    }

    /// Parses the wire byte; unknown methods (5...15, selective-RE variants) are `unsupported`.
    public init(byte: UInt8, field: StaticString = "udCompHdr", byteOffset: Int = 0) throws(FronthaulError) {
        guard let m = CompressionMethod(rawValue: byte & 0xF) else {
            throw FronthaulError(.unsupported("udCompMeth \(byte & 0xF)"), field: "\(field)", byteOffset: byteOffset)
        }
        let w = Int(byte >> 4)
        self.init(iqWidth: w == 0 ? 16 : w, method: m)
    }

    /// Bytes of `udCompParam` before each PRB (1 for BFP, block scaling and µ-law, else 0).
    public var parameterBytes: Int {
        switch method {
        case .none, .modulation: 0
        case .blockFloatingPoint, .blockScaling, .muLaw: 1
        }
    }

    /// Bytes one PRB (12 REs, 24 values) takes on the wire: `udCompParam` plus 3 × `iqWidth`.
    /// (A width outside 1...16 is refused wherever it is used; here it is clamped so that asking
    /// the size of an invalid header cannot overflow.)
    public var bytesPerPRB: Int { parameterBytes + 3 * min(max(iqWidth, 0), 16) }
}

/// IQ sample compression (O-RAN CUS Annex A): none and block floating point.
///
/// IQ data are interleaved `Int16` values I0 Q0 I1 Q1 …, 24 per PRB. Packed values are big-endian
/// and bit-contiguous (I before Q, RE 0 first).
///
/// **BFP.** Per PRB the exponent `e` is the smallest shift that makes every value fit a signed
/// `w`-bit mantissa: with `b` the bit length of max(|x| for x ≥ 0, −x−1 for x < 0) over the 24
/// values, `e = max(0, b − (w − 1))` (≤ 16 − w). It goes in `udCompParam` (low 4 bits); the
/// mantissas are `x >> e` (arithmetic shift, i.e. floor). Decompression is `m << e`.
///
/// **Error bound.** For every value, `0 ≤ x − decompress(compress(x)) ≤ 2^e − 1`, where e is the
/// PRB's exponent, so at most 2^(16−w) − 1 (255 for w = 8, 127 for 9, 15 for 12, 3 for 14) and at
/// most 2^(b−w+1) − 1 < peak / 2^(w−2) relative to the PRB's peak magnitude. Compression is exact
/// when every value of the PRB is a multiple of 2^e, in particular when all fit in w bits (e = 0)
/// and for any x = m·2^k with m a w-bit signed integer shared scale k.
public enum IQCodec {
    /// Values per PRB (12 REs × I and Q).
    public static let valuesPerPRB = 24

    /// Compressed size of `prbCount` PRBs.
    public static func compressedSize(prbCount: Int, compression: UdCompHdr) -> Int {
        prbCount * compression.bytesPerPRB
    }

    static func checkSupported(_ c: UdCompHdr, byteOffset: Int) throws(FronthaulError) {
        guard c.method == .none || c.method == .blockFloatingPoint else {
            throw FronthaulError(.unsupported("IQ compression method \(c.method)"), field: "udCompHdr.udCompMeth", byteOffset: byteOffset)
        }
        guard (1 ... 16).contains(c.iqWidth) else {
            throw FronthaulError(.valueOutOfRange("udIqWidth \(c.iqWidth) outside 1...16"), field: "udCompHdr.udIqWidth", byteOffset: byteOffset)
        }
    }

    /// Compresses `iq` (a multiple of 24 values) into `output`; returns the bytes written.
    /// No allocation. With method `.none` and a width below 16 every value must fit the width.
    public static func compress(_ iq: UnsafeBufferPointer<Int16>, compression: UdCompHdr,
                                into output: UnsafeMutableRawBufferPointer) throws(FronthaulError) -> Int {
        try checkSupported(compression, byteOffset: 0)
        guard iq.count % valuesPerPRB == 0 else {
            throw FronthaulError(.valueOutOfRange("\(iq.count) IQ values is not a whole number of PRBs (24 values each)"), field: "iq", byteOffset: 0)
        }
        let prbs = iq.count / valuesPerPRB
        let size = prbs * compression.bytesPerPRB
        try checkCapacity(size, output)
        guard prbs > 0 else { return 0 }
        let src = UnsafeRawPointer(iq.baseAddress!)
        let dst = output.baseAddress!
        let w = compression.iqWidth
        if compression.method == .blockFloatingPoint {
            switch w {
            case 8: bfpCompress(src, dst, prbs, width: 8)
            case 9: bfpCompress(src, dst, prbs, width: 9)
            case 12: bfpCompress(src, dst, prbs, width: 12)
            case 14: bfpCompress(src, dst, prbs, width: 14)
            case 16: bfpCompress(src, dst, prbs, width: 16)
            default: bfpCompress(src, dst, prbs, width: w)
            }
        } else if w == 16 {
            packPRBs(src, dst, prbs, width: 16, stride: 48)
        } else {
            let lo = -(1 << (w - 1)), hi = (1 << (w - 1)) - 1
            for i in 0 ..< iq.count where Int(iq[i]) < lo || Int(iq[i]) > hi {
                throw FronthaulError(.valueOutOfRange("IQ value \(iq[i]) at index \(i) does not fit \(w) bits"), field: "iq", byteOffset: 0)
            }
            packPRBs(src, dst, prbs, width: w, stride: 3 * w)
        }
        return size
    }

    /// Decompresses `prbCount` PRBs from `input` into `output` (at least 24 × prbCount values);
    /// returns the number of values written. No allocation. A BFP exponent above 16 − width is an error.
    public static func decompress(_ input: UnsafeRawBufferPointer, prbCount: Int, compression: UdCompHdr,
                                  into output: UnsafeMutableBufferPointer<Int16>) throws(FronthaulError) -> Int {
        try checkSupported(compression, byteOffset: 0)
        guard (0 ... 65535).contains(prbCount) else {
            throw FronthaulError(.valueOutOfRange("prbCount \(prbCount)"), field: "iq", byteOffset: 0)
        }
        let size = prbCount * compression.bytesPerPRB
        guard input.count >= size else {
            throw FronthaulError(.truncated(needed: size, available: input.count), field: "iq", byteOffset: 0)
        }
        let values = prbCount * valuesPerPRB
        guard output.count >= values else {
            throw FronthaulError(.bufferTooSmall(needed: values, available: output.count), field: "<output>", byteOffset: 0)
        }
        guard prbCount > 0 else { return 0 }
        let src = input.baseAddress!
        let dst = UnsafeMutableRawPointer(output.baseAddress!)
        let w = compression.iqWidth
        if compression.method == .blockFloatingPoint {
            let bad: Int
            switch w {
            case 8: bad = bfpDecompress(src, dst, prbCount, width: 8)
            case 9: bad = bfpDecompress(src, dst, prbCount, width: 9)
            case 12: bad = bfpDecompress(src, dst, prbCount, width: 12)
            case 14: bad = bfpDecompress(src, dst, prbCount, width: 14)
            case 16: bad = bfpDecompress(src, dst, prbCount, width: 16)
            default: bad = bfpDecompress(src, dst, prbCount, width: w)
            }
            if bad >= 0 {
                let e = src.load(fromByteOffset: bad * compression.bytesPerPRB, as: UInt8.self) & 0xF
                throw FronthaulError(.valueOutOfRange("exponent \(e) > \(16 - w) for \(w)-bit mantissas"),
                                     field: "prb[\(bad)].udCompParam", byteOffset: bad * compression.bytesPerPRB)
            }
        } else if w == 16 {
            unpackPRBs(src, dst, prbCount, width: 16, stride: 48)
        } else {
            unpackPRBs(src, dst, prbCount, width: w, stride: 3 * w)
        }
        return values
    }

    /// Array convenience for `compress(_:compression:into:)`.
    public static func compress(_ iq: [Int16], compression: UdCompHdr) throws(FronthaulError) -> [UInt8] {
        let size = (iq.count / valuesPerPRB) * compression.bytesPerPRB
        var out = [UInt8](repeating: 0, count: size)
        let result: Result<Int, FronthaulError> = iq.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBytes { dst in
                Result { () throws(FronthaulError) -> Int in try compress(src, compression: compression, into: dst) }
            }
        }
        _ = try result.get()
        return out
    }

    /// Array convenience for `decompress(_:prbCount:compression:into:)`; the PRB count follows from the byte count.
    public static func decompress(_ bytes: [UInt8], compression: UdCompHdr) throws(FronthaulError) -> [Int16] {
        try checkSupported(compression, byteOffset: 0)
        let per = compression.bytesPerPRB
        guard bytes.count % per == 0 else {
            throw FronthaulError(.lengthMismatch(expected: (bytes.count / per + 1) * per, actual: bytes.count), field: "iq", byteOffset: bytes.count)
        }
        let prbs = bytes.count / per
        var out = [Int16](repeating: 0, count: prbs * valuesPerPRB)
        let result: Result<Int, FronthaulError> = bytes.withUnsafeBytes { src in
            out.withUnsafeMutableBufferPointer { dst in
                Result { () throws(FronthaulError) -> Int in try decompress(src, prbCount: prbs, compression: compression, into: dst) }
            }
        }
        _ = try result.get()
        return out
    }
}

// MARK: - kernels (width is a constant at each call site after inlining)

/// Widths 9...15 go through 64-bit "quads" of four values (4w ≤ 60 bits), built with uniform SIMD
/// shifts only (SSE2-friendly): pairs in 32-bit lanes, then quads in 64-bit lanes.
@inline(__always)
private func isQuadWidth(_ w: Int) -> Bool { w >= 9 && w <= 15 }

/// True when packing/unpacking a PRB at this width touches up to 8 − w/2 bytes past its end.
@inline(__always)
private func overshoots(_ w: Int) -> Bool { isQuadWidth(w) && w % 2 == 0 }

@inline(__always)
private func quads16(_ v: SIMD16<Int16>, width w: Int) -> SIMD4<UInt64> {
    let m = SIMD16<UInt16>(truncatingIfNeeded: v) & UInt16((1 << w) - 1)
    let x = unsafeBitCast(m, to: SIMD8<UInt32>.self)  // lane j: v[2j] | v[2j+1] << 16
    let p = ((x & 0xFFFF) &<< UInt32(w)) | (x &>> 16)
    let y = unsafeBitCast(p, to: SIMD4<UInt64>.self)  // lane k: pair[2k] | pair[2k+1] << 32
    return ((y & 0xFFFF_FFFF) &<< UInt64(2 * w)) | (y &>> 32)
}

@inline(__always)
private func quads8(_ v: SIMD8<Int16>, width w: Int) -> SIMD2<UInt64> {
    let m = SIMD8<UInt16>(truncatingIfNeeded: v) & UInt16((1 << w) - 1)
    let x = unsafeBitCast(m, to: SIMD4<UInt32>.self)
    let p = ((x & 0xFFFF) &<< UInt32(w)) | (x &>> 16)
    let y = unsafeBitCast(p, to: SIMD2<UInt64>.self)
    return ((y & 0xFFFF_FFFF) &<< UInt64(2 * w)) | (y &>> 32)
}

@inline(__always)
private func values16(_ q: SIMD4<UInt64>, width w: Int) -> SIMD16<UInt16> {
    let y = (q &>> UInt64(2 * w)) | ((q & ((1 << UInt64(2 * w)) - 1)) &<< 32)
    let x = unsafeBitCast(y, to: SIMD8<UInt32>.self)
    let v = (x &>> UInt32(w)) | ((x & ((1 << UInt32(w)) - 1)) &<< 16)
    return unsafeBitCast(v, to: SIMD16<UInt16>.self)
}

@inline(__always)
private func values8(_ q: SIMD2<UInt64>, width w: Int) -> SIMD8<UInt16> {
    let y = (q &>> UInt64(2 * w)) | ((q & ((1 << UInt64(2 * w)) - 1)) &<< 32)
    let x = unsafeBitCast(y, to: SIMD4<UInt32>.self)
    let v = (x &>> UInt32(w)) | ((x & ((1 << UInt32(w)) - 1)) &<< 16)
    return unsafeBitCast(v, to: SIMD8<UInt16>.self)
}

/// Stores 6 quads (24 values) as 3w bytes; even widths write up to 8 − w/2 bytes past the end.
@inline(__always)
private func storeQuads(_ a: SIMD4<UInt64>, _ b: SIMD2<UInt64>, _ dst: UnsafeMutableRawPointer, width w: Int) {
    let q = (a[0], a[1], a[2], a[3], b[0], b[1])
    if w % 2 == 0 {
        let half = w / 2, up = UInt64(64 - 4 * w)
        dst.storeBytes(of: (q.0 &<< up).bigEndian, toByteOffset: 0, as: UInt64.self)
        dst.storeBytes(of: (q.1 &<< up).bigEndian, toByteOffset: half, as: UInt64.self)
        dst.storeBytes(of: (q.2 &<< up).bigEndian, toByteOffset: 2 * half, as: UInt64.self)
        dst.storeBytes(of: (q.3 &<< up).bigEndian, toByteOffset: 3 * half, as: UInt64.self)
        dst.storeBytes(of: (q.4 &<< up).bigEndian, toByteOffset: 4 * half, as: UInt64.self)
        dst.storeBytes(of: (q.5 &<< up).bigEndian, toByteOffset: 5 * half, as: UInt64.self)
    } else {
        // two quads = 8w bits = 64 bits + (w − 8) tail bytes
        let up = UInt64(64 - 4 * w), down = UInt64(8 * w - 64), tail = w - 8
        @inline(__always) func pair(_ q0: UInt64, _ q1: UInt64, _ d: UnsafeMutableRawPointer) {
            d.storeBytes(of: ((q0 &<< up) | (q1 &>> down)).bigEndian, as: UInt64.self)
            for k in 0 ..< tail {
                d.storeBytes(of: UInt8(truncatingIfNeeded: q1 &>> UInt64(8 * (tail - 1 - k))), toByteOffset: 8 + k, as: UInt8.self)
            }
        }
        pair(q.0, q.1, dst)
        pair(q.2, q.3, dst + w)
        pair(q.4, q.5, dst + 2 * w)
    }
}

/// Loads 3w bytes as 6 quads; even widths read up to 8 − w/2 bytes past the end.
@inline(__always)
private func loadQuads(_ src: UnsafeRawPointer, width w: Int) -> (SIMD4<UInt64>, SIMD2<UInt64>) {
    if w % 2 == 0 {
        let half = w / 2, down = UInt64(64 - 4 * w)
        @inline(__always) func q(_ k: Int) -> UInt64 { UInt64(bigEndian: src.loadUnaligned(fromByteOffset: k * half, as: UInt64.self)) &>> down }
        return (SIMD4(q(0), q(1), q(2), q(3)), SIMD2(q(4), q(5)))
    }
    let down = UInt64(64 - 4 * w), tailBits = UInt64(8 * w - 64), tail = w - 8
    @inline(__always) func pair(_ s: UnsafeRawPointer) -> (UInt64, UInt64) {
        let hi = UInt64(bigEndian: s.loadUnaligned(as: UInt64.self))
        var t: UInt64 = 0
        for k in 0 ..< tail { t = t << 8 | UInt64(s.load(fromByteOffset: 8 + k, as: UInt8.self)) }
        return (hi &>> down, ((hi & ((1 << down) - 1)) &<< tailBits) | t)
    }
    let (q0, q1) = pair(src), (q2, q3) = pair(src + w), (q4, q5) = pair(src + 2 * w)
    return (SIMD4(q0, q1, q2, q3), SIMD2(q4, q5))
}

/// Writes 24 values (two SIMD vectors) as big-endian `width`-bit fields.
@inline(__always)
private func packValues(_ a: SIMD16<Int16>, _ b: SIMD8<Int16>, _ dst: UnsafeMutableRawPointer, width w: Int) {
    if w == 8 {
        dst.storeBytes(of: SIMD16<Int8>(truncatingIfNeeded: a), as: SIMD16<Int8>.self)
        (dst + 16).storeBytes(of: SIMD8<Int8>(truncatingIfNeeded: b), as: SIMD8<Int8>.self)
        return
    }
    if w == 16 {
        let ua = SIMD16<UInt16>(truncatingIfNeeded: a), ub = SIMD8<UInt16>(truncatingIfNeeded: b)
        dst.storeBytes(of: (ua &<< 8) | (ua &>> 8), as: SIMD16<UInt16>.self)
        (dst + 32).storeBytes(of: (ub &<< 8) | (ub &>> 8), as: SIMD8<UInt16>.self)
        return
    }
    if isQuadWidth(w) {
        storeQuads(quads16(a, width: w), quads8(b, width: w), dst, width: w)
        return
    }
    let mask = UInt64((1 << w) - 1)
    // 8 values make exactly w bytes; pack each group of 8 in a 128-bit accumulator as two words.
    @inline(__always) func group(_ v: SIMD8<Int16>, _ out: UnsafeMutableRawPointer) {
        var hi: UInt64 = 0, lo: UInt64 = 0  // 128-bit accumulator (hi:lo), values appended at the bottom
        for i in 0 ..< 8 {
            let x = UInt64(UInt16(bitPattern: v[i])) & mask
            hi = (hi &<< w) | (lo &>> (64 - w))
            lo = (lo &<< w) | x
        }
        // 8w bits sit at the bottom of hi:lo; emit them big-endian, w bytes.
        let total = 8 * w
        if total <= 64 {
            for k in 0 ..< w { out.storeBytes(of: UInt8(truncatingIfNeeded: lo &>> (8 * (w - 1 - k))), toByteOffset: k, as: UInt8.self) }
        } else {
            let hiBytes = w - 8
            for k in 0 ..< hiBytes { out.storeBytes(of: UInt8(truncatingIfNeeded: hi &>> (8 * (hiBytes - 1 - k))), toByteOffset: k, as: UInt8.self) }
            out.storeBytes(of: lo.bigEndian, toByteOffset: hiBytes, as: UInt64.self)
        }
    }
    group(a.lowHalf, dst)
    group(a.highHalf, dst + w)
    group(b, dst + 2 * w)
}

/// Reads 24 big-endian `width`-bit fields, sign-extended and shifted left by `e`.
@inline(__always)
private func unpackValues(_ src: UnsafeRawPointer, width w: Int, exponent e: Int) -> (SIMD16<Int16>, SIMD8<Int16>) {
    if w == 8 {
        let a = SIMD16<Int16>(truncatingIfNeeded: src.loadUnaligned(as: SIMD16<Int8>.self))
        let b = SIMD8<Int16>(truncatingIfNeeded: (src + 16).loadUnaligned(as: SIMD8<Int8>.self))
        return (a &<< Int16(e), b &<< Int16(e))
    }
    if w == 16 {
        let ua = src.loadUnaligned(as: SIMD16<UInt16>.self), ub = (src + 32).loadUnaligned(as: SIMD8<UInt16>.self)
        return (SIMD16<Int16>(truncatingIfNeeded: (ua &<< 8) | (ua &>> 8)) &<< Int16(e),
                SIMD8<Int16>(truncatingIfNeeded: (ub &<< 8) | (ub &>> 8)) &<< Int16(e))
    }
    if isQuadWidth(w) {
        let (qa, qb) = loadQuads(src, width: w)
        let s = Int16(16 - w)
        let a = ((SIMD16<Int16>(truncatingIfNeeded: values16(qa, width: w)) &<< s) &>> s) &<< Int16(e)
        let b = ((SIMD8<Int16>(truncatingIfNeeded: values8(qb, width: w)) &<< s) &>> s) &<< Int16(e)
        return (a, b)
    }
    @inline(__always) func group(_ p: UnsafeRawPointer) -> SIMD8<Int16> {
        var hi: UInt64 = 0, lo: UInt64
        if w <= 8 {
            lo = 0
            for k in 0 ..< w { lo = lo << 8 | UInt64(p.load(fromByteOffset: k, as: UInt8.self)) }
        } else {
            let hiBytes = w - 8
            for k in 0 ..< hiBytes { hi = hi << 8 | UInt64(p.load(fromByteOffset: k, as: UInt8.self)) }
            lo = UInt64(bigEndian: p.loadUnaligned(fromByteOffset: hiBytes, as: UInt64.self))
        }
        var v = SIMD8<UInt16>()
        for i in 0 ..< 8 {
            let shift = w * (7 - i)
            let bits: UInt64
            if shift >= 64 { bits = hi &>> (shift - 64) }
            else if shift == 0 { bits = lo }
            else { bits = (lo &>> shift) | (hi &<< (64 - shift)) }
            v[i] = UInt16(truncatingIfNeeded: bits)
        }
        // sign-extend the w-bit fields, then apply the exponent
        let s = Int16(16 - w)
        return ((SIMD8<Int16>(truncatingIfNeeded: v) &<< s) &>> s) &<< Int16(e)
    }
    let g0 = group(src), g1 = group(src + w), g2 = group(src + 2 * w)
    return (SIMD16<Int16>(lowHalf: g0, highHalf: g1), g2)
}

@inline(__always)
private func bfpCompressPRB(_ s: UnsafeRawPointer, _ d: UnsafeMutableRawPointer, width w: Int) {
    let a = s.loadUnaligned(as: SIMD16<Int16>.self)
    let b = (s + 32).loadUnaligned(as: SIMD8<Int16>.self)
    // magnitude proxy: x for x ≥ 0, −x−1 for x < 0 (same bit length as the signed range needs)
    let ma = a ^ (a &>> 15), mb = b ^ (b &>> 15)
    let peak = pointwiseMax(pointwiseMax(ma.lowHalf, ma.highHalf), mb).max()
    let bits = 16 - peak.leadingZeroBitCount
    let e = max(0, bits - (w - 1))
    d.storeBytes(of: UInt8(truncatingIfNeeded: e), as: UInt8.self)
    packValues(a &>> Int16(e), b &>> Int16(e), d + 1, width: w)
}

/// Runs `body` on PRBs `0..<prbs` writing `stride` bytes each at `dst + p * stride`; when the kernel
/// writes past a PRB's end, the last PRB goes through a stack scratch buffer.
@inline(__always)
private func eachOutputPRB(_ prbs: Int, _ dst: UnsafeMutableRawPointer, stride: Int, width w: Int,
                           _ body: (Int, UnsafeMutableRawPointer) -> Void) {
    let direct = overshoots(w) ? prbs - 1 : prbs
    for p in 0 ..< direct { body(p, dst + p * stride) }
    if direct < prbs {
        var scratch = SIMD64<UInt8>()
        withUnsafeMutableBytes(of: &scratch) { t in
            body(direct, t.baseAddress!)
            (dst + direct * stride).copyMemory(from: t.baseAddress!, byteCount: stride)
        }
    }
}

/// Runs `body` on PRBs `0..<prbs` reading `stride` bytes each at `src + p * stride`; when the kernel
/// reads past a PRB's end, the last PRB is read from a stack copy. `body` returns false to stop.
@inline(__always)
private func eachInputPRB(_ prbs: Int, _ src: UnsafeRawPointer, stride: Int, width w: Int,
                          _ body: (Int, UnsafeRawPointer) -> Bool) {
    let direct = overshoots(w) ? prbs - 1 : prbs
    for p in 0 ..< direct where !body(p, src + p * stride) { return }
    if direct < prbs {
        var scratch = SIMD64<UInt8>()
        withUnsafeMutableBytes(of: &scratch) { t in
            t.baseAddress!.copyMemory(from: src + direct * stride, byteCount: stride)
            _ = body(direct, UnsafeRawPointer(t.baseAddress!))
        }
    }
}

@inline(__always)
private func bfpCompress(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ prbs: Int, width w: Int) {
    eachOutputPRB(prbs, dst, stride: 1 + 3 * w, width: w) { p, d in bfpCompressPRB(src + p * 48, d, width: w) }
}

/// Returns the index of the first PRB with an out-of-range exponent, or -1.
@inline(__always)
private func bfpDecompress(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ prbs: Int, width w: Int) -> Int {
    let maxE = 16 - w
    var bad = -1
    eachInputPRB(prbs, src, stride: 1 + 3 * w, width: w) { p, s in
        let e = Int(s.load(as: UInt8.self) & 0xF)
        if e > maxE { bad = p; return false }
        let (a, b) = unpackValues(s + 1, width: w, exponent: e)
        let d = dst + p * 48
        d.storeBytes(of: a, as: SIMD16<Int16>.self)
        (d + 32).storeBytes(of: b, as: SIMD8<Int16>.self)
        return true
    }
    return bad
}

@inline(__always)
private func packPRBs(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ prbs: Int, width w: Int, stride: Int) {
    eachOutputPRB(prbs, dst, stride: stride, width: w) { p, d in
        let s = src + p * 48
        packValues(s.loadUnaligned(as: SIMD16<Int16>.self), (s + 32).loadUnaligned(as: SIMD8<Int16>.self), d, width: w)
    }
}

@inline(__always)
private func unpackPRBs(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ prbs: Int, width w: Int, stride: Int) {
    eachInputPRB(prbs, src, stride: stride, width: w) { p, s in
        let (a, b) = unpackValues(s, width: w, exponent: 0)
        let d = dst + p * 48
        d.storeBytes(of: a, as: SIMD16<Int16>.self)
        (d + 32).storeBytes(of: b, as: SIMD8<Int16>.self)
        return true
    }
}
