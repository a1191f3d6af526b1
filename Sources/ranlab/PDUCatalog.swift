import APER
import Foundation
import E2AP
import E2SMKPM
import E2SMCommon
import E2SMRC
import F1AP
import Fronthaul

/// One message type `ranlab pdu` can decode to JSON and encode from JSON.
struct PDUType: Sendable {
    let name: String
    /// Bytes → a JSON-encodable value; throws APERError (or the protocol's own typed error) on bad input.
    let decode: @Sendable ([UInt8]) throws -> any Encodable
    /// JSON → bytes.
    let encode: @Sendable (Data) throws -> [UInt8]

    /// An aligned-PER type; octets left over after the value are an error.
    static func aper<T: APERValue>(_ name: String, _ type: T.Type) -> PDUType {
        PDUType(
            name: name,
            decode: { bytes in
                var decoder = APERDecoder(bytes)
                let value = try T(aper: &decoder)
                if decoder.remainingBits >= 8 {
                    throw PDUCommandError("\(decoder.remainingBits / 8) octet(s) after the end of the value (bit offset \(decoder.position))")
                }
                return value
            },
            encode: { data in try PDUJSON.decoder().decode(T.self, from: data).aperBytes() })
    }
}

/// The protocols `ranlab pdu` knows: their message types and sample PDUs.
struct PDUProtocol: Sendable {
    let name: String
    let summary: String
    /// File extension of its samples.
    var fileExtension = "aper"
    /// The type used when neither --type nor the file name says (a self-describing frame type).
    var defaultType: String? = nil
    /// Message types by name; a protocol with one self-describing PDU type lists just that.
    let types: [PDUType]
    /// Sample PDUs: a name and the encoded bytes.
    let samples: @Sendable () throws -> [(name: String, bytes: [UInt8])]

    /// The type for `--type NAME`, or for a file named `NAME.<ext>` / `NAME-FormatN.<ext>` / `NAME-variant.<ext>`.
    func type(named requested: String?, file: String?) throws -> PDUType {
        if types.count == 1, requested == nil { return types[0] }
        var candidates: [String] = []
        if let requested { candidates.append(requested) }
        else if let file {
            var base = Substring(file.split(separator: "/").last ?? "")
            if let dot = base.lastIndex(of: ".") { base = base[..<dot] }
            candidates.append(String(base))
            if let dash = base.firstIndex(of: "-") { candidates.append(String(base[..<dash])) }
        }
        for c in candidates {
            if let t = types.first(where: { $0.name == c }) { return t }
        }
        if requested == nil, let defaultType, let t = types.first(where: { $0.name == defaultType }) { return t }
        let known = types.map(\.name).joined(separator: ", ")
        if let requested { throw PDUCommandError("unknown --type \(requested) for \(name); known: \(known)") }
        throw PDUCommandError("\(name) needs --type (one of: \(known)); it cannot be told from the file name")
    }

    /// A fronthaul frame type (eCPRI header + O-RAN CUS-plane payload), default options.
    static func frame<T: FronthaulFrame>(_ name: String, _ type: T.Type) -> PDUType {
        PDUType(
            name: name,
            decode: { bytes in try T(bytes: bytes) },
            encode: { data in try PDUJSON.decoder().decode(T.self, from: data).encode() })
    }

    static func frameType(_ name: String, _ type: any FronthaulFrame.Type) -> PDUType {
        func open<T: FronthaulFrame>(_ t: T.Type) -> PDUType { frame(name, t) }
        return open(type)
    }

    /// A protocol of APER types whose samples are APER values.
    static func aper(_ name: String, _ summary: String, types: [(name: String, type: any APERValue.Type)], samples: @escaping @Sendable () -> [(name: String, value: any APERValue)]) -> PDUProtocol {
        PDUProtocol(
            name: name, summary: summary,
            types: types.map { aperType($0.name, $0.type) },
            samples: { try samples().map { (name: $0.name, bytes: try $0.value.aperBytes()) } })
    }

    private static func aperType(_ name: String, _ type: any APERValue.Type) -> PDUType {
        func open<T: APERValue>(_ t: T.Type) -> PDUType { PDUType.aper(name, t) }
        return open(type)
    }
}

