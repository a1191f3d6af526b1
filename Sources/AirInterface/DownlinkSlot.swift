/// Everything the DU's PHY would put on the air in one downlink slot, as the RU/UE emulator needs
/// it (DU → RU, one record per slot): PDSCH assignments with their transport-block content, uplink
/// grants, random-access responses and RNTIs released.
///
/// The encoding (docs/air-interface.md) starts "RA", version 1, kind 1; `encoded()` writes it and
/// `init(bytes:)` reads it back, totally: any bytes give a value or an `AirInterfaceError`.
public struct DownlinkSlot: Sendable, Hashable, Codable {
    /// Absolute slot index (slots since the lab's epoch).
    public var slot: UInt64
    /// PDSCH assignments (DCI 1_x) and what each transport block contains.
    public var assignments: [DownlinkAssignment]
    /// PUSCH grants (DCI 0_x) sent in this slot.
    public var uplinkGrants: [UplinkGrant]
    /// Random-access responses (Msg2) sent in this slot.
    public var randomAccessResponses: [RandomAccessResponse]
    /// RNTIs whose context was released (the emulator drops those UEs' state).
    public var releases: [UInt16]

    /// A record for `slot`; the lists default to empty.
    public init(slot: UInt64, assignments: [DownlinkAssignment] = [], uplinkGrants: [UplinkGrant] = [],
                randomAccessResponses: [RandomAccessResponse] = [], releases: [UInt16] = []) {
        self.slot = slot
        self.assignments = assignments
        self.uplinkGrants = uplinkGrants
        self.randomAccessResponses = randomAccessResponses
        self.releases = releases
    }

    /// Decodes a downlink record; zero bytes after it are accepted (carrier padding).
    public init(bytes: some Collection<UInt8>) throws(AirInterfaceError) {
        self = try AirFormat.decode(bytes, kind: .downlink)
    }

    /// The record's bytes: header, then the fields. Traps if a list has more than 65 535 items.
    public func encoded() -> [UInt8] {
        AirFormat.encode(self, kind: .downlink)
    }

    /// Number of bytes `encoded()` returns.
    public var encodedCount: Int { AirFormat.headerSize + encodedSize }
}

extension DownlinkSlot: AirCodable {
    // slot 8, four list counts 2 each
    static let minimumEncodedSize = 16

    var encodedSize: Int {
        8 + assignments.listSize + uplinkGrants.listSize + randomAccessResponses.listSize + 2 + 2 * releases.count
    }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        slot = try r.u64("slot")
        assignments = try r.list("assignments")
        uplinkGrants = try r.list("uplinkGrants")
        randomAccessResponses = try r.list("randomAccessResponses")
        releases = try r.u16List("releases")
    }

    func write(to w: inout AirWriter) {
        w.u64(slot)
        w.list(assignments, "assignments")
        w.list(uplinkGrants, "uplinkGrants")
        w.list(randomAccessResponses, "randomAccessResponses")
        w.u16List(releases, "releases")
    }
}
