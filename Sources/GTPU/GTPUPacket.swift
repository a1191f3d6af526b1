/// A GTP-U (GTPv1-U, 3GPP TS 29.281) packet as carried on F1-U, N3 or S1-U: UDP port 2152.
///
/// Mandatory header (8 octets): version (3 bits, 1) | PT (1, 1 = GTP) | spare (1) | E | S | PN,
/// message type (8), length (16: octets after these 8), TEID (32). If any of E, S, PN is set, four
/// more octets follow: sequence number (16), N-PDU number (8), next extension header type (8) —
/// each meaningful only when its flag is set (the receiver ignores the others). Then the extension
/// header chain (E), then the payload (a T-PDU for a G-PDU, information elements otherwise).
///
/// Values are canonical: an absent sequence or N-PDU number is sent as 0, the spare bit as 0, and
/// E is set exactly when there are extension headers. A value built by the initializer or decoded
/// from bytes always fits the 16-bit length field, so `encoded()` cannot fail.
public struct GTPUPacket: Sendable, Hashable {
    /// Message type values (TS 29.281 §6.1) used on the user plane.
    public enum MessageType {
        /// Echo Request.
        public static let echoRequest: UInt8 = 1
        /// Echo Response.
        public static let echoResponse: UInt8 = 2
        /// Error Indication.
        public static let errorIndication: UInt8 = 26
        /// Supported Extension Headers Notification.
        public static let supportedExtensionHeadersNotification: UInt8 = 31
        /// End Marker.
        public static let endMarker: UInt8 = 254
        /// G-PDU: the payload is a user data packet (T-PDU).
        public static let gPDU: UInt8 = 255
    }

    /// Size of the mandatory header.
    public static let mandatoryHeaderSize = 8
    /// The largest value of the length field.
    public static let maximumLength = Int(UInt16.max)

    /// The message type (see `MessageType`).
    public var messageType: UInt8
    /// Tunnel endpoint identifier of the receiving end.
    public var teid: UInt32
    /// The sequence number; `nil` when the S flag is clear.
    public var sequenceNumber: UInt16?
    /// The N-PDU number; `nil` when the PN flag is clear.
    public var nPDUNumber: UInt8?
    /// The extension header chain, in order (E is set when it is not empty).
    public private(set) var extensionHeaders: [GTPUExtensionHeader]
    /// The bytes after the header and extension headers.
    public private(set) var payload: [UInt8]

    /// A packet; throws `.valueOutOfRange(field: "length", …)` when the octets after the mandatory
    /// header would exceed 65 535.
    public init(messageType: UInt8, teid: UInt32, sequenceNumber: UInt16? = nil, nPDUNumber: UInt8? = nil,
                extensionHeaders: [GTPUExtensionHeader] = [], payload: [UInt8] = []) throws(GTPUError) {
        self.messageType = messageType
        self.teid = teid
        self.sequenceNumber = sequenceNumber
        self.nPDUNumber = nPDUNumber
        self.extensionHeaders = extensionHeaders
        self.payload = payload
        let length = lengthField
        if length > Self.maximumLength { throw .valueOutOfRange(field: "length", value: length, limit: Self.maximumLength) }
    }

    /// A G-PDU carrying `payload` to `teid`, with an NR RAN Container extension header when `nrup` is given.
    public static func gpdu(teid: UInt32, sequence: UInt16? = nil, nrup: NRUPFrame? = nil, payload: [UInt8]) throws(GTPUError) -> GTPUPacket {
        let headers = try nrup.map { frame throws(GTPUError) in try GTPUExtensionHeader(nrup: frame) }
        return try GTPUPacket(messageType: MessageType.gPDU, teid: teid, sequenceNumber: sequence,
                              extensionHeaders: headers.map { [$0] } ?? [], payload: payload)
    }

    /// Whether the four optional octets (sequence number, N-PDU number, next extension type) are sent.
    public var hasOptionalFields: Bool { sequenceNumber != nil || nPDUNumber != nil || !extensionHeaders.isEmpty }

