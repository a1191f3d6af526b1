import Bus
import Synchronization

/// A PUSH/PULL pair on one inproc endpoint, driven from one thread: send one message, receive it,
/// on the Bus's allocation-free calls.
final class InprocLoop {
    private static let serial = Atomic<Int>(0)

    private let push: ZMQChannel
    private let pull: ZMQChannel
    private let payload: UnsafeMutableRawBufferPointer
    private let buffer: UnsafeMutableRawBufferPointer

    init(size: Int) throws(BusError) {
        let endpoint = "zmq+inproc://bus-benchmarks-\(Self.serial.add(1, ordering: .relaxed).newValue)"
        pull = try ZMQChannel.bind(endpoint, .pull)
        push = try ZMQChannel.connect(endpoint, .push)
        payload = .allocate(byteCount: size, alignment: 16)
        payload.initializeMemory(as: UInt8.self, repeating: 0xA5)
        buffer = .allocate(byteCount: size, alignment: 16)
    }

    deinit {
        payload.deallocate()
        buffer.deallocate()
    }

    /// One message through the pair.
    func roundTrip() throws(BusError) {
        try push.send(UnsafeRawBufferPointer(payload), info: .none)
        guard let got = try pull.receive(into: buffer, timeout: .seconds(1)), got.count == payload.count else {
            throw .timedOut(endpoint: pull.endpoint.description, operation: "receive")
        }
    }

    func close() {
        push.close()
        pull.close()
    }
}