struct PDUCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum PDUCatalog {
    static let protocols: [PDUProtocol] = [
        .aper(
            "e2ap", "E2AP v3.01 (O-RAN.WG3.E2AP), one E2AP-PDU per file",
            types: [(name: "E2AP-PDU", type: E2APPDU.self)],
            samples: { (E2APSamples.all + E2APSamples.causes).map { (name: $0.name, value: $0.pdu as any APERValue) } + PDUCatalog.layeredE2APSamples() }),
        .aper(
            "e2sm-kpm", "E2SM-KPM v3.00 payloads (RAN function definition, event trigger, action definition, indication header/message)",
            types: E2SMKPMCatalog.types, samples: { E2SMKPMCatalog.samples() }),
        .aper(
            "f1ap", "F1AP (3GPP TS 38.473, the release pycrate 0.8.1 compiles), one F1AP-PDU per file",
            types: [(name: "F1AP-PDU", type: F1APPDU.self)],
            samples: { F1APSamples.all.map { (name: $0.name, value: $0.pdu as any APERValue) } }),
        PDUProtocol(
            name: "ecpri", summary: "O-RAN 7.2 CUS-plane over eCPRI (C-plane section types 1 and 3, U-plane, BFP), one frame per file from the eCPRI header on; eAxC split 4/4/4/4, udCompHdr present",
            fileExtension: "ecpri", defaultType: "FronthaulMessage",
            types: FronthaulCatalog.types.map { PDUProtocol.frameType($0.name, $0.type) },
            samples: { try FronthaulCatalog.samples().map { (name: $0.name, bytes: try $0.value.encode()) } }),
        .aper(
            "e2sm-rc", "E2SM-RC v1.03 payloads (RAN function definition, control header/message/outcome)",
            types: E2SMRCCatalog.types, samples: { E2SMRCCatalog.samples() }),
    ]

    /// E2AP messages carrying real E2SM payloads, as ranlab's DU and RIC exchange them: the setup
    /// with the KPM and RC RAN function definitions, a KPM report, and a slice-quota control.
    static func layeredE2APSamples() -> [(name: String, value: any APERValue)] {
        func bytes(_ value: any APERValue) -> OctetString { OctetString((try? value.aperBytes()) ?? []) }
        func kpm(_ name: String) -> any APERValue { E2SMKPMCatalog.samples().first { $0.name == name }!.value }
        let request = RICrequestID(ricRequestorID: 1001, ricInstanceID: 1)
        var out: [(name: String, value: any APERValue)] = []
        if case var .e2setupRequest(setup) = E2APSamples.all.first(where: { $0.name == "E2setupRequest" })?.pdu.message {
            setup.ranFunctionsAdded = [
                RANfunctionItem(ranFunctionID: 2, ranFunctionDefinition: bytes(kpm("RANfunctionDescription")), ranFunctionRevision: 1, ranFunctionOID: "1.3.6.1.4.1.53148.1.1.2.2"),
                RANfunctionItem(ranFunctionID: 3, ranFunctionDefinition: bytes(SliceQuotaControl.ranFunctionDefinition()), ranFunctionRevision: 1, ranFunctionOID: "1.3.6.1.4.1.53148.1.1.2.3"),
            ]
            out.append((name: "E2setupRequest-ranlabDU", value: E2APPDU(setup)))
        }
        out.append((name: "RICindication-KPM", value: E2APPDU(RICindication(
            ricRequestID: request, ranFunctionID: 2, ricActionID: 1, ricIndicationSN: 1, ricIndicationType: .report,
            ricIndicationHeader: bytes(kpm("IndicationHeader-Format1")), ricIndicationMessage: bytes(kpm("IndicationMessage-Format1"))))))
        let quotas = [
            try! SlicePRBQuota(plmn: PLMNIdentity([0x00, 0xF1, 0x10]), sst: 1, sd: SD([0x00, 0x00, 0x01]), minPRBPolicyRatio: 20, maxPRBPolicyRatio: 80, dedicatedPRBPolicyRatio: 10),
            try! SlicePRBQuota(plmn: PLMNIdentity([0x00, 0xF1, 0x10]), sst: 2, minPRBPolicyRatio: 5, maxPRBPolicyRatio: 50, dedicatedPRBPolicyRatio: 0),
        ]
        out.append((name: "RICcontrolRequest-RCSliceQuota", value: E2APPDU(RICcontrolRequest(
            ricRequestID: request, ranFunctionID: 3, ricControlHeader: bytes(SliceQuotaControl.header(ueID: nil)),
            ricControlMessage: bytes(SliceQuotaControl.message(quotas)), ricControlAckRequest: .ack))))
        return out
    }

    static func named(_ name: String) throws -> PDUProtocol {
        guard let p = protocols.first(where: { $0.name == name }) else {
            throw PDUCommandError("unknown protocol \(name); known: \(protocols.map(\.name).joined(separator: ", "))")
        }
        return p
    }
}
