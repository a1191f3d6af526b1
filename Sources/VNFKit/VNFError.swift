import Bus

/// What can go wrong on the VNF side of the contract.
public enum VNFError: Error, Sendable, CustomStringConvertible {
    /// `RANLAB_NODE_CONFIG` missing, unreadable or not a valid node config.
    case config(String)
    /// The control channel or a link could not be opened or used.
    case bus(BusError)
    /// A link named in a call does not exist in the node config.
    case unknownLink(String)
    /// The slot clock failed: barrier gone, protocol error, or messages the barrier counted never arrived.
    case clock(String)

    public var description: String {
        switch self {
        case .config(let m): m
        case .bus(let e): "\(e)"
        case .unknownLink(let l): "no link '\(l)' in the node config"
        case .clock(let m): "slot clock: \(m)"
        }
    }
}