    /// The value of the length field: octets after the mandatory header.
    public var lengthField: Int {
        (hasOptionalFields ? 4 : 0) + extensionHeaders.reduce(0) { $0 + $1.encodedCount } + payload.count
    }

    /// Size of the encoded packet.
    public var encodedCount: Int { Self.mandatoryHeaderSize + lengthField }

    /// The first NR RAN Container (type 0x84) extension header decoded as an NR user plane frame,
    /// or `nil` when there is none. Error offsets count from the start of the container's content.
    public func nrUserPlaneFrame() throws(GTPUError) -> NRUPFrame? {
        guard let header = extensionHeaders.first(where: { $0.type == GTPUExtensionHeader.Kind.nrRANContainer }) else { return nil }
        do { return try NRUPFrame(bytes: header.content) } catch { throw error.within("nrRANContainer", base: 0) }
    }

    /// Decodes one packet that fills `bytes` exactly. Total: every input yields a value or a `GTPUError`.
    public init(bytes: some Collection<UInt8>) throws(GTPUError) {
        let input = Array(bytes)
        var r = GTPUReader(input)
        let flags = try r.u8("flags")
        if flags >> 5 != 1 { throw .badVersion(flags >> 5, offset: 0) }
        if flags & 0x10 == 0 { throw .badProtocolType(offset: 0) }
        messageType = try r.u8("messageType")
        let length = Int(try r.uint(2, "length"))
        teid = try r.uint(4, "teid")
        if input.count != Self.mandatoryHeaderSize + length {
            throw .lengthMismatch(field: "length", offset: 2, declared: length, actual: input.count - Self.mandatoryHeaderSize)
        }
        let (e, s, pn) = (flags & 0x04 != 0, flags & 0x02 != 0, flags & 0x01 != 0)
        var nextType: UInt8 = 0
        if e || s || pn {
            let sequence = UInt16(try r.uint(2, "sequenceNumber"))
            let npdu = try r.u8("nPDUNumber")
            let next = try r.u8("nextExtensionHeaderType")
            sequenceNumber = s ? sequence : nil
            nPDUNumber = pn ? npdu : nil
            nextType = e ? next : 0
        } else {
            sequenceNumber = nil
            nPDUNumber = nil
        }
        var headers: [GTPUExtensionHeader] = []
        while nextType != 0 {
            let index = headers.count
            let start = r.offset
            let units = try r.u8("extensionHeader[\(index)].length")
            if units == 0 { throw .badExtensionLength(index: index, offset: start, length: units) }
            let content = try r.take(Int(units) * 4 - 2, "extensionHeader[\(index)].content")
            headers.append(GTPUExtensionHeader(unchecked: nextType, content: content))
            nextType = try r.u8("extensionHeader[\(index)].nextType")
        }
        extensionHeaders = headers
        payload = Array(input[r.offset...])
    }

    /// The encoded packet.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    /// Appends the encoded packet to `out`.
    public func encode(into out: inout [UInt8]) {
        out.reserveCapacity(out.count + encodedCount)
        let e: UInt8 = extensionHeaders.isEmpty ? 0 : 0x04
        let s: UInt8 = sequenceNumber == nil ? 0 : 0x02
        let pn: UInt8 = nPDUNumber == nil ? 0 : 0x01
        out.append(0x30 | e | s | pn)
        out.append(messageType)
        out.appendBigEndian(UInt32(lengthField), width: 2)
        out.appendBigEndian(teid, width: 4)
        if hasOptionalFields {
            out.appendBigEndian(UInt32(sequenceNumber ?? 0), width: 2)
            out.append(nPDUNumber ?? 0)
            out.append(extensionHeaders.first?.type ?? 0)
        }
        for (i, header) in extensionHeaders.enumerated() {
            out.append(UInt8(header.encodedCount / 4))
            out.append(contentsOf: header.content)
            out.append(i + 1 < extensionHeaders.count ? extensionHeaders[i + 1].type : 0)
        }
        out.append(contentsOf: payload)
    }
}

