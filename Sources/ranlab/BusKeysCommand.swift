import ArgumentParser
import Bus

struct BusKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Generate a CURVE key pair (Z85).")

    func run() throws {
        let keys = try CurveKeyPair.generate()
        print("public: \(keys.publicKey)")
        print("secret: \(keys.secretKey)")
    }
}
