/// A PRACH preamble the PHY detected.
///
/// `ueTag` is emulation bookkeeping that a real gNB never sees: a real PHY reports only the
/// preamble index (and a timing estimate). The RU/UE emulator tags each preamble with the index of
/// the emulated UE that sent it, so that traces and logs on both sides can say which emulated UE a
/// random-access attempt (and the RAR answering it) belongs to. The RAR itself answers by preamble
/// index as in a real network, and two UEs that picked the same preamble are told apart by
/// contention resolution (Msg3/Msg4), not by this tag: a DU must treat it as opaque and base no
/// decision on it.
public struct Preamble: Sendable, Hashable, Codable {
    /// Preamble index (RAPID, 0...63).
    public var index: UInt8
    /// The emulator's index of the UE that sent it (emulation only; see the type's documentation).
    public var ueTag: UInt32

    /// A detected preamble `index`, sent by the emulator's UE `ueTag`.
    public init(index: UInt8, ueTag: UInt32) {
        self.index = index
        self.ueTag = ueTag
    }
}

extension Preamble: AirCodable {
    // index 1, ueTag 4
    static let minimumEncodedSize = 5

    var encodedSize: Int { Self.minimumEncodedSize }

    init(reading r: inout AirReader) throws(AirInterfaceError) {
        index = try r.u8("index")
        ueTag = try r.u32("ueTag")
    }

    func write(to w: inout AirWriter) {
        w.u8(index)
        w.u32(ueTag)
    }
}
