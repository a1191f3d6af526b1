/// Failures of packet capture. Each case says what went wrong and what to do next.
public enum CaptureError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The capture file could not be created or truncated.
    case cannotOpen(path: String, reason: String)
    /// Writing to (or closing) the capture file failed; later records are dropped.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open capture file '\(path)': \(reason). Check that the directory exists and is writable, or pick another path."
        case let .writeFailed(path, reason):
            return "writing capture file '\(path)' failed: \(reason). Check free disk space and permissions; the file holds every record written before the failure."
        }
    }
}
