/// A value with an aligned-PER encoding.
public protocol APERCodable {
    init(aper decoder: inout APERDecoder) throws
    func encode(aper encoder: inout APEREncoder) throws
}

extension APERCodable {
    /// Decodes a complete encoding (trailing octets beyond the value are ignored, as X.691 allows padding).
    public init(aperBytes: [UInt8]) throws {
        var decoder = APERDecoder(aperBytes)
        try self.init(aper: &decoder)
    }

    /// The complete encoding of this value.
    public func aperBytes() throws -> [UInt8] {
        var encoder = APEREncoder()
        try encode(aper: &encoder)
        return encoder.finished()
    }
}
