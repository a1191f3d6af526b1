import APER
import ArgumentParser
import Foundation

struct PDUCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdu",
        abstract: "Encode, decode and generate protocol PDUs (E2AP, E2SM-KPM, E2SM-RC) in aligned PER.",
        subcommands: [PDUSamplesCommand.self, PDUDecodeCommand.self, PDUEncodeCommand.self]
    )
}

/// JSON settings shared by decode and encode.
enum PDUJSON {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// Reads FILE, or stdin for "-".
    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PDUCommandError("cannot read \(path)")
        }
        return data
    }

    /// A one-line description of a JSON decoding error with its key path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "<top>" : p
        }
        switch error {
        case let .keyNotFound(key, c): return "\(path(c)): missing key \"\(key.stringValue)\""
        case let .typeMismatch(type, c): return "\(path(c)): expected \(type): \(c.debugDescription)"
        case let .valueNotFound(type, c): return "\(path(c)): expected a \(type) value"
        case let .dataCorrupted(c):
            if let underlying = c.underlyingError {
                let detail = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(underlying)"
                return "\(path(c)): \(c.debugDescription) \(detail)"
            }
            return "\(path(c)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Prints `error: …` on one line and exits 1.
func failPDU(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("error: " + message.replacingOccurrences(of: "\n", with: " ") + "\n").utf8))
    exit(1)
}

struct PDUSamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Write one sample PDU per message type to DIR/<protocol>/<MessageName>.aper.")

    @Option(name: .long, help: "Output directory (created if missing).")
    var out: String

    @Option(name: .long, help: "Only this protocol (default: all).")
    var `protocol`: String?

    func run() throws {
        let protocols = try `protocol`.map { [try PDUCatalog.named($0)] } ?? PDUCatalog.protocols
        var total = 0
        for p in protocols {
            let dir = URL(fileURLWithPath: out).appendingPathComponent(p.name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let samples: [(name: String, bytes: [UInt8])]
            do { samples = try p.samples() } catch { failPDU("\(p.name) samples: \(error)") }
            for sample in samples {
                try Data(sample.bytes).write(to: dir.appendingPathComponent(sample.name + "." + p.fileExtension))
                total += 1
            }
            print("\(p.name): \(samples.count) samples in \(dir.path)")
        }
        print("wrote \(total) PDUs")
    }
}

struct PDUDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode an APER PDU and print it as JSON.",
        discussion: "On bad input exits 1 with one line naming the field and the bit offset.")

    @Option(name: .long, help: "e2ap, e2sm-kpm or e2sm-rc.")
    var `protocol`: String

    @Option(name: .long, help: "Message type (E2SM payloads carry no type; default: from the file name).")
    var type: String?

    @Flag(name: .long, help: "The input is hex text rather than binary.")
    var hex = false

    @Argument(help: "The PDU file, or - for standard input.")
    var file: String

    func run() throws {
        do {
            let p = try PDUCatalog.named(`protocol`)
            let type = try p.type(named: self.type, file: file == "-" ? nil : file)
            var bytes = [UInt8](try PDUJSON.read(file))
            if hex {
                guard let parsed = OctetString(hex: String(decoding: bytes, as: UTF8.self)) else { throw PDUCommandError("input is not hex text") }
                bytes = parsed.bytes
            }
            let value: any Encodable
            do {
                value = try type.decode(bytes)
            } catch {
                failPDU("\(type.name): \(error)")
            }
            let json = try PDUJSON.encoder().encode(value)
            print(String(decoding: json, as: UTF8.self))
        } catch let error as PDUCommandError {
            failPDU(error.description)
        }
    }
}

struct PDUEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode a PDU from JSON (as `pdu decode` prints it) to APER.")

    @Option(name: .long, help: "e2ap, e2sm-kpm or e2sm-rc.")
    var `protocol`: String

    @Option(name: .long, help: "Message type (required for E2SM payloads unless the file name tells).")
    var type: String?

    @Option(name: .shortAndLong, help: "Write the PDU here (default: standard output).")
    var output: String?

    @Flag(name: .long, help: "Print hex text instead of binary.")
    var hex = false

    @Argument(help: "The JSON file, or - for standard input.")
    var file: String

    func run() throws {
        do {
            let p = try PDUCatalog.named(`protocol`)
            let jsonName = file == "-" ? nil : file
            let type = try p.type(named: self.type, file: jsonName)
            let data = try PDUJSON.read(file)
            let bytes: [UInt8]
            do {
                bytes = try type.encode(data)
            } catch let error as DecodingError {
                failPDU("\(type.name) JSON: \(PDUJSON.describe(error))")
            } catch {
                failPDU("\(type.name): \(error)")
            }
            let out = hex ? Data((hexString(bytes) + "\n").utf8) : Data(bytes)
            if let output { try out.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(out) }
        } catch let error as PDUCommandError {
            failPDU(error.description)
        }
    }
}
