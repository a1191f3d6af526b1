import APER

/// E2AP `RICrequestID`: the requestor (xApp) and instance a subscription or control belongs to.
public struct RICrequestID: Hashable, Sendable, Codable, APERCodable {
    public var ricRequestorID: Int
    public var ricInstanceID: Int

    public init(ricRequestorID: Int, ricInstanceID: Int) {
        self.ricRequestorID = ricRequestorID
        self.ricInstanceID = ricInstanceID
    }

    public init(aper d: inout APERDecoder) throws {
        let (extended, _) = try d.decodeSequencePreamble(extensible: true)
        ricRequestorID = Int(try d.decodeInteger(in: 0...65535, "ricRequestorID"))
        ricInstanceID = Int(try d.decodeInteger(in: 0...65535, "ricInstanceID"))
        if extended { try d.decodeExtensionAdditions(known: 0) { _, _ in } }
    }

    public func encode(aper e: inout APEREncoder) throws {
        e.encodeSequencePreamble(extensible: true)
        try e.encodeInteger(Int64(ricRequestorID), in: 0...65535, "ricRequestorID")
        try e.encodeInteger(Int64(ricInstanceID), in: 0...65535, "ricInstanceID")
    }
}
