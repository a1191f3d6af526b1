/// The slot clock's wire protocol between a time-driven VNF (ZeroMQ DEALER) and the lab's slot
/// barrier (ROUTER, hosted by the orchestrator). Binary, little-endian, one message per frame
/// (docs/plugin-contract.md §7):
///
/// | message | bytes |
/// |---|---|
/// | join  | 1, u16 name length, name (UTF-8), u16 link count, per link: u16 id length, id |
/// | go    | 2, u64 epoch, u64 first slot, u32 slot count, u64 start time (CLOCK_MONOTONIC ns, real time only, else 0), u16 n, n × u64 expected |
/// | done  | 3, u64 epoch, u16 n, n × u64 sent |
/// | end   | 4, u64 last slot + 1 |
/// | welcome | 5 (the barrier has the node's join) |
///
/// `expected[i]` is the cumulative number of messages the node must have received on its i-th
/// joined link before it runs the epoch; `UInt64.max` means the link is not clocked (its peer is
/// not in the barrier, or has gone). `sent[i]` is the cumulative number it has sent on link i.
public enum ClockMessage: Sendable, Hashable {
    case join(node: String, links: [String])
    case go(epoch: UInt64, firstSlot: UInt64, slotCount: UInt32, startTime: UInt64, expected: [UInt64])
    case done(epoch: UInt64, sent: [UInt64])
    case end(slot: UInt64)
    case welcome

    /// `expected` value of a link that is not clocked.
    public static let unclocked = UInt64.max

    public enum DecodeError: Error, Sendable, Hashable, CustomStringConvertible {
        case empty
        case unknownType(UInt8)
        case truncated(field: String, offset: Int)
        case badName(offset: Int)
        case trailingBytes(offset: Int)

        public var description: String {
            switch self {
            case .empty: "empty clock message"
            case .unknownType(let t): "unknown clock message type \(t)"
            case .truncated(let f, let o): "clock message truncated in \(f) at byte \(o)"
            case .badName(let o): "clock message has a name that is not UTF-8 at byte \(o)"
            case .trailingBytes(let o): "clock message has extra bytes from byte \(o)"
            }
        }
    }

    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        func u16(_ v: Int) { let x = UInt16(clamping: v); out.append(UInt8(x & 0xff)); out.append(UInt8(x >> 8)) }
        func u32(_ v: UInt32) { for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
        func u64(_ v: UInt64) { for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
        func text(_ s: String) { let b = Array(s.utf8.prefix(Int(UInt16.max))); u16(b.count); out += b }
        switch self {
        case let .join(node, links):
            out.append(1); text(node); u16(links.count); links.prefix(Int(UInt16.max)).forEach(text)
        case let .go(epoch, first, count, start, expected):
            out.append(2); u64(epoch); u64(first); u32(count); u64(start); u16(expected.count); expected.prefix(Int(UInt16.max)).forEach(u64)
        case let .done(epoch, sent):
            out.append(3); u64(epoch); u16(sent.count); sent.prefix(Int(UInt16.max)).forEach(u64)
        case let .end(slot):
            out.append(4); u64(slot)
        case .welcome:
            out.append(5)
        }
        return out
    }

    /// Total: any bytes give a message or a `DecodeError`.
    public init(bytes: some Collection<UInt8>) throws(DecodeError) {
        let b = Array(bytes)
        var at = 0
        func need(_ n: Int, _ field: String) throws(DecodeError) { if b.count - at < n { throw .truncated(field: field, offset: at) } }
        func u16(_ f: String) throws(DecodeError) -> Int { try need(2, f); defer { at += 2 }; return Int(b[at]) | Int(b[at + 1]) << 8 }
        func u32(_ f: String) throws(DecodeError) -> UInt32 {
            try need(4, f); var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(b[at + i]) << (8 * UInt32(i)) }
            at += 4; return v
        }
        func u64(_ f: String) throws(DecodeError) -> UInt64 {
            try need(8, f); var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(b[at + i]) << (8 * UInt64(i)) }
            at += 8; return v
        }
        func text(_ f: String) throws(DecodeError) -> String {
            let n = try u16(f); try need(n, f)
            let start = at
            at += n
            guard let s = String(validating: b[start..<at], as: UTF8.self) else { throw .badName(offset: start) }
            return s
        }
        guard let type = b.first else { throw .empty }
        at = 1
        switch type {
        case 1:
            let node = try text("node name")
            let n = try u16("link count")
            var links: [String] = []
            for _ in 0..<n { links.append(try text("link id")) }
            self = .join(node: node, links: links)
        case 2:
            let epoch = try u64("epoch"), first = try u64("first slot"), count = try u32("slot count"), start = try u64("start time")
            let n = try u16("link count")
            try need(8 * n, "expected counts")
            var expected: [UInt64] = []
            expected.reserveCapacity(n)
            for _ in 0..<n { expected.append(try u64("expected count")) }
            self = .go(epoch: epoch, firstSlot: first, slotCount: count, startTime: start, expected: expected)
        case 3:
            let epoch = try u64("epoch")
            let n = try u16("link count")
            try need(8 * n, "sent counts")
            var sent: [UInt64] = []
            sent.reserveCapacity(n)
            for _ in 0..<n { sent.append(try u64("sent count")) }
            self = .done(epoch: epoch, sent: sent)
        case 4:
            self = .end(slot: try u64("slot"))
        case 5:
            self = .welcome
        default:
            throw .unknownType(type)
        }
        if at != b.count { throw .trailingBytes(offset: at) }
    }
}
