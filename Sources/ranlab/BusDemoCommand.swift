import ArgumentParser
import Bus
import Foundation

/// Two processes exchanging messages over every transport, printing rates.
struct BusDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a sink in a second process and stream to it over every transport, printing rates."
    )

    @Option(help: "Messages per transport and size") var count: Int = 200_000
    @Option(parsing: .upToNextOption, help: "Message sizes in bytes") var sizes: [Int] = [64, 8192]
    @Option(help: "First port to use for tcp/sctp") var port: UInt16 = 24_000

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be ≥ 1") }
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 && $0 <= 8 << 20 }) else {
            throw ValidationError("--sizes must be byte counts in 1...8388608")
        }
        guard Int(port) + 3 * sizes.count <= 65535, port >= 1 else {
            throw ValidationError("--port leaves no room for \(3 * sizes.count) ports below 65536")
        }
    }

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ranlab-demo-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        emit("ranlab bus demo: \(count) messages per transport and size, sink in a second process")
        emit(pad("transport", 10) + pad("size", 8) + pad("msg/s", 14) + pad("MB/s", 10))
        var next = port
        for size in sizes {
            for transport in ["zmq+ipc", "zmq+tcp", "sctp"] {
                let endpoint: String
                switch transport {
                case "zmq+ipc": endpoint = "zmq+ipc://\(dir)/demo-\(size).sock"
                case "zmq+tcp": endpoint = "zmq+tcp://127.0.0.1:\(next)"
                default: endpoint = "sctp://127.0.0.1:\(next)"
                }
                next += 1
                let n = transport == "sctp" ? min(count, 50_000) : count
                let rate = try measure(endpoint: endpoint, size: size, count: n)
                emit(pad(transport, 10) + pad("\(size)", 8) + pad(String(format: "%.0f", rate), 14)
                      + pad(String(format: "%.1f", rate * Double(size) / 1e6), 10))
            }
        }
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }

    /// Starts `ranlab bus peer --role sink` in a child process, streams to it, returns its measured msg/s.
    private func measure(endpoint: String, size: Int, count: Int) throws -> Double {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath()
        if !FileManager.default.isExecutableFile(atPath: child.executableURL!.path) {
            child.executableURL = Bundle.main.executableURL
        }
        child.arguments = ["bus", "peer", "--role", "sink", "--endpoint", endpoint, "--type", "pull", "--count", "\(count)"]
        let out = Pipe()
        child.standardOutput = out
        try child.run()
        defer { if child.isRunning { child.terminate() } }
        let reader = LineReader(out.fileHandleForReading)
        guard reader.next() == "READY" else { throw ValidationError("peer for \(endpoint) did not start") }

        let channel: any BusChannel = endpoint.hasPrefix("sctp")
            ? try SCTPChannel.connect(endpoint)
            : try ZMQChannel.connect(endpoint, .push) { $0.sendHighWaterMark = 10_000 }
        defer { channel.close() }
        let payload = [UInt8](repeating: 0xA5, count: size)
        try payload.withUnsafeBytes { b in
            for _ in 0..<count { try channel.send(b, info: MessageInfo(ppid: 62)) }
        }
        while let line = reader.next() {
            guard line.hasPrefix("RESULT") else { continue }
            var fields: [String: Double] = [:]
            for kv in line.split(separator: " ").dropFirst() {
                let p = kv.split(separator: "=")
                if p.count == 2 { fields[String(p[0])] = Double(p[1]) }
            }
            child.waitUntilExit()
            guard let m = fields["messages"], let s = fields["seconds"], s > 0 else { return 0 }
            return m / s
        }
        throw ValidationError("peer for \(endpoint) exited without a result")
    }
}

/// Reads lines from a pipe, blocking.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    init(_ handle: FileHandle) { self.handle = handle }

    func next() -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...nl)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
