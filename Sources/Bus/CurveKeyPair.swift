internal import CZeroMQ

/// A CURVE key pair in Z85 text (40 characters each), as `zmq_curve_keypair` makes them.
public struct CurveKeyPair: Sendable, Hashable {
    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) throws(BusError) {
        guard Self.isZ85Key(publicKey) else { throw .security(detail: "public key must be 40 Z85 characters") }
        guard Self.isZ85Key(secretKey) else { throw .security(detail: "secret key must be 40 Z85 characters") }
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A fresh key pair from libzmq (needs libzmq built with libsodium/tweetnacl).
    public static func generate() throws(BusError) -> CurveKeyPair {
        var pub = [CChar](repeating: 0, count: 41)
        var sec = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&pub, &sec) == 0 else {
            throw .security(detail: "libzmq has no CURVE support (zmq_has(\"curve\") is false); install libzmq built with libsodium")
        }
        return try CurveKeyPair(publicKey: String(decoding: pub.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self), secretKey: String(decoding: sec.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    static let z85Alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    static func isZ85Key(_ s: String) -> Bool {
        s.utf8.count == 40 && s.utf8.allSatisfy { z85Alphabet.contains($0) }
    }

    /// Z85 text of a 32-byte binary key.
    static func z85(of key: UnsafeRawBufferPointer) -> String? {
        guard key.count == 32 else { return nil }
        var out = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&out, key.baseAddress!.assumingMemoryBound(to: UInt8.self), 32) != nil else { return nil }
        return String(decoding: out.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// CURVE security for a ZeroMQ channel.
public enum CurveOptions: Sendable, Hashable {
    /// This side is the CURVE server. `allowedClients` (Z85 public keys) restricts who may connect;
    /// nil admits any client that knows the server key.
    case server(keys: CurveKeyPair, allowedClients: Set<String>?)
    /// This side is a CURVE client that must know the server's public key.
    case client(keys: CurveKeyPair, serverPublicKey: String)
}
