import Fronthaul

/// A typed failure of the emulated air interface: decoding a record (`DownlinkSlot`, `UplinkSlot`,
/// `AirRecord`) or unwrapping one from a fronthaul U-plane section (`AirCarrier`).
///
/// `field` names the failing field, outermost first and dotted, with list indices (for example
/// `"assignments[2].subPDUs[0].content"`); `offset` is the byte position in the record (0 = the
/// first magic byte) where that field starts.
public enum AirInterfaceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input ended inside `field`, which starts at `offset`.
    case truncated(field: String, offset: Int)
    /// The record does not start with the magic "RA" (0x52 0x41).
    case badMagic
    /// The version byte is not one this decoder reads (only `AirFormat.version`).
    case unsupportedVersion(UInt8)
    /// The kind byte is neither 1 (downlink) nor 2 (uplink).
    case unknownKind(UInt8)
    /// A valid record of the other kind (an uplink record decoded as `DownlinkSlot`, or the reverse).
    case wrongKind(expected: AirRecord.Kind, found: AirRecord.Kind)
    /// A Bool byte other than 0 or 1.
    case invalidBool(field: String, value: UInt8, offset: Int)
    /// A list count (items) or byte-array length (bytes) at `offset` that the bytes left could not hold,
    /// found before anything is allocated for it.
    case countTooLarge(field: String, count: Int, offset: Int)
    /// A non-zero byte at `offset` after the end of the record (zero padding is accepted).
    case trailingBytes(offset: Int)
    /// The U-plane section is not uncompressed 16-bit I/Q, so it cannot carry a record.
    case carrierCompressed(UdCompHdr)
    /// The section has no `udCompHdr` and no static compression was given to tell what it uses.
    case carrierCompressionUnknown
    /// The section's payload is not `numPrbu` × 48 bytes.
    case carrierLengthMismatch(expected: Int, actual: Int)
    /// The U-plane message's data direction does not match the record's kind (downlink records ride
    /// in downlink messages, uplink records in uplink messages).
    case carrierDirectionMismatch(kind: AirRecord.Kind, direction: DataDirection)
    /// The record's slot does not give the frameId / subframeId / slotId of the message that carried it.
    case carrierSlotMismatch(recordSlot: UInt64, frameId: UInt8, subframeId: UInt8, slotId: UInt8)
    /// A radio application header's subframeId (0...9) or slotId (0..<slotsPerSubframe) is out of range.
    case slotFieldsOutOfRange(subframeId: UInt8, slotId: UInt8, slotsPerSubframe: Int)

    /// One line: the field path, what is wrong, and the byte offset where it applies.
    public var description: String {
        switch self {
        case let .truncated(field, offset):
            "\(field): input ends (byte offset \(offset))"
        case .badMagic:
            "magic: not an air-interface record (expected \"RA\", 0x52 0x41) (byte offset 0)"
        case let .unsupportedVersion(v):
            "version: unsupported version \(v), this decoder reads \(AirFormat.version) (byte offset 2)"
        case let .unknownKind(k):
            "kind: unknown record kind \(k), expected 1 (downlink) or 2 (uplink) (byte offset 3)"
        case let .wrongKind(expected, found):
            "kind: expected a \(expected) record, found a \(found) record (byte offset 3)"
        case let .invalidBool(field, value, offset):
            "\(field): Bool byte \(value) is neither 0 nor 1 (byte offset \(offset))"
        case let .countTooLarge(field, count, offset):
            "\(field): count \(count) exceeds what the remaining input can hold (byte offset \(offset))"
        case let .trailingBytes(offset):
            "non-zero byte after the end of the record (byte offset \(offset))"
        case let .carrierCompressed(c):
            "U-plane section: compression \(c.method) with \(c.iqWidth)-bit I/Q cannot carry a record (needs uncompressed 16-bit)"
        case .carrierCompressionUnknown:
            "U-plane section: no udCompHdr and no static compression given"
        case let .carrierLengthMismatch(expected, actual):
            "U-plane section: payload of \(actual) byte(s), numPrbu says \(expected)"
        case let .carrierDirectionMismatch(kind, direction):
            "U-plane message: a \(kind) record in a \(direction) message"
        case let .carrierSlotMismatch(slot, frameId, subframeId, slotId):
            "U-plane message: record for slot \(slot) carried in frame \(frameId) subframe \(subframeId) slot \(slotId)"
        case let .slotFieldsOutOfRange(subframeId, slotId, slotsPerSubframe):
            "radio application header: subframeId \(subframeId) / slotId \(slotId) out of range for \(slotsPerSubframe) slot(s) per subframe"
        }
    }

    /// The same error with `prefix` prepended to its field path (cases without a field are unchanged).
    public func within(_ prefix: String) -> AirInterfaceError {
        switch self {
        case let .truncated(field, offset): .truncated(field: prefix + "." + field, offset: offset)
        case let .invalidBool(field, value, offset): .invalidBool(field: prefix + "." + field, value: value, offset: offset)
        case let .countTooLarge(field, count, offset): .countTooLarge(field: prefix + "." + field, count: count, offset: offset)
        default: self
        }
    }
}
