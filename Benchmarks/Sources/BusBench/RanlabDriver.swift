import Bus
import CRawBaseline

/// The ranlab side of every measurement, written against ``BusChannel`` so ZeroMQ and SCTP run
/// the same loops, on the allocation-free calls: `send(_:info:)` from a buffer and
/// `receive(into:timeout:)` into one. Loops mirror the C baselines step for step.
enum RanlabDriver {
    /// Bytes of every receive buffer (the C side uses the same).
    static let receiveBufferBytes = Int(RAW_RECEIVE_BUFFER_BYTES)

    /// Streams `count + 1` messages from `sender` to `receiver` on two threads; returns the
    /// nanoseconds the receiver took for the last `count`. With a `stallTimeout` (SCTP), a receive
    /// that waits longer fails the measurement and closes the sender to release it; without one
    /// (ZeroMQ, whose hot path should not pay for deadlines) receives wait forever.
    static func stream<S: BusChannel, R: BusChannel>(from sender: S, to receiver: R, size: Int, count: Int,
                                                      info: MessageInfo, stallTimeout: Duration?) throws(BusError) -> UInt64 {
        let receiving = BenchThread { () throws(BusError) -> UInt64 in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: receiveBufferBytes, alignment: 16)
            defer { buffer.deallocate() }
            var start: UInt64 = 0
            for i in 0...count {
                guard let got = try receiver.receive(into: buffer, timeout: stallTimeout) else {
                    if sender.isSendThreadSafe { sender.close() }
                    throw stalled(receiver, stallTimeout)
                }
                guard got.count == size else { throw unexpected(got.count, size, receiver) }
                if i == 0 { start = Monotonic.now() }
            }
            return Monotonic.now() - start
        }
        let sending = BenchThread { () throws(BusError) in
            let payload = filledBuffer(size, 0xA5)
            defer { payload.deallocate() }
            let bytes = UnsafeRawBufferPointer(payload)
            for _ in 0...count { try sender.send(bytes, info: info) }
        }
        let sent = Result { () throws(BusError) in try sending.join() }
        if case .failure = sent { receiver.interrupt() }
        let elapsed = try receiving.join()
        try sent.get()
        return elapsed
    }

    /// `warmup + iterations` ping-pongs from `client` through an echo thread on `echo`; returns
    /// the last `iterations` round-trip times in ns.
    static func pingPong<C: BusChannel, E: BusChannel>(client: C, echo: E, size: Int, warmup: Int, iterations: Int,
                                                        info: MessageInfo, stallTimeout: Duration?) throws(BusError) -> [UInt64] {
        let rounds = warmup + iterations
        let echoing = BenchThread { () throws(BusError) in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: receiveBufferBytes, alignment: 16)
            defer { buffer.deallocate() }
            for _ in 0..<rounds {
                guard let got = try echo.receive(into: buffer, timeout: stallTimeout) else { throw stalled(echo, stallTimeout) }
                try echo.send(UnsafeRawBufferPointer(rebasing: buffer[0..<got.count]), info: got.info)
            }
        }
        let payload = filledBuffer(size, 0x5A)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: receiveBufferBytes, alignment: 16)
        defer {
            payload.deallocate()
            buffer.deallocate()
        }
        let bytes = UnsafeRawBufferPointer(payload)
        var rtts = [UInt64](repeating: 0, count: iterations)
        do throws(BusError) {
            for i in 0..<rounds {
                let start = Monotonic.now()
                try client.send(bytes, info: info)
                guard let got = try client.receive(into: buffer, timeout: stallTimeout) else { throw stalled(client, stallTimeout) }
                guard got.count == size else { throw unexpected(got.count, size, client) }
                if i >= warmup { rtts[i - warmup] = Monotonic.now() - start }
            }
        } catch {
            echo.interrupt()
            _ = try? echoing.join()
            throw error
        }
        try echoing.join()
        return rtts
    }

    private static func filledBuffer(_ size: Int, _ byte: UInt8) -> UnsafeMutableRawBufferPointer {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: byte)
        return buffer
    }

    /// A receive that returned nothing: stalled (timeout) or interrupted.
    private static func stalled(_ channel: some BusChannel, _ timeout: Duration?) -> BusError {
        .timedOut(endpoint: channel.endpoint.description,
                  operation: timeout.map { "receive (stalled: no message for \($0))" } ?? "receive (interrupted)")
    }

    private static func unexpected(_ got: Int, _ expected: Int, _ channel: some BusChannel) -> BusError {
        .system(endpoint: channel.endpoint.description, operation: "receive", errno: 0,
                message: "got \(got) bytes, expected \(expected)")
    }
}
