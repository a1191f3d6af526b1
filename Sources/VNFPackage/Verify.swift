import Crypto
import Foundation

/// One reason a package may not run. Paths are full paths of the files concerned.
public enum TrustProblem: Sendable, Hashable, CustomStringConvertible {
    case hashMismatch(file: String, expected: String, actual: String)
    case artifactUnreadable(file: String, reason: String)
    case artifactOutsidePackage(file: String)
    /// `requireHashes` and the artifact has no `sha256`.
    case hashMissing(file: String)
    /// `requireHashes` and a package path of `launch` is not a hashed artifact.
    case launchPathNotHashed(argument: String)
    case signatureMissing(file: String)
    case signatureMalformed(file: String, reason: String)
    /// The signature verifies with no key of the provider.
    case signatureInvalid(file: String, provider: String)
    /// A signature is required but the trust store has no key for the provider.
    case providerUnknown(provider: String)
    case providerNotAllowed(provider: String, allowed: [String])

    public var description: String {
        switch self {
        case let .hashMismatch(file, expected, actual):
            return "\(file): SHA-256 mismatch: expected \(expected), actual \(actual)"
        case let .artifactUnreadable(file, reason): return "\(file): cannot read artifact: \(reason)"
        case let .artifactOutsidePackage(file): return "\(file): artifact resolves outside the package directory"
        case let .hashMissing(file): return "\(file): no sha256 in the manifest, but the policy requires hashes"
        case let .launchPathNotHashed(argument):
            return "launch path '\(argument)' is not a hashed artifact, but the policy requires hashes"
        case let .signatureMissing(file): return "\(file): missing signature, but the policy requires signatures"
        case let .signatureMalformed(file, reason): return "\(file): invalid signature: \(reason)"
        case let .signatureInvalid(file, provider):
            return "\(file): invalid signature: does not verify with any trusted key of provider '\(provider)'"
        case let .providerUnknown(provider): return "provider '\(provider)' has no key in the trust store"
        case let .providerNotAllowed(provider, allowed):
            return "provider '\(provider)' is not allowed by the topology (allowed: \(allowed.joined(separator: ", ")))"
        }
    }
}

/// Every problem that keeps a package from running, found in one pass.
public struct TrustError: Error, Sendable, Hashable, CustomStringConvertible {
    public var package: String
    public var problems: [TrustProblem]

    public var description: String {
        "VNF package '\(package)' failed verification:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// A package that passed `verify`; only this value hands out the command to start it.
public struct VerifiedPackage: Sendable {
    public enum Signature: Sendable, Hashable {
        /// Verified with a key of the provider from the trust store.
        case verified(provider: String)
        case unsigned
        /// Signed, but the trust store has no key of the provider and the policy did not require one.
        case unverifiable
    }

    public let package: VNFPackage
    public let signature: Signature
    /// Artifact path → SHA-256 as computed during verification.
    public let artifactDigests: [String: String]

    public var manifest: VNFManifest { package.manifest }

    /// `launch` with every package path made absolute against the package directory.
    public var launchArguments: [String] {
        package.manifest.launch.map { arg in
            VNFManifest.isPackagePath(arg) ? package.directory.appendingPathComponent(normalize(arg)).standardizedFileURL.path : arg
        }
    }
}

/// SHA-256 of a file as lowercase hex, read in 1 MiB pieces.
public func sha256Hex(ofFile url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
    }
    return hasher.finalize().hexString
}

/// Checks a package against a policy and a trust store before anything of it runs: the
/// provider, every artifact's SHA-256, and the Ed25519 signature over the exact manifest bytes.
/// All problems are collected into one `TrustError`.
public func verify(_ package: VNFPackage, policy: TrustPolicy, trust: TrustStore) throws(TrustError) -> VerifiedPackage {
    var problems: [TrustProblem] = []
    let manifest = package.manifest
    let provider = manifest.provider

    if let allowed = policy.allowedProviders, !allowed.contains(provider) {
        problems.append(.providerNotAllowed(provider: provider, allowed: allowed))
    }

    // Artifacts: a digest that is given is always checked; requireHashes demands one everywhere.
    let root = package.directory.standardizedFileURL.resolvingSymlinksInPath().path
    var digests: [String: String] = [:]
    for artifact in manifest.artifacts {
        let url = package.directory.appendingPathComponent(artifact.path)
        let file = url.path
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root + "/") else {
            problems.append(.artifactOutsidePackage(file: file))
            continue
        }
        guard let expected = artifact.sha256 else {
            if policy.requireHashes { problems.append(.hashMissing(file: file)) }
            continue
        }
        do {
            let actual = try sha256Hex(ofFile: url)
            digests[artifact.path] = actual
            if actual != expected { problems.append(.hashMismatch(file: file, expected: expected, actual: actual)) }
        } catch {
            problems.append(.artifactUnreadable(file: file, reason: error.localizedDescription))
        }
    }
    if policy.requireHashes {
        let hashed = Set(manifest.artifacts.filter { $0.sha256 != nil }.map(\.path))
        for arg in manifest.launch where VNFManifest.isPackagePath(arg) && !hashed.contains(normalize(arg)) {
            problems.append(.launchPathNotHashed(argument: arg))
        }
    }

    // Signature over the exact bytes that were parsed.
    let sigFile = package.signatureURL.path
    let keys = trust.keys(for: provider)
    var status = VerifiedPackage.Signature.unsigned
    if let sigData = package.signature {
        let text = String(decoding: sigData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let raw = Data(base64Encoded: text), raw.count == 64 {
            if keys.isEmpty {
                if policy.requireSignatures { problems.append(.providerUnknown(provider: provider)) }
                status = .unverifiable
            } else if keys.contains(where: { $0.isValidSignature(raw, for: package.manifestBytes) }) {
                status = .verified(provider: provider)
            } else {
                problems.append(.signatureInvalid(file: sigFile, provider: provider))
            }
        } else {
            problems.append(.signatureMalformed(file: sigFile, reason: "expected the base64 of a 64-byte Ed25519 signature"))
        }
    } else if policy.requireSignatures {
        problems.append(.signatureMissing(file: sigFile))
        if keys.isEmpty { problems.append(.providerUnknown(provider: provider)) }
    }

    if !problems.isEmpty { throw TrustError(package: package.name, problems: problems) }
    return VerifiedPackage(package: package, signature: status, artifactDigests: digests)
}
