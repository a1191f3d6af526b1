import Foundation
import VNFPackage

/// The VNFPackage side of planning, in a file that imports only VNFPackage (its `TrustPolicy`
/// and `VNFInterface` share names with Topology's).
struct PackageCheck {
    let catalog: VNFPackageCatalog
    let trust: TrustStore

    struct Resolved: Sendable {
        var name: String
        var provider: String
        var product: String
        var version: String
        var directory: String
        var launch: [String]
        /// "verified (ranlab-test)", "unsigned", "signed, no key to check it".
        var signature: String
        /// interface name → protocol
        var protocols: [String: String]
    }

    /// Interfaces of a package for Topology's link checks; nil when the package does not load.
    func interfaces(ofVNF name: String) -> [(name: String, protocol: String, transports: Set<String>)]? {
        guard let p = try? catalog.package(named: name) else { return nil }
        return p.manifest.interfaces.map { ($0.name, $0.protocol.rawValue, Set($0.transports.map(\.rawValue))) }
    }

    /// Loads and verifies every package; all trust failures are collected before anything is refused.
    func resolve(_ names: [String], allowedProviders: [String], requireHashes: Bool, requireSignatures: Bool) throws(OrchestratorError) -> [String: Resolved] {
        let policy = TrustPolicy(allowedProviders: allowedProviders.isEmpty ? nil : allowedProviders,
                                 requireHashes: requireHashes, requireSignatures: requireSignatures)
        var out: [String: Resolved] = [:]
        var refused: [TrustError] = []
        for name in Set(names).sorted() {
            let package: VNFPackage
            do { package = try catalog.package(named: name) } catch {
                throw .package("VNF package '\(name)' in \(catalog.root.path): \(error)")
            }
            do {
                let v = try verify(package, policy: policy, trust: trust)
                let signature: String = switch v.signature {
                case .verified(let provider): "signature verified (\(provider))"
                case .unsigned: "unsigned"
                case .unverifiable: "signed, no key in the trust store to check it"
                }
                out[name] = Resolved(name: name, provider: v.manifest.provider, product: v.manifest.product, version: v.manifest.version,
                                     directory: package.directory.standardizedFileURL.path, launch: v.launchArguments, signature: signature,
                                     protocols: Dictionary(v.manifest.interfaces.map { ($0.name, $0.protocol.rawValue) }, uniquingKeysWith: { a, _ in a }))
            } catch {
                refused.append(error)
            }
        }
        if !refused.isEmpty { throw .trust(refused) }
        return out
    }

    static func loadTrustStore(_ path: String) throws(OrchestratorError) -> TrustStore {
        guard FileManager.default.fileExists(atPath: path) else { return TrustStore() }
        do { return try TrustStore.load(path: path) } catch { throw .package("trust store \(path): \(error)") }
    }
}
