import Bus
import RanlabTestSupport
import Foundation
import Synchronization
import Testing

/// Locates and runs tshark.
enum Tshark {
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin")
        .split(separator: ":")
        .map { "\($0)/tshark" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A field value printed in decimal or as 0x-prefixed hex (tshark prints some ids in hex).
    static func number(_ field: String) -> Int? {
        field.hasPrefix("0x") ? Int(field.dropFirst(2), radix: 16) : Int(field)
    }

    /// Runs tshark with `arguments` and returns its standard output (standard error is discarded).
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "tshark \(arguments) exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }
}


/// Ports for tests: below the ephemeral range, distinct per test within a run and,
/// by starting from the process id, unlikely to collide with a concurrent run.
enum TestPorts {
    private static let counter = Atomic<Int>(0)
    private static let base = 10_000 + Int(getpid() % 200) * 100

    static func next() -> UInt16 {
        UInt16(base + counter.add(1, ordering: .relaxed).newValue % 100)
    }
}

/// The `ranlab` executable built next to the tests (its `bus peer` command is the far end of links).

/// A `ranlab bus peer` child process: started, waited for until it prints READY, killed on deinit.
final class PeerProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private var buffer = Data()

    /// `ranlab bus peer ARGUMENTS`.
    convenience init(_ arguments: [String]) throws {
        let path = try #require(RanlabBinary.path, "the ranlab executable is not built (swift build)")
        try self.init(executable: path, arguments: ["bus", "peer"] + arguments)
    }

    /// Any program that prints READY when its endpoint is open.
    init(executable: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let first = try #require(readLine(), "peer \(arguments) printed nothing")
        try #require(first == "READY", "peer \(arguments) said: \(first)")
    }

    /// The next stdout line, nil at end of output.
    func readLine() -> String? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...nl)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    /// SIGKILL: the peer vanishes without closing anything.
    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { kill() }
}

/// Bytes whose content depends on their position and a seed, so corruption or reordering shows.
func pattern(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9 &+ Int(seed)) }
}

/// Runs `body` on a new thread (sockets stay confined to it) and returns its result when joined.
final class TestThread<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?

    init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    func join() throws -> T {
        done.wait()
        return try result!.get()
    }
}

/// The repository root (for scripts/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// python3 with pyzmq, when present.
enum PythonZMQ {
    static let python: String? = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import zmq"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? "/usr/bin/env" : nil
    }()
}
