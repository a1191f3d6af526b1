/// What a topology demands of the VNF packages it starts.
///
/// The Topology module maps its `trust` section onto this value; `verify(_:policy:trust:)`
/// applies it before any process of the package is started.
public struct TrustPolicy: Sendable, Hashable {
    /// Providers whose packages may run; `nil` allows every provider.
    public var allowedProviders: [String]?
    /// Every artifact must carry a SHA-256 digest, and every package-relative path of the
    /// launch command must be one of those hashed artifacts.
    public var requireHashes: Bool
    /// The manifest must carry a detached `vnf.yaml.sig` that verifies with a key of its
    /// provider in the trust store.
    public var requireSignatures: Bool

    public init(allowedProviders: [String]? = nil, requireHashes: Bool = true, requireSignatures: Bool = false) {
        self.allowedProviders = allowedProviders
        self.requireHashes = requireHashes
        self.requireSignatures = requireSignatures
    }

    /// Hashes and signatures required, any provider with a key in the trust store.
    public static let strict = TrustPolicy(allowedProviders: nil, requireHashes: true, requireSignatures: true)
}
