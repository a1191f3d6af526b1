/// A VNF's life-cycle state as reported on the control channel (docs/plugin-contract.md).
public enum VNFStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case booting = "BOOTING"
    case ready = "READY"
    case active = "ACTIVE"
    case stopping = "STOPPING"
    case finished = "FINISHED"
    case error = "ERROR"

    /// True once the VNF is at least listening (what `wait-for` waits for).
    public var isUp: Bool { self == .ready || self == .active }
    /// The process is on its way out or gone.
    public var isTerminal: Bool { self == .finished || self == .error }
}
