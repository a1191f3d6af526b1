import Crypto
import Foundation
import Testing
@testable import VNFPackage

/// A package in a fresh temp directory: `run.sh` as the hashed entry point, signed by `key`.
struct Fixture {
    let root: URL
    let dir: URL
    let key = Curve25519.Signing.PrivateKey()
    var trust: TrustStore { TrustStore(keys: ["acme": [key.publicKey]]) }

    static let manifest = """
        provider: acme
        product: demo
        version: "1.0"
        role: probe
        interfaces:
          - name: e2
            protocol: e2
            transports: [zmq, sctp]
          - name: ctl
            protocol: ctl
            transports: [zmq]
        launch: [./run.sh, --verbose]
        artifacts:
          - path: run.sh
          - path: lib/data.bin

        """

    init(manifest: String = Fixture.manifest, sign: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vnfpkg-\(UUID().uuidString)")
        dir = root.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho demo\n".utf8).write(to: dir.appendingPathComponent("run.sh"))
        try Data([0, 1, 2, 3]).write(to: dir.appendingPathComponent("lib/data.bin"))
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("vnf.yaml"))
        if sign { try VNFPackageSigner.sign(directory: dir, privateKey: key) }
    }

    func load() throws -> VNFPackage { try VNFPackage.load(directory: dir) }

    func problems(_ policy: TrustPolicy, trust: TrustStore? = nil) throws -> [TrustProblem] {
        do {
            _ = try verify(try load(), policy: policy, trust: trust ?? self.trust)
            return []
        } catch let error as TrustError {
            return error.problems
        }
    }

    func cleanup() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct VNFPackageTests {
    @Test func goodSignedPackageVerifies() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let verified = try verify(try f.load(), policy: .strict, trust: f.trust)
        #expect(verified.signature == .verified(provider: "acme"))
        #expect(verified.artifactDigests["run.sh"] == (try sha256Hex(ofFile: f.dir.appendingPathComponent("run.sh"))))
        #expect(verified.launchArguments == [f.dir.appendingPathComponent("run.sh").standardizedFileURL.path, "--verbose"])
        // The signer wrote the digests into the manifest it signed.
        #expect(try f.load().manifest.artifacts.allSatisfy { $0.sha256 != nil })
    }

    @Test func tamperedArtifactNamesFileExpectedAndActual() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let file = f.dir.appendingPathComponent("lib/data.bin")
        let expected = try sha256Hex(ofFile: file)
        try Data([9, 9, 9]).write(to: file)
        let actual = SHA256.hash(data: Data([9, 9, 9])).hexString
        // Hashes not required: a digest that is present is still checked.
        let problems = try f.problems(TrustPolicy(allowedProviders: nil, requireHashes: false, requireSignatures: false))
        #expect(problems == [.hashMismatch(file: file.path, expected: expected, actual: actual)])
        let text = "\(problems[0])"
        #expect(text.contains("lib/data.bin") && text.contains(expected) && text.contains(actual))
    }

    @Test func missingSignatureWhenRequired() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try FileManager.default.removeItem(at: f.dir.appendingPathComponent("vnf.yaml.sig"))
        let sig = f.dir.appendingPathComponent("vnf.yaml.sig").path
        #expect(try f.problems(.strict) == [.signatureMissing(file: sig)])
        // Not required: the same unsigned package runs.
        #expect(try f.problems(TrustPolicy(requireHashes: true, requireSignatures: false)) == [])
    }

    @Test func signatureByAnotherKeyIsRejected() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try VNFPackageSigner.sign(directory: f.dir, privateKey: Curve25519.Signing.PrivateKey())
        let sig = f.dir.appendingPathComponent("vnf.yaml.sig").path
        // Rejected even when signatures are not required: a present signature must verify.
        for policy in [TrustPolicy.strict, TrustPolicy(requireHashes: true, requireSignatures: false)] {
            #expect(try f.problems(policy) == [.signatureInvalid(file: sig, provider: "acme")])
        }
    }

    @Test func editedManifestBreaksSignature() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let url = f.dir.appendingPathComponent("vnf.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "--verbose", with: "--evil").utf8).write(to: url)
        #expect(try f.problems(.strict) == [.signatureInvalid(file: f.dir.appendingPathComponent("vnf.yaml.sig").path, provider: "acme")])
    }

    @Test func providerNotAllowed() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let policy = TrustPolicy(allowedProviders: ["ranlab"], requireHashes: true, requireSignatures: true)
        #expect(try f.problems(policy) == [.providerNotAllowed(provider: "acme", allowed: ["ranlab"])])
        #expect(try f.problems(TrustPolicy(allowedProviders: ["ranlab", "acme"], requireHashes: true, requireSignatures: true)) == [])
    }

    @Test func providerWithoutTrustedKeyWhenRequired() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        #expect(try f.problems(.strict, trust: TrustStore()) == [.providerUnknown(provider: "acme")])
    }

    @Test func unhashedArtifactAndLaunchPathWhenHashesRequired() throws {
        let f = try Fixture(sign: false)
        defer { f.cleanup() }
        let noHashes = TrustPolicy(requireHashes: true, requireSignatures: false)
        #expect(try f.problems(noHashes) == [
            .hashMissing(file: f.dir.appendingPathComponent("run.sh").path),
            .hashMissing(file: f.dir.appendingPathComponent("lib/data.bin").path),
            .launchPathNotHashed(argument: "./run.sh"),
        ])
        #expect(try f.problems(TrustPolicy(requireHashes: false, requireSignatures: false)) == [])
    }

    @Test func unknownKeyIsRejectedWithFileLineColumn() throws {
        let f = try Fixture(manifest: Fixture.manifest.replacingOccurrences(
            of: "    transports: [zmq]\n", with: "    transports: [zmq]\n    colour: blue\n"), sign: false)
        defer { f.cleanup() }
        let file = f.dir.appendingPathComponent("vnf.yaml").path
        #expect {
            _ = try f.load()
        } throws: { error in
            guard let error = error as? ManifestError, error.issues.count == 1 else { return false }
            return error.description.hasPrefix("\(file):12:5: unknown key 'colour' in interface")
        }
    }

    @Test func manifestIssuesAreCollected() throws {
        let bad = Fixture.manifest
            .replacingOccurrences(of: "role: probe\n", with: "role: probe\nextra: 1\n")
            .replacingOccurrences(of: "protocol: ctl", with: "protocol: s1")
            .replacingOccurrences(of: "  - path: run.sh\n", with: "  - path: ../run.sh\n")
        let f = try Fixture(manifest: bad, sign: false)
        defer { f.cleanup() }
        do {
            _ = try f.load()
            Issue.record("expected a ManifestError")
        } catch let error as ManifestError {
            let where_ = error.issues.map { "\($0.line ?? 0):\($0.column ?? 0)" }
            #expect(where_ == ["5:1", "11:15", "15:11"], "\(error)")
        }
    }

    @Test func allProblemsOfAPackageReportedTogether() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let data = f.dir.appendingPathComponent("lib/data.bin")
        let expected = try sha256Hex(ofFile: data)
        try Data("changed".utf8).write(to: data)
        try FileManager.default.removeItem(at: f.dir.appendingPathComponent("vnf.yaml.sig"))
        let problems = try f.problems(TrustPolicy(allowedProviders: ["ranlab"], requireHashes: true, requireSignatures: true))
        #expect(problems == [
            .providerNotAllowed(provider: "acme", allowed: ["ranlab"]),
            .hashMismatch(file: data.path, expected: expected, actual: SHA256.hash(data: Data("changed".utf8)).hexString),
            .signatureMissing(file: f.dir.appendingPathComponent("vnf.yaml.sig").path),
        ])
    }

    @Test func trustStoreDirectoryAndYAML() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let pub = f.key.publicKey.rawRepresentation
        let keysDir = f.root.appendingPathComponent("trust")
        try FileManager.default.createDirectory(at: keysDir, withIntermediateDirectories: true)
        try Data("# comment\n\(pub.base64EncodedString())\n".utf8).write(to: keysDir.appendingPathComponent("acme.pub"))
        try Data("ignored".utf8).write(to: keysDir.appendingPathComponent("README"))
        let yaml = f.root.appendingPathComponent("trust.yaml")
        try Data("acme: \(pub.hexString)\nother: [\(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString())]\n".utf8).write(to: yaml)
        for path in [keysDir.path, yaml.path] {
            let store = try TrustStore.load(path: path)
            #expect(try f.problems(.strict, trust: store) == [], "\(path)")
        }
    }

    @Test func catalogListsPackagesAndInterfaces() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try FileManager.default.createDirectory(at: f.root.appendingPathComponent("trust"), withIntermediateDirectories: true)
        let catalog = VNFPackageCatalog(root: f.root.path)
        #expect(try catalog.names() == ["demo"])
        let ifaces = try catalog.interfaces(ofVNF: "demo")
        #expect(ifaces.map(\.name) == ["e2", "ctl"])
        #expect(ifaces[0].protocol == .e2 && ifaces[0].transports == [.zmq, .sctp])
    }

    /// The shipped example, signed with openssl (docs/vnf-packages.md), verifies with the shipped test key.
    @Test func shippedProbePackageVerifies() throws {
        let repo = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let vnfs = repo.appendingPathComponent("vnfs")
        let trust = try TrustStore.load(path: vnfs.appendingPathComponent("trust").path)
        let pkg = try VNFPackageCatalog(root: vnfs.path).package(named: "probe")
        let verified = try verify(pkg, policy: TrustPolicy(allowedProviders: ["ranlab-test"], requireHashes: true, requireSignatures: true), trust: trust)
        #expect(verified.signature == .verified(provider: "ranlab-test"))
        // The PEM test key that signed it is the one whose public key is trusted.
        let key = try VNFPackageSigner.loadPrivateKey(path: vnfs.appendingPathComponent("test-keys/ranlab-test.pem").path)
        #expect(trust.keys(for: "ranlab-test").map(\.rawRepresentation) == [key.publicKey.rawRepresentation])
    }
}
