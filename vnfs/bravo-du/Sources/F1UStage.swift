import GTPU

/// F1-U: GTP-U G-PDUs from the CU become DL SDUs (DL TEID, size, creation slot); the MAC stage's
/// UL user data and NR-U flow control become G-PDUs towards the CU's UL TEID.
struct F1UStage {
    struct SDU {
        let teid: UInt32
        let bytes: Int
        let created: UInt64
    }

    /// A DL SDU, or nil for anything that is not a G-PDU carrying user data.
    func decode(_ bytes: [UInt8]) -> SDU? {
        guard let p = try? GTPUPacket(bytes: bytes), p.messageType == GTPUPacket.MessageType.gPDU, !p.payload.isEmpty else { return nil }
        return SDU(teid: p.teid, bytes: p.payload.count, created: EmulatedPacket.creationSlot(in: p.payload) ?? 0)
    }

    /// The G-PDU for a MAC-stage event; nil for F1-C events.
    func encode(_ event: MACStage.Upstream) throws -> [UInt8]? {
        switch event {
        case let .ulData(teid, ue, length, created):
            let payload = EmulatedPacket.make(length: length, ue: ue, creationSlots: created, downlink: false)
            return try GTPUPacket.gpdu(teid: teid, payload: payload).encoded()
        case let .deliveryStatus(teid, desired):
            let frame = NRUPFrame.dlDataDeliveryStatus(.init(desiredBufferSize: UInt32(clamping: desired)))
            return try GTPUPacket.gpdu(teid: teid, nrup: frame, payload: []).encoded()
        default:
            return nil
        }
    }
}
