import ArgumentParser
import Bus
#if canImport(Glibc)
import Glibc
#endif

/// A bus peer in its own process: what tests and the demo run on the other end of a link.
/// Prints `READY` once its endpoint is open, then one line per result.
struct BusPeerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peer",
        abstract: "Run one end of a bus link (used by tests and the demo).",
        shouldDisplay: false
    )

    enum Role: String, ExpressibleByArgument { case echo, sink, source }

    @Option(help: "echo, sink or source") var role: Role
    @Option(help: "Endpoint URL") var endpoint: String
    @Option(help: "ZeroMQ socket type (pair, pull, push, dealer, router, rep, sub, pub)") var type: String = "pair"
    @Flag(help: "Connect instead of bind/listen") var connect = false
    @Option(help: "Messages to receive (sink) or send (source); 0 = until the peer goes away") var count: Int = 0
    @Option(help: "Message size for source") var size: Int = 64

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be ≥ 0 (0 = until the peer goes away)") }
        guard size >= 1, size <= 1 << 30 else { throw ValidationError("--size must be in 1...1073741824 bytes") }
    }

    func run() throws {
        let channel = try open()
        switch role {
        case .echo:
            while true {
                let m: Message?
                do { m = try channel.receive(timeout: nil) } catch {
                    emit("ERROR \(error)")
                    return
                }
                guard let m else { continue }
                try channel.send(m)
            }
        case .sink:
            var received = 0
            var bytes = 0
            var start: ContinuousClock.Instant?
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: channel.options.maxMessageSize, alignment: 16)
            defer { buffer.deallocate() }
            while count == 0 || received < count {
                guard let r = try channel.receive(into: buffer, timeout: .seconds(30)) else { break }
                if start == nil { start = .now }
                received += 1
                bytes += r.count
            }
            let seconds = start.map { (ContinuousClock.now - $0).seconds } ?? 0
            emit("RESULT messages=\(received) bytes=\(bytes) seconds=\(seconds)")
        case .source:
            let payload = [UInt8](repeating: 0x5A, count: size)
            try payload.withUnsafeBytes { b in
                for i in 0..<count {
                    try channel.send(b, info: MessageInfo(stream: UInt16(i % Int(channel.options.sctpStreams)), ppid: 62))
                }
            }
            emit("SENT \(count)")
            // Give the peer time to drain before our socket goes away.
            _ = channel.waitForEvent(timeout: .seconds(30)) { if case .lost = $0 { return true }; if case .shutdown = $0 { return true }; return false }
        }
    }

    private func open() throws -> any BusChannel {
        let ep = try Endpoint(endpoint)
        if ep.transport == .sctp {
            if connect {
                let channel = try SCTPChannel.connect(endpoint)
                emit("READY")
                return channel
            }
            let listener = try SCTPListener.listen(endpoint)
            emit("READY")
            guard let c = try listener.accept(timeout: .seconds(60)) else { throw BusError.timedOut(endpoint: endpoint, operation: "accept") }
            return c
        }
        guard let t = ZMQSocketType(rawValue: type) else { throw ValidationError("unknown socket type \(type)") }
        let channel = connect ? try ZMQChannel.connect(endpoint, t) : try ZMQChannel.bind(endpoint, t)
        emit("READY")
        return channel
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
