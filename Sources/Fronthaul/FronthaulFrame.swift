/// A value that is one complete O-RAN fronthaul frame: eCPRI common header, PC_ID/RTC_ID, SEQ_ID
/// and the O-RAN payload (the bytes after the Ethernet header with EtherType 0xAEFE).
///
/// Decoding is total: any byte string gives a value or a `FronthaulError`. Encoding can write into
/// a caller's buffer (`encode(into:options:)`, no allocation beyond what the value holds).
public protocol FronthaulFrame: Hashable, Sendable, Codable {
    /// Decodes one frame; `bytes` must hold exactly the eCPRI message (unless `options.allowTrailingBytes`).
    init(bytes: UnsafeRawBufferPointer, options: FronthaulOptions) throws(FronthaulError)
    /// Number of bytes `encode` writes.
    func encodedCount(options: FronthaulOptions) -> Int
    /// Writes the frame at the start of `buffer`; returns the number of bytes written.
    func encode(into buffer: UnsafeMutableRawBufferPointer, options: FronthaulOptions) throws(FronthaulError) -> Int
}

extension FronthaulFrame {
    public init(bytes: [UInt8], options: FronthaulOptions = .default) throws(FronthaulError) {
        let result: Result<Self, FronthaulError> = bytes.withUnsafeBytes { raw in
            Result { () throws(FronthaulError) -> Self in try Self(bytes: raw, options: options) }
        }
        self = try result.get()
    }

    /// The frame's bytes.
    public func encode(options: FronthaulOptions = .default) throws(FronthaulError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: encodedCount(options: options))
        let result: Result<Int, FronthaulError> = out.withUnsafeMutableBytes { raw in
            Result { () throws(FronthaulError) -> Int in try encode(into: raw, options: options) }
        }
        _ = try result.get()
        return out
    }
}

/// Any CUS-plane frame, chosen by the eCPRI message type (0 → U-plane, 2 → C-plane).
public enum FronthaulMessage: FronthaulFrame {
    case cPlane(CPlaneMessage)
    case uPlane(UPlaneMessage)

    public init(bytes: UnsafeRawBufferPointer, options: FronthaulOptions) throws(FronthaulError) {
        var r = ByteReader(bytes)
        let t = try ECPRITransport.read(&r, options: options)
        switch t.messageType {
        case .realTimeControl: self = .cPlane(try CPlaneMessage(transport: t, reader: &r))
        case .iqData: self = .uPlane(try UPlaneMessage(transport: t, reader: &r, options: options))
        }
    }

    public func encodedCount(options: FronthaulOptions) -> Int {
        switch self {
        case let .cPlane(m): m.encodedCount(options: options)
        case let .uPlane(m): m.encodedCount(options: options)
        }
    }

    public func encode(into buffer: UnsafeMutableRawBufferPointer, options: FronthaulOptions) throws(FronthaulError) -> Int {
        switch self {
        case let .cPlane(m): try m.encode(into: buffer, options: options)
        case let .uPlane(m): try m.encode(into: buffer, options: options)
        }
    }
}

extension FronthaulMessage {
    private enum CodingKeys: String, CodingKey { case cPlane, uPlane }

    /// JSON form: `{"cPlane": {…}}` or `{"uPlane": {…}}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "a fronthaul message is {\"cPlane\": …} or {\"uPlane\": …}"))
        }
        switch key {
        case .cPlane: self = .cPlane(try c.decode(CPlaneMessage.self, forKey: .cPlane))
        case .uPlane: self = .uPlane(try c.decode(UPlaneMessage.self, forKey: .uPlane))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .cPlane(m): try c.encode(m, forKey: .cPlane)
        case let .uPlane(m): try c.encode(m, forKey: .uPlane)
        }
    }
}
