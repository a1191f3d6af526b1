import APER
import E2AP
import E2SMKPM
import E2SMRC

/// The protocols `ranlab pdu` knows: their message types and sample values.
struct PDUProtocol: Sendable {
    let name: String
    let summary: String
    /// Message types by name; a protocol with one self-describing PDU type lists just that.
    let types: [(name: String, type: any APERValue.Type)]
    let samples: @Sendable () -> [(name: String, value: any APERValue)]

    /// The type for `--type NAME`, or for a file named `NAME.aper` / `NAME-FormatN.aper` / `NAME-variant.aper`.
    func type(named requested: String?, file: String?) throws -> (name: String, type: any APERValue.Type) {
        if types.count == 1, requested == nil { return types[0] }
        var candidates: [String] = []
        if let requested { candidates.append(requested) }
        else if let file {
            var base = Substring(file.split(separator: "/").last ?? "")
            if base.hasSuffix(".aper") { base = base.dropLast(5) }
            candidates.append(String(base))
            if let dash = base.firstIndex(of: "-") { candidates.append(String(base[..<dash])) }
        }
        for c in candidates {
            if let t = types.first(where: { $0.name == c }) { return t }
        }
        let known = types.map(\.name).joined(separator: ", ")
        if let requested { throw PDUCommandError("unknown --type \(requested) for \(name); known: \(known)") }
        throw PDUCommandError("\(name) needs --type (one of: \(known)); it cannot be told from the file name")
    }
}

struct PDUCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum PDUCatalog {
    static let protocols: [PDUProtocol] = [
        PDUProtocol(
            name: "e2ap", summary: "E2AP v3.01 (O-RAN.WG3.E2AP), one E2AP-PDU per file",
            types: [(name: "E2AP-PDU", type: E2APPDU.self)],
            samples: { E2APSamples.all.map { (name: $0.name, value: $0.pdu as any APERValue) } }),
        PDUProtocol(
            name: "e2sm-kpm", summary: "E2SM-KPM v3.00 payloads (RAN function definition, event trigger, action definition, indication header/message)",
            types: E2SMKPMCatalog.types, samples: { E2SMKPMCatalog.samples() }),
        PDUProtocol(
            name: "e2sm-rc", summary: "E2SM-RC v1.03 payloads (RAN function definition, control header/message/outcome)",
            types: E2SMRCCatalog.types, samples: { E2SMRCCatalog.samples() }),
    ]

    static func named(_ name: String) throws -> PDUProtocol {
        guard let p = protocols.first(where: { $0.name == name }) else {
            throw PDUCommandError("unknown protocol \(name); known: \(protocols.map(\.name).joined(separator: ", "))")
        }
        return p
    }
}