/// One GTP-U extension header (TS 29.281 §5.2): its type (the "next extension header type" value
/// that announces it) and its content. On the wire: length (8 bits, in 4-octet units, counting
/// itself, the content and the next-type octet), content (4n − 2 octets), next type (8 bits).
public struct GTPUExtensionHeader: Sendable, Hashable {
    /// Extension header type values (TS 29.281 §5.2.1).
    public enum Kind {
        /// Service Class Indicator.
        public static let serviceClassIndicator: UInt8 = 0x20
        /// UDP Port.
        public static let udpPort: UInt8 = 0x40
        /// RAN Container.
        public static let ranContainer: UInt8 = 0x81
        /// Long PDCP PDU Number.
        public static let longPDCPPDUNumber: UInt8 = 0x82
        /// Xw RAN Container.
        public static let xwRANContainer: UInt8 = 0x83
        /// NR RAN Container (TS 38.425 frames on F1-U/X2-U/Xn-U).
        public static let nrRANContainer: UInt8 = 0x84
        /// PDU Session Container (TS 38.415, N3/N9).
        public static let pduSessionContainer: UInt8 = 0x85
        /// PDCP PDU Number.
        public static let pdcpPDUNumber: UInt8 = 0xC0
    }

    /// The largest content: 255 units of 4 octets less the length and next-type octets.
    public static let maximumContentCount = 255 * 4 - 2

    /// The extension header type (never 0, which ends the chain).
    public let type: UInt8
    /// The content, always 4n − 2 octets (padding included).
    public let content: [UInt8]

    /// An extension header; `content` is padded with zero octets to 4n − 2. Throws when `type` is 0
    /// or the padded content exceeds `maximumContentCount`.
    public init(type: UInt8, content: [UInt8]) throws(GTPUError) {
        if type == 0 { throw .valueOutOfRange(field: "extensionHeader.type", value: 0, limit: 0) }
        if content.count > Self.maximumContentCount {
            throw .valueOutOfRange(field: "extensionHeader.content", value: content.count, limit: Self.maximumContentCount)
        }
        var padded = content
        while (padded.count + 2) % 4 != 0 { padded.append(0) }
        self.type = type
        self.content = padded
    }

    /// An NR RAN Container (type 0x84) holding `nrup`.
    public init(nrup: NRUPFrame) throws(GTPUError) {
        try self.init(type: Kind.nrRANContainer, content: try nrup.encoded())
    }

    init(unchecked type: UInt8, content: [UInt8]) {
        self.type = type
        self.content = content
    }

    /// Size on the wire: length octet, content, next-type octet.
    public var encodedCount: Int { content.count + 2 }
}

/// Bounds-checked big-endian reader over an array. Field names are autoclosures, built only on failure.
struct GTPUReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    func need(_ n: Int, _ field: @autoclosure () -> String) throws(GTPUError) {
        if remaining < n { throw .truncated(field: field(), offset: offset, needed: n, available: remaining) }
    }

    mutating func u8(_ field: @autoclosure () -> String) throws(GTPUError) -> UInt8 {
        try need(1, field())
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint(_ width: Int, _ field: @autoclosure () -> String) throws(GTPUError) -> UInt32 {
        try need(width, field())
        var v: UInt32 = 0
        for i in 0 ..< width { v = v << 8 | UInt32(bytes[offset + i]) }
        offset += width
        return v
    }

    mutating func take(_ n: Int, _ field: @autoclosure () -> String) throws(GTPUError) -> [UInt8] {
        try need(n, field())
        defer { offset += n }
        return Array(bytes[offset ..< offset + n])
    }
}

extension [UInt8] {
    /// Appends the low `width` bytes of `v`, most significant first.
    mutating func appendBigEndian(_ v: UInt32, width: Int) {
        for i in stride(from: width - 1, through: 0, by: -1) { append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }
}
