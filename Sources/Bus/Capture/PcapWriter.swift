#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Writes a classic pcap file (nanosecond timestamps, Ethernet link type) that Wireshark and tshark open.
///
/// Thread-safe: records from several threads are serialized by a lock. Each record is handed to the kernel
/// with one `write(2)` as soon as it is written, so a crash of the process loses nothing already recorded.
/// After a write error the writer stops recording (a torn record would corrupt the rest of the file) and
/// reports the error through `failure`.
public final class PcapWriter: Sendable {
    /// Largest number of bytes stored per frame; longer frames are truncated (their original length is kept).
    public static let snapLength = 262_144
    /// Magic number of a pcap file with nanosecond-resolution timestamps.
    static let magicNanoseconds: UInt32 = 0xA1B2_3C4D
    /// LINKTYPE_ETHERNET.
    static let linkTypeEthernet: UInt32 = 1
    /// Size of the file header and of each record header.
    static let fileHeaderSize = 24
    static let recordHeaderSize = 16

    /// The file being written.
    public let path: String
    private let state: Mutex<State>

    private struct State {
        /// Open descriptor, or -1 once closed.
        var fd: Int32
        /// Reused buffer holding one record header plus frame.
        var record: [UInt8] = []
        var failure: CaptureError?
    }

    /// Creates (or truncates) the file at `path` and writes the pcap file header.
    public init(path: String) throws(CaptureError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: errnoDescription()) }
        var header: [UInt8] = []
        header.reserveCapacity(Self.fileHeaderSize)
        header.appendLittleEndian(Self.magicNanoseconds)
        header.appendLittleEndian(UInt16(2))  // version 2.4
        header.appendLittleEndian(UInt16(4))
        header.appendLittleEndian(Int32(0))  // thiszone: timestamps are UTC
        header.appendLittleEndian(UInt32(0))  // sigfigs
        header.appendLittleEndian(UInt32(Self.snapLength))
        header.appendLittleEndian(Self.linkTypeEthernet)
        if let reason = writeAll(fd, header) {
            closeDescriptor(fd)
            throw .writeFailed(path: path, reason: reason)
        }
        self.path = path
        var record: [UInt8] = []
        record.reserveCapacity(Self.recordHeaderSize + 65_536)
        state = Mutex(State(fd: fd, record: record))
    }

    deinit { close() }

    /// The first write or close error, if any; once set, further records are dropped.
    public var failure: CaptureError? {
        state.withLock { $0.failure }
    }

    /// The current wall-clock time (CLOCK_REALTIME), the timestamp to record a frame with.
    public static func now() -> timespec {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return ts
    }

    /// Appends one Ethernet frame taken at `timestamp`. Frames longer than `snapLength` are truncated.
    /// Does nothing after `close()` or after a write failure.
    public func write(frame: UnsafeRawBufferPointer, timestamp: timespec) {
        let captured = min(frame.count, Self.snapLength)
        state.withLock { state in
            guard state.fd >= 0, state.failure == nil else { return }
            state.record.removeAll(keepingCapacity: true)
            state.record.appendLittleEndian(UInt32(truncatingIfNeeded: timestamp.tv_sec))
            state.record.appendLittleEndian(UInt32(clamping: timestamp.tv_nsec))
            state.record.appendLittleEndian(UInt32(captured))
            state.record.appendLittleEndian(UInt32(clamping: frame.count))
            state.record.append(contentsOf: UnsafeRawBufferPointer(rebasing: frame[..<captured]))
            if let reason = writeAll(state.fd, state.record) {
                state.failure = .writeFailed(path: path, reason: reason)
            }
        }
    }

    /// Forces recorded frames to stable storage (`fsync`). Records already reach the kernel as they are
    /// written, so this only matters for surviving an operating-system crash or power loss.
    public func flush() {
        state.withLock { state in
            if state.fd >= 0 { _ = fsync(state.fd) }
        }
    }

    /// Closes the file. Idempotent; also done on deinit.
    public func close() {
        state.withLock { state in
            guard state.fd >= 0 else { return }
            if closeDescriptor(state.fd) != 0, state.failure == nil {
                state.failure = .writeFailed(path: path, reason: errnoDescription())
            }
            state.fd = -1
        }
    }
}

// Free functions so the class's own `write`/`close` methods do not shadow the system calls.

/// Writes all of `bytes` to `fd`, retrying on EINTR and partial writes; returns the error text on failure.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errnoDescription()
            }
            offset += n
        }
        return nil
    }
}

@discardableResult
private func closeDescriptor(_ fd: Int32) -> Int32 {
    close(fd)
}

/// `strerror(errno)` with the number, e.g. "No such file or directory (errno 2)".
private func errnoDescription() -> String {
    let code = errno
    return "\(String(cString: strerror(code))) (errno \(code))"
}
