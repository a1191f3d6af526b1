/// Which way a captured message travelled, seen from the capturing endpoint.
public enum CaptureDirection: Sendable, Hashable {
    /// Sent: local → remote.
    case outbound
    /// Received: remote → local.
    case inbound
}
