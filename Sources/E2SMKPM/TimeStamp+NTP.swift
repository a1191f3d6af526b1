import APER
import E2SMCommon

/// NTP-style view of `TimeStamp` (no Foundation `Date` involved).
///
/// E2SM-KPM v03.00 makes `TimeStamp` an `OCTET STRING (SIZE(8))` holding a 64-bit NTP timestamp
/// (IETF RFC 5905): octets 0–3 are the whole seconds since 1900-01-01 00:00:00 UTC (NTP era 0,
/// wrapping every 2^32 s), octets 4–7 the binary fraction of a second (units of 2^-32 s), both
/// big-endian. E2SM-KPM v02.03 used only the 4 seconds octets: such a value is not a valid v03.00
/// `TimeStamp`, and encoding or decoding one fails with `APERError.invalidLength` / `.truncated`
/// naming the field (`colletStartTime`).
extension TimeStamp {
    /// Seconds between the NTP epoch (1900-01-01) and the Unix epoch (1970-01-01).
    public static let unixEpochInNTPSeconds: UInt64 = 2_208_988_800

    /// The timestamp whose seconds and fraction fields are `seconds` and `fraction`.
    public init(ntpSeconds seconds: UInt32, fraction: UInt32) {
        self.init(ntp: UInt64(seconds) << 32 | UInt64(fraction))
    }

    /// The timestamp with the 64-bit NTP value `ntp` (seconds in the high 32 bits).
    public init(ntp: UInt64) {
        var bytes = [UInt8](repeating: 0, count: 8)
        for i in 0..<8 { bytes[i] = UInt8(truncatingIfNeeded: ntp >> UInt64(56 - 8 * i)) }
        self.init(OctetString(bytes))
    }

    /// The timestamp for `unixSeconds` seconds since 1970-01-01 UTC (rounded down to 2^-32 s; the
    /// seconds wrap modulo 2^32 as NTP eras do). Nil for NaN, infinities, and times before 1900.
    public init?(unixSeconds: Double) {
        guard unixSeconds.isFinite else { return nil }
        let ntpSeconds = unixSeconds + Double(Self.unixEpochInNTPSeconds)
        guard ntpSeconds >= 0, ntpSeconds < 18_446_744_073_709_551_616 else { return nil }
        let whole = ntpSeconds.rounded(.down)
        let fraction = UInt64(((ntpSeconds - whole) * 4_294_967_296).rounded(.down))
        let seconds = UInt64(whole) & 0xFFFF_FFFF
        self.init(ntp: seconds << 32 | min(fraction, 0xFFFF_FFFF))
    }

    /// The 64-bit NTP value, or nil if the value does not hold exactly 8 octets.
    public var ntp: UInt64? {
        guard value.count == 8 else { return nil }
        return value.bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The whole seconds since 1900-01-01 UTC (NTP era 0), or nil if not 8 octets.
    public var ntpSeconds: UInt32? { ntp.map { UInt32(truncatingIfNeeded: $0 >> 32) } }

    /// The fraction of a second in units of 2^-32 s, or nil if not 8 octets.
    public var fraction: UInt32? { ntp.map { UInt32(truncatingIfNeeded: $0) } }

    /// Seconds since 1970-01-01 UTC (era 0 assumed), or nil if not 8 octets.
    public var unixSeconds: Double? {
        guard let seconds = ntpSeconds, let fraction else { return nil }
        return Double(Int64(seconds) - Int64(Self.unixEpochInNTPSeconds)) + Double(fraction) / 4_294_967_296
    }
}
