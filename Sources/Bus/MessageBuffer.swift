/// A heap buffer the bus can hand to libzmq without copying (`zmq_msg_init_data`).
/// libzmq releases it when the bytes have left the process.
public final class MessageBuffer: @unchecked Sendable {
    public let bytes: UnsafeMutableRawBufferPointer

    public init(count: Int) {
        precondition(count >= 0, "MessageBuffer(count:) needs a count ≥ 0, got \(count)")
        bytes = .allocate(byteCount: max(count, 1), alignment: 16)
        count_ = count
    }

    public convenience init(_ source: some Collection<UInt8>) {
        self.init(count: source.count)
        _ = UnsafeMutableRawBufferPointer(rebasing: bytes[0..<source.count]).copyBytes(from: source)
    }

    private let count_: Int
    public var count: Int { count_ }

    deinit { bytes.deallocate() }
}
