import Crypto
import Foundation

/// Key creation, hashing and signing of packages: the functions behind a future `ranlab vnf sign`.
public enum VNFPackageSigner {
    /// A new Ed25519 signing key.
    public static func generateKey() -> Curve25519.Signing.PrivateKey { Curve25519.Signing.PrivateKey() }

    /// The public key as the trust store reads it (base64 of the raw 32 bytes).
    public static func publicKeyText(_ key: Curve25519.Signing.PrivateKey) -> String {
        key.publicKey.rawRepresentation.base64EncodedString()
    }

    /// The private key as `loadPrivateKey` reads it (base64 of the raw 32-byte seed).
    public static func privateKeyText(_ key: Curve25519.Signing.PrivateKey) -> String {
        key.rawRepresentation.base64EncodedString()
    }

    /// PKCS#8 DER prefix of an Ed25519 private key as `openssl genpkey -algorithm ed25519` writes it.
    static let pkcs8Prefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    /// Reads a private key: the raw 32-byte seed as base64 or hex, or an OpenSSL PEM
    /// (`-----BEGIN PRIVATE KEY-----`, PKCS#8 Ed25519).
    public static func privateKey(fromText text: String) throws(TrustStoreError) -> Curve25519.Signing.PrivateKey {
        var body = text
        if text.contains("-----BEGIN") {
            body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        }
        guard var raw = KeyText.decode(body) else { throw TrustStoreError(message: "not a base64, hex or PEM private key") }
        if raw.count == 48, Array(raw.prefix(16)) == pkcs8Prefix { raw = raw.suffix(32) }
        guard raw.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw TrustStoreError(message: "not an Ed25519 private key")
        }
        return key
    }

    public static func loadPrivateKey(path: String) throws(TrustStoreError) -> Curve25519.Signing.PrivateKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw TrustStoreError(message: "\(path): unreadable") }
        do { return try privateKey(fromText: text) } catch { throw TrustStoreError(message: "\(path): \(error.message)") }
    }

    /// Hashes every artifact listed in `directory/vnf.yaml`, rewrites the manifest with those
    /// digests (in canonical form: comments are not kept), and writes `vnf.yaml.sig`: the base64
    /// Ed25519 signature over the exact bytes written. Returns the manifest written.
    @discardableResult
    public static func sign(directory: URL, privateKey: Curve25519.Signing.PrivateKey) throws -> VNFManifest {
        var manifest = try VNFPackage.load(directory: directory).manifest
        for i in manifest.artifacts.indices {
            manifest.artifacts[i].sha256 = try sha256Hex(ofFile: directory.appendingPathComponent(manifest.artifacts[i].path))
        }
        let bytes = Data(manifest.yaml().utf8)
        try bytes.write(to: directory.appendingPathComponent(VNFPackage.manifestFileName), options: .atomic)
        let signature = try privateKey.signature(for: bytes)
        try Data((signature.base64EncodedString() + "\n").utf8)
            .write(to: directory.appendingPathComponent(VNFPackage.signatureFileName), options: .atomic)
        return manifest
    }

    @discardableResult
    public static func sign(directory: String, privateKey: Curve25519.Signing.PrivateKey) throws -> VNFManifest {
        try sign(directory: URL(fileURLWithPath: directory, isDirectory: true), privateKey: privateKey)
    }
}
