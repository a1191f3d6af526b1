/// Either kind of air-interface record, for a receiver that takes whatever comes (a capture tool,
/// a trace decoder); the kind byte of the header decides.
public enum AirRecord: Sendable, Hashable {
    /// A DU → RU record (kind 1).
    case downlink(DownlinkSlot)
    /// An RU → DU record (kind 2).
    case uplink(UplinkSlot)

    /// The kind byte of the record header.
    public enum Kind: UInt8, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// `DownlinkSlot`, DU → RU.
        case downlink = 1
        /// `UplinkSlot`, RU → DU.
        case uplink = 2

        /// "downlink" or "uplink".
        public var description: String { self == .downlink ? "downlink" : "uplink" }
    }

    /// Decodes a record of either kind; zero bytes after it are accepted (carrier padding).
    public init(bytes: some Collection<UInt8>) throws(AirInterfaceError) {
        var r = AirReader(bytes)
        switch try AirFormat.readHeader(&r) {
        case .downlink: self = .downlink(try DownlinkSlot(reading: &r))
        case .uplink: self = .uplink(try UplinkSlot(reading: &r))
        }
        try r.finish()
    }

    /// The record's bytes.
    public func encoded() -> [UInt8] {
        switch self {
        case let .downlink(d): d.encoded()
        case let .uplink(u): u.encoded()
        }
    }

    /// The record's kind.
    public var kind: Kind {
        switch self {
        case .downlink: .downlink
        case .uplink: .uplink
        }
    }

    /// The record's absolute slot.
    public var slot: UInt64 {
        switch self {
        case let .downlink(d): d.slot
        case let .uplink(u): u.slot
        }
    }
}
