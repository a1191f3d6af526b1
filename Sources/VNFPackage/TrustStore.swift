import Crypto
import Foundation
import Yams

/// Ed25519 public keys of the providers whose signatures are trusted.
///
/// On disk either a directory of `<provider>.pub` files (each non-empty line not starting
/// with `#` is one key; other files are ignored), or a YAML file mapping each provider to a
/// key or a list of keys. A key is the raw 32-byte Ed25519 public key as base64 or 64 hex digits.
public struct TrustStore: Sendable {
    public private(set) var keys: [String: [Curve25519.Signing.PublicKey]]

    public init(keys: [String: [Curve25519.Signing.PublicKey]] = [:]) { self.keys = keys }

    public func keys(for provider: String) -> [Curve25519.Signing.PublicKey] { keys[provider] ?? [] }

    public var providers: [String] { keys.keys.sorted() }

    public mutating func add(_ key: Curve25519.Signing.PublicKey, for provider: String) {
        keys[provider, default: []].append(key)
    }

    /// Decodes a public key written as base64 or hex.
    public static func publicKey(fromText text: String) throws(TrustStoreError) -> Curve25519.Signing.PublicKey {
        guard let raw = KeyText.decode(text), raw.count == 32,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else { throw TrustStoreError(message: "not an Ed25519 public key (32 bytes as base64 or 64 hex digits)") }
        return key
    }

    public static func load(path: String) throws(TrustStoreError) -> TrustStore {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw TrustStoreError(message: "\(path): no such trust store")
        }
        return isDir.boolValue ? try loadDirectory(path) : try loadYAML(path)
    }

    static func loadDirectory(_ path: String) throws(TrustStoreError) -> TrustStore {
        var store = TrustStore()
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw TrustStoreError(message: "\(path): \(error.localizedDescription)")
        }
        for name in names.sorted() where name.hasSuffix(".pub") {
            let file = (path as NSString).appendingPathComponent(name)
            let provider = String(name.dropLast(4))
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw TrustStoreError(message: "\(file): unreadable")
            }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("#") { continue }
                do { store.add(try publicKey(fromText: t), for: provider) } catch {
                    throw TrustStoreError(message: "\(file):\(n + 1):1: \(error.message)")
                }
            }
        }
        return store
    }

    static func loadYAML(_ path: String) throws(TrustStoreError) -> TrustStore {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TrustStoreError(message: "\(path): unreadable")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw TrustStoreError(message: "\(path): YAML: \(error)") }
        var store = TrustStore()
        guard let root else { return store }
        func at(_ node: Node) -> String { node.mark.map { "\(path):\($0.line):\($0.column)" } ?? path }
        guard case let .mapping(m) = root else { throw TrustStoreError(message: "\(at(root)): trust store must map provider to key(s)") }
        for (k, v) in m {
            guard case let .scalar(provider) = k else { throw TrustStoreError(message: "\(at(k)): provider must be a string") }
            let keyNodes: [Node]
            switch v {
            case .scalar: keyNodes = [v]
            case let .sequence(s): keyNodes = Array(s)
            default: throw TrustStoreError(message: "\(at(v)): expected a key or a list of keys")
            }
            for kn in keyNodes {
                guard case let .scalar(s) = kn else { throw TrustStoreError(message: "\(at(kn)): key must be a string") }
                do { store.add(try publicKey(fromText: s.string), for: provider.string) } catch {
                    throw TrustStoreError(message: "\(at(kn)): \(error.message)")
                }
            }
        }
        return store
    }
}

public struct TrustStoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
