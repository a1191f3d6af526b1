/// Constants of the air-interface record encoding (docs/air-interface.md).
///
/// Every record starts with a 4-byte header: the magic "RA" (0x52 0x41), the version (1) and the
/// kind (1 = `DownlinkSlot`, 2 = `UplinkSlot`); then the record's fields, big-endian. Lists are a
/// UInt16 count then the items; byte arrays a UInt32 length then the bytes; Bool is one byte, 0 or 1.
/// After the record only zero bytes may follow (the fronthaul carrier pads to whole PRBs).
public enum AirFormat {
    /// The two magic bytes, "RA".
    public static let magic: (UInt8, UInt8) = (0x52, 0x41)
    /// The version this module writes and the only one it reads.
    public static let version: UInt8 = 1
    /// Size of the record header (magic, version, kind).
    public static let headerSize = 4

    /// Reads the header, checks magic and version; returns the kind.
    static func readHeader(_ r: inout AirReader) throws(AirInterfaceError) -> AirRecord.Kind {
        // A wrong first byte is bad magic even when the input is too short for the whole header.
        if r.remaining >= 1 && r.peek(0) != magic.0 { throw .badMagic }
        if r.remaining >= 2 && r.peek(1) != magic.1 { throw .badMagic }
        _ = try r.u16("magic")
        let v = try r.u8("version")
        guard v == version else { throw .unsupportedVersion(v) }
        let k = try r.u8("kind")
        guard let kind = AirRecord.Kind(rawValue: k) else { throw .unknownKind(k) }
        return kind
    }

    /// Decodes one whole record of `kind` (header, body, then only zero padding).
    static func decode<T: AirCodable>(_ bytes: some Collection<UInt8>, kind: AirRecord.Kind, as: T.Type = T.self) throws(AirInterfaceError) -> T {
        var r = AirReader(bytes)
        let found = try readHeader(&r)
        guard found == kind else { throw .wrongKind(expected: kind, found: found) }
        let value = try T(reading: &r)
        try r.finish()
        return value
    }

    /// Header and body of `value`.
    static func encode<T: AirCodable>(_ value: T, kind: AirRecord.Kind) -> [UInt8] {
        var w = AirWriter(capacity: headerSize + value.encodedSize)
        w.u8(magic.0)
        w.u8(magic.1)
        w.u8(version)
        w.u8(kind.rawValue)
        value.write(to: &w)
        return w.bytes
    }
}
